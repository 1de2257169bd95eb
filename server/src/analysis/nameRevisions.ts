// Document-level revisions of the name candidates, after the tagger and the rules have
// been combined and before entities are resolved (from the GUM dev error analysis):
//  - storms are not people: "Cyclone Phailin", and "Phailin" alone in the same document;
//  - a form of address before an office held ("Madam Speaker", "Mr. President") names
//    the person addressed, whole: the tagger's span lost the office to title stripping;
//  - a lone capitalised word read as a person that the document also writes in lower
//    case, that no word list knows as a name and no longer person's name of the document
//    holds ("Gordon Brown"), is a common word capitalised for emphasis or as a heading
//    ("Iodine deficiency", "casts technology as Savior");
//  - a list of bodies and people the tagger ran together at "and" ("the British Library
//    and Columbia University", "Lord Diplock and Browning and War Office") is split when
//    its first part is complete on its own (ends in an organisation keyword or starts with
//    a title) and its last part ends in an organisation keyword;
//  - "the Municipality of Culion", "the Province of Palawan" are places;
//  - a name the document describes as a thing once ("Lanterna, an annual procession",
//    "Verdane, a series of poems") is no person, body or place anywhere in it;
//  - a person's name followed by "Plan", "Doctrine", "Prize" names the plan, not a person or place;
//  - "the Gulf of Aden" is a place, "the Crown" (in court) an organisation; studies, laws and
//    models ("the National Diet Study", "the Iodine Nutrition study", "the Clean Air Act")
//    are no organisations; "etc." ends a name; post-nominals ("QC") and "US$" are no names;
//  - in a document that names "Harrow School", "Harrow" outside "in Harrow" is the school;
//  - a platform used as a medium ("on YouTube", "my YouTube channel") and a virus
//    ("Hantavirus") are no organisations or people;
//  - "the Penn State Wiki" names Penn State; "2nd Earl of Clare" names the Earl of Clare;
//  - a title after "his book", "the film" names a work; "Eugene, Oregon" is a town;
//  - seasons, single letters, historical periods ("the Middle Ages"), a people ("the
//    Tagbanuas who …") and its adjective ("an Olondrian wizard") are no names;
//  - an acronym defined in brackets after a name takes that name's kind everywhere; an
//    acronym of a capitalised phrase that is no name of the document ("DH" for "Digital
//    Humanities") is no name.
import type { NameCandidate } from './entities';
import { CITIES, COUNTRIES, KNOWN_ORGS, ORG_ALIASES, ORG_KEYWORDS, PLACE_ALIASES, TITLES } from './lexicon';
import { GAZ, gazetteerMask } from './tagger/gazetteer';
import { LowerCaseWords } from './text';

/** Words that make the name after them a storm's. */
const STORM_WORDS = new Set(['Cyclone', 'Hurricane', 'Typhoon', 'Storm']);

/** The shortest and longest word of a set: words of other lengths are not looked up (no slice). */
function lengthRange(words: ReadonlySet<string>): [number, number] {
  let min = Infinity, max = 0;
  for (const w of words) {
    min = Math.min(min, w.length);
    max = Math.max(max, w.length);
  }
  return [min, max];
}
const [STORM_WORD_MIN, STORM_WORD_MAX] = lengthRange(STORM_WORDS);

/** Forms of address that, before an office, name the holder ("Madam Speaker"). */
const ADDRESS_WORDS = new Set(['Madam', 'Madame', 'Mister', 'Mr.', 'Mr']);
const ADDRESSED_OFFICES = /^ (?:Speaker|President|Chairman|Chairwoman|Chair|Secretary|Mayor|Justice|Ambassador|Prime Minister|Vice President)\b/;

/** Nouns after a name that make the whole the name of a thing ("the Marshall Plan"), not a person or place. */
const NAMED_AFTER_PERSON = new Set(['Plan', 'Doctrine', 'Prize', 'Award', 'Awards', 'Trophy', 'Medal', 'Syndrome', 'Principle', 'Effect', 'Lecture']);

/** Administrative areas named "<Area> of <Name>". */
const ADMINISTRATIVE_AREA = /^(?:Municipality|Province|Prefecture|District|Region|Township|Canton|Governorate|Oblast|Emirate) of \p{Lu}/u;

