// Stage 3: named entities — people, organisations, places — with aliases and roles.
// Two parts, kept apart on purpose: `findNameCandidates` proposes capitalised name spans
// (a trained tagger can replace or feed it later); `resolveEntities` types them, merges
// surface forms ("Robinson" → "Todd Robinson", "US" → "United States", "Efe" → "EFE")
// and reads roles from appositives and titles.
import type { DocumentStructure, Entity, EntityKind, Sentence, Span } from './types';
import {
  CALENDAR_WORDS,
  CITIES,
  COUNTRIES,
  DEMONYMS,
  INTERJECTIONS,
  KNOWN_ORGS,
  NAME_PARTICLES,
  ORG_ALIASES,
  ORG_CONNECTORS,
  ORG_KEYWORDS,
  ORG_TRAILING_NOUNS,
  PLACE_ALIASES,
  ROLE_NOUNS,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
  TITLES,
  VAGUE_SOURCE_NOUNS,
} from './lexicon';
import { isAllCaps, isApostrophe, isCapitalized, isDigitCode, isSpaceCode, isUpperCode, LowerCaseWords, stripPossessive, tokenize, Token } from './text';
import { tagNamesScored, type NameSpan } from './tagger';
import { addNestedPlaces } from './nestedPlaces';
import { reviseCandidates } from './nameRevisions';

export interface NameCandidate {
  /** The name as written, without a title before it or a possessive after it. */
  span: Span;
  text: string;
  sentence: number;
  /** A title or demonym written before the name ("Mexican President"). */
  title?: string;
  /** A kind the candidate finder is sure of (organisation keyword, gazetteer, tagger). */
  kind?: EntityKind;
  /** Starts its sentence (or a quotation): capitalisation says little there. */
  initial: boolean;
  /** Followed by ’s. */
  possessive: boolean;
  /** Proposed by the trained tagger (its kind is the document-level vote). */
  tagged?: boolean;
  /** A tagged span replaced by the rule candidates inside it. */
  split?: boolean;
  /** The tagger's per-kind scores for the span (see ScoredNameSpan), when it proposed it. */
  scores?: readonly number[];
}

/**
 * Every candidate is made here, all fields set in one order (absent ones undefined): one
 * object shape, so the code reading candidates stays monomorphic and fast.
 */
function newCandidate(span: Span, text: string, sentence: number, kind: EntityKind | undefined, initial: boolean, possessive: boolean, tagged: true | undefined): NameCandidate {
  return { span, text, sentence, title: undefined, kind, initial, possessive, tagged, split: undefined, scores: undefined };
}

export interface Mention {
  span: Span;
  /** Entity id. */
  entity: string;
  sentence: number;
}

export interface EntityAnalysis {
  entities: Entity[];
  /** Every name mention in text order, with its entity. */
  mentions: Mention[];
}

const KNOWN_ORGS_UPPER = new Map<string, string>();
for (const o of KNOWN_ORGS) KNOWN_ORGS_UPPER.set(o.toUpperCase(), o);

function isFirstPersonPronoun(w: string): boolean {
  return w === 'I' || (w.length > 2 && w.charCodeAt(0) === 73 && isApostrophe(w.charCodeAt(1)));
}

// One lookup instead of up to five: which gazetteers know a name, as bits.
const IN_COUNTRIES = 1, IN_CITIES = 2, IN_PLACE_ALIASES = 4, IN_KNOWN_ORGS = 8, IN_ORG_ALIASES = 16;
const PLACE_LISTS = IN_COUNTRIES | IN_CITIES | IN_PLACE_ALIASES;
const KNOWN_NAME_LISTS = PLACE_LISTS | IN_KNOWN_ORGS | IN_ORG_ALIASES;
const NAME_LISTS = new Map<string, number>();
for (const [names, bit] of [[COUNTRIES, IN_COUNTRIES], [CITIES, IN_CITIES], [PLACE_ALIASES.keys(), IN_PLACE_ALIASES], [KNOWN_ORGS, IN_KNOWN_ORGS], [ORG_ALIASES.keys(), IN_ORG_ALIASES]] as const) {
  for (const name of names) NAME_LISTS.set(name, (NAME_LISTS.get(name) ?? 0) | bit);
}

/**
 * A name's length and first and last code units folded to 16 bits: most names asked
 * about are in no list, and a clear bit in LISTED_NAME_KEYS says so without hashing the
 * string for the Map.
 */
function nameKey(name: string): number {
  const n = name.length;
  return n === 0 ? 0 : ((n & 63) << 10) | ((name.charCodeAt(0) & 31) << 5) | (name.charCodeAt(n - 1) & 31);
}
const LISTED_NAME_KEYS = new Uint8Array(1 << 13);
for (const name of NAME_LISTS.keys()) {
  const key = nameKey(name);
  LISTED_NAME_KEYS[key >> 3] |= 1 << (key & 7);
}

/** The gazetteers (IN_* bits) that list the name (exported for its test). */
export function nameLists(name: string): number {
  const key = nameKey(name);
  if ((LISTED_NAME_KEYS[key >> 3] & (1 << (key & 7))) === 0) return 0;
  return NAME_LISTS.get(name) ?? 0;
}

function isPlaceName(name: string): boolean {
  return (nameLists(name) & PLACE_LISTS) !== 0;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  // Only spaces (no line break, no punctuation) between two tokens of one name.
  if (b.start - a.end > 3) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

/** A word token starting with a capital: read from `text` (token.text is text.slice(start, end)), not from the token's own string. */
function isWordCapitalized(text: string, t: Token): boolean {
  return t.word && isUpperCode(text.charCodeAt(t.start));
}

/** A JavaScript `\s` code unit (the class the name's space collapsing uses). */
function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** /[^\S ]|  /.test(s) as a loop: a space other than ' ', or two ' ' in a row. */
export function hasIrregularSpace(s: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 128 ? c >= 9 && c <= 13 : isRegExpSpace(c)) return true;
    else prevSpace = false;
  }
  return false;
}

/** Followed by ’s: stripPossessive(word) !== word, without the slice. */
function isPossessiveWord(word: string): boolean {
  const n = word.length;
  return n > 2 && (word.charCodeAt(n - 1) === 115 || word.charCodeAt(n - 1) === 83) && isApostrophe(word.charCodeAt(n - 2));
}

/**
 * Capitalised word runs in each sentence, with titles split off and sentence openers dropped.
 * `sentenceTokens[s]`, when given, is tokenize(text, span.start, span.end) of sentence s.
 */
export function findNameCandidates(text: string, sentences: readonly Sentence[], sentenceTokens?: readonly Token[][]): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const sp = sentences[s].span;
    const tokens = sentenceTokens ? sentenceTokens[s] : tokenize(text, sp.start, sp.end);
    let initialAt = 0; // index of the token that starts the sentence or a quotation
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.word) {
        const c = text.charCodeAt(t.start);
        if ((c === 0x201c || c === 34 || c === 39 || c === 0x2018 || c === 58 || c === 40 || c === 0x2014 || c === 42 || c === 95 || c === 35 || c === 62 || c === 91) && initialAt === i) initialAt = i + 1;
        else if (c === 0x201c || (c === 34 && (i === 0 || tokens[i - 1].end < t.start)) || c === 58) initialAt = i + 1;
        continue;
      }
      if (!isUpperCode(text.charCodeAt(t.start)) || isFirstPersonPronoun(t.text)) continue;
      // Grow the run: tokens[i, j), always consecutive tokens.
      let j = i + 1;
      while (j < tokens.length) {
        const prev = tokens[j - 1];
        if (isPossessiveWord(prev.text)) break;
        const u = tokens[j];
        if (isWordCapitalized(text, u) && adjacent(text, prev, u)) {
          j++;
          continue;
        }
        // Two particles in a row: "Ana de la Fuente".
        const w = tokens[j + 2];
        if (w && u.word && NAME_PARTICLES.has(u.text) && tokens[j + 1].word && NAME_PARTICLES.has(tokens[j + 1].text) && isWordCapitalized(text, w) && adjacent(text, prev, u) && adjacent(text, u, tokens[j + 1]) && adjacent(text, tokens[j + 1], w)) {
          j += 3;
          continue;
        }
        const v = tokens[j + 1];
        if (v && isWordCapitalized(text, v) && adjacent(text, prev, u) && adjacent(text, u, v)) {
          if (u.word && (NAME_PARTICLES.has(u.text) || ORG_CONNECTORS.has(u.text))) {
            j += 2;
            continue;
          }
          if (u.text === '&') {
            j += 2;
            continue;
          }
        }
        if (v && u.end - u.start === 1 && text.charCodeAt(u.start) === 45 && u.start === prev.end && v.start === u.end && isWordCapitalized(text, v)) {
          // "Jean-Pierre" joins; "US-Mexico" does not.
          if (!isPlaceName(prev.text) && !isPlaceName(v.text) && !isAllCaps(prev.text) && !isAllCaps(v.text)) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // A run of a dozen capitalised words is a title-case heading or shouting, not a name.
      if (j - i <= 12) emitRun(text, tokens, i, j, i === initialAt, s, out);
      i = j - 1;
    }
  }
  return out;
}

