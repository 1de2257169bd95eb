// GUM CoNLL-U reader. Text comes from the `# text =` lines (sentences of a paragraph
// joined by a space, paragraphs at `# newpar` separated by a blank line); tokens are
// located in that text in order. Entity mentions come from the MISC `Entity=` brackets.
//
// Named-entity gold (documented in docs/accuracy.md): a mention counts when
//  1. its type is person, organization or place (→ PER, ORG, LOC);
//  2. its syntactic head — the first token of the mention whose dependency head lies
//     outside the mention — is a proper noun (UPOS PROPN);
//  3. its span is then narrowed to the name itself: the run of proper-noun tokens around
//     the head (internal "of", "and", "&", "de", "the", "for" and unspaced hyphens kept
//     when a proper noun follows; "and" never joins two named mentions or two people), for people never
//     entering a nested name that does not contain the head unless a connector joins it,
//     without leading titles for people ("President", "Dr.", …). Plural proper-noun
//     heads of person mentions ("Americans") are groups, not names. This turns
//     "the American president Barack Obama, who spoke" into "Barack Obama", which is
//     what a CoNLL-style tagger is asked to find.
import * as fs from 'fs';
import * as path from 'path';
import type { EntityType, GoldDocument, TypedSpan } from '../spans';

const GOLD_TYPES: Record<string, EntityType | undefined> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const CONNECTORS = new Set(['of', 'and', '&', 'de', 'the', 'for', 'du', 'von', 'van', 'der', 'la', 'del']);
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'president', 'senator', 'sen', 'gov', 'governor',
  'rep', 'representative', 'king', 'queen', 'prince', 'princess', 'pope', 'sir', 'lord', 'lady', 'dame',
  'rev', 'reverend', 'vice', 'chief', 'speaker', 'deputy', 'assistant', 'judge', 'justice', 'chancellor', 'minister', 'premier', 'mayor', 'general', 'gen',
  'col', 'colonel', 'capt', 'captain', 'lt', 'sgt', 'admiral', 'adm', 'emperor', 'empress', 'saint',
  'chairman', 'chairwoman', 'director', 'secretary', 'spokesman', 'spokeswoman', 'officer', 'head', 'ambassador', 'bishop', 'cardinal', 'father', 'sister', 'brother', 'uncle', 'aunt',
]);

export interface GumToken {
  form: string;
  upos: string;
  xpos: string;
  /** Index of the dependency head within the sentence's word list, -1 for the root. */
  head: number;
  start: number;
  end: number;
}

interface OpenMention {
  id: string;
  type: string;
  sentence: number;
  first: number;
}

export interface GumMention {
  id: string;
  type: string;
  sentence: number;
  /** Word indices within the sentence, [first, last]. */
  first: number;
  last: number;
}

/** Splits an `Entity=` value into opens and closes, in order. */
export function parseEntityField(value: string): { open?: { id: string; type: string; single: boolean }; close?: string }[] {
  const events: { open?: { id: string; type: string; single: boolean }; close?: string }[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '(') {
      let j = i + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const fields = value.slice(i + 1, j).split('-');
      const single = value[j] === ')';
      events.push({ open: { id: fields[0], type: fields[1] ?? '', single } });
      i = single ? j + 1 : j;
    } else {
      let j = i;
      while (j < value.length && value[j] !== ')' && value[j] !== '(') j++;
      if (value[j] === ')') events.push({ close: value.slice(i, j) });
      i = j === i ? i + 1 : value[j] === ')' ? j + 1 : j;
    }
  }
  return events;
}

const NAMED_TYPES = new Set(['person', 'organization', 'place']);
const NAME_LIKE_UPOS = new Set(['ADJ', 'NOUN', 'NUM', 'VERB', 'X']);