/** The capital initials of a name's capitalised words ("Undergraduate Student Government" → "USG"). */
function initialsOf(name: string): string {
  let out = '';
  for (const w of name.split(' ')) if (w.length > 0 && w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90) out += w[0];
  return out;
}

/** The letters of an acronym written in capitals, dots dropped ("U.S.G." → "USG"), or '' for other words. */
function acronymLetters(word: string): string {
  const letters = word.replaceAll('.', '');
  return /^[A-Z]{2,8}$/.test(letters) ? letters : '';
}

/**
 * Initials → the first phrase of 2–5 capitalised words (a capital, then lower-case letters)
 * parted by single spaces with those initials ("DH" → "Digital Humanities"). One pass.
 */
function capitalisedPhrases(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const run: Array<{ start: number; end: number }> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const wordStart = i === 0 || !isAsciiLetter(text.charCodeAt(i - 1));
    if (!(wordStart && c >= 65 && c <= 90)) {
      if (isAsciiLetter(c) || c !== 32) run.length = 0;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
    if (j === i + 1 || (j < n && isAsciiLetter(text.charCodeAt(j)))) {
      run.length = 0;
      i = j;
      continue;
    }
    if (run.length > 0 && (run[run.length - 1].end !== i - 1 || text.charCodeAt(i - 1) !== 32)) run.length = 0;
    run.push({ start: i, end: j });
    if (run.length > 5) run.shift();
    // Every phrase ending at this word.
    for (let k = run.length - 2; k >= 0; k--) {
      let initials = '';
      for (let m = k; m < run.length; m++) initials += text[run[m].start];
      if (!out.has(initials)) out.set(initials, text.slice(run[k].start, j));
    }
    i = j;
  }
  return out;
}