/** Piece bounds [start, end) as token indices, two numbers a piece (reused: emitRun is not re-entered). */
const pieceBounds: number[] = [];

/** The candidates of the capitalised run tokens[first, next). */
function emitRun(text: string, tokens: readonly Token[], first: number, next: number, initial: boolean, sentence: number, out: NameCandidate[]): void {
  let a = first;
  let b = next;
  const last = tokens[b - 1];
  const possessive = isPossessiveWord(last.text);
  let hasOrgKeyword = false;
  for (let k = first; k < next && !hasOrgKeyword; k++) hasOrgKeyword = ORG_KEYWORDS.has(stripPossessive(tokens[k].text));
  // A one-token run is its token's string (no new slice to hash).
  const whole = next - first === 1 ? tokens[first].text : text.slice(tokens[first].start, last.end);
  const known = (nameLists(whole) & (IN_KNOWN_ORGS | PLACE_LISTS)) !== 0;

  // Sentence openers and calendar words are not names.
  if (initial && SENTENCE_STARTERS.has(tokens[first].text) && !known) a++;
  while (a < b && CALENDAR_WORDS.has(stripPossessive(tokens[a].text))) a++;
  while (b > a && CALENDAR_WORDS.has(stripPossessive(tokens[b - 1].text))) b--;
  // Titles before a name ("Mexican President", "Secretary of State") are roles, not names.
  let titleStart = -1;
  if (!hasOrgKeyword && !known) {
    while (b - a > 1 && (TITLES.has(tokens[a].text) || DEMONYMS.has(tokens[a].text))) {
      if (titleStart < 0) titleStart = a;
      a++;
      if (a < b - 2 && (tokens[a].text === 'of' || tokens[a].text === 'for')) a += 2; // "Secretary of State X"
    }
  }
  if (a >= b) return;
  if (b - a === 1 && (TITLES.has(tokens[a].text) || DEMONYMS.has(stripPossessive(tokens[a].text)))) return;
  const title = titleStart >= 0 ? text.slice(tokens[titleStart].start, tokens[a - 1].end) : undefined;

  // A trailing noun makes an organisation: "Sinaloa and Jalisco Nueva Generacion drug cartels".
  let trailingOrg = false;
  for (let k = next; k < tokens.length && k < next + 3; k++) {
    const u = tokens[k];
    if (!u.word || isUpperCode(text.charCodeAt(u.start))) break;
    if (ORG_TRAILING_NOUNS.has(u.text)) {
      trailingOrg = true;
      break;
    }
  }

  const pieces = pieceBounds;
  pieces.length = 0;
  if (known) pieces.push(a, b);
  else if (hasOrgKeyword) splitAtAnd(tokens, a, b, pieces);
  else splitAtConnectors(tokens, a, b, pieces);
  const pieceCount = pieces.length / 2;
  for (let p = 0; p < pieceCount; p++) {
    const pa = pieces[2 * p];
    const pb = pieces[2 * p + 1];
    const startTok = tokens[pa];
    const endTok = tokens[pb - 1];
    const end = pb === next && possessive ? endTok.end - 2 : endTok.end;
    // A one-token piece without a possessive is its token's string; the whole run without one is `whole` (already hashed by its lookups).
    const raw = end !== endTok.end ? text.slice(startTok.start, end) : pb - pa === 1 ? startTok.text : pa === first && pb === next ? whole : text.slice(startTok.start, end);
    const name = hasIrregularSpace(raw) ? raw.replace(/\s+/g, ' ') : raw;
    const cand = newCandidate({ start: startTok.start, end }, name, sentence, undefined, initial && pa === first, pb === next && possessive, undefined);
    if (p === 0 && title) cand.title = title;
    let pieceHasKeyword = false;
    if (hasOrgKeyword) for (let k = pa; k < pb && !pieceHasKeyword; k++) pieceHasKeyword = ORG_KEYWORDS.has(stripPossessive(tokens[k].text));
    if (pieceHasKeyword || (trailingOrg && !isPlaceName(name) && p === pieceCount - 1)) cand.kind = 'organization';
    else if (trailingOrg && !isPlaceName(name) && pieceCount > 1 && pb < next && tokens[pb].text === 'and') cand.kind = 'organization';
    out.push(cand);
  }
}

/** "Health Ministry and Reuters" is two names; "Department of Health and Human Services" is one. Pushes the pieces' bounds. */
function splitAtAnd(tokens: readonly Token[], a: number, b: number, pieces: number[]): void {
  for (let k = a + 1; k < b - 1; k++) {
    const t = tokens[k].text;
    if (t !== 'and' && t !== '&') continue;
    let before = false;
    for (let x = a; x < k && !before; x++) before = ORG_KEYWORDS.has(tokens[x].text);
    let after = false;
    for (let x = k + 1; x < b && !after; x++) after = ORG_KEYWORDS.has(stripPossessive(tokens[x].text));
    if (before && !after) {
      pieces.push(a, k, k + 1, b);
      return;
    }
  }
  pieces.push(a, b);
}

/** "Mexico and China" is two names; "Ribas i Admetlla" is one. Pushes the pieces' bounds. */
function splitAtConnectors(tokens: readonly Token[], a: number, b: number, pieces: number[]): void {
  let s = a;
  for (let k = a; k < b; k++) {
    const t = tokens[k].text;
    if ((ORG_CONNECTORS.has(t) && !NAME_PARTICLES.has(t)) || t === '&') {
      if (k > s) pieces.push(s, k);
      s = k + 1;
    }
  }
  if (b > s) pieces.push(s, b);
}

class NameInfo {
  readonly upper: string;
  readonly words: number;
  private firstSpace: number;
  private placeOrDemonymKnown?: boolean = undefined;
  private wordList?: string[] = undefined;

  constructor(private readonly name: string) {
    this.upper = name.toUpperCase();
    // Word count and first word without splitting: most names never need their words.
    let words = 1;
    let firstSpace = -1;
    for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
      if (firstSpace < 0) firstSpace = i;
      words++;
    }
    this.words = words;
    this.firstSpace = firstSpace;
  }

  /** "Lisbon Chamber", "Mexican Americans": a place or demonym first is not a personal name ("Ana Lima" is). Asked of few names: computed on demand. */
  get placeOrDemonym(): boolean {
    if (this.placeOrDemonymKnown === undefined) {
      const first = this.firstSpace < 0 ? this.name : this.name.slice(0, this.firstSpace);
      this.placeOrDemonymKnown = isPlaceName(first) || DEMONYMS.has(first);
    }
    return this.placeOrDemonymKnown;
  }

  /** The name's words (split at single spaces). */
  get ws(): string[] {
    return (this.wordList ??= this.name.split(' '));
  }
}

/**
 * The first code units of the name's capitalised words (split at single spaces), joined:
 * name.split(' ').filter(isCapitalized).map((w) => w[0]).join('') without the arrays.
 */
function capitalInitials(name: string): string {
  let out = '';
  let wordStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      wordStart = true;
      continue;
    }
    if (wordStart && isUpperCode(c)) out += name[i];
    wordStart = false;
  }
  return out;
}

/** Lower case, runs of non-letters/digits to '-', trimmed of '-'; a char loop for ASCII names, the regexes otherwise. */
function slugOf(name: string): string {
  const lower = name.toLowerCase();
  if (isPlainSlug(lower)) return spacesToDashes(lower);
  let out = '';
  let dash = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 128) return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out.length > 0) out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else dash = true;
  }
  return out;
}

/** s with every ' ' made '-': cut and joined at the spaces, cheaper here than replaceAll. */
function spacesToDashes(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
    out += s.slice(from, i) + '-';
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Lower-case ASCII letters and digits in words parted by single spaces: the slug is the name with dashes. */
function isPlainSlug(lower: string): boolean {
  if (lower.length === 0) return false;
  let prevSpace = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) prevSpace = false;
    else return false;
  }
  return !prevSpace;
}

/** A name waiting for its entity: `skip` drops it (boilerplate, or overlapping a byline author). */
interface Pending {
  cand: NameCandidate;
  draft: Draft | undefined;
  skip: boolean;
}

