// What the attribution tagger is shown at run time, recorded for training
// (scripts/train-attribution.ts --runtime-features). attribution.ts hands the tagger each
// body sentence's rule spans as the rules stand at that moment (the cues found, their
// sources, the sentence's quotations), before the later passes (settleDirect, late
// appositives, the headline, the closing-comma and weekday fixes) change them; the final
// analysis.quotes that training read otherwise are those after the passes.
//
// Must be imported before anything that loads server/src/analysis/attribution.ts: it
// swaps the module record of attributionModel/index in the require cache for a copy whose
// proposeForSentence records its inputs (and proposes nothing while recording, so the
// rules run as they do on their own).
import * as path from 'node:path';
import * as taggerModule from '../server/src/analysis/attributionModel/index';
import { mentionCodes, ruleCodes } from '../server/src/analysis/attributionModel/features';
import { findByOffset, type Token } from '../server/src/analysis/text';

/** One sentence's features as the runtime computed them. */
export interface RuntimeSentenceFeatures {
  tokens: readonly Token[];
  inQuote: boolean[];
  mention: Int8Array;
  rule: Int8Array;
}

/** Sentence index → its features, for the analyze() call running now (undefined: not recording). */
let recording: Map<number, RuntimeSentenceFeatures> | undefined;

const realPropose = taggerModule.proposeForSentence;
const patched: typeof taggerModule = {
  ...taggerModule,
  proposeForSentence(si, sentence, tokens, quotes, mentions, ruleSpans, model, quoted) {
    if (!recording) return realPropose(si, sentence, tokens, quotes, mentions, ruleSpans, model, quoted);
    // As proposeForSentence computes them; copied now (the spans and buffers change later).
    const inQuote = (quoted ?? taggerModule.quoteFlags(tokens, quotes, sentence.span)).slice(0, tokens.length);
    const mention = mentionCodes(tokens, mentions, Math.max(0, findByOffset(mentions, sentence.span.start)));
    recording.set(si, { tokens: tokens.slice(), inQuote, mention, rule: ruleCodes(tokens, ruleSpans) });
    return [];
  },
};
const resolved = require.resolve(path.join(__dirname, '../server/src/analysis/attributionModel/index'));
const cached = require.cache[resolved];
if (!cached) throw new Error('attribution-runtime-features: attributionModel/index is not in the require cache');
cached.exports = patched;

/** Runs `analyze` while recording what the tagger would be shown, per sentence index. */
export function recordRuntimeFeatures(analyze: () => void): Map<number, RuntimeSentenceFeatures> {
  const recorded = new Map<number, RuntimeSentenceFeatures>();
  recording = recorded;
  try {
    analyze();
  } finally {
    recording = undefined;
  }
  return recorded;
}
