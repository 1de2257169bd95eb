// The shipped attribution tagger (models/attribution-model.json + .bin, built by
// scripts/train-attribution.ts) applied to a document's sentences: Source / Cue /
// Content spans grouped into attributions, one per cue.
import defaultArtifact from '../../../../models/attribution-model.json';
import type { Sentence, Span } from '../types';
import { findByOffset, type Token } from '../text';
import { cueWordFilter, mentionCodes, ruleCodes, wordTable, type CueWordFilter } from './features';
import { readModelBytes } from '../modelFiles';
import { loadAttributionModel, sentenceWords, tagSentence, type AttributionModel, type AttributionModelArtifact, type RoleSpan } from './model';

let defaultModel: AttributionModel | undefined;

/** The shipped model, decoded on first use. */
export function attributionModel(): AttributionModel {
  if (!defaultModel) {
    const artifact = defaultArtifact as AttributionModelArtifact;
    defaultModel = loadAttributionModel(artifact, readModelBytes(artifact.binary));
  }
  return defaultModel;
}

/** One attribution the tagger proposes: a cue, the source nearest to it, the content it heads. */
export interface ProposedAttribution {
  sentence: number;
  cue: Span;
  source?: Span;
  contents: Span[];
}

/** A span the rules found, shown to the tagger as a feature. */
export interface RuleSpan {
  span: Span;
  role: 'Source' | 'Cue' | 'Content';
}

// Mention and rule codes of the sentence being tagged, reused (tagging is synchronous).
const codeBuffers = { mention: new Int8Array(256), rule: new Int8Array(256) };
let quoteFlagBuffer: boolean[] = [];

/**
 * Tags one sentence and groups its spans: each Content span goes to the nearest cue, and
 * each cue takes the nearest Source span (the left one on a tie).
 */
export function proposeForSentence(
  si: number,
  sentence: Sentence,
  tokens: readonly Token[],
  quotes: ReadonlyArray<{ span: Span }>,
  mentions: ReadonlyArray<{ span: Span; kind: number }>,
  ruleSpans: readonly RuleSpan[],
  model: AttributionModel = attributionModel(),
  /** Which tokens sit inside quotation marks, if the caller knows (as quoteFlags finds them; at least tokens.length long). */
  quoted?: readonly boolean[],
): ProposedAttribution[] {
  // Every answer, empty or not, is this one array literal: callers loop over it, and
  // arrays from one literal share one array map (an empty [] elsewhere, or one made by
  // map, would have another, which deoptimises the callers' loops).
  const groups: ProposedAttribution[] = [];
  if (tokens.length === 0) return groups;
  const sp = sentence.span;
  const inQuote = quoted ?? quoteFlags(tokens, quotes, sp);
  // A sentence with no cue-like word outside quotation marks and no rule cue reports
  // nothing the tagger would find often enough to pay for tagging it.
  const ruleCue = ruleSpans.some((r) => r.role === 'Cue');
  // Only the words that pass the cheap filter are looked up for that (a third of the bench's
  // sentences have none, and a fifth of the rest no cue word among them): the whole
  // sentence's words only for a sentence that is tagged.
  if (!ruleCue && !hasCueWord(tokens, inQuote, cueWordFilter(model.cueWords), model)) return groups;
  const words = sentenceWords(model, tokens);
  if (codeBuffers.mention.length < tokens.length) codeBuffers.mention = new Int8Array(tokens.length * 2);
  if (codeBuffers.rule.length < tokens.length) codeBuffers.rule = new Int8Array(tokens.length * 2);
  const mention = mentionCodes(tokens, mentions, Math.max(0, findByOffset(mentions, sp.start)), codeBuffers.mention);
  const spans = tagSentence(model, tokens, inQuote, mention, ruleCodes(tokens, ruleSpans, codeBuffers.rule), words);
  const cues = spans.filter((s) => s.role === 'Cue');
  if (cues.length === 0) return groups;
  const sources = spans.filter((s) => s.role === 'Source');
  for (const c of cues) {
    const source = nearest(sources, c);
    groups.push({ sentence: si, cue: charSpan(tokens, c), source: source ? charSpan(tokens, source) : undefined, contents: [] });
  }
  for (const content of spans) {
    if (content.role !== 'Content') continue;
    const c = nearest(cues, content);
    if (c) groups[cues.indexOf(c)].contents.push(charSpan(tokens, content));
  }
  return groups;
}

/**
 * Is a word outside quotation marks one of the model's cue-like words? Words the filter
 * rules out (it passes every cue word) are not looked up.
 */
function hasCueWord(tokens: readonly Token[], inQuote: readonly boolean[], filter: CueWordFilter, model: AttributionModel): boolean {
  const table = wordTable(model.cueWords, model.bits);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (inQuote[k] || !t.word || !filter.mayBeCueWord(t.text)) continue;
    if (table.cue[table.idOf(t.text)] === 1) return true;
  }
  return false;
}

function gap(a: RoleSpan, b: RoleSpan): number {
  return a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0;
}

function nearest(candidates: readonly RoleSpan[], to: RoleSpan): RoleSpan | undefined {
  let best: RoleSpan | undefined;
  let bestGap = Infinity;
  for (const c of candidates) {
    const g = gap(c, to);
    if (g < bestGap) {
      best = c;
      bestGap = g;
    }
  }
  return best;
}

function charSpan(tokens: readonly Token[], s: RoleSpan): Span {
  return { start: tokens[s.first].start, end: tokens[s.last].end };
}

/**
 * Which tokens sit inside quotation marks (only the marks near the sentence are looked at):
 * the first tokens.length flags of a reused array.
 */
export function quoteFlags(tokens: readonly Token[], quotes: ReadonlyArray<{ span: Span }>, sp: Span): boolean[] {
  if (quoteFlagBuffer.length < tokens.length) {
    // Pushed, not new Array(n).fill: a packed array, the kind the callers' own flags are
    // (the scoring loop reads both kinds; one kind keeps its element loads monomorphic).
    const grown: boolean[] = [];
    for (let k = 0; k < tokens.length * 2; k++) grown.push(false);
    quoteFlagBuffer = grown;
  }
  const flags = quoteFlagBuffer;
  // Quotations are sorted and do not nest: the one before the sentence may run into it.
  let q = Math.max(0, findByOffset(quotes, sp.start));
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    while (q < quotes.length && quotes[q].span.end <= t.start) q++;
    flags[k] = q < quotes.length && quotes[q].span.start <= t.start && t.end <= quotes[q].span.end;
  }
  return flags;
}