interface Draft {
  kind: EntityKind;
  name: string;
  /** The first surface form added (valid once mentionCount > 0). */
  firstSurface: string;
  /** The other distinct surface forms, in the order added: made on the second one (most names have one). */
  moreSurfaces: Set<string> | undefined;
  role?: string;
  roleFromTitle?: boolean;
  /** The mentions' spans and sentences, in the order they were added (filled by collectMentionSpans). */
  spans: Span[];
  sentences: number[];
  /** How many mentions the draft has, and where its spans start among all drafts' (collectMentionSpans). */
  mentionCount: number;
  firstMention: number;
  order: number;
  /** The entity id, set once the canonical name is known. */
  id: string;
}

/** The spans of a draft without mentions (never filled: the live drafts get arrays of their own). */
const NO_SPANS: Span[] = [];
const NO_SENTENCES: number[] = [];

/** Scratch for collectMentionSpans: pending indices grouped by draft (grown on demand). */
let mentionOrder = new Int32Array(256);

/**
 * Each draft's mention spans and sentences, in the order of `pending`: grouped by draft
 * (a counting sort), then cut from one array apiece, so a draft's arrays are exactly its
 * mentions long (pushing onto [] reserves room for seventeen).
 */
function collectMentionSpans(pending: readonly Pending[], drafts: readonly Draft[]): void {
  let total = 0;
  for (const d of drafts) {
    d.firstMention = total;
    total += d.mentionCount;
    d.mentionCount = 0;
  }
  if (mentionOrder.length < total) mentionOrder = new Int32Array(total * 2);
  const order = mentionOrder;
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i];
    const d = p.draft;
    if (!d || p.skip) continue;
    order[d.firstMention + d.mentionCount++] = i;
  }
  const spans: Span[] = [];
  const sentences: number[] = [];
  for (let k = 0; k < total; k++) {
    const c = pending[order[k]].cand;
    spans.push(c.span);
    sentences.push(c.sentence);
  }
  for (const d of drafts) {
    if (d.mentionCount === 0) continue;
    d.spans = spans.slice(d.firstMention, d.firstMention + d.mentionCount);
    d.sentences = sentences.slice(d.firstMention, d.firstMention + d.mentionCount);
  }
}


const APPOSITIVE_ARTICLES = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'Mexico’s', 'former']);

/** "Todd Robinson, the assistant secretary of state for …," → the role phrase. */
function appositiveRole(text: string, end: number, limit: number): string | undefined {
  if (text.charCodeAt(end) !== 44 || !isSpaceCode(text.charCodeAt(end + 1))) return undefined;
  const stop = Math.min(limit, end + 200);
  let i = end + 2;
  let close = -1;
  for (let k = i; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59 || c === 40 || c === 0x2014 || c === 0x201c || c === 34) {
      close = k;
      break;
    }
  }
  if (close < 0) {
    // "…, the council’s chairman." — the appositive runs to the end of the sentence.
    if (stop !== limit) return undefined;
    close = limit;
    while (close > i && (text.charCodeAt(close - 1) === 46 || isSpaceCode(text.charCodeAt(close - 1)))) close--;
  }
  const phrase = text.slice(i, close).trim();
  const ws = phrase.split(/\s+/);
  if (ws.length < 1 || ws.length > 20) return undefined;
  let w0 = 0;
  if (APPOSITIVE_ARTICLES.has(ws[0]) || APPOSITIVE_ARTICLES.has(ws[0].toLowerCase())) w0 = 1;
  else if (isCapitalized(ws[0]) && !DEMONYMS.has(ws[0])) return undefined; // a list of names, not an appositive
  if (ws[0] === 'who' || ws[0] === 'which') return undefined;
  let hasRole = false;
  for (let k = w0; k < ws.length; k++) {
    const w = withoutPossessiveS(ws[k].toLowerCase());
    if (SPEECH_VERBS.has(w) && k > w0) return undefined;
    if (ROLE_NOUNS.has(w)) hasRole = true;
  }
  if (!hasRole) return undefined;
  i = 0;
  return ws.slice(w0).join(' ');
}

/** lower.replace(/[’']s$/, ''), without the regex. */
function withoutPossessiveS(lower: string): string {
  const n = lower.length;
  return n >= 2 && lower.charCodeAt(n - 1) === 115 && isApostrophe(lower.charCodeAt(n - 2)) ? lower.slice(0, n - 2) : lower;
}

