// Readers for the corpora the name tagger trains and is scored on: CoNLL-2003 (IOB2 over
// PER/ORG/LOC/MISC) and GUM CoNLL-U (Entity= brackets). Each document comes back as
// tokenised sentences with BIO labels, plus a raw text rebuilt from the tokens and the
// gold name spans as character offsets into that text.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface GoldSentence {
  tokens: string[];
  labels: string[]; // IOB2: O, B-PER, I-PER, ...
}

export interface GoldSpan {
  start: number;
  end: number;
  type: EntityType;
}

export interface GoldDocument {
  id: string;
  sentences: GoldSentence[];
  text: string;
  spans: GoldSpan[];
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '#']);

/** Joins tokens the way the words would appear in print ("says ." -> "says."). */
function detokenize(tokens: string[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  let quoteOpen = false;
  let glueNext = true;
  for (const tok of tokens) {
    let space = !glueNext;
    if (NO_SPACE_BEFORE.has(tok)) space = false;
    if (tok === '"') {
      if (quoteOpen) space = false;
    }
    if (space) text += ' ';
    offsets.push([text.length, text.length + tok.length]);
    text += tok;
    glueNext = NO_SPACE_AFTER.has(tok);
    if (tok === '"') {
      if (!quoteOpen) glueNext = true;
      quoteOpen = !quoteOpen;
    }
  }
  return { text, offsets };
}

function spansFromLabels(labels: string[], offsets: [number, number][], base: number): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let open: GoldSpan | undefined;
  labels.forEach((label, i) => {
    const type = label === 'O' ? '' : label.slice(2);
    if (open && (label === 'O' || label.startsWith('B-') || type !== open.type)) { spans.push(open); open = undefined; }
    if (type && !open) open = { start: base + offsets[i][0], end: base + offsets[i][1], type: type as EntityType };
    else if (open) open.end = base + offsets[i][1];
  });
  if (open) spans.push(open);
  return spans;
}

/** CoNLL-2003: documents split at -DOCSTART-; text is one sentence a line. */
export function readConll(file: string): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let sentences: GoldSentence[] = [];
  let cur: GoldSentence = { tokens: [], labels: [] };
  const flushSentence = () => { if (cur.tokens.length) sentences.push(cur); cur = { tokens: [], labels: [] }; };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length) docs.push(buildDocument(`${path.basename(file)}#${docs.length + 1}`, sentences, '\n'));
    sentences = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) { flushDoc(); continue; }
    if (line.trim() === '') { flushSentence(); continue; }
    const parts = line.split(' ');
    cur.tokens.push(parts[0]);
    const tag = parts[parts.length - 1];
    cur.labels.push(tag.startsWith('I-') && (cur.labels.length === 0 || cur.labels[cur.labels.length - 1].slice(2) !== tag.slice(2)) ? 'B-' + tag.slice(2) : tag);
  }
  flushDoc();
  return docs;
}

function buildDocument(id: string, sentences: GoldSentence[], separator: string): GoldDocument {
  let text = '';
  const spans: GoldSpan[] = [];
  for (const s of sentences) {
    if (text) text += separator;
    const { text: t, offsets } = detokenize(s.tokens);
    spans.push(...spansFromLabels(s.labels, offsets, text.length));
    text += t;
  }
  return { id, sentences, text, spans };
}

// GUM

interface GumWord {
  form: string;
  upos: string;
  xpos: string;
  head: number; // sentence-local id of the head, 0 for root
  id: number;
  start: number; // offsets in the rebuilt text
  end: number;
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'president', 'senator', 'sen', 'gov', 'governor',
  'rep', 'representative', 'king', 'queen', 'prince', 'princess', 'pope', 'sir', 'lord', 'lady', 'dame',
  'rev', 'reverend', 'judge', 'justice', 'chancellor', 'minister', 'premier', 'mayor', 'general', 'gen',
  'col', 'colonel', 'capt', 'captain', 'lt', 'sgt', 'admiral', 'adm', 'emperor', 'empress', 'saint',
  'chairman', 'chairwoman', 'director', 'secretary', 'spokesman', 'spokeswoman', 'officer', 'head', 'ambassador',
  'bishop', 'cardinal', 'father', 'sister', 'brother', 'uncle', 'aunt',
]);
const NAME_LIKE_UPOS = new Set(['ADJ', 'NOUN', 'NUM', 'VERB', 'X']);

