// Headline attributions: "Quill: Harbour Budget Is ‘a Disgrace’." — a short name before a
// colon that opens the headline is the speaker, the colon is the cue and the rest of the
// line is what was said (PolNeAR marks headlines this way). Labels that only introduce
// the headline ("Breaking:", "The Latest:", "Update:") are not speakers.
import type { DocumentStructure, Span } from './types';
import { isSpaceCode } from './text';

export interface HeadlineAttribution {
  source: Span;
  cue: Span;
  content: Span;
}

/** Words that open a headline label rather than name a speaker. */
const LABEL_WORDS = new Set(
  ('the|breaking|exclusive|update|updated|watch|video|live|analysis|opinion|editorial|revealed|look|wow|boom|' +
    'busted|bombshell|just|byline|paid|big|monday’s|tuesday’s|wednesday’s|thursday’s|friday’s|saturday’s|sunday’s|' +
    "monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's|fact|photos|photo|podcast|" +
    'delegate|spoiler|beyond|why|how|what|when|who|where|read|listen|new|latest|first|exclusive–|more').split('|'),
);
const MAX_SPEAKER_WORDS = 5;
const MAX_HEADLINE_CHARS = 240;

/** The headline line: the first headline paragraph, or a short one-line opening paragraph. */
function headlineSpan(text: string, structure: DocumentStructure): Span | undefined {
  const paragraphs = structure.paragraphs;
  const headline = paragraphs.find((p) => p.kind === 'headline');
  const first = headline ?? (paragraphs[0]?.kind === 'body' ? paragraphs[0] : undefined);
  if (!first) return undefined;
  const { start, end } = first.span;
  if (end - start > MAX_HEADLINE_CHARS) return undefined;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) return undefined;
  return { start, end };
}

export function findHeadlineAttribution(text: string, structure: DocumentStructure): HeadlineAttribution | undefined {
  const line = headlineSpan(text, structure);
  if (!line) return undefined;
  let start = line.start;
  while (start < line.end && isSpaceCode(text.charCodeAt(start))) start++;
  // The colon: the first one, followed by a space, within the first few words.
  let colon = -1;
  let words = 0;
  let inWord = false;
  for (let i = start; i < line.end && i - start < 80; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) {
      if (i + 1 < line.end && isSpaceCode(text.charCodeAt(i + 1))) colon = i;
      break;
    }
    // A sentence end or another clause mark before the colon: not a speaker label.
    if (c === 46 && i + 1 < line.end && isSpaceCode(text.charCodeAt(i + 1)) && words > 2) return undefined;
    if (c === 59 || c === 33 || c === 63 || c === 44) return undefined;
    const space = isSpaceCode(c);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  if (colon <= start || words > MAX_SPEAKER_WORDS) return undefined;
  const speaker = text.slice(start, colon);
  const firstWord = speaker.split(/\s+/, 1)[0].toLowerCase();
  // A speaker is named with a capital; an all-capitals label ("BREAKING", "BYLINE") is not one.
  if (!/^[A-Z]/.test(speaker) || LABEL_WORDS.has(firstWord) || (speaker.length > 3 && speaker === speaker.toUpperCase())) return undefined;
  // "Clinton on Taxes:" or "Quill to Voters:" name a topic or an audience: left to the tagger.
  if (/\s(on|to|at|about|for|in|vs\.?)\s/i.test(` ${speaker} `.slice(1))) return undefined;
  let contentStart = colon + 1;
  while (contentStart < line.end && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
  let contentEnd = line.end;
  while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
  // The headline's full stop is not part of what was said (one inside the marks is).
  if (text.charCodeAt(contentEnd - 1) === 46) contentEnd--;
  if (contentEnd - contentStart < 3) return undefined;
  return { source: { start, end: colon }, cue: { start: colon, end: colon + 1 }, content: { start: contentStart, end: contentEnd } };
}

/** Labels in capitals that head a paragraph without naming a speaker. */
const NOT_SPEAKER_LABELS = new Set(
  ('UPDATE|UPDATED|BYLINE|EXCLUSIVE|EMAIL|BOOM|BUSTED|BREAKING|LOOK|WATCH|NOTE|CORRECTION|CLARIFICATION|' +
    "EDITOR'S NOTE|EDITOR’S NOTE|FIX IS IN|STAT OF THE WEEK|SOURCE|SOURCES|PHOTO|PHOTOS|VIDEO|READ MORE|RELATED|" +
    'WASHINGTON|NEW YORK|Q|A').split('|'),
);
const MAX_LABEL_CHARS = 30;

/**
 * Transcript turns: paragraphs that open with a speaker's name in capitals and a colon
 * ("QUILL: We will rebuild the pier."), optionally after an opening quotation mark. Only
 * a document with at least two such turns is read as a transcript.
 */
export function findTranscriptTurns(text: string, structure: DocumentStructure): HeadlineAttribution[] {
  const turns: HeadlineAttribution[] = [];
  for (const paragraph of structure.paragraphs) {
    if (paragraph.kind !== 'body') continue;
    const { start, end } = paragraph.span;
    let i = start;
    const open = text.charCodeAt(i);
    if (open === 34 || open === 0x201c) i++;
    const labelStart = i;
    let capitals = 0;
    while (i < end && i - labelStart <= MAX_LABEL_CHARS) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) capitals++;
      else if (!(c === 32 || c === 46 || c === 39 || c === 0x2019 || c === 45)) break;
      i++;
    }
    if (text.charCodeAt(i) !== 58 || !isSpaceCode(text.charCodeAt(i + 1)) || capitals < 2) continue;
    let labelEnd = i;
    while (labelEnd > labelStart && isSpaceCode(text.charCodeAt(labelEnd - 1))) labelEnd--;
    if (NOT_SPEAKER_LABELS.has(text.slice(labelStart, labelEnd))) continue;
    let contentStart = i + 1;
    while (contentStart < end && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd - contentStart < 2) continue;
    turns.push({ source: { start: labelStart, end: labelEnd }, cue: { start: i, end: i + 1 }, content: { start: contentStart, end: contentEnd } });
  }
  return turns.length >= 2 ? turns : [];
}