export function resolveEntities(
  text: string,
  structure: DocumentStructure,
  sentences: readonly Sentence[],
  candidates: readonly NameCandidate[],
): EntityAnalysis {
  const drafts: Draft[] = [];
  // Drafts by kind, then by upper-case name.
  const byKind: Record<EntityKind, Map<string, Draft>> = { person: new Map(), organization: new Map(), place: new Map(), other: new Map() };
  const personBySuffix = new Map<string, Draft | null>(); // null: ambiguous
  const orgByInitials = new Map<string, Draft>();
  // Every entry made with all three fields: one shape for the many loops over them.
  const pending: Pending[] = [];
  const paragraphKind = (s: number) => structure.paragraphs[sentences[s].paragraph]?.kind;

  // Names repeat: compute each one's words, word count and upper-case key once.
  const nameInfo = new Map<string, NameInfo>();
  // Calls come in runs for one name: the last answer is checked before the map.
  let lastName: string | undefined;
  let lastInfo: NameInfo | undefined;
  const info = (name: string): NameInfo => {
    if (name === lastName) return lastInfo!;
    let v = nameInfo.get(name);
    if (!v) {
      v = new NameInfo(name);
      nameInfo.set(name, v);
    }
    lastName = name;
    lastInfo = v;
    return v;
  };
  const getDraft = (kind: EntityKind, name: string): Draft => {
    const byUpper = byKind[kind];
    const upper = info(name).upper;
    let d = byUpper.get(upper);
    if (!d) {
      // Made with a placeholder kind, then given its own: the first draft of another kind
      // makes `kind` a mutable field at once. (Left constant until a rare late change of
      // kind, adoptKeywordFreeFullNames, it would deoptimise the code that relied on it.)
      d = { kind: 'other', name, firstSurface: '', moreSurfaces: undefined, role: undefined, roleFromTitle: undefined, spans: NO_SPANS, sentences: NO_SENTENCES, mentionCount: 0, firstMention: 0, order: drafts.length, id: '' };
      d.kind = kind;
      drafts.push(d);
      byUpper.set(upper, d);
    }
    return d;
  };

  // Pass 1: names that type themselves (gazetteer, keywords, titles, multi-word names).
  const wordsCount = (c: NameCandidate) => info(c.text).words;
  const sentenceOfFollowing = (c: NameCandidate) => followedBySpeechVerb(text, c.span.end, sentences[c.sentence].span.end);
  const personKeys = new Map<string, Draft>();
  // Pass 1 in a function of its own: TurboFan compiles (and after a deoptimisation
  // recompiles) it apart from the rest (resolveEntities is about 13 KB of bytecode).
  function resolveFirstPass(): void {
    const persons: NameCandidate[] = [];

    for (const c of candidates) {
      const kindOfParagraph = paragraphKind(c.sentence);
      const header = kindOfParagraph !== 'body' && kindOfParagraph !== 'byline';
      const upper = info(c.text).upper;
      let draft: Draft | undefined;
      if (c.tagged && kindOfParagraph === 'boilerplate') {
        pending.push({ cand: c, draft: undefined, skip: true });
        continue;
      }
      const lists = nameLists(c.text);
      if (c.tagged && (c.kind === 'person' || wordsCount(c) === 1) && (lists & (IN_COUNTRIES | IN_PLACE_ALIASES | IN_ORG_ALIASES)) === 0) {
        // People from the tagger: full names join the person pass, single words wait for pass 2 (surnames).
        if (wordsCount(c) >= 2) persons.push(c);
        pending.push({ cand: c, draft: undefined, skip: false });
        continue;
      }
      if (lists & IN_PLACE_ALIASES) draft = getDraft('place', PLACE_ALIASES.get(c.text)!);
      else if (lists & (IN_COUNTRIES | IN_CITIES)) draft = getDraft('place', c.text);
      else if (lists & IN_ORG_ALIASES) draft = getDraft('organization', ORG_ALIASES.get(c.text)!);
      else if (KNOWN_ORGS_UPPER.has(upper) && (isAllCaps(c.text) || (lists & IN_KNOWN_ORGS) !== 0 || upper.length <= 5)) draft = getDraft('organization', KNOWN_ORGS_UPPER.get(upper)!);
      else if (c.tagged && c.kind) draft = getDraft(c.kind, c.text);
      else if (c.kind) draft = header ? undefined : getDraft(c.kind, c.text);
      else if (!header && wordsCount(c) >= 2 && wordsCount(c) <= 6 && !isAllCaps(c.text) && !info(c.text).placeOrDemonym) persons.push(c);
      else if (!header && wordsCount(c) >= 2) draft = getDraft('other', c.text);
      pending.push({ cand: c, draft, skip: false });
    }

    // Persons: longest names first, so "Lopez Obrador" joins "Andres Manuel Lopez Obrador".
    // Word counts read once per person, not twice per comparison.
    // (Sorted in place and read by index: arrays made by map are of another kind when
    // empty, and a new array kind deoptimises this large function.)
    if (persons.length > 1) sortLongestFirst(persons, wordsCount);
    for (let i = 0; i < persons.length; i++) {
      const c = persons[i];
      const key = info(c.text).upper;
      if (personKeys.has(key)) continue;
      const suffixOwner = personBySuffix.get(key);
      if (suffixOwner) {
        personKeys.set(key, suffixOwner);
        continue;
      }
      const d = getDraft('person', c.text);
      personKeys.set(key, d);
      // The name's suffixes from its second word on (words split at single spaces), in
      // capitals: the name after each space, without splitting it into words. A particle
      // as the last word ("… de") is no surname.
      const name = c.text;
      for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
        const rest = name.slice(space + 1);
        if (name.indexOf(' ', space + 1) < 0 && NAME_PARTICLES.has(rest)) continue;
        const suffix = rest.toUpperCase();
        const prev = personBySuffix.get(suffix);
        personBySuffix.set(suffix, prev === undefined || prev === d ? d : null);
      }
    }
    for (const p of pending) {
      if (!p.draft && wordsCount(p.cand) >= 2 && personKeys.has(info(p.cand.text).upper)) p.draft = personKeys.get(info(p.cand.text).upper);
      // A tagged multi-word name without an organisation word that ends a person's full name
      // is that person ("De Vries said" after "Pieter de Vries").
      const d = p.draft;
      if (d && p.cand.tagged && (d.kind === 'organization' || d.kind === 'other') && wordsCount(p.cand) >= 2) {
        // The person first: most such names end nobody's name, and need not be split into words.
        const person = personBySuffix.get(info(p.cand.text).upper);
        if (person && !info(p.cand.text).ws.some((w) => ORG_KEYWORDS.has(w))) p.draft = person;
      }
    }
    // Byline authors are people.
    if (structure.byline) {
      const authors = structure.byline.authors;
      for (let i = 0; i < authors.length; i++) {
        const author = authors[i];
        const d = getDraft('person', author);
        const at = text.indexOf(author, structure.byline.span.start);
        if (at >= 0 && at < structure.byline.span.end) {
          const end = at + author.length;
          let found = false;
          for (const p of pending) {
            if (p.cand.span.start === at && p.cand.span.end === end) {
              p.draft = d;
              found = true;
            } else if (p.cand.span.start < end && p.cand.span.end > at) p.skip = true;
          }
          if (!found) pending.push({ cand: newCandidate({ start: at, end }, author, -1, undefined, false, false, undefined), draft: d, skip: false });
        }
      }
    }
    for (const d of drafts) {
      if (d.kind !== 'organization') continue;
      const initials = capitalInitials(d.name);
      if (initials.length >= 2) orgByInitials.set(initials, d);
    }

    // The dateline's place and agency.
    const dl = structure.dateline;
    if (dl) {
      const head = text.slice(dl.span.start, dl.span.end);
      // The tagger reads the dateline too: where it found a name there, its reading stands;
      // where it found none, only a place the gazetteer knows is taken ("SOCCER - …" is no dateline).
      const taggedAt = (at: number) => pending.some((p) => p.cand.tagged && p.cand.span.start === at);
      const placeUpper = dl.place?.toUpperCase();
      const taggedPlace = () => pending.some((p) => p.cand.tagged && p.cand.kind === 'place' && p.cand.text.toUpperCase() === placeUpper);
      if (dl.place && !taggedAt(dl.span.start) && (isPlaceName(dl.place) || PLACE_ALIASES.has(dl.place) || isPlaceName(titleCase(dl.place)) || taggedPlace())) {
        const name = PLACE_ALIASES.get(dl.place) ?? dl.place;
        pending.push({ cand: newCandidate({ start: dl.span.start, end: dl.span.start + dl.place.length }, dl.place, -1, undefined, false, false, undefined), draft: getDraft('place', name), skip: false });
      }
      if (dl.agency) {
        const at = head.lastIndexOf(dl.agency);
        const known = KNOWN_ORGS_UPPER.get(dl.agency.toUpperCase()) ?? dl.agency;
        if (at >= 0 && !taggedAt(dl.span.start + at)) pending.push({ cand: newCandidate({ start: dl.span.start + at, end: dl.span.start + at + dl.agency.length }, dl.agency, -1, undefined, false, false, undefined), draft: getDraft('organization', known), skip: false });
      }
    }
  }
  resolveFirstPass();

  // A word the tagger reads as a place more often than a person's full name is written
  // stays a place: "Athens" sixteen times beside one "Old Athens" is the city, while
  // "Lima said" after "Ana Lima" (tagged a person) is the person.
  const placeVotes = new Map<string, number>();
  for (const p of pending) {
    const c = p.cand;
    if (c.tagged && c.kind === 'place') placeVotes.set(info(c.text).upper, (placeVotes.get(info(c.text).upper) ?? 0) + 1);
  }
  const fullNameCounts = new Map<Draft, number>();
  for (const p of pending) if (p.draft && p.draft.kind === 'person') fullNameCounts.set(p.draft, (fullNameCounts.get(p.draft) ?? 0) + 1);
  const placeOutweighs = (c: NameCandidate, person: Draft) => c.tagged === true && c.kind === 'place' && (placeVotes.get(info(c.text).upper) ?? 0) > (fullNameCounts.get(person) ?? 0);

  // Pass 2 and what follows it, in a function of its own: TurboFan compiles (and after a
  // deoptimisation recompiles) it apart from pass 1 (resolveEntities is about 13 KB of
  // bytecode, which cost a fresh indexing worker seconds of compiling).
  function resolveTheRest(): void {
    // Pass 2: single words and the rest — surnames, acronyms, known names, or "other".
    for (const p of pending) {
      if (p.draft || p.skip) continue;
      const c = p.cand;
      if (c.sentence < 0) continue;
      const header = paragraphKind(c.sentence) !== 'body';
      const upper = info(c.text).upper;
      const person = personBySuffix.get(upper) ?? personKeys.get(upper);
      if (person && !placeOutweighs(c, person)) p.draft = person;
      else if (c.tagged && !isAllCaps(c.text) && byKind.organization.get(upper)?.name === upper) p.draft = byKind.organization.get(upper); // "Efe" for "EFE"
      else if (c.tagged && c.kind === 'person') p.draft = getDraft('person', c.text);
      else if (c.tagged && c.kind && (CITIES.has(c.text) || KNOWN_ORGS.has(c.text))) p.draft = getDraft(CITIES.has(c.text) ? 'place' : 'organization', c.text);
      else if (c.tagged && c.kind) p.draft = getDraft(c.kind, c.text);
      else if (byKind.organization.has(upper)) p.draft = byKind.organization.get(upper);
      else if (byKind.other.has(upper)) p.draft = byKind.other.get(upper);
      else if (byKind.place.has(upper)) p.draft = byKind.place.get(upper); // "ROTTERDAM" in the dateline
      else if (isAllCaps(c.text) && orgByInitials.has(c.text)) p.draft = orgByInitials.get(c.text);
      else if (header) continue;
      else if (c.title && !DEMONYMS.has(c.title.split(' ').pop() ?? '')) p.draft = getDraft('person', c.text);
      else if (c.initial && wordsCount(c) === 1) continue;
      else if (isAllCaps(c.text) && c.text.replace(/\./g, '').length >= 2 && c.text.length <= 6) p.draft = getDraft('organization', c.text);
      else if (VAGUE_SOURCE_NOUNS.has(c.text.toLowerCase())) continue; // "Experts say"
      else if (wordsCount(c) === 1 && sentenceOfFollowing(c)) p.draft = getDraft('person', c.text);
      else if (wordsCount(c) === 1 && c.text.length > 1 && !c.text.endsWith('.')) p.draft = getDraft('other', c.text);
    }
    // A city name that is also a known person's surname ("Ana Lima" … "Lima said") is the person.
    for (const p of pending) {
      const d = p.draft;
      if (!d || d.kind !== 'place' || p.cand.sentence < 0 || !CITIES.has(p.cand.text) || COUNTRIES.has(p.cand.text)) continue;
      const person = personBySuffix.get(info(p.cand.text).upper);
      if (person && !placeOutweighs(p.cand, person)) p.draft = person;
    }
    // Known acronyms that abbreviate an organisation named in full ("DEA").
    for (const p of pending) {
      const d = p.draft;
      if (!d || d.kind !== 'organization' || !isAllCaps(p.cand.text)) continue;
      const full = orgByInitials.get(p.cand.text.replace(/\./g, ''));
      if (full && full !== d) p.draft = full;
    }
    // Sentence-initial single words seen elsewhere as a name ("Robinson said", at a sentence start).
    for (const p of pending) {
      if (p.draft || p.skip || p.cand.sentence < 0) continue;
      const upper = info(p.cand.text).upper;
      p.draft = byKind.person.get(upper) ?? byKind.organization.get(upper) ?? byKind.place.get(upper);
    }

    adoptKeywordFreeFullNames(pending, drafts, info);

    // Mentions, surface forms, roles.
    for (const p of pending) {
      const d = p.draft;
      if (!d || p.skip) continue;
      const c = p.cand;
      if (d.mentionCount++ === 0) d.firstSurface = c.text;
      else if (c.text !== d.firstSurface) (d.moreSurfaces ??= new Set()).add(c.text);
      if (d.kind === 'person' && c.sentence >= 0) {
        // A role read from an appositive stands: later appositives of the person are not read.
        const wantsRole = !d.role || d.roleFromTitle === true;
        const role = wantsRole ? appositiveRole(text, c.possessive ? c.span.end + 2 : c.span.end, sentences[c.sentence].span.end) : undefined;
        if (role && wantsRole) {
          d.role = role;
          d.roleFromTitle = false;
        } else if (!d.role && c.title) {
          d.role = c.title;
          d.roleFromTitle = true;
        }
      }
    }
  }
  resolveTheRest();
  collectMentionSpans(pending, drafts);

  // Canonical names: the longest surface form; all capitals wins a tie ("EFE" over "Efe").
  const entities: Entity[] = [];
  const usedIds = new Set<string>();
  const live = drafts.filter((d) => d.mentionCount > 0);
  for (const d of live) {
    // The surface forms in the order added: the first, then the others.
    let name = longerName(d, d.name, d.firstSurface);
    if (d.moreSurfaces) for (const s of d.moreSurfaces) name = longerName(d, name, s);
    d.name = name;
    let id = `${d.kind}:${slugOf(name)}`;
    if (usedIds.has(id)) id = `${id}-${d.order}`;
    usedIds.add(id);
    d.id = id;
  }
  sortByFirstMention(live);
  for (const d of live) {
    // Spans come in text order but for the byline's and dateline's, added last.
    if (!isSortedByStart(d.spans)) sortSpansByStart(d);
    const aliases = !d.moreSurfaces ? (d.firstSurface === d.name ? [] : [d.firstSurface]) : [d.firstSurface, ...d.moreSurfaces].filter((s) => s !== d.name).sort();
    const e: Entity = { id: d.id, kind: d.kind, name: d.name, aliases, mentions: d.spans };
    if (d.role) e.role = d.role;
    entities.push(e);
  }
  return { entities, mentions: mentionsInTextOrder(pending, live) };
}