function narrowToName(sentence: GumToken[], mention: GumMention, nested: GumMention[]): { first: number; last: number } | undefined {
  const inside = (i: number) => i >= mention.first && i <= mention.last;
  let head = -1;
  for (let i = mention.first; i <= mention.last; i++) {
    if (!inside(sentence[i].head)) {
      head = i;
      break;
    }
  }
  if (head < 0 || sentence[head].upos !== 'PROPN') return undefined;
  // A plural proper-noun head names a group ("Americans", "the Democrats"), not a person.
  if (mention.type === 'person' && sentence[head].xpos === 'NNPS') return undefined;
  // Before a person's name, a nested name that does not contain the head is another
  // entity ("U.S." in "U.S. President Barack Obama"), unless a connector joins it. In
  // organisation and place names it is part of the name ("Glenvale State University",
  // "Rimport Bay").
  const blocked = new Uint8Array(sentence.length);
  for (const other of mention.type === 'person' ? nested : []) {
    if (!NAMED_TYPES.has(other.type) || other === mention) continue;
    if (other.first >= mention.first && other.last <= mention.last && !(other.first <= head && head <= other.last)) {
      for (let i = other.first; i <= other.last; i++) blocked[i] = 1;
    }
  }
  // Name tokens: proper nouns, and capitalised adjectives/nouns inside names ("Royal Harbour Trust").
  const isName = (i: number) => {
    if (!inside(i)) return false;
    const token = sentence[i];
    return token.upos === 'PROPN' || (NAME_LIKE_UPOS.has(token.upos) && /^\p{Lu}/u.test(token.form));
  };
  // "and"/"&" join one name ("Procter & Gamble") but not two names ("Ada and Bo",
  // "France and Germany": each conjunct is a mention of its own), nor people.
  const isConnector = (i: number) => {
    if (!inside(i)) return false;
    // A hyphen written without spaces inside the mention joins one name ("Pierre-Simon
    // Laplace", "Baie-Mahault"); "the Mets-inspired work" leaves it outside the mention.
    if (isJoiningHyphen(sentence, i)) return true;
    const word = sentence[i].form.toLowerCase();
    if (!CONNECTORS.has(word)) return false;
    if (word !== 'and' && word !== '&') return true;
    return mention.type !== 'person' && !blocked[i + 1] && !blocked[i - 1];
  };
  let first = head;
  let last = head;
  let leftJoined = false;
  let rightJoined = false;
  for (;;) {
    if (isName(first - 1) && (leftJoined || !blocked[first - 1])) first--;
    else if (isConnector(first - 1) && isName(first - 2)) {
      first -= 2;
      leftJoined = true;
    } else break;
  }
  for (;;) {
    if (isName(last + 1) && (rightJoined || !blocked[last + 1])) last++;
    else if (isConnector(last + 1) && isName(last + 2)) {
      last += 2;
      rightJoined = true;
    } else break;
  }
  const isTitle = (i: number) => TITLES.has(sentence[i].form.toLowerCase().replace(/\.$/, ''));
  if (mention.type === 'person') {
    while (first < last && isTitle(first)) first++;
    // A role alone ("Director of the harbour survey") is not a name.
    if (first === last && isTitle(first)) return undefined;
  }
  return { first, last };
}

/** A hyphen token touching the tokens on both sides: "Bailey-Ross" tokenised as Bailey, -, Ross. */
function isJoiningHyphen(sentence: GumToken[], i: number): boolean {
  const token = sentence[i];
  if (token.xpos !== 'HYPH' && token.form !== '-') return false;
  const before = sentence[i - 1];
  const after = sentence[i + 1];
  return before !== undefined && after !== undefined && before.end === token.start && token.end === after.start;
}