/** Title-case cue verbs of headlines that take what follows as their content ("Quill Says …", "New Poll Shows …"). */
const HEADLINE_CUE_VERBS = new Set(
  'Says|Say|Said|Shows|Show|Showed|Finds|Found|Reveals|Revealed|Claims|Warns|Urges|Slams|Blasts|Admits|Predicts|Insists|Wants|Thinks|Believes|Argues|Suggests'.split('|'),
);
/** The cue verbs' first code units, and their longest length (a full stop may follow the last word): most words fail these before being sliced. */
const HEADLINE_CUE_VERB_INITIALS = new Set(Array.from(HEADLINE_CUE_VERBS, (w) => w.charCodeAt(0)));
const LONGEST_HEADLINE_CUE_VERB = Math.max(...Array.from(HEADLINE_CUE_VERBS, (w) => w.length));
/** Words that open a headline without naming its source ("How Quill Says …"). */
const NOT_HEADLINE_SOURCE = new Set('how|why|what|when|who|where|watch|video|breaking|exclusive|wow|boom|if|after|before|as|while'.split('|'));
const MAX_HEADLINE_SOURCE_WORDS = 5;

/** Is the word a headline's title-case source word ("Former", "White", "Graham’s", "9/11")? */
function isTitleWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * "New Poll Shows Minor Bump For Quill." / "Pier Will Open in May, Harbour Chief Says." —
 * a title-case speech or finding verb in the headline, its title-case source right before
 * it (the whole line's start, or the words after a comma when the verb ends the line) and
 * the rest of the clause as the content. undefined: no such headline.
 */
export function findHeadlineVerbAttribution(text: string, structure: DocumentStructure): HeadlineAttribution | undefined {
  const line = headlineSpan(text, structure);
  if (!line) return undefined;
  // The line's words with their offsets (a headline is at most MAX_HEADLINE_CHARS long).
  const words: Span[] = [];
  for (let i = line.start; i < line.end; ) {
    while (i < line.end && isSpaceCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < line.end && !isSpaceCode(text.charCodeAt(i))) i++;
    if (i > start) words.push({ start, end: i });
  }
  const word = (k: number) => text.slice(words[k].start, words[k].end);
  let lineEnd = line.end;
  while (lineEnd > line.start && isSpaceCode(text.charCodeAt(lineEnd - 1))) lineEnd--;
  for (let k = 1; k < words.length; k++) {
    if (words[k].end - words[k].start > LONGEST_HEADLINE_CUE_VERB + 1 || !HEADLINE_CUE_VERB_INITIALS.has(text.charCodeAt(words[k].start))) continue;
    let w = word(k);
    const last = k === words.length - 1;
    if (last && w.endsWith('.')) w = w.slice(0, -1);
    if (!HEADLINE_CUE_VERBS.has(w)) continue;
    const cue = { start: words[k].start, end: words[k].start + w.length };
    // The source: title-case words back to a comma or the line's start.
    let a = k;
    while (a > 0 && k - a < MAX_HEADLINE_SOURCE_WORDS && isTitleWord(word(a - 1)) && !word(a - 1).endsWith(',')) a--;
    if (a === k) return undefined;
    if (NOT_HEADLINE_SOURCE.has(word(a).toLowerCase())) return undefined;
    const source = { start: words[a].start, end: words[k - 1].end };
    if (last) {
      // "…, Harbour Chief Says.": the content is the line before the comma.
      if (a === 0 || !word(a - 1).endsWith(',')) return undefined;
      const content = { start: words[0].start, end: words[a - 1].end - 1 };
      return content.end - content.start >= 3 ? { source, cue, content } : undefined;
    }
    if (a !== 0) return undefined;
    // "Quill Says The Pier Will Open, Calls …": the content runs to a comma or a dash.
    let end = lineEnd;
    for (let j = k + 1; j < words.length; j++) {
      const wj = word(j);
      if (wj === '–' || wj === '—' || wj === '-' || wj === '--') {
        end = words[j - 1].end;
        break;
      }
      if (wj.endsWith(',') && j < words.length - 1) {
        end = words[j].end - 1;
        break;
      }
    }
    if (end === lineEnd && text.charCodeAt(end - 1) === 46) end--;
    const content = { start: words[k + 1]?.start ?? end, end };
    return content.end - content.start >= 3 ? { source, cue, content } : undefined;
  }
  return undefined;
}