/** The canonical name so far, or surface form `s` when it is longer; all capitals wins a tie for organisations, loses it otherwise. */
function longerName(d: Draft, name: string, s: string): string {
  if (d.kind === 'place' && PLACE_ALIASES.has(s)) return name;
  // Organisations prefer capitals ("EFE" over "Efe"); people and places do not ("Rotterdam" over "ROTTERDAM").
  const capsWins = d.kind === 'organization' ? isAllCaps(s) && !isAllCaps(name) : isAllCaps(name) && !isAllCaps(s);
  return s.length > name.length || (s.length === name.length && capsWins) ? s : name;
}

/**
 * A surname used as a person ("Voss said") whose full name the tagger typed as an
 * organisation with no organisation word ("Nadia Voss"): the full name is that person.
 * (A function of its own: its rare last step, first met after resolveTheRest is
 * optimised, would deoptimise that large function.)
 */
function adoptKeywordFreeFullNames(pending: readonly Pending[], drafts: readonly Draft[], info: (name: string) => NameInfo): void {
  const keywordFreeBySurname = new Map<string, Draft | null>(); // null: ambiguous
  for (const d of drafts) {
    if (d.kind !== 'organization' && d.kind !== 'other') continue;
    // The word count first: the words and the first word's lists are made on demand, and most names are passed over.
    const name = info(d.name);
    const words = name.words;
    if (words < 2 || words > 3 || name.placeOrDemonym) continue;
    const ws = name.ws;
    if (ws.some((w) => ORG_KEYWORDS.has(w) || ORG_TRAILING_NOUNS.has(w.toLowerCase()) || isAllCaps(w))) continue;
    const surname = ws[words - 1].toUpperCase();
    keywordFreeBySurname.set(surname, keywordFreeBySurname.has(surname) ? null : d);
  }
  if (keywordFreeBySurname.size > 0) {
    for (const p of pending) {
      const d = p.draft;
      if (!d || d.kind !== 'person' || info(d.name).words !== 1) continue;
      const full = keywordFreeBySurname.get(info(d.name).upper);
      if (!full) continue;
      full.kind = 'person';
      p.draft = full;
    }
  }
}

/** Sorts people's full names, longest first, then in text order; each one's word count read once. */
function sortLongestFirst(persons: NameCandidate[], wordsCount: (c: NameCandidate) => number): void {
  const byWords: { c: NameCandidate; words: number }[] = [];
  for (let i = 0; i < persons.length; i++) byWords.push({ c: persons[i], words: wordsCount(persons[i]) });
  byWords.sort((x, y) => y.words - x.words || x.c.span.start - y.c.span.start);
  for (let i = 0; i < byWords.length; i++) persons[i] = byWords[i].c;
}

/**
 * A draft's spans (with their sentences) in text order, stably sorted: rare (the byline's
 * and dateline's come last). By insertion, in place, on both arrays: the spans are in text
 * order but for those few (a list further from order goes the long way round).
 */
function sortSpansByStart(d: Draft): void {
  const spans = d.spans;
  const sentences = d.sentences;
  let moves = 0;
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i];
    const sentence = sentences[i];
    let j = i;
    while (j > 0 && spans[j - 1].start > span.start) {
      spans[j] = spans[j - 1];
      sentences[j] = sentences[j - 1];
      j--;
    }
    spans[j] = span;
    sentences[j] = sentence;
    moves += i - j;
    if (moves > 8 * spans.length) return sortSpansBySort(d);
  }
}

/** sortSpansByStart with sort(): stable, so a list partly sorted by insertion ends the same. */
function sortSpansBySort(d: Draft): void {
  const sorted: { span: Span; sentence: number }[] = [];
  for (let i = 0; i < d.spans.length; i++) sorted.push({ span: d.spans[i], sentence: d.sentences[i] });
  sorted.sort((x, y) => x.span.start - y.span.start);
  // Pushed, not mapped: map makes holey arrays, and every other mention list is packed
  // (one array kind for the loops over entities' mentions downstream).
  const spans: Span[] = [];
  const sentences: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    spans.push(sorted[i].span);
    sentences.push(sorted[i].sentence);
  }
  d.spans = spans;
  d.sentences = sentences;
}

const byFirstMention = (x: Draft, y: Draft): number => x.spans[0].start - y.spans[0].start || x.order - y.order;

/**
 * items.sort(compare) for a list nearly in order, by insertion: stable, without sort()'s
 * copies; once more than 8 moves per item were needed, the rest is left to sort(), which,
 * stable too, ends the partly sorted list as it would have ended the original.
 */
function sortNearlySorted<T>(items: T[], compare: (x: T, y: T) => number): void {
  let moves = 0;
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i;
    while (j > 0 && compare(items[j - 1], item) > 0) {
      items[j] = items[j - 1];
      j--;
    }
    items[j] = item;
    moves += i - j;
    if (moves > 8 * items.length) {
      items.sort(compare);
      return;
    }
  }
}

/**
 * The live drafts by first mention (then by order made: a total order, so any sort gives
 * one answer). Drafts are made in text order but for people (longest names first) and the
 * byline's and dateline's names.
 */
function sortByFirstMention(live: Draft[]): void {
  sortNearlySorted(live, byFirstMention);
}

const byMentionStart = (x: Mention, y: Mention): number => x.span.start - y.span.start;

/** Mentions come in text order but for the few added last (byline, dateline authors and places). */
function sortMentionsByStart(mentions: Mention[]): void {
  sortNearlySorted(mentions, byMentionStart);
}

function isSortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/**
 * Every mention in text order: the live drafts' spans (each draft's sorted by start, the
 * drafts in `live` order) joined and stably sorted by start. Made from the pending names
 * in their order, stably sorted by start: the same list when no two mentions start at one
 * offset; with such a tie, the long way round.
 */
