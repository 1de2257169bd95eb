// Deterministic, news-like benchmark corpus. Every word list and template here is written
// for the project (no external corpora): articles with a kicker, headline, byline, a
// dateline "City, Mon D (AGENCY).-", direct, partial and indirect quotes, figures with
// qualifiers, names of people, organisations and places, and Markdown variants.
import * as fs from 'fs';
import * as path from 'path';

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same corpus. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

const FIRST_NAMES = [
  'Maria', 'Pieter', 'Amina', 'Jonas', 'Lucia', 'Tomas', 'Grace', 'Rafael', 'Ingrid', 'Samuel',
  'Nadia', 'Oliver', 'Priya', 'Mateo', 'Helena', 'Kwame', 'Sofia', 'Daniel', 'Yuki', 'Farah',
  'Victor', 'Elena', 'Marcus', 'Leila', 'Andrew', 'Carmen', 'Tariq', 'Rosa', 'Henrik', 'Esther',
] as const;

const LAST_NAMES = [
  'Jensen', 'de Vries', 'Okafor', 'Lindqvist', 'Moreno', 'Novak', 'Achebe', 'Castillo', 'Berg',
  'Haddad', 'Whitfield', 'Ramanathan', 'Alvarez', 'Kowalski', 'Mensah', 'Rossi', 'Tanaka', 'Farouk',
  'Delacroix', 'Marsh', 'Oyelaran', 'Van Dijk', 'Sutherland', 'Nakamura', 'Ibrahim', 'Petrov',
  'Gallagher', 'Quintero', 'Holm', 'Adeyemi',
] as const;

const ROLES = [
  'the council’s chairman', 'the finance minister', 'a senior economist at the central bank',
  'the regional health director', 'a spokeswoman for the ministry', 'the port authority’s chief executive',
  'an epidemiologist at the national institute', 'the opposition leader', 'the mayor',
  'a professor of public policy', 'the union’s general secretary', 'the assistant secretary of state for trade',
] as const;

const ORGANIZATIONS = [
  'the Ministry of Infrastructure', 'the National Statistics Office', 'the Harbour Council',
  'the World Food Programme', 'the Central Bank', 'the European Commission', 'the Federal Reserve',
  'the Red Cross', 'Northwind Logistics', 'the Coastal Health Authority', 'the Teachers’ Union',
  'the State Department', 'the Institute for Fiscal Studies', 'Atlas Energy Group', 'the Supreme Court',
] as const;

const PLACES = [
  'Rotterdam', 'Lagos', 'Lima', 'Oslo', 'Nairobi', 'Manila', 'Washington', 'Brussels', 'Quito',
  'Ankara', 'Hanoi', 'Accra', 'Montevideo', 'Tbilisi', 'Dakar', 'Wellington', 'Valparaiso', 'Kraków',
] as const;

