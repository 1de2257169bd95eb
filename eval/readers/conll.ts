// CoNLL-2003 reader: one token a line (`token POS chunk NER`, IOB2 or IOB1), blank line
// between sentences, `-DOCSTART-` between documents. Rebuilds each document as an article:
// headline lines, then the dateline, then one sentence a paragraph (as Reuters wire copy
// is laid out), with a token→offset map so the gold spans become character spans.
import type { EntityType, GoldDocument, TypedSpan } from '../spans';

const GOLD_TYPES: Record<string, EntityType | undefined> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

/** Tokens written against the previous token (no space before). */
const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|\.\.\.|'s|'S|'re|'ve|'ll|'d|'m|n't|N'T|')$/;
/** Tokens written against the next token (no space after). */
const NO_SPACE_AFTER = /^[([{$]$/;
/** "LONDON 1996-08-30": a wire dateline sentence. */
const DATELINE = /^[A-Z][A-Za-z .'&-]{0,60} \d{4}-\d{2}-\d{2}$/;

interface ConllToken {
  text: string;
  tag: string;
}

/** Joins one sentence's tokens; returns the text and each token's offset within it. */
export function detokenize(tokens: string[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let openDoubleQuote = false;
  let glueNext = true;
  for (const token of tokens) {
    let glue = glueNext || NO_SPACE_BEFORE.test(token);
    let nextGlue = NO_SPACE_AFTER.test(token);
    if (token === '"') {
      // Straight double quotes alternate: an opening one sticks to what follows,
      // a closing one to what precedes.
      if (openDoubleQuote) glue = true;
      else nextGlue = true;
      openDoubleQuote = !openDoubleQuote;
    }
    if (!glue) text += ' ';
    offsets.push(text.length);
    text += token;
    glueNext = nextGlue;
  }
  return { text, offsets };
}

/** Reads IOB1/IOB2 tags into token-index mentions [start, end). */
export function iobMentions(tags: string[]): { type: string; start: number; end: number }[] {
  const mentions: { type: string; start: number; end: number }[] = [];
  let current: { type: string; start: number; end: number } | undefined;
  tags.forEach((tag, index) => {
    const [prefix, type] = tag === 'O' || tag.length < 2 ? ['O', ''] : [tag[0], tag.slice(2)];
    const continues = prefix === 'I' && current !== undefined && current.type === type;
    if (current && !continues) {
      mentions.push(current);
      current = undefined;
    }
    if (prefix === 'B' || (prefix === 'I' && !continues)) current = { type, start: index, end: index + 1 };
    else if (continues && current) current.end = index + 1;
  });
  if (current) mentions.push(current);
  return mentions;
}

function buildDocument(id: string, sentences: ConllToken[][]): GoldDocument {
  const rebuilt = sentences.map((sentence) => detokenize(sentence.map((t) => t.text)));
  // The header is the headline line(s) up to and including a dateline among the first
  // four sentences; without a dateline, only the first line is a headline.
  const datelineIndex = rebuilt.slice(0, 4).findIndex((r) => DATELINE.test(r.text));
  const lastHeaderIndex = datelineIndex >= 0 ? datelineIndex : 0;
  let text = '';
  const entities: TypedSpan[] = [];
  sentences.forEach((sentence, index) => {
    if (index > 0) text += index <= lastHeaderIndex ? '\n' : '\n\n';
    const base = text.length;
    const { text: sentenceText, offsets } = rebuilt[index];
    text += sentenceText;
    for (const mention of iobMentions(sentence.map((t) => t.tag))) {
      const type = GOLD_TYPES[mention.type];
      if (!type) continue;
      const lastToken = sentence[mention.end - 1].text;
      entities.push({ type, start: base + offsets[mention.start], end: base + offsets[mention.end - 1] + lastToken.length });
    }
  });
  return { id, text: text + '\n', entities };
}

/** Parses a CoNLL-2003 file's content into documents. */
export function parseConll(content: string, name = 'conll'): GoldDocument[] {
  const documents: GoldDocument[] = [];
  let sentences: ConllToken[][] = [];
  let sentence: ConllToken[] = [];
  const flushSentence = () => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
  };
  const flushDocument = () => {
    flushSentence();
    if (sentences.length > 0) documents.push(buildDocument(`${name}#${documents.length + 1}`, sentences));
    sentences = [];
  };
  for (const rawLine of content.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      flushSentence();
      continue;
    }
    const fields = line.split(/\s+/);
    if (fields[0] === '-DOCSTART-') {
      flushDocument();
      continue;
    }
    sentence.push({ text: fields[0], tag: fields[fields.length - 1] });
  }
  flushDocument();
  return documents;
}
