// Attributions that name no source: "The plan seems to work", "Quill is expected to
// resign". PolNeAR marks the verb as the cue and the subject plus the "to" clause as
// the content (two pieces around the cue), with no Source.
import type { Span } from './types';
import type { Token } from './text';

export interface SourcelessAttribution {
  cue: Span;
  /** The subject before the cue and the "to …" clause after it; the subject may be missing. */
  contents: Span[];
}

const RAISING_VERBS = new Set(['seems', 'seemed', 'appears', 'appeared', 'seem', 'appear']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were']);
/** Adverbs PolNeAR keeps inside "is widely expected", "is not expected". */
const EXPECTED_ADVERBS = new Set(['widely', 'not', 'also', 'still', 'generally']);
/** Words before a raising verb that the cue takes along ("has seemed", "often seems"). */
const RAISING_AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'often', 'now', 'still']);
/** Words that end the subject when walking back from the cue. */
const CLAUSE_BREAKS = new Set(
  ('that|and|but|or|because|while|although|though|if|when|as|since|so|after|before|where|whether|than|yet|said|says|say|' +
    'is|are|was|were|has|have|had|did|does|do|can|could|would|will|may|might|should|must|not|never|in|on|at|during|' +
    'support|supports|think|thinks|believe|believes|glad').split('|'),
);
const RELATIVES = new Set(['who', 'which', 'that']);
const CLAUSE_AFTER_COMMA = new Set('but|as|while|which|who|according|and|with|although|though|because|sending|saying|including'.split('|'));
const MAX_SUBJECT_TOKENS = 14;

/**
 * Finds "X seems to …" / "X is expected to …" in one sentence's tokens. `inQuote` marks
 * tokens inside quotation marks; `end` is where the sentence's words end (before its
 * closing punctuation).
 */
export function findSourcelessAttributions(tokens: readonly Token[], inQuote: readonly boolean[], end: number): SourcelessAttribution[] {
  const out: SourcelessAttribution[] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if (!t.word || inQuote[k] || tokens[k + 1].text !== 'to' || inQuote[k + 1]) continue;
    let first = k;
    if (RAISING_VERBS.has(t.text)) {
      while (first > 0 && k - first < 2 && tokens[first - 1].word && RAISING_AUXILIARIES.has(tokens[first - 1].text)) first--;
    } else if (t.text === 'expected') {
      let b = k - 1;
      if (b > 0 && EXPECTED_ADVERBS.has(tokens[b].text)) b--;
      if (!BE_FORMS.has(tokens[b].text)) continue;
      first = b;
    } else continue;
    if (first === 0) continue;
    const cue = { start: tokens[first].start, end: t.end };
    const contents: Span[] = [];
    const subject = subjectBefore(tokens, inQuote, first);
    if (subject) contents.push(subject);
    // The "to" clause runs to the sentence's end or its first semicolon.
    let last = k + 1;
    for (let j = k + 2; j < tokens.length && tokens[j].end <= end; j++) {
      const w = tokens[j].text;
      if (w === ';' || w === '—' || w === '–' || w === ':' || (w === '-' && tokens[j + 1]?.text === '-')) break;
      // ", but …", ", as …", ", according to …": a new clause or an aside.
      if (w === ',' && CLAUSE_AFTER_COMMA.has(tokens[j + 1]?.text ?? '')) break;
      last = j;
    }
    if (last <= k + 1) continue;
    contents.push({ start: tokens[k + 1].start, end: tokens[last].end });
    out.push({ cue, contents });
  }
  return out;
}

/** The noun phrase right before the cue: a relative pronoun, or the words back to a clause break. */
function subjectBefore(tokens: readonly Token[], inQuote: readonly boolean[], cueFirst: number): Span | undefined {
  const before = tokens[cueFirst - 1];
  if (!before.word) return undefined;
  if (RELATIVES.has(before.text)) return { start: before.start, end: before.end };
  let a = cueFirst - 1;
  while (a > 0 && cueFirst - a < MAX_SUBJECT_TOKENS) {
    const prev = tokens[a - 1];
    if (inQuote[a - 1]) break;
    if (prev.word) {
      if (CLAUSE_BREAKS.has(prev.text)) break;
    } else if (!(prev.text === '-' || prev.text === '.' || prev.text === '&' || prev.text === '’' || prev.text === "'")) break;
    a--;
  }
  if (cueFirst - a >= MAX_SUBJECT_TOKENS || CLAUSE_BREAKS.has(tokens[a].text.toLowerCase())) return undefined;
  return { start: tokens[a].start, end: before.end };
}