const AGENCIES = ['EFE', 'AP', 'AFP', 'Reuters', 'dpa', 'ANSA', 'CNA'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const FULL_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const SECTIONS = ['City Desk', 'World', 'Economy', 'Health', 'Crime & Justice', 'Climate', 'Politics'] as const;

const TOPICS = [
  'flood barrier', 'vaccination campaign', 'fuel subsidy', 'port expansion', 'housing plan',
  'school meals programme', 'rail link', 'water treatment plant', 'minimum wage rise', 'drug seizure',
] as const;

const NOUNS = [
  'residents', 'workers', 'families', 'patients', 'students', 'households', 'farmers', 'migrants',
  'passengers', 'small businesses',
] as const;

const QUALIFIERS = ['more than', 'about', 'at least', 'nearly', 'up to', 'roughly', 'fewer than', 'almost', ''] as const;
const SPEECH_VERBS = ['said', 'told reporters', 'said in a statement', 'added', 'warned', 'explained'] as const;
const VAGUE_SOURCES = ['Officials', 'Experts', 'Critics', 'Analysts', 'Sources close to the talks', 'Residents'] as const;

const QUOTE_LINES = [
  'We cannot wait for the next storm to decide',
  'The numbers speak for themselves, and they are not good',
  'This is the largest investment the region has seen in a generation',
  'Nobody in this building believes the deadline is realistic',
  'We are working as hard as we can, as closely as we can, with our partners',
  'It is a fair deal for the region, and I expect it to pass',
  'Families are paying the price for decisions made years ago',
  'The data shows a clear improvement since the spring',
  'I have seen what is happening on the ground, and it worries me',
  'We will publish the full report before the end of the year',
] as const;

const STATEMENTS = [
  'The proposal still needs the approval of parliament, which meets again next month.',
  'Work on the project was suspended twice because of disputes over the contract.',
  'The plan has divided the governing coalition since it was first presented.',
  'Neighbouring countries have adopted similar measures with mixed results.',
  'The debate is expected to continue when the committee reconvenes.',
  'Construction firms have complained about rising material costs.',
  'The announcement came a day after protests in the capital.',
] as const;

interface Person {
  name: string;
  surname: string;
  role: string;
  pronoun: 'he' | 'she';
}

const SHE_NAMES = new Set<string>([
  'Maria', 'Amina', 'Lucia', 'Grace', 'Ingrid', 'Nadia', 'Priya', 'Helena', 'Sofia', 'Yuki', 'Farah',
  'Elena', 'Leila', 'Carmen', 'Rosa', 'Esther',
]);

function makePerson(rng: Rng): Person {
  const first = pick(rng, FIRST_NAMES);
  const surname = pick(rng, LAST_NAMES);
  return { name: `${first} ${surname}`, surname, role: pick(rng, ROLES), pronoun: SHE_NAMES.has(first) ? 'she' : 'he' };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withCommas(n: number): string {
  return n.toLocaleString('en-US');
}

/** A figure with an optional qualifier: "more than 70,000 residents", "$24 billion", "12 per cent". */
function figurePhrase(rng: Rng): string {
  const qualifier = pick(rng, QUALIFIERS);
  const lead = qualifier ? `${qualifier} ` : '';
  switch (intBetween(rng, 0, 6)) {
    case 0:
      return `${lead}${withCommas(intBetween(rng, 2, 900) * 100)} ${pick(rng, NOUNS)}`;
    case 1:
      return `${lead}$${intBetween(rng, 2, 95)} ${pick(rng, ['million', 'billion'])}`;
    case 2:
      return `${lead}${intBetween(rng, 2, 80)} per cent of ${pick(rng, NOUNS)}`;
    case 3:
      return `${lead}€${intBetween(rng, 1, 9)}.${intBetween(rng, 1, 9)}bn`;
    case 4:
      return `${lead}${intBetween(rng, 3, 60)}% of the budget`;
    case 5:
      return `${lead}${intBetween(rng, 2, 30)} years`;
    default:
      return `${lead}${intBetween(rng, 2, 50)} times the previous estimate`;
  }
}

function dateString(rng: Rng): string {
  return `${pick(rng, FULL_MONTHS)} ${intBetween(rng, 1, 28)}, ${intBetween(rng, 1995, 2026)}`;
}

/** One body paragraph from a template chosen by the PRNG. */
function bodyParagraph(rng: Rng, people: Person[], place: string, topic: string, lastSpeaker: { person?: Person }): string {
  const person = pick(rng, people);
  const org = pick(rng, ORGANIZATIONS);
  switch (intBetween(rng, 0, 9)) {
    case 0: // direct quote, named speaker with role
      lastSpeaker.person = person;
      return `“${pick(rng, QUOTE_LINES)},” said ${person.name}, ${person.role}.`;
    case 1: // direct quote, pronoun
      if (lastSpeaker.person) {
        return `“${pick(rng, QUOTE_LINES)}. ${pick(rng, QUOTE_LINES)},” ${lastSpeaker.person.pronoun} ${pick(rng, SPEECH_VERBS)}.`;
      }
      lastSpeaker.person = person;
      return `“${pick(rng, QUOTE_LINES)},” ${person.name} ${pick(rng, SPEECH_VERBS)}.`;
    case 2: // indirect quote with figures
      lastSpeaker.person = person;
      return `${person.surname} said that the ${topic} would cost ${figurePhrase(rng)} and benefit ${figurePhrase(rng)} in ${place}.`;
    case 3: // unsourced figures
      return `${capitalize(figurePhrase(rng))} were affected last year, and ${figurePhrase(rng)} remain at risk.`;
    case 4: // according to an organisation
      return `According to ${org}, spending on the ${topic} rose by ${intBetween(rng, 2, 40)} per cent between ${intBetween(rng, 1998, 2015)} and ${intBetween(rng, 2016, 2026)}.`;
    case 5: // vague attribution
      return `${pick(rng, VAGUE_SOURCES)} said ${figurePhrase(rng)} could lose access to services by ${dateString(rng)}.`;
    case 6: // partial quote
      return `${person.name} described the talks with ${capitalize(org.replace(/^the /, ''))} as "constructive" and said the deal was "${pick(rng, ['fair', 'overdue', 'fragile', 'historic'])}".`;
    case 7: // told + place
      return `${person.name} told reporters in ${pick(rng, PLACES)} on ${pick(rng, WEEKDAYS)} that ${org.replace(/^the /, 'the ')} had received ${figurePhrase(rng)}.`;
    case 8: // plain statement
      return pick(rng, STATEMENTS);
    default: // multi-sentence paragraph
      return `${pick(rng, STATEMENTS)} ${capitalize(org)} has not commented. ${pick(rng, STATEMENTS)}`;
  }
}

export interface ArticleOptions {
  /** Body paragraphs (default: 6–14, chosen by the PRNG). */
  paragraphs?: number;
  /** Markdown variant ("# headline", "*By …*"); default: chosen by the PRNG (1 in 4). */
  markdown?: boolean;
}

/** One article. The same rng state always yields the same article. */
export function generateArticle(rng: Rng, options: ArticleOptions = {}): string {
  const markdown = options.markdown ?? rng() < 0.25;
  const paragraphCount = options.paragraphs ?? intBetween(rng, 6, 14);
  const people = [makePerson(rng), makePerson(rng), makePerson(rng)];
  const place = pick(rng, PLACES);
  const topic = pick(rng, TOPICS);
  const lead = people[0];
  const headline = `${capitalize(pick(rng, ORGANIZATIONS).replace(/^the /, ''))} backs ${topic} in ${place} despite cost fears`;
  const byline = `By ${makePerson(rng).name}`;
  const dateline = `${place}, ${pick(rng, MONTHS)} ${intBetween(rng, 1, 28)} (${pick(rng, AGENCIES)}).-`;
  const first = `${dateline} ${lead.name}, ${lead.role}, said on ${pick(rng, WEEKDAYS)} that the ${topic} would go ahead, with ${figurePhrase(rng)} set aside for it.`;

  const lastSpeaker: { person?: Person } = { person: lead };
  const body: string[] = [first];
  for (let i = 0; i < paragraphCount; i++) {
    body.push(bodyParagraph(rng, people, place, topic, lastSpeaker));
  }

  const kicker = pick(rng, SECTIONS);
  const blocks = markdown
    ? [`# ${kicker}`, `## ${headline}`, `*${byline}*`, ...body.map((p) => (rng() < 0.1 ? `- ${p}` : p))]
    : [kicker, headline, byline, ...body];
  if (rng() < 0.3) blocks.push('Related Articles');
  return blocks.join('\n\n') + '\n';
}

export interface Corpus {
  articles: string[];
  /** All articles joined by blank lines. */
  text: string;
  /** UTF-8 size of `text`. */
  bytes: number;
}

/** Articles until their joined UTF-8 size reaches `minBytes`. */
export function generateCorpus(minBytes: number, seed = 1): Corpus {
  const rng = createRng(seed);
  const articles: string[] = [];
  let bytes = 0;
  while (bytes < minBytes) {
    const article = generateArticle(rng);
    articles.push(article);
    bytes += Buffer.byteLength(article, 'utf8') + (articles.length > 1 ? 1 : 0);
  }
  const text = articles.join('\n');
  return { articles, text, bytes: Buffer.byteLength(text, 'utf8') };
}

/** One long article (one headline, byline and dateline, then body paragraphs) of at least `minBytes`. */
export function generateLargeDocument(minBytes: number, seed = 7): string {
  const rng = createRng(seed);
  const parts: string[] = [generateArticle(rng, { markdown: false, paragraphs: 4 }).replace(/\nRelated Articles\n$/, '\n')];
  let bytes = Buffer.byteLength(parts[0], 'utf8');
  const people = [makePerson(rng), makePerson(rng), makePerson(rng), makePerson(rng)];
  const lastSpeaker: { person?: Person } = {};
  while (bytes < minBytes) {
    const paragraph = bodyParagraph(rng, people, pick(rng, PLACES), pick(rng, TOPICS), lastSpeaker) + '\n\n';
    parts.push(paragraph);
    bytes += Buffer.byteLength(paragraph, 'utf8');
  }
  return parts.join('');
}

export interface ArticleFolder {
  root: string;
  files: number;
  bytes: number;
}

/** Writes `count` articles under `root` (100 per sub-folder, one in four as .md). */
export function writeArticleFolder(root: string, count: number, seed = 3): ArticleFolder {
  const rng = createRng(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, `desk-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const markdown = i % 4 === 3;
    const article = generateArticle(rng, { markdown });
    const file = path.join(folder, `article-${String(i).padStart(5, '0')}.${markdown ? 'md' : 'txt'}`);
    fs.writeFileSync(file, article);
    bytes += Buffer.byteLength(article, 'utf8');
  }
  return { root, files: count, bytes };
}