function isDigitAt(word: string, i: number): boolean {
  const c = word.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isAllCapitals(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Nouns before the title of a work ("his book Forces of Production", "the film Heat"). */
const WORK_NOUNS = new Set(['book', 'novel', 'film', 'movie', 'album', 'song', 'poem', 'essay', 'titled', 'entitled', 'memoir', 'play', 'opera', 'series']);
const [WORK_NOUN_MIN, WORK_NOUN_MAX] = lengthRange(WORK_NOUNS);

const US_STATES = new Set(
  ('Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|' +
    'Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|' +
    'New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|' +
    'South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming').split('|'),
);

/** ", <US state>" after `end`, the state's name ending there. */
function isFollowedByState(text: string, end: number): boolean {
  // ", " first, before the slice and the regex.
  if (text.charCodeAt(end) !== 44 || text.charCodeAt(end + 1) !== 32) return false;
  const m = /^, ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?(?![A-Za-z])/.exec(text.slice(end, end + 24));
  if (!m) return false;
  return m[2] ? US_STATES.has(`${m[1]} ${m[2]}`) : US_STATES.has(m[1]);
}

/** Last words of an organisation's name that name its medium, not the body ("the Penn State Wiki"). */
const MEDIUM_SUFFIXES = new Set(['Wiki', 'Website', 'Blog', 'Podcast', 'Newsletter']);

const SEASONS = new Set(['Spring', 'Summer', 'Autumn', 'Winter']);
const PERIODS = new Set(['Middle Ages', 'Dark Ages', 'Stone Age', 'Bronze Age', 'Iron Age', 'Renaissance', 'Enlightenment', 'Crusades', 'Reformation', 'Ice Age']);
/** Plural verbs after "the <People>" ("the Tagbanuas remain"). */
const PEOPLE_FOLLOWERS = /^ (?:who|remain|remained|are|were|have|had|live|lived|belong|belonged)\b/;

/** "the Tagbanuas who …": a plural name of a people after "the", not a known place. */
function isPeople(text: string, c: NameCandidate): boolean {
  return c.text.length > 4 && c.text.endsWith('s') && !c.text.endsWith('ss') && wordBefore(text, c.span.start) === 'the'
    && PEOPLE_FOLLOWERS.test(text.slice(c.span.end, c.span.end + 12)) && (gazetteerMask(c.text) & NAME_CLASSES) === 0
    && !COUNTRIES.has(c.text) && !CITIES.has(c.text);
}

/** "an Olondrian wizard": an adjective of a people before a lower-case noun, after an article. */
function isDemonymAdjective(text: string, c: NameCandidate): boolean {
  if (!(c.text.endsWith('ian') || c.text.endsWith('ean') || c.text.endsWith('ese')) || (gazetteerMask(c.text) & (GAZ.FIRST | GAZ.LAST)) !== 0) return false;
  const before = wordBefore(text, c.span.start);
  return (before === 'a' || before === 'an' || before === 'the') && /^ [a-z]{3,}/.test(text.slice(c.span.end, c.span.end + 5));
}

/** Online platforms: the company in "Facebook said", the medium in "on Facebook" and "my YouTube channel". */
const PLATFORMS = new Set(['Facebook', 'YouTube', 'Youtube', 'Twitter', 'Instagram', 'TikTok', 'Snapchat', 'WhatsApp', 'Reddit', 'Twitch', 'LinkedIn']);
const PLATFORM_OWNERS = new Set(['on', 'my', 'your', 'his', 'her', 'our', 'their', 'via']);
const PLATFORM_NOUNS = /^ (?:channel|channels|video|videos|page|pages|post|posts|account|accounts|live|story|stories|feed|group|groups|comments?)\b/;

function isPlatformUse(text: string, c: NameCandidate): boolean {
  return PLATFORM_OWNERS.has(wordBefore(text, c.span.start)) || (!c.possessive && PLATFORM_NOUNS.test(text.slice(c.span.end, c.span.end + 10)));
}

/** "Hantavirus", "Norovirus": a virus, not a person. */
function isVirusName(name: string): boolean {
  return name.length > 6 && !name.includes(' ') && name.endsWith('virus');
}

/** Second words of a school named after its town. */
const SCHOOL_WORDS = new Set(['School', 'College', 'Academy']);
const [SCHOOL_WORD_MIN, SCHOOL_WORD_MAX] = lengthRange(SCHOOL_WORDS);
/** Words before a place that keep it the place ("in Harrow"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'around', 'of', 'into', 'through', 'across', 'north', 'south', 'east', 'west']);

/** The lower-case word just before `start` (letters only), or ''. */
function wordBefore(text: string, start: number): string {
  let e = start;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0 && e - b < 12 && text.charCodeAt(b - 1) >= 97 && text.charCodeAt(b - 1) <= 122) b--;
  return b < e ? text.slice(b, e) : '';
}

/** WORK_NOUNS.has(wordBefore(text, start)), slicing only a word of a work noun's length. */
function isAfterWorkNoun(text: string, start: number): boolean {
  let e = start;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0 && e - b < 12 && text.charCodeAt(b - 1) >= 97 && text.charCodeAt(b - 1) <= 122) b--;
  return e - b >= WORK_NOUN_MIN && e - b <= WORK_NOUN_MAX && WORK_NOUNS.has(text.slice(b, e));
}

/** Geographic features named "<Feature> of <Name>". */
const GEOGRAPHIC_FEATURE = /^(?:Bay|Gulf|Sea|Lake|Mount|River|Strait|Straits|Cape|Isle|Isles|Valley|Peninsula) of \p{Lu}/u;

/** Letters written after a person's name and a comma ("Tom Hale, QC"). */
const POST_NOMINALS = new Set(['QC', 'KC', 'SC', 'MP', 'MD', 'PhD', 'JP', 'MBE', 'OBE', 'CBE', 'KBE', 'FRS', 'Esq', 'Esq.']);

/** Last words of names of studies, laws and documents rather than bodies ("the National Diet Study"). */
const DOCUMENT_WORDS = new Set(['Study', 'Survey', 'Act', 'Treaty', 'Accord', 'Accords', 'Agreement', 'Bill', 'Index', 'Convention', 'Protocol']);
/** Lower-case nouns after a name that make it the name of a study or model ("the Iodine Nutrition study"). */
const DOCUMENT_NOUNS = /^ (?:study|survey|studies|model|report|treaty|scheme)\b/;

function isNamedThing(text: string, c: NameCandidate): boolean {
  return DOCUMENT_WORDS.has(c.text.slice(c.text.lastIndexOf(' ') + 1)) || (!c.possessive && DOCUMENT_NOUNS.test(text.slice(c.span.end, c.span.end + 9)));
}