function mentionsInTextOrder(pending: readonly Pending[], live: readonly Draft[]): Mention[] {
  const mentions: Mention[] = [];
  let inOrder = true;
  let prevStart = -1;
  for (const p of pending) {
    const d = p.draft;
    if (!d || p.skip) continue;
    const span = p.cand.span;
    if (span.start <= prevStart) inOrder = false;
    prevStart = span.start;
    mentions.push({ span, entity: d.id, sentence: p.cand.sentence });
  }
  if (inOrder) return mentions;
  sortMentionsByStart(mentions);
  let tie = false;
  for (let i = 1; i < mentions.length && !tie; i++) tie = mentions[i].span.start === mentions[i - 1].span.start;
  if (!tie) return mentions;
  const joined: Mention[] = [];
  for (const d of live) for (let i = 0; i < d.spans.length; i++) joined.push({ span: d.spans[i], entity: d.id, sentence: d.sentences[i] });
  return joined.sort((x, y) => x.span.start - y.span.start);
}

function followedBySpeechVerb(text: string, end: number, limit: number): boolean {
  let i = end;
  if (i < limit && isApostrophe(text.charCodeAt(i))) return false;
  while (i < limit && isSpaceCode(text.charCodeAt(i))) i++;
  let j = i;
  while (j < limit && j - i < 14 && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
  return SPEECH_VERBS.has(text.slice(i, j));
}

const KIND_INDEX: Record<EntityKind, number> = { person: 0, organization: 1, place: 2, other: 3 };
const KINDS: EntityKind[] = ['person', 'organization', 'place', 'other'];

function isKnownName(name: string): boolean {
  return (nameLists(name) & KNOWN_NAME_LISTS) !== 0;
}

/**
 * The tagger's spans as candidates, combined with what the rules know: the title before a
 * name (from the rule candidate ending at the same place), possessives, and names the
 * tagger missed that the rules are sure of (organisation keywords, gazetteers). Each name
 * string then takes one kind across the document: the majority of its tagged mentions,
 * the first mention breaking a tie.
 */
const COMPANY_SUFFIXES = new Set(['Inc.', 'Inc', 'Ltd.', 'Ltd', 'LLC', 'Corp.', 'Co.', 'plc', 'PLC', 'S.A.', 'AG', 'GmbH', 'N.V.', 'LLP']);

/**
 * A name holds no bracket and no comma: "World Health Organisation (WHO" ends before the
 * bracket, "Palawan, Philippines" is two names, "Acme Lottery Corporation, Inc." is the
 * corporation. The first piece keeps the tagger's scores; later pieces vote whole.
 */
function splitAtPunctuation(text: string, tagged: readonly NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let t of tagged) {
    // No person's name holds "and" or "&": "Carrano and Biewener", "Gerald and Sherri Padalecki" are two people.
    if (t.kind === 'person') {
      const joint = personJoint(text, t.start, t.end);
      if (joint >= 0) {
        const scores = (t as NameSpan & { scores?: number[] }).scores;
        const firstPart: NameSpan & { scores?: number[] } = { start: t.start, end: joint, kind: 'person' };
        if (scores) firstPart.scores = scores;
        out.push(...splitAtPunctuation(text, [firstPart]));
        let rest = text.indexOf(' ', joint + 1) + 1;
        t = { start: rest, end: t.end, kind: 'person' };
        for (let next = personJoint(text, rest, t.end); next >= 0; next = personJoint(text, rest, t.end)) {
          out.push(...splitAtPunctuation(text, [{ start: rest, end: next, kind: 'person' }]));
          rest = text.indexOf(' ', next + 1) + 1;
          t = { start: rest, end: t.end, kind: 'person' };
        }
      }
    }
    let end = t.end;
    // Searched inside the span only: an indexOf past it would scan the rest of the text.
    const bracket = indexInSpan(text, 40, t.start, end);
    if (bracket >= 0) {
      end = bracket;
      while (end > t.start && isSpaceCode(text.charCodeAt(end - 1))) end--;
      if (end === t.start) continue;
    }
    if (end === t.end && indexInSpan(text, 44, t.start, end) < 0) { out.push(t); continue; }
    let from = t.start;
    let first = true;
    while (from < end) {
      let to = text.indexOf(',', from);
      if (to < 0 || to > end) to = end;
      let a = from, b = to;
      while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
      if (b > a && !(!first && COMPANY_SUFFIXES.has(text.slice(a, b)))) {
        const piece: NameSpan & { scores?: number[] } = { start: a, end: b, kind: t.kind };
        const scores = (t as NameSpan & { scores?: number[] }).scores;
        if (first && scores) piece.scores = scores;
        out.push(piece);
      }
      first = false;
      from = to + 1;
    }
  }
  return out;
}

/**
 * The end of the first person's name before " and " or " & " in text[from, to), when a
 * capitalised word follows the joint; -1 when there is none.
 */
function personJoint(text: string, from: number, to: number): number {
  for (let i = indexInSpan(text, 32, from, to); i >= 0 && i < to; i = indexInSpan(text, 32, i + 1, to)) {
    const c = text.charCodeAt(i + 1);
    const width = c === 38 ? 1 : c === 97 && text.charCodeAt(i + 2) === 110 && text.charCodeAt(i + 3) === 100 ? 3 : 0;
    if (width === 0 || text.charCodeAt(i + 1 + width) !== 32 || i + 2 + width >= to || !isUpperCode(text.charCodeAt(i + 2 + width))) continue;
    if (i > from) return i;
  }
  return -1;
}