/** Parses one CoNLL-U document (GUM style) into text and named-entity gold. */
export function parseGumDocument(content: string, id: string): GoldDocument & { mentions: number } {
  let text = '';
  let paragraphOpen = false;
  let pendingNewpar = false;
  const sentences: GumToken[][] = [];
  const mentions: GumMention[] = [];
  const open: OpenMention[] = [];
  let words: GumToken[] = [];
  let sentenceText = '';
  let sentenceBase = 0;
  let cursor = 0;
  let rangeEnd = -1;
  let rangeSpan = { start: 0, end: 0 };
  let rangeCursor = 0;

  const locate = (form: string): { start: number; end: number } => {
    const at = sentenceText.indexOf(form, cursor);
    if (at < 0 || at - cursor > 200) {
      // Text and tokens disagree (rare); place the token at the cursor without moving on.
      return { start: sentenceBase + cursor, end: sentenceBase + cursor };
    }
    cursor = at + form.length;
    return { start: sentenceBase + at, end: sentenceBase + at + form.length };
  };
  const endSentence = () => {
    if (words.length > 0) sentences.push(words);
    words = [];
    rangeEnd = -1;
  };

  for (const rawLine of content.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.startsWith('#')) {
      if (/^# newpar\b/.test(line) && !line.startsWith('# newpar_')) pendingNewpar = true;
      const textMatch = /^# text = (.*)$/.exec(line);
      if (textMatch) {
        if (text.length > 0) text += pendingNewpar || !paragraphOpen ? '\n\n' : ' ';
        pendingNewpar = false;
        paragraphOpen = true;
        sentenceBase = text.length;
        sentenceText = textMatch[1];
        text += sentenceText;
        cursor = 0;
      }
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    const range = /^(\d+)-(\d+)$/.exec(cols[0]);
    if (range) {
      rangeSpan = locate(cols[1]);
      rangeCursor = rangeSpan.start;
      rangeEnd = Number(range[2]);
      continue;
    }
    if (cols[0].includes('.')) continue; // empty nodes
    const wordId = Number(cols[0]);
    let span: { start: number; end: number };
    if (wordId <= rangeEnd) {
      // A word of a multi-word token ("Norton's" = "Norton" + "'s"): its own characters
      // when it spells out the next part of the token, the whole token otherwise.
      if (text.startsWith(cols[1], rangeCursor) && rangeCursor + cols[1].length <= rangeSpan.end) {
        span = { start: rangeCursor, end: rangeCursor + cols[1].length };
        rangeCursor = span.end;
      } else span = rangeSpan;
    } else span = locate(cols[1]);
    const index = words.length;
    words.push({ form: cols[1], upos: cols[3], xpos: cols[4], head: cols[6] === '_' ? -1 : Number(cols[6]) - 1, start: span.start, end: span.end });
    const entity = cols[9].split('|').find((field) => field.startsWith('Entity='));
    if (!entity) continue;
    for (const event of parseEntityField(entity.slice('Entity='.length))) {
      if (event.open) {
        if (event.open.single) mentions.push({ id: event.open.id, type: event.open.type, sentence: sentences.length, first: index, last: index });
        else open.push({ id: event.open.id, type: event.open.type, sentence: sentences.length, first: index });
      } else if (event.close !== undefined) {
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k].id === event.close) {
            const started = open[k];
            open.splice(k, 1);
            // Mentions across sentences have no single head; they are not names.
            if (started.sentence === sentences.length) mentions.push({ ...started, last: index });
            break;
          }
        }
      }
    }
  }
  endSentence();

  const entities: TypedSpan[] = [];
  const bySentence = new Map<number, GumMention[]>();
  for (const mention of mentions) {
    const list = bySentence.get(mention.sentence) ?? [];
    list.push(mention);
    bySentence.set(mention.sentence, list);
  }
  for (const mention of mentions) {
    const type = GOLD_TYPES[mention.type];
    const sentence = sentences[mention.sentence];
    if (!type || !sentence) continue;
    const name = narrowToName(sentence, mention, bySentence.get(mention.sentence) ?? []);
    if (!name) continue;
    const start = sentence[name.first].start;
    const end = sentence[name.last].end;
    if (end > start) entities.push({ type, start, end });
  }
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text: text + '\n', entities, mentions: mentions.length };
}

export type GumSplit = 'dev' | 'train' | 'all';

/** The dev document list: `dev-docs.txt` in the folder or beside it. */
function readDevList(folder: string): Set<string> | undefined {
  for (const candidate of [path.join(folder, 'dev-docs.txt'), path.join(path.dirname(folder), 'dev-docs.txt')]) {
    if (fs.existsSync(candidate)) {
      return new Set(fs.readFileSync(candidate, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
    }
  }
  return undefined;
}

/** Reads a CoNLL-U file or a folder of them; `split` filters by dev-docs.txt when present. */
export function readGum(target: string, split: GumSplit = 'all'): GoldDocument[] {
  const stat = fs.statSync(target);
  const files = stat.isDirectory()
    ? fs.readdirSync(target).filter((f) => f.endsWith('.conllu')).sort().map((f) => path.join(target, f))
    : [target];
  const devList = split === 'all' ? undefined : readDevList(stat.isDirectory() ? target : path.dirname(target));
  if (split !== 'all' && !devList) throw new Error(`--split ${split}: no dev-docs.txt in or beside ${target}`);
  const documents: GoldDocument[] = [];
  for (const file of files) {
    const id = path.basename(file, '.conllu');
    if (devList && (split === 'dev') !== devList.has(id)) continue;
    const document = parseGumDocument(fs.readFileSync(file, 'utf8'), id);
    if (document.text.trim() === '') continue; // Reddit documents ship without text
    documents.push(document);
  }
  return documents;
}
