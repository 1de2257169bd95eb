// Document-level revisions of the name candidates, after the tagger and the rules have
// been combined and before entities are resolved (from the GUM dev error analysis):
//  - storms are not people: "Cyclone Phailin", and "Phailin" alone in the same document;
//  - a form of address before an office held ("Madam Speaker", "Mr. President") names
//    the person addressed, whole: the tagger's span lost the office to title stripping;
//  - a lone capitalised word that the document also writes in lower case, that no word
//    list knows as a name and no longer name of the document holds ("Gordon Brown"), is a common word capitalised for emphasis or as a heading
//    ("Hantavirus", "Iodine deficiency").
import type { NameCandidate } from './entities';
import { CITIES, COUNTRIES, KNOWN_ORGS, ORG_ALIASES, PLACE_ALIASES } from './lexicon';
import { GAZ, gazetteerMask } from './tagger/gazetteer';

/** Words that make the name after them a storm's. */
const STORM_WORDS = new Set(['Cyclone', 'Hurricane', 'Typhoon', 'Storm']);

/** Forms of address that, before an office, name the holder ("Madam Speaker"). */
const ADDRESS_WORDS = new Set(['Madam', 'Madame', 'Mister', 'Mr.', 'Mr']);
const ADDRESSED_OFFICES = /^ (?:Speaker|President|Chairman|Chairwoman|Chair|Secretary|Mayor|Justice|Ambassador|Prime Minister|Vice President)\b/;

/** Any word-list class that makes a word a name: first name, surname, place, organisation, demonym. */
const NAME_CLASSES = GAZ.FIRST | GAZ.LAST | GAZ.PLACE | GAZ.ORG | GAZ.DEMONYM;

export function reviseCandidates(text: string, candidates: NameCandidate[]): NameCandidate[] {
  // Storm names of the document: the word after a storm word ("Phailin").
  const storms = new Set<string>();
  for (const c of candidates) {
    const sp = c.text.indexOf(' ');
    if (sp > 0 && STORM_WORDS.has(c.text.slice(0, sp))) storms.add(c.text.slice(sp + 1));
  }
  // The lower-case words of the text, collected once when a candidate asks.
  let lowerWords: Set<string> | undefined;
  let nameWords: Set<string> | undefined;
  const out: NameCandidate[] = [];
  for (const c of candidates) {
    if (storms.size > 0 && (storms.has(c.text) || (c.text.includes(' ') && storms.has(c.text.slice(c.text.indexOf(' ') + 1)) && STORM_WORDS.has(c.text.slice(0, c.text.indexOf(' ')))))) {
      c.kind = 'other';
      c.scores = undefined;
    } else if (c.kind === 'person' && ADDRESS_WORDS.has(c.text)) {
      const office = ADDRESSED_OFFICES.exec(text.slice(c.span.end, c.span.end + 20));
      if (office) {
        c.span = { start: c.span.start, end: c.span.end + office[0].length };
        c.text = text.slice(c.span.start, c.span.end);
        c.title = undefined;
      }
    } else if (c.tagged && c.kind !== 'other' && isCommonWordCapitalised(c.text)) {
      lowerWords ??= collectLowerWords(text);
      // "Brown" after "Gordon Brown" is his surname however often brown is a colour.
      nameWords ??= collectNameWords(candidates);
      if (lowerWords.has(c.text.toLowerCase()) && !nameWords.has(c.text)) continue;
    }
    out.push(c);
  }
  return out;
}

/** A single word of letters, capitalised but not in capitals, that no list knows as a name. */
function isCommonWordCapitalised(word: string): boolean {
  if (word.length < 3 || word.length > 20) return false;
  const c0 = word.charCodeAt(0);
  if (c0 < 65 || c0 > 90) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  if ((gazetteerMask(word) & NAME_CLASSES) !== 0) return false;
  return !(COUNTRIES.has(word) || CITIES.has(word) || PLACE_ALIASES.has(word) || KNOWN_ORGS.has(word) || ORG_ALIASES.has(word));
}

/** The words of the candidates of two words or more. */
function collectNameWords(candidates: readonly NameCandidate[]): Set<string> {
  const words = new Set<string>();
  for (const c of candidates) if (c.text.includes(' ')) for (const w of c.text.split(' ')) words.add(w);
  return words;
}

function collectLowerWords(text: string): Set<string> {
  const words = new Set<string>();
  const re = /(?<![A-Za-z])[a-z]{3,20}(?![A-Za-z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) words.add(m[0]);
  return words;
}