/** The first index of the code unit `code` in text[from, to), or -1. */
function indexInSpan(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Rule candidates by their start (or end) offset. findNameCandidates gives them in text
 * order, starts and ends increasing: a binary search then, with no map to fill; a map
 * (the last candidate at an offset wins) for any other order.
 */
class RulesByOffset {
  private readonly byOffset: Map<number, NameCandidate> | undefined;
  /** The rules' offsets, read by the binary search without touching the candidates (a plain array: a typed one costs more to make than it saves here). */
  private readonly offsets: number[];

  constructor(private readonly rules: readonly NameCandidate[], byEnd: boolean) {
    // Made at its full length: pushing would regrow it several times.
    const offsets = (this.offsets = new Array<number>(rules.length));
    for (let i = 0; i < rules.length; i++) offsets[i] = byEnd ? rules[i].span.end : rules[i].span.start;
    for (let i = 1; i < rules.length; i++) {
      if (offsets[i] > offsets[i - 1]) continue;
      this.byOffset = new Map();
      for (let k = 0; k < rules.length; k++) this.byOffset.set(offsets[k], rules[k]);
      break;
    }
  }

  get(offset: number): NameCandidate | undefined {
    if (this.byOffset) return this.byOffset.get(offset);
    const offsets = this.offsets;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = offsets[mid];
      if (at === offset) return this.rules[mid];
      if (at < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

export function combineCandidates(text: string, sentences: readonly Sentence[], taggedSpans: readonly NameSpan[], rules: readonly NameCandidate[], writtenLower: LowerCaseWords = new LowerCaseWords(text)): NameCandidate[] {
  const tagged = splitAtPunctuation(text, taggedSpans);
  const ruleByEnd = new RulesByOffset(rules, true);
  const ruleByStart = new RulesByOffset(rules, false);
  const out: NameCandidate[] = [];
  let s = 0;
  for (const t of tagged) {
    while (s < sentences.length && sentences[s].span.end <= t.start) s++;
    if (s >= sentences.length) break;
    if (sentences[s].span.start > t.start) continue; // outside any sentence (blank or dropped text)
    let start = t.start;
    let end = Math.min(t.end, sentences[s].span.end);
    // The tagger's possessive: "Macron’s" → "Macron".
    let possessive = false;
    if (end - start > 2 && isApostrophe(text.charCodeAt(end - 2)) && text.charCodeAt(end - 1) === 115) {
      end -= 2;
      possessive = true;
    } else if (isApostrophe(text.charCodeAt(end)) && text.charCodeAt(end + 1) === 115 && !isLetterAt(text, end + 2)) possessive = true;
    // Sentence openers the tagger took into a name: "Once Cyclone Phailin", "And Susan".
    while (true) {
      let w = start;
      while (w < end && isLetterAt(text, w)) w++;
      if (w >= end || !isSpaceCode(text.charCodeAt(w)) || !SENTENCE_STARTERS.has(text.slice(start, w)) || isKnownName(text.slice(start, end))) break;
      start = w + 1;
      while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    }
    // Titles the tagger kept inside a person's name: "Mr. Kelly", "Emperor Norton", "… Vice President".
    if (t.kind === 'person') {
      for (;;) {
        const sp = text.indexOf(' ', start);
        if (sp < 0 || sp >= end || !TITLES.has(text.slice(start, sp))) break;
        start = sp + 1;
      }
      for (;;) {
        const sp = text.lastIndexOf(' ', end - 1);
        if (sp < start || !TITLES.has(text.slice(sp + 1, end))) break;
        end = sp;
      }
    }
    // The name as it stands, sliced once for the checks below.
    let raw = text.slice(start, end);
    if (t.kind === 'person' && TITLES.has(raw)) continue;
    // A lone capitalised word opening a sentence, written elsewhere in lower case, is a
    // common word ("Iodine deficiency…", "Go for it").
    if (isSentenceInitial(text, start, sentences[s].span.start) && isSingleWord(text, start, end) && !isAllCaps(raw) && !isKnownName(raw)) {
      const lower = raw.toLowerCase();
      if (writtenLower.has(lower)) continue;
    }
    // "Ah, …", "Howdy!", "Oh my God": exclamations, not names.
    if (INTERJECTIONS.has(raw) || (raw === 'God' && GOD_EXCLAIMED.has(wordBefore(text, start)))) continue;
    // "Title IV", "Article III", "Tab 8": a part of a document, not a name (5 to 16 characters: "Tab 8", "Paragraph XXVIII").
    if ((raw.length >= 5 && raw.length <= 16 && DOCUMENT_PART.test(raw)) || (DOCUMENT_PART_WORDS.has(raw) && /^ (?:[IVXLC]{1,6}|\d{1,4})\b/.test(text.slice(end, end + 8)))) continue;
    const rule = ruleByEnd.get(end) ?? ruleByEnd.get(t.end);
    let title = rule && rule.span.start >= start ? rule.title : undefined;
    // A title the tagger kept inside a person's name: "President Obama" → "Obama".
    if (t.kind === 'person' && rule && rule.span.end === end && rule.span.start > start && rule.title) {
      start = rule.span.start;
      raw = text.slice(start, end);
      title = rule.title;
    }
    if (raw.length === 0 || tooManyWords(raw)) continue;
    const name = hasIrregularSpace(raw) ? raw.replace(/\s+/g, ' ') : raw;
    const cand = newCandidate({ start, end }, name, s, t.kind, ruleByStart.get(start)?.initial ?? false, possessive, true);
    if (title) cand.title = title;
    const scores = (t as NameSpan & { scores?: number[] }).scores;
    if (scores) cand.scores = scores;
    out.push(cand);
  }
  // Rule candidates the tagger did not cover, when the rules are sure of them; and rule
  // spans that join what the tagger split: an organisation keyword ("Global Coalition to
  // Address Synthetic Drug Threats"), name particles ("Ana de la Fuente"). A trailing noun
  // types a name the tagger found ("the Gulf cartel").
  const merged: NameCandidate[] = [];
  // A lone word opening a sentence that the tagger passed over ("Okafor denied …", where
  // it reads capitals as the sentence's) and that ends a person's full name found in the
  // document is that person's surname, unless the document also writes it in lower case.
  let surnames: Set<string> | undefined;
  let k = 0;
  for (const r of rules) {
    while (k < out.length && out[k].span.end <= r.span.start) merged.push(out[k++]);
    let e = k;
    while (e < out.length && out[e].span.start < r.span.end) e++;
    if (e === k) {
      if ((r.kind || isKnownName(r.text)) && !COMPANY_SUFFIXES.has(r.text)) merged.push(r);
      else if (!r.kind && isCitedAuthor(text, r.span.start, r.span.end)) merged.push(asTagged(r, 'person'));
      else if (r.initial && !r.kind && isSingleWord(text, r.span.start, r.span.end) && !isAllCaps(r.text) && (surnames ??= surnamesOfPeople(out)).has(r.text) && !writtenLower.has(r.text.toLowerCase())) merged.push(asTagged(r, 'person'));
      continue;
    }
    // "(Dye & Baum, 2010)": two authors the tagger ran together.
    if (e - k === 1 && out[k].span.start <= r.span.start && out[k].span.end >= r.span.end && (out[k].split || / and | & /.test(out[k].text)) && isCitedAuthor(text, r.span.start, r.span.end)) {
      out[k].split = true;
      merged.push(asTagged(r, 'person'));
      continue;
    }
    // "Health Ministry and Reuters" is two names the rules split at "and".
    if (e - k === 1 && (out[k].split || (out[k].span.start <= r.span.start && out[k].span.end >= r.span.end && (r.kind || isKnownName(r.text)) && / and /.test(out[k].text)))) {
      out[k].split = true;
      merged.push(asTagged(r, r.kind ?? (isPlaceName(r.text) ? 'place' : 'organization')));
      continue;
    }
    if (e - k === 1 && out[k].span.start === r.span.start && out[k].span.end === r.span.end && r.kind === 'organization') {
      out[k].kind = 'organization';
      out[k].scores = undefined; // the rules' kind votes whole
      continue;
    }
    if (e - k >= 2 && out[e - 1].span.end <= r.span.end + 0) {
      const joinsOrg = r.kind === 'organization';
      const joinsPerson = out[k].kind === 'person' && hasParticle(r.text) && out.slice(k, e).every((c) => c.kind === 'person' || c.kind === 'place' || c.kind === 'organization');
      if (joinsOrg || joinsPerson) {
        const first = out[k];
        if (first.span.start < r.span.start && !joinsOrg) continue;
        merged.push(asTagged(r, joinsOrg ? 'organization' : 'person'));
        k = e;
      }
    }
  }
  while (k < out.length) merged.push(out[k++]);
  // A cited author the tagger read as a place or body ("(Vale et al., 2019)", "(Brandt, 2014)").
  for (const c of merged) {
    if (c.kind !== 'person' && !c.split && isCitedAuthor(text, c.span.start, c.span.end)) {
      c.kind = 'person';
      c.scores = undefined;
    }
  }
  if (merged.some((c) => c.split)) return voteKinds(text, merged.filter((c) => !c.split));
  return voteKinds(text, merged);
}

/**
 * An author cited in the scholarly way: one word (hyphens allowed, not in capitals, not a
 * known place or body) followed by "et al." or, inside brackets, by a year ("(Brandt,
 * 2014)", "(Brandt 2014; …)"); or joined by "&" / "and" to such an author ("(Dye & Baum, 2010)").
 */
function isCitedAuthor(text: string, start: number, end: number): boolean {
  // Most names are followed by neither " et al", a year, "&" nor "and": rejected on the next two characters.
  // A name at the end of the text is followed by nothing (and reading past the end is out
  // of bounds: a deoptimisation).
  if (end + 1 >= text.length) return false;
  const next = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) === 44 ? next !== 32 : text.charCodeAt(end) !== 32 || !(next === 101 || next === 38 || next === 97 || isDigitCode(next))) return false;
  if (end - start < 2 || end - start > 30 || !isUpperCode(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 97 && c <= 122) && c !== 45 && c !== 39 && c !== 0x2019 && !(c >= 65 && c <= 90) && c < 0xc0) return false;
  }
  if (isAllCaps(text.slice(start, end))) return false;
  if (citationTail(text, start, end)) return !isKnownName(text.slice(start, end));
  // "Dye & Baum, 2010": the next author carries the year.
  let i = end;
  if (text.charCodeAt(i) !== 32) return false;
  if (text.charCodeAt(i + 1) === 38 && text.charCodeAt(i + 2) === 32) i += 3;
  else if (text.startsWith('and ', i + 1)) i += 5;
  else return false;
  if (!isUpperCode(text.charCodeAt(i))) return false;
  let j = i + 1;
  while (j < text.length && j - i < 30 && (isLetterAt(text, j) || text.charCodeAt(j) === 45 || text.charCodeAt(j) >= 0xc0)) j++;
  return citationTail(text, i, j) && !isKnownName(text.slice(start, end));
}

/** After a name: " et al", or, inside brackets opened before `start`, ", 1998" / " 1998". */
function citationTail(text: string, start: number, end: number): boolean {
  let i = end;
  if (text.startsWith(' et al', i)) return true;
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) !== 32) return false;
  // "Stoker (2013)" is as often a film as an author: a year counts inside brackets only.
  return isYearAt(text, i + 1) && insideBrackets(text, start);
}

/** A year 1600–2099 at i, not followed by another digit ("2010a" allowed). */
function isYearAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i), b = text.charCodeAt(i + 1);
  if (!((a === 49 && b >= 54 && b <= 57) || (a === 50 && b === 48))) return false;
  return isDigitCode(text.charCodeAt(i + 2)) && isDigitCode(text.charCodeAt(i + 3)) && !isDigitCode(text.charCodeAt(i + 4));
}

/** An opening bracket within the 150 characters before `start`, with no closing bracket or line break after it. */
function insideBrackets(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 150; i--) {
    const c = text.charCodeAt(i);
    if (c === 40) return true;
    if (c === 41 || c === 10) return false;
  }
  return false;
}

