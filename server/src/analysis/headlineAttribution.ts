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
