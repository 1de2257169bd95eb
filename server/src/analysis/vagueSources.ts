// Whether a source phrase names nobody a reader can check ("officials", "experts say",
// "a group of researchers"), judged by the phrase's head noun. Any vague word anywhere in
// the phrase is not enough: "some demonstrations", "footage of …", "Data from the 2014
// American Community Survey" name no vague group of people.
import { UNNAMED_ALONE, UNNAMED_DOCUMENTS, UNNAMED_PEOPLE } from './lexicon';

function set(words: string): ReadonlySet<string> {
  return new Set(words.split('|'));
}

/** Words taken through "of" to the noun that says who: "a group of researchers", "some of the officials". */
const COLLECTIVES = set('group|groups|number|team|handful|couple|majority|minority|panel|dozens|hundreds|thousands|some|many|most|several|few|one|two|three|four|five|all|none|each|both');

/** Words that end the first noun phrase of a source: prepositions, relatives, "familiar with". */
const PHRASE_ENDS = set(
  'of|from|at|in|with|for|on|across|among|inside|within|under|over|to|by|who|whom|whose|that|which|' +
    'familiar|close|involved|briefed|speaking|according|and|or|but',
);

/** Is the source phrase (its words in order, as written) an unnamed group or an authorless document? */
export function isVagueSourcePhrase(words: readonly string[]): boolean {
  const lower: string[] = [];
  for (const w of words) {
    const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (bare) lower.push(bare.toLowerCase());
    // A comma or dash inside the phrase ends its first noun phrase too.
    if (bare !== w && /[,;:—–]$/.test(w)) break;
  }
  let end = 0;
  while (end < lower.length && !PHRASE_ENDS.has(lower[end])) end++;
  // "a group of researchers", "many of his supporters": the noun after "of" says who.
  while (end > 0 && lower[end] === 'of' && COLLECTIVES.has(lower[end - 1])) {
    end++;
    while (end < lower.length && !PHRASE_ENDS.has(lower[end])) end++;
  }
  if (end === 0) return false;
  const head = lower[end - 1];
  if (UNNAMED_PEOPLE.has(head)) return true;
  if (end === 1 && UNNAMED_ALONE.has(head)) return true;
  // "Studies show" is vague; "Data from the 2014 American Community Survey" names its source.
  if (UNNAMED_DOCUMENTS.has(head)) return !words.slice(end).some((w) => /^\p{Lu}/u.test(w));
  return false;
}