/** Appositive nouns that describe a thing, not a person, body or place. */
const THING_NOUNS = new Set([
  'festival', 'procession', 'carnival', 'celebration', 'ceremony', 'parade', 'holiday', 'ritual', 'tradition', 'dance',
  'song', 'songs', 'book', 'novel', 'poem', 'poems', 'elegies', 'film', 'movie', 'album', 'series', 'play', 'opera',
  'painting', 'sculpture', 'disease', 'virus', 'drug', 'dish', 'game', 'brand', 'app', 'software', 'programme', 'program',
]);

/** Words that may follow the head noun of an appositive ("a procession of masks", "a song that"). */
const HEAD_FOLLOWERS = new Set(['of', 'that', 'which', 'in', 'by', 'from', 'for', 'held', 'where', 'with', 'whose', 'about', 'on', 'and', 'or', 'is', 'was']);

/** ", a/an/the (up to three words) <thing noun>" right after `end`, the noun heading the phrase. */
function describedAsThing(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 44 || text.charCodeAt(end + 1) !== 32) return false;
  // The article's first letter before the regex: most commas are followed by something else.
  const a = text.charCodeAt(end + 2);
  if (a !== 97 && a !== 116) return false;
  const m = /^, (?:a|an|the) ([a-z][a-z -]{0,80})/.exec(text.slice(end, end + 90));
  if (!m) return false;
  return thingHeadsPhrase(m[1]);
}

/**
 * The phrase's words (split at single spaces) up to its fourth: one of THING_NOUNS,
 * last or followed by one of HEAD_FOLLOWERS, before "of", "who" or "and". Walked word by
 * word: the phrase runs to 81 code units, and only its first words are read. (A phrase
 * cut by the regex's window does not count its last word.)
 */
export function thingHeadsPhrase(phrase: string): boolean {
  const cut = phrase.length + 5 >= 90;
  let from = 0;
  for (let i = 0; i < 4; i++) {
    const space = phrase.indexOf(' ', from);
    const lastWord = space < 0;
    if (cut && lastWord) break;
    const word = lastWord ? phrase.slice(from) : phrase.slice(from, space);
    // The noun must head the phrase: "a film director" is a person.
    if (THING_NOUNS.has(word)) {
      if (lastWord) return true;
      const next = phrase.indexOf(' ', space + 1);
      return HEAD_FOLLOWERS.has(next < 0 ? phrase.slice(space + 1) : phrase.slice(space + 1, next));
    }
    if (word === 'of' || word === 'who' || word === 'and' || lastWord) break;
    from = space + 1;
  }
  return false;
}

/** Any word-list class that makes a word a name: first name, surname, place, organisation, demonym. */
/** Kinship words written as names ("ask Mom", "Dad said"). */
const KINSHIP_NAMES = new Set(['Mom', 'Mum', 'Mommy', 'Mummy', 'Dad', 'Daddy', 'Mama', 'Mamma', 'Papa', 'Grandma', 'Grandpa', 'Granny', 'Nana']);

/** Prefixes that make a modifier of a name ("pro-Beijing", "anti-Tokyo", "post-Soviet"). */
const MODIFIER_PREFIXES = new Set(['pro', 'anti', 'non', 'ex', 'post', 'pre', 'neo', 'pan', 'un', 'trans', 'quasi', 'semi', 'sub', 'mid']);