const GUM_TYPES: Record<string, EntityType> = { person: 'PER', organization: 'ORG', place: 'LOC' };
// Proper-noun-headed mentions of these types train the MISC label; time and quantity never do.
const GUM_MISC_TYPES = new Set(['event', 'object', 'abstract', 'substance', 'plant', 'animal']);

const CONNECTORS = new Set(['of', 'and', '&', 'de', 'the', 'for', 'du', 'von', 'van', 'der', 'la', 'del']);

function capitalised(form: string): boolean {
  const c = form[0];
  return c !== c.toLowerCase() || (c >= '0' && c <= '9');
}

/** GUM documents as named mentions: PROPN-headed person/organization/place, trimmed of
 *  leading determiners/titles and trailing possessives, outermost only. */
export function readGum(dir: string, keep: (docName: string) => boolean): GoldDocument[] {
  const docs: GoldDocument[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort()) {
    const name = file.replace(/\.conllu$/, '');
    if (!keep(name)) continue;
    docs.push(readGumDocument(path.join(dir, file), name));
  }
  return docs;
}

function readGumDocument(file: string, id: string): GoldDocument {
  const sentencesWords: GumWord[][] = [];
  let text = '';
  let words: GumWord[] = [];
  let newPar = false;
  // open mentions by id -> stack of { sentence, wordIndex, type }
  const open = new Map<string, { s: number; w: number; type: string }[]>();
  const mentions: { s: number; from: number; to: number; type: string }[] = [];
  let pendingRange: { from: number; to: number; form: string; spaceAfter: boolean } | undefined;
  let spaceAfterLast = true;
  const addText = (form: string) => {
    if (text && (words.length === 0 && sentencesWords.length > 0)) text += newPar ? '\n\n' : ' ';
    else if (text && !spaceAfterLast) { /* glued */ } else if (text) text += ' ';
    newPar = false;
    const start = text.length;
    text += form;
    return start;
  };
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('# newpar')) { if (!line.startsWith('# newpar_block')) newPar = true; continue; }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (words.length) { sentencesWords.push(words); words = []; }
      continue;
    }
    const cols = line.split('\t');
    const misc = cols[9] ?? '_';
    const spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    if (cols[0].includes('-')) {
      const [a, b] = cols[0].split('-').map(Number);
      pendingRange = { from: a, to: b, form: cols[1], spaceAfter };
      continue;
    }
    if (cols[0].includes('.')) continue; // empty nodes
    const wid = Number(cols[0]);
    const word: GumWord = { form: cols[1], upos: cols[3], xpos: cols[4], head: Number(cols[6]), id: wid, start: 0, end: 0 };
    if (pendingRange && wid >= pendingRange.from && wid <= pendingRange.to) {
      if (wid === pendingRange.from) {
        const start = addText(pendingRange.form);
        (pendingRange as any).start = start;
        (pendingRange as any).cursor = start;
      }
      const r = pendingRange as any;
      const surface: string = pendingRange.form;
      const idx = surface.indexOf(word.form, r.cursor - r.start);
      if (idx >= 0) { word.start = r.start + idx; word.end = word.start + word.form.length; r.cursor = word.end; }
      else { word.start = r.start; word.end = r.start + surface.length; }
      if (wid === pendingRange.to) { spaceAfterLast = pendingRange.spaceAfter; pendingRange = undefined; }
    } else {
      word.start = addText(word.form);
      word.end = word.start + word.form.length;
      spaceAfterLast = spaceAfter;
    }
    const sIndex = sentencesWords.length;
    const wIndex = words.length;
    words.push(word);
    const m = /(?:^|\|)Entity=([^|]*)/.exec(misc);
    if (m) parseEntityField(m[1], sIndex, wIndex, open, mentions);
  }
  if (words.length) sentencesWords.push(words);

  // Keep proper-noun-headed mentions narrowed to the name (the rules of eval/readers/gum.ts,
  // so training labels match the project's evaluation, except as noted); outermost wins.
  const kept: { s: number; from: number; to: number; type: EntityType }[] = [];
  for (const mention of mentions) {
    const ws = sentencesWords[mention.s];
    const inSpan = (wid: number) => wid >= ws[mention.from].id && wid <= ws[mention.to].id;
    let head = -1;
    for (let w = mention.from; w <= mention.to; w++) if (!inSpan(ws[w].head)) { head = w; break; }
    if (head < 0 || ws[head].upos !== 'PROPN') continue;
    const type = GUM_TYPES[mention.type] ?? (GUM_MISC_TYPES.has(mention.type) ? 'MISC' : undefined);
    if (!type) continue;
    // Words of a nested named mention that does not hold the head are another entity
    // ("U.S." in "U.S. President Barack Obama"). Only for people: places inside
    // organisation and place names belong to the name ("Penn State", "New York Times").
    const blocked = new Uint8Array(ws.length);
    if (type === 'PER') for (const other of mentions) {
      if (other === mention || other.s !== mention.s || !(other.type in GUM_TYPES)) continue;
      if (other.from >= mention.from && other.to <= mention.to && !(other.from <= head && head <= other.to)) {
        for (let w = other.from; w <= other.to; w++) blocked[w] = 1;
      }
    }
    const inside = (w: number) => w >= mention.from && w <= mention.to;
    const nameWord = (w: number) => inside(w) && (ws[w].upos === 'PROPN' || (NAME_LIKE_UPOS.has(ws[w].upos) && capitalised(ws[w].form)));
    const connector = (w: number) => inside(w) && CONNECTORS.has(ws[w].form.toLowerCase());
    let from = head, to = head, leftJoined = false, rightJoined = false;
    for (;;) {
      if (nameWord(from - 1) && (leftJoined || !blocked[from - 1])) from--;
      else if (connector(from - 1) && nameWord(from - 2)) { from -= 2; leftJoined = true; }
      else break;
    }
    for (;;) {
      if (nameWord(to + 1) && (rightJoined || !blocked[to + 1])) to++;
      else if (connector(to + 1) && nameWord(to + 2)) { to += 2; rightJoined = true; }
      else break;
    }
    const isTitle = (w: number) => TITLES.has(ws[w].form.toLowerCase().replace(/\.$/, ''));
    if (type === 'PER') {
      while (from < to && isTitle(from)) from++;
      if (from === to && isTitle(from)) continue;
    }
    // A plural people-name alone ("Americans") is a nationality: MISC, as in CoNLL.
    const finalType: EntityType = type === 'PER' && from === to && ws[from].xpos === 'NNPS' ? 'MISC' : type;
    kept.push({ s: mention.s, from, to, type: finalType });
  }
  kept.sort((a, b) => a.s - b.s || a.from - b.from || b.to - a.to);
  const outer: typeof kept = [];
  for (const k of kept) {
    const last = outer[outer.length - 1];
    if (last && last.s === k.s && k.from <= last.to) continue;
    outer.push(k);
  }
  const sentences: GoldSentence[] = sentencesWords.map((ws) => ({ tokens: ws.map((w) => w.form), labels: ws.map(() => 'O') }));
  const spans: GoldSpan[] = [];
  for (const k of outer) {
    const labels = sentences[k.s].labels;
    for (let w = k.from; w <= k.to; w++) labels[w] = (w === k.from ? 'B-' : 'I-') + k.type;
    spans.push({ start: sentencesWords[k.s][k.from].start, end: sentencesWords[k.s][k.to].end, type: k.type });
  }
  return { id, sentences, text, spans };
}

function parseEntityField(value: string, s: number, w: number,
  open: Map<string, { s: number; w: number; type: string }[]>,
  mentions: { s: number; from: number; to: number; type: string }[]): void {
  let i = 0;
  while (i < value.length) {
    if (value[i] === '(') {
      let j = i + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const fields = value.slice(i + 1, j).split('-');
      const id = fields[0], type = fields[1] ?? '';
      if (value[j] === ')') { mentions.push({ s, from: w, to: w, type }); j++; }
      else { const st = open.get(id) ?? []; st.push({ s, w, type }); open.set(id, st); }
      i = j;
    } else if (value[i] >= '0' && value[i] <= '9') {
      let j = i;
      while (j < value.length && value[j] !== ')') j++;
      const id = value.slice(i, j);
      const st = open.get(id);
      const o = st?.pop();
      if (o && o.s === s) mentions.push({ s, from: o.w, to: w, type: o.type });
      i = j + 1;
    } else i++;
  }
}

export function readLines(file: string): Set<string> {
  return new Set(fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
}
