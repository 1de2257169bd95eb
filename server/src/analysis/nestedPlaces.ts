// Places named inside other names: "Dhaka" in "Dhaka University", "Newfoundland" in "the
// Newfoundland Court of Appeal", "San Francisco" in "San Francisco Bay". The name finder
// outputs flat spans (the longest name wins); this adds the inner place as a mention of
// a place entity of its own, so that "Dhaka" is listed among the document's places.
//
// Only names of institutions and geographic features are opened (their keyword says the
// place is a part of the name, not an accident of it): a sports club or company named after
// its town ("Leeds United") is not, as news NER conventions (CoNLL) do not mark those.
import type { Entity } from './types';
import type { EntityAnalysis } from './entities';
import { CITIES, COUNTRIES, PLACE_ALIASES } from './lexicon';
import { gazetteerMask, GAZ } from './tagger/gazetteer';
import { isAllCaps } from './text';

/** Words that make a name an institution or a feature with a place inside its name. */
const OPENING_WORDS = new Set([
  'University', 'Universiteit', 'College', 'School', 'Grammar', 'Institute', 'Academy', 'Court', 'Congress', 'Parliament', 'Assembly',
  'Library', 'Libraries', 'Museum', 'Journal', 'Standards', 'Bay', 'Bridge', 'Harbour', 'Harbor', 'Gulf', 'Strait',
  'Province', 'Municipality', 'County', 'Diocese', 'Senate', 'Legislature', 'Hospital', 'Cathedral', 'Airport',
]);

/**
 * A word's length, first and last code unit, as one number: the opening words' keys are
 * marked in OPENING_WORD_KEYS, so that most words of a name are turned away without a slice.
 */
function wordKey(text: string, start: number, end: number): number {
  return ((end - start) << 10) | ((text.charCodeAt(start) & 31) << 5) | (text.charCodeAt(end - 1) & 31);
}
const OPENING_WORD_MAX = Math.max(...[...OPENING_WORDS].map((w) => w.length));
const OPENING_WORD_KEYS = new Uint8Array(((OPENING_WORD_MAX + 1) << 10) >> 3);
for (const w of OPENING_WORDS) {
  const key = wordKey(w, 0, w.length);
  OPENING_WORD_KEYS[key >> 3] |= 1 << (key & 7);
}

/** OPENING_WORDS.has(text.slice(start, end)), the slice made only for a word whose key is marked. */
function isOpeningWord(text: string, start: number, end: number): boolean {
  if (end - start > OPENING_WORD_MAX) return false;
  const key = wordKey(text, start, end);
  return (OPENING_WORD_KEYS[key >> 3] & (1 << (key & 7))) !== 0 && OPENING_WORDS.has(text.slice(start, end));
}

/** Lower-case words a place name may hold between its capitalised words ("Newfoundland and Labrador"). */
const INNER_CONNECTORS = new Set(['and', 'of', 'de', 'del', 'la', 'the']);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The end of the word [start, end) without a possessive ("'s", "’s") or a trailing comma, semicolon or colon. */
function wordEndWithoutPossessive(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (last === 115 && end - start >= 2 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019)) return end - 2;
  if (last === 44 || last === 59 || last === 58) return end - 1;
  return end;
}

/** Calls `visit` with the bounds of each space-separated word of [start, end), without a
 * possessive or a trailing comma ("Dhaka University's"). */
function forEachWord(text: string, start: number, end: number, visit: (wordStart: number, wordEnd: number) => void): void {
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === 32) i++;
    let j = i;
    while (j < end && text.charCodeAt(j) !== 32) j++;
    if (j > i) {
      const e = wordEndWithoutPossessive(text, i, j);
      if (e > i) visit(i, e);
    }
    i = j;
  }
}

function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  forEachWord(text, start, end, (i, e) => out.push({ text: text.slice(i, e), start: i, end: e }));
  return out;
}

/**
 * wordsOf(text, start, end) has two words or more and one of them opens the name
 * (OPENING_WORDS): counted without building the words, and only capitalised ones looked
 * up (every opening word is). The words are cut as forEachWord cuts them, in a loop of its
 * own: asked of every organisation's and place's mention, where a callback cost a closure each.
 */
function mayHoldPlace(text: string, start: number, end: number): boolean {
  let words = 0;
  let opening = false;
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === 32) i++;
    let j = i;
    while (j < end && text.charCodeAt(j) !== 32) j++;
    if (j > i) {
      const e = wordEndWithoutPossessive(text, i, j);
      if (e > i) {
        words++;
        const c = text.charCodeAt(i);
        if (!opening && c >= 65 && c <= 90 && isOpeningWord(text, i, e)) opening = true;
      }
    }
    i = j;
  }
  return opening && words >= 2;
}

/** For tests: mayHoldPlace beside what the words forEachWord cuts say. */
export const nestedPlaceChecks = {
  isOpeningWord: (word: string): boolean => isOpeningWord(word, 0, word.length),
  openingWords: (): string[] => [...OPENING_WORDS],
  mayHoldPlace: (text: string): boolean => mayHoldPlace(text, 0, text.length),
  byWords: (text: string): boolean => {
    const words = wordsOf(text, 0, text.length);
    return words.length >= 2 && words.some((w) => isCapitalisedWord(w.text) && OPENING_WORDS.has(w.text));
  },
};

function isCapitalisedWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * Adds the places named inside institution and feature names (see above) to the
 * entities: new place entities at the end of `entities`, inner mentions in each place's
 * `mentions`. The flat `mentions` list of the analysis is left as it was.
 */
export function addNestedPlaces(text: string, analysis: EntityAnalysis): EntityAnalysis {
  // Most documents name no institution with a place inside: the tables below are built on
  // the first name that may hold one.
  let entityById: Map<string, Entity> | undefined;
  let placeByName: Map<string, Entity> | undefined;
  let taken: Set<number> | undefined;
  // A span as one number, unique for offsets within the text (exact below 2^53).
  const stride = text.length + 1;
  const prepare = () => {
    entityById = new Map<string, Entity>();
    for (const e of analysis.entities) entityById.set(e.id, e);
    // Places of the document by name and alias, so that an inner "Ontario" joins "Ontario".
    placeByName = new Map<string, Entity>();
    taken = new Set<number>();
    for (const e of analysis.entities) {
      if (e.kind === 'place') {
        placeByName.set(e.name, e);
        for (const a of e.aliases) placeByName.set(a, e);
      }
      for (const m of e.mentions) taken.add(m.start * stride + m.end);
    }
  };
  // A word list's place written in capitals is more often an abbreviation ("ST", "MI").
  const isPlace = (name: string) =>
    placeByName!.has(name) || COUNTRIES.has(name) || CITIES.has(name) || PLACE_ALIASES.has(name) || (!name.includes(' ') && !isAllCaps(name) && (gazetteerMask(name) & GAZ.PLACE) !== 0);

  let added = 0;
  const newEntities: Entity[] = [];
  const addPlace = (start: number, end: number) => {
    if (taken!.has(start * stride + end)) return;
    taken!.add(start * stride + end);
    const name = text.slice(start, end);
    let place = placeByName!.get(name);
    if (!place) {
      place = { id: `place:${slugOf(name)}`, kind: 'place', name, aliases: [], mentions: [] };
      const id = place.id;
      if (entityById!.has(id)) place.id = `${id}-nested`;
      entityById!.set(place.id, place);
      placeByName!.set(name, place);
      newEntities.push(place);
    }
    place.mentions.push({ start, end });
    added++;
  };
  for (const m of analysis.mentions) {
    // Entity ids start with their kind ("organization:…", see resolveEntities): people's
    // mentions are passed over without a lookup, and the tables wait for a name that may hold a place.
    if (!(m.entity.startsWith('organization:') || m.entity.startsWith('place:')) || !mayHoldPlace(text, m.span.start, m.span.end)) continue;
    if (!entityById) prepare();
    const outer = entityById!.get(m.entity);
    if (!outer || (outer.kind !== 'organization' && outer.kind !== 'place')) continue;
    const words = wordsOf(text, m.span.start, m.span.end);
    // "University of Pisa": what follows "University of" is a place, known or not
    // ("University of Technology" is no place: common words are not taken).
    const of = words[0].text === 'University' ? 1 : words[0].text === 'The' && words[1]?.text === 'University' ? 2 : -1;
    if (of > 0 && words[of]?.text === 'of' && words.length - of - 1 >= 1 && words.length - of - 1 <= 3) {
      const rest = words.slice(of + 1);
      if (rest.every((w) => isCapitalisedWord(w.text) && !OPENING_WORDS.has(w.text) && (gazetteerMask(w.text) & GAZ.COMMON) === 0)) addPlace(rest[0].start, rest[rest.length - 1].end);
    }
    // Every run of words that is a place and not the whole name, longest first; a word
    // inside a place already found is still tried ("Newfoundland" in "Newfoundland and Labrador").
    for (let a = 0; a < words.length; a++) {
      if (!isCapitalisedWord(words[a].text) || OPENING_WORDS.has(words[a].text)) continue;
      for (let b = Math.min(words.length - 1, a + 3); b >= a; b--) {
        if (a === 0 && b === words.length - 1) continue;
        if (!isCapitalisedWord(words[b].text) || words.slice(a, b + 1).some((w) => OPENING_WORDS.has(w.text) || (!isCapitalisedWord(w.text) && !INNER_CONNECTORS.has(w.text)))) continue;
        const start = words[a].start;
        const end = words[b].end;
        const name = text.slice(start, end);
        // "Newfoundland and Labrador": a place joined by "and" to one more word names a pair of places.
        const pair = b === a + 2 && words[a + 1].text === 'and' && isPlace(words[a].text) && !isPlace(name);
        if (pair) addPlace(words[b].start, words[b].end);
        if ((!pair && !isPlace(name)) || taken!.has(start * stride + end)) continue;
        addPlace(start, end);
      }
    }
  }
  if (added === 0) return analysis;
  for (const e of analysis.entities) if (e.kind === 'place') e.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  for (const e of newEntities) e.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  // The flat mention list stays flat: the later stages (speakers, claims) read one name
  // per stretch of text, and "Manhattan" inside "Manhattan Supreme Court Justice Ana
  // Ruiz" must not stand between a cue and its speaker.
  return { entities: analysis.entities.concat(newEntities), mentions: analysis.mentions };
}

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}