/** The last words of the multi-word names tagged as people ("Okafor" of "Daniel Okafor"), capitalised words only. */
function surnamesOfPeople(tagged: readonly NameCandidate[]): Set<string> {
  const out = new Set<string>();
  for (const c of tagged) {
    if (c.kind !== 'person') continue;
    const space = c.text.lastIndexOf(' ');
    if (space > 0 && space < c.text.length - 2 && isUpperCode(c.text.charCodeAt(space + 1))) out.add(c.text.slice(space + 1));
  }
  return out;
}

/** A rule candidate taken as tagged with a kind (a field-by-field copy: object spread is slow here). */
function asTagged(r: NameCandidate, kind: EntityKind): NameCandidate {
  const c = newCandidate(r.span, r.text, r.sentence, kind, r.initial, r.possessive, true);
  if (r.title !== undefined) c.title = r.title;
  if (r.split !== undefined) c.split = r.split;
  return c;
}

/** Document-level consistency: one kind per name string (tagged mentions vote; the first breaks a tie). */
/** Words before a place name ("in Coron", "near Coron") and seldom before a person's. */
const LOCATIVE_WORDS = new Set(['in', 'near', 'into', 'throughout', 'within', 'across', 'outside']);

const DOCUMENT_PART = /^(?:Title|Article|Tab|Section|Chapter|Part|Schedule|Rule|Clause|Figure|Table|Appendix|Exhibit|Paragraph) (?:[IVXLC]{1,6}|\d{1,4}[A-Za-z]?)$/;
const DOCUMENT_PART_WORDS = new Set(['Title', 'Article', 'Tab', 'Section', 'Chapter', 'Part', 'Schedule', 'Rule', 'Clause', 'Figure', 'Table', 'Appendix', 'Exhibit', 'Paragraph']);

/** "Oh my God", "for God's sake", "thank God". */
const GOD_EXCLAIMED = new Set(['my', 'oh', 'for', 'thank', 'good', 'dear']);

/** Nouns that name a person just before their name ("their child, Gloria", "his wife Ana"). */
const KIN_WORDS = new Set(['child', 'daughter', 'son', 'wife', 'husband', 'mother', 'father', 'brother', 'sister', 'baby', 'girl', 'boy', 'friend', 'named', 'uncle', 'aunt', 'niece', 'nephew', 'grandson', 'granddaughter', 'cousin', 'grandmother', 'grandfather', 'girlfriend', 'boyfriend', 'partner', 'widow', 'toddler']);

/** The lower-case word just before `start` (up to 13 letters, a comma between allowed), or ''. */
function wordBefore(text: string, start: number, overComma = false): string {
  let e = start;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  if (overComma && e > 0 && text.charCodeAt(e - 1) === 44) {
    e--;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  }
  let b = e;
  while (b > 0 && e - b < 13 && isLetterAt(text, b - 1)) b--;
  return b < e && (b === 0 || !isLetterAt(text, b - 1)) ? text.slice(b, e).toLowerCase() : '';
}

function voteKinds(text: string, merged: NameCandidate[]): NameCandidate[] {

  // Document-level consistency: one kind per name string. A name's votes are five entries
  // of one flat array (four kinds' sums, then the first mention's kind), found by the
  // name's offset: one array per document rather than one per name.
  const voteAt = new Map<string, number>();
  const votes: number[] = [];
  // One-word names written twice or more after "in"/"near"/...: a place the tagger, reading
  // "Tarnec was …" at sentence starts as a person, would otherwise make a person (or an
  // organisation): unless the gazetteers know the name.
  const locative = new Map<string, number>();
  // One-word names placed after a kinship noun once ("their child, Gloria"): a person.
  const kin = new Set<string>();
  const keys = new Array<string | undefined>(merged.length);
  for (let i = 0; i < merged.length; i++) {
    const c = merged[i];
    if (!c.tagged) continue;
    const key = (keys[i] = c.text.toUpperCase());
    if (!c.kind) continue;
    let at = voteAt.get(key);
    if (at === undefined) {
      at = votes.length;
      voteAt.set(key, at);
      votes.push(0, 0, 0, 0, KIND_INDEX[c.kind]);
    }
    addVote(votes, at, c);
    if (isSingleWord(text, c.span.start, c.span.end)) {
      const before = wordBefore(text, c.span.start);
      if (!c.possessive && !isAllCaps(c.text) && LOCATIVE_WORDS.has(before)) locative.set(key, (locative.get(key) ?? 0) + 1);
      // Read over a comma only where one stands before the name: otherwise it is the same word.
      if (KIN_WORDS.has(before !== '' ? before : wordBefore(text, c.span.start, true)) && !isKnownName(c.text)) kin.add(key);
    }
  }
  for (let i = 0; i < merged.length; i++) {
    const c = merged[i];
    if (!c.tagged) continue;
    const at = voteAt.get(keys[i]!);
    if (at === undefined) continue;
    let best = votes[at + 4];
    for (let i = 0; i < 4; i++) if (votes[at + i] > votes[at + best]) best = i;
    if ((best === KIND_INDEX.person || best === KIND_INDEX.organization) && (locative.get(keys[i]!) ?? 0) >= 2 && !isKnownName(c.text)) best = KIND_INDEX.place;
    else if (best !== KIND_INDEX.person && kin.has(keys[i]!)) best = KIND_INDEX.person;
    c.kind = KINDS[best];
  }
  return merged;
}

/** Scores 16 apart (trained units) make one kind's vote e (≈2.7) times another's; tuned on GUM train/dev. */
const VOTE_TEMPERATURE = 16;

/**
 * One mention's vote: a soft vote from the tagger's scores (a confident mention outweighs
 * a hesitant one: "in Coron" outvotes "Coron was" read as a person), or a whole vote for
 * a kind the rules set.
 */
function addVote(v: number[], at: number, c: NameCandidate): void {
  const k = KIND_INDEX[c.kind!];
  const s = c.scores;
  if (!s) { v[at + k] += 1; return; }
  let best = s[0];
  for (let i = 1; i < 4; i++) if (s[i] > best) best = s[i];
  // Four scalars, summed in the same order as a loop over an array would.
  const p0 = Math.exp((s[0] - best) / VOTE_TEMPERATURE);
  const p1 = Math.exp((s[1] - best) / VOTE_TEMPERATURE);
  const p2 = Math.exp((s[2] - best) / VOTE_TEMPERATURE);
  const p3 = Math.exp((s[3] - best) / VOTE_TEMPERATURE);
  const total = 0 + p0 + p1 + p2 + p3;
  v[at] += p0 / total;
  v[at + 1] += p1 / total;
  v[at + 2] += p2 / total;
  v[at + 3] += p3 / total;
}

/** A run of more than a dozen words is a title-case heading or shouting, not a name. */
function tooManyWords(raw: string): boolean {
  let words = 1;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 32 && ++words > 12) return true;
  return false;
}

function hasParticle(name: string): boolean {
  for (const w of name.split(' ')) if (NAME_PARTICLES.has(w)) return true;
  return false;
}

function isSingleWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isLetterAt(text, i)) return false;
  return end > start;
}

/** Only quotation marks, brackets or dashes between the sentence start and the word. */
function isSentenceInitial(text: string, start: number, sentenceStart: number): boolean {
  for (let i = start - 1; i >= sentenceStart; i--) {
    const c = text.charCodeAt(i);
    if (isLetterAt(text, i) || isDigitCode(c)) return false;
  }
  return true;
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (m, a: string, b: string) => a + b.toUpperCase());
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function extractEntities(text: string, structure: DocumentStructure, sentences: readonly Sentence[], sentenceTokens?: readonly Token[][]): EntityAnalysis {
  const rules = findNameCandidates(text, sentences, sentenceTokens);
  // One memo of the document's lower-case words for both steps that ask.
  const writtenLower = new LowerCaseWords(text);
  const combined = combineCandidates(text, sentences, tagNamesScored(text), rules, writtenLower);
  return addNestedPlaces(text, resolveEntities(text, structure, sentences, reviseCandidates(text, combined, writtenLower)));
}

/** For tests: the insertion sorts of mentions and of a draft's spans, beside sort(). */
export const entityOrderChecks = {
  /** Drafts given as [first mention's start, order made]: their order after sortByFirstMention. */
  sortByFirstMention(drafts: Array<[number, number]>): number[] {
    const live = drafts.map(([start, order]) => ({ spans: [{ start, end: start + 1 }], order }) as unknown as Draft);
    sortByFirstMention(live);
    return live.map((d) => d.order);
  },
  sortMentionsByStart(mentions: Mention[]): Mention[] {
    sortMentionsByStart(mentions);
    return mentions;
  },
  sortSpansByStart(spans: Span[], sentences: number[]): { spans: Span[]; sentences: number[] } {
    const draft = { spans, sentences } as unknown as Draft;
    sortSpansByStart(draft);
    return { spans: draft.spans, sentences: draft.sentences };
  },
};
