// Word classes for the tagger's gazetteer features: a bit mask per lower-case word, from
// models/gazetteer.json (built by scripts/build-gazetteer.ts from open word lists).
import defaultArtifact from '../../../../models/gazetteer.json';

/** The classes, one bit each. */
export const GAZ = {
  FIRST: 1,
  LAST: 2,
  PLACE: 4,
  ORG: 8,
  DEMONYM: 16,
  ORG_KEYWORD: 32,
  TITLE: 64,
  /** A common word of English (verb, adjective, noun, ...), none of the above. */
  COMMON: 128,
} as const;

export interface GazetteerArtifact {
  format: 'claimlens-gazetteer/1';
  source: string;
  /** Mask (decimal) -> the lower-case words with exactly that mask, joined by '|'. */
  words: Record<string, string>;
}

let table: Map<string, number> | undefined;

function load(artifact: GazetteerArtifact): Map<string, number> {
  const map = new Map<string, number>();
  if (artifact.format !== 'claimlens-gazetteer/1') throw new Error(`unknown gazetteer format ${artifact.format}`);
  for (const [mask, words] of Object.entries(artifact.words)) {
    const m = Number(mask);
    for (const w of words.split('|')) if (w) map.set(w, m);
  }
  return map;
}

/** The word's class mask (0 when the lists do not know it); case-insensitive. */
export function gazetteerMask(word: string): number {
  if (!table) table = load(defaultArtifact as GazetteerArtifact);
  return table.get(word.toLowerCase()) ?? 0;
}