/** A lower-case prefix and a hyphen just before `start`: "pro-" in "pro-Beijing". */
function isAfterAffix(text: string, start: number): boolean {
  // start 0 first: reading before the text is out of bounds (a deoptimisation).
  if (start === 0 || text.charCodeAt(start - 1) !== 45) return false;
  let b = start - 1;
  while (b > 0 && start - 1 - b < 6 && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  if (b > 0 && isAsciiLetter(text.charCodeAt(b - 1))) return false;
  return MODIFIER_PREFIXES.has(text.slice(b, start - 1).toLowerCase());
}

const NAME_CLASSES = GAZ.FIRST | GAZ.LAST | GAZ.PLACE | GAZ.ORG | GAZ.DEMONYM;

/** `writtenLower`: the document's lower-case words, shared with combineCandidates (one memo for both). */
export function reviseCandidates(text: string, candidates: NameCandidate[], writtenLower: LowerCaseWords = new LowerCaseWords(text)): NameCandidate[] {
  // Storm names of the document: the word after a storm word ("Phailin").
  const storms = new Set<string>();
  for (const c of candidates) {
    const sp = c.text.indexOf(' ');
    if (sp >= STORM_WORD_MIN && sp <= STORM_WORD_MAX && STORM_WORDS.has(c.text.slice(0, sp))) storms.add(c.text.slice(sp + 1));
  }
  // Names described as things by an appositive ("X, an annual festival").
  const things = new Set<string>();
  for (const c of candidates) if (c.kind !== 'other' && describedAsThing(text, c.possessive ? c.span.end + 2 : c.span.end)) things.add(c.text);
  // Their last words alone are the things too ("Shobhajatra" of "Mangal Shobhajatra"), not surnames.
  for (const thing of things) {
    const space = thing.lastIndexOf(' ');
    if (space > 0) things.add(thing.slice(space + 1));
  }
  // Schools named after their town ("Harrow School"): the bare town name, outside "in …",
  // is the school ("sent to Harrow", "Harrow boys").
  const schools = new Set<string>();
  for (const c of candidates) {
    const sp = c.text.indexOf(' ');
    const second = c.text.length - sp - 1;
    if (sp > 0 && second >= SCHOOL_WORD_MIN && second <= SCHOOL_WORD_MAX && c.text.indexOf(' ', sp + 1) < 0 && SCHOOL_WORDS.has(c.text.slice(sp + 1))) schools.add(c.text.slice(0, sp));
  }
  // Acronyms defined in brackets after the name they stand for take its kind
  // ("the Undergraduate Student Government (U.S.G.)"), wherever they are written.
  const acronymKinds = new Map<string, NameCandidate['kind']>();
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i];
    const before = candidates[i - 1];
    if (c.span.start !== before.span.end + 2 || text.charCodeAt(before.span.end) !== 32 || text.charCodeAt(before.span.end + 1) !== 40 || text.charCodeAt(c.span.end) !== 41) continue;
    if (before.kind && before.kind !== 'other' && initialsOf(before.text) === acronymLetters(c.text)) acronymKinds.set(c.text, before.kind);
  }
  // Acronyms of a capitalised phrase that is itself no name of the document ("DH" for
  // "Digital Humanities", a field): no names either.
  let namedTexts: Set<string> | undefined; // built on the first acronym asked about
  const topicAcronyms = new Set<string>();
  const askedAcronyms = new Set<string>();
  let phrases: Map<string, string> | undefined;
  for (const c of candidates) {
    // Organisations written as plain capitals ("DH"), not dotted ("U.S.") or known ones.
    if (c.kind !== 'organization' || c.text.length < 2 || c.text.length > 5 || !isAllCapitals(c.text)) continue;
    const letters = c.text;
    if (acronymKinds.has(c.text) || askedAcronyms.has(c.text) || KNOWN_ORGS.has(c.text) || ORG_ALIASES.has(c.text) || PLACE_ALIASES.has(c.text)) continue;
    askedAcronyms.add(c.text);
    phrases ??= capitalisedPhrases(text);
    const phrase = phrases.get(letters);
    if (!phrase) continue;
    if (!namedTexts) {
      namedTexts = new Set<string>();
      for (const d of candidates) if (d.kind && d.kind !== 'other') namedTexts.add(d.text);
    }
    if (!namedTexts.has(phrase)) topicAcronyms.add(c.text);
  }
  let personNames: string[] | undefined;
  const out: NameCandidate[] = [];
  for (const c of candidates) {
    // "BBC etc.": the abbreviation is no part of the name.
    if (c.text.endsWith(' etc.') || c.text.endsWith(' etc')) {
      const cut = c.text.lastIndexOf(' etc');
      c.span = { start: c.span.start, end: c.span.start + text.slice(c.span.start, c.span.end).lastIndexOf(' etc') };
      c.text = c.text.slice(0, cut);
      c.possessive = false;
    }
    // "the Penn State Wiki": the body whose wiki it is.
    if (c.kind === 'organization' && c.text.includes(' ')) {
      const last = c.text.slice(c.text.lastIndexOf(' ') + 1);
      if (MEDIUM_SUFFIXES.has(last)) {
        c.text = c.text.slice(0, c.text.lastIndexOf(' '));
        c.span = { start: c.span.start, end: c.span.start + text.slice(c.span.start, c.span.end).lastIndexOf(' ') };
        c.possessive = false;
      }
    }
    // "2nd Earl of Clare": the ordinal is no part of the name.
    if (c.kind === 'person' && isDigitAt(c.text, 0)) {
      const ordinal = /^\d{1,2}(?:st|nd|rd|th) (?=\p{Lu})/u.exec(c.text);
      if (ordinal) {
        c.text = c.text.slice(ordinal[0].length);
        c.span = { start: c.span.start + ordinal[0].length, end: c.span.end };
      }
    }
    // "100,000 Greeks" split at its comma: a number is no person.
    if (c.kind === 'person' && isDigitAt(c.text, 0)) continue;
    // "2470 Lemoine Avenue": the house number is no part of the street's name.
    if (c.kind === 'place' && isDigitAt(c.text, 0)) {
      const number = /^\d{1,6} (?=\p{Lu})/u.exec(c.text);
      if (number) {
        c.text = c.text.slice(number[0].length);
        c.span = { start: c.span.start + number[0].length, end: c.span.end };
      }
    }
    // "Mom", "Dad": a kinship word used as a name is no named person.
    if (KINSHIP_NAMES.has(c.text)) continue;
    // "pro-Beijing camp", "anti-Tokyo protests": a name inside a modifier is no mention.
    if (isAfterAffix(text, c.span.start)) continue;
    // "Tom Hale, QC": a post-nominal, not a name; "US$ 10": a currency.
    if ((POST_NOMINALS.has(c.text) && text.slice(Math.max(0, c.span.start - 2), c.span.start) === ', ') || ((c.text === 'US' || c.text === 'U.S.') && text.charCodeAt(c.span.end) === 36)) continue;
    // Seasons, single letters ("J- she", "M A N") and historical periods are no names.
    if (SEASONS.has(c.text) || (c.text.length === 1 && c.kind !== 'other') || PERIODS.has(c.text)) continue;
    // "the Tagbanuas who …", "an Olondrian wizard": a people and its adjective, not a place or person.
    if ((c.kind === 'place' || c.kind === 'person') && !c.text.includes(' ') && (isPeople(text, c) || isDemonymAdjective(text, c))) continue;
    // A platform as a medium is dropped, not made "other": the known-organisation list would type it again.
    if (PLATFORMS.has(c.text) && isPlatformUse(text, c)) continue;
    if (topicAcronyms.has(c.text) || isAfterWorkNoun(text, c.span.start) || things.has(c.text) || STORM_WORDS.has(c.text) || isVirusName(c.text) || (c.kind === 'organization' && isNamedThing(text, c)) || ((c.kind === 'person' || c.kind === 'place') && NAMED_AFTER_PERSON.has(c.text.slice(c.text.lastIndexOf(' ') + 1)))) {
      c.kind = 'other';
      c.scores = undefined;
    } else if (acronymKinds.has(c.text) && c.kind !== acronymKinds.get(c.text)) {
      c.kind = acronymKinds.get(c.text);
      c.scores = undefined;
    } else if (c.kind === 'person' && !c.text.includes(' ') && isFollowedByState(text, c.span.end)) {
      // "Eugene, Oregon": a town, whatever first name it shares.
      c.kind = 'place';
      c.scores = undefined;
    } else if (c.kind === 'place' && schools.has(c.text) && !PLACE_PREPOSITIONS.has(wordBefore(text, c.span.start))) {
      c.kind = 'organization';
      c.scores = undefined;
    } else if (c.kind !== 'place' && c.text.includes(' of ') && (ADMINISTRATIVE_AREA.test(c.text) || GEOGRAPHIC_FEATURE.test(c.text))) {
      c.kind = 'place';
      c.scores = undefined;
    } else if (c.text === 'Crown' && c.kind !== 'organization' && /\bthe $/.test(text.slice(Math.max(0, c.span.start - 4), c.span.start))) {
      // "the Crown" of a Commonwealth court: the prosecuting state.
      c.kind = 'organization';
      c.scores = undefined;
    } else if (storms.size > 0 && (storms.has(c.text) || (c.text.includes(' ') && storms.has(c.text.slice(c.text.indexOf(' ') + 1)) && STORM_WORDS.has(c.text.slice(0, c.text.indexOf(' ')))))) {
      c.kind = 'other';
      c.scores = undefined;
    } else if (c.kind === 'person' && ADDRESS_WORDS.has(c.text)) {
      const office = ADDRESSED_OFFICES.exec(text.slice(c.span.end, c.span.end + 20));
      if (office) {
        c.span = { start: c.span.start, end: c.span.end + office[0].length };
        c.text = text.slice(c.span.start, c.span.end);
        c.title = undefined;
      }
    } else if (c.kind === 'organization' && c.text.includes(' and ')) {
      const parts = splitList(text, c);
      if (parts) {
        out.push(...parts);
        continue;
      }
    } else if (c.tagged && c.kind === 'person' && isCommonWordCapitalised(c.text)) {
      const lower = c.text.toLowerCase();
      const written = writtenLower.has(lower);
      // "Brown" after "Gordon Brown" is his surname however often brown is a colour.
      // (The names are taken as they stand at the first word asked about.)
      personNames ??= collectPersonNames(candidates);
      if (written && !isWordOfAny(personNames, c.text)) continue;
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

/** The people's names of two words or more. */
function collectPersonNames(candidates: readonly NameCandidate[]): string[] {
  const names: string[] = [];
  for (const c of candidates) if (c.kind === 'person' && c.text.includes(' ')) names.push(c.text);
  return names;
}

/** Whether `word` (no spaces, not empty) is one of the words of a name (split at single spaces). */
function isWordOfAny(names: readonly string[], word: string): boolean {
  const n = word.length;
  for (const name of names) {
    for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
      if ((at === 0 || name.charCodeAt(at - 1) === 32) && (at + n === name.length || name.charCodeAt(at + n) === 32)) return true;
    }
  }
  return false;
}

/** Keywords that end the name of a body; the lexicon's and a few more. */
const BODY_KEYWORDS = new Set([...ORG_KEYWORDS, 'Library', 'Libraries', 'Museum', 'Archives']);

/** Keywords that are also ordinary words of a longer name ("Post and Telecommunications Administration"). */
const SHARED_KEYWORDS = new Set(['Post', 'Times', 'Press', 'News', 'Service', 'Services', 'Media', 'Network', 'Force', 'Forces', 'Exchange', 'Reserve', 'Front', 'Program', 'Programme', 'Project', 'Systems', 'Records', 'Nations', 'Chambers', 'Team']);

function endsInBodyKeyword(part: string, strict = false): boolean {
  const last = part.slice(part.lastIndexOf(' ') + 1);
  return BODY_KEYWORDS.has(last) && !(strict && SHARED_KEYWORDS.has(last));
}

/** The parts of an organisation candidate that lists several names (see above), or undefined. */
function splitList(text: string, c: NameCandidate): NameCandidate[] | undefined {
  const parts = c.text.split(' and ');
  if (parts.length < 2 || parts.some((p) => p.length === 0 || p.charCodeAt(0) < 65 || p.charCodeAt(0) > 90)) return undefined;
  const first = parts[0];
  const titled = (p: string) => p.includes(' ') && TITLES.has(p.slice(0, p.indexOf(' ')));
  if (!endsInBodyKeyword(parts[parts.length - 1]) || !(endsInBodyKeyword(first, true) || titled(first))) return undefined;
  // The candidate's text is the span's text with single spaces; find each part in the span.
  const out: NameCandidate[] = [];
  const anyPerson = parts.some(titled);
  let from = c.span.start;
  for (const p of parts) {
    const at = text.indexOf(p, from);
    if (at < 0 || at + p.length > c.span.end) return undefined;
    from = at + p.length;
    let start = at;
    let kind: NameCandidate['kind'] = endsInBodyKeyword(p) ? 'organization' : anyPerson ? 'person' : 'organization';
    let title: string | undefined;
    if (titled(p)) {
      title = p.slice(0, p.indexOf(' '));
      start = at + title.length + 1;
      kind = 'person';
    }
    // Every field, in the order entities.ts's newCandidate sets them: one shape for all candidates.
    const part: NameCandidate = { span: { start, end: at + p.length }, text: text.slice(start, at + p.length), sentence: c.sentence, title: undefined, kind, initial: false, possessive: false, tagged: true, split: undefined, scores: undefined };
    if (title) part.title = title;
    out.push(part);
  }
  out[out.length - 1].possessive = c.possessive;
  return out;
}

