// The clause-taking words of CoNLL-U dependency trees (scripts/build-clause-words.ts):
// verbs and nouns that head a clausal complement (ccomp, xcomp), a noun's "that"-clause
// (acl with the marker "that"), or a reporting verb with a subject beside its clause
// (parataxis: "…, she said"); their forms seen and their regular inflections.

export interface ConlluRow {
  form: string;
  lemma: string;
  upos: string;
  head: number;
  deprel: string;
}

/** Sentences of a CoNLL-U text, each a list of its word rows (multi-word and empty tokens left out). */
export function readConllu(text: string): ConlluRow[][] {
  const sentences: ConlluRow[][] = [];
  let current: ConlluRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      if (current.length > 0) sentences.push(current);
      current = [];
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 8 || !/^\d+$/.test(cols[0])) continue;
    current.push({ form: cols[1], lemma: cols[2], upos: cols[3], head: Number(cols[6]), deprel: cols[7] });
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** Per lemma and part of speech ("say|VERB"): occurrences, how many head a clause, lower-case forms seen. */
export interface ClauseCounts {
  total: Map<string, number>;
  clause: Map<string, number>;
  forms: Map<string, Set<string>>;
}

export function emptyClauseCounts(): ClauseCounts {
  return { total: new Map(), clause: new Map(), forms: new Map() };
}

const KINDS = new Set(['VERB', 'NOUN']);

/** Adds the verbs and nouns of `sentences` to `counts`. */
export function countClauseHeads(sentences: readonly ConlluRow[][], counts: ClauseCounts): void {
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of sentences) {
    // Children per word, so that each check looks at one word's dependents only.
    const children: ConlluRow[][] = s.map(() => []);
    for (const r of s) if (r.head > 0 && r.head <= s.length) children[r.head - 1].push(r);
    const heads = new Set<number>();
    s.forEach((r, i) => {
      if (r.head === 0 || r.head > s.length) return;
      const rel = r.deprel.split(':')[0];
      const head = s[r.head - 1];
      if (rel === 'ccomp' || rel === 'xcomp') heads.add(r.head - 1);
      // A noun's "that"-clause: acl whose clause has the marker "that".
      if (rel === 'acl' && head.upos === 'NOUN' && children[i].some((c) => c.deprel === 'mark' && c.lemma.toLowerCase() === 'that')) heads.add(r.head - 1);
      // "…, she said": the reporting verb hangs off the reported clause as parataxis, with a subject.
      if (rel === 'parataxis' && r.upos === 'VERB' && children[i].some((c) => c.deprel.startsWith('nsubj'))) heads.add(i);
    });
    s.forEach((r, i) => {
      if (!KINDS.has(r.upos)) return;
      const key = `${r.lemma.toLowerCase()}|${r.upos}`;
      bump(counts.total, key);
      if (heads.has(i)) bump(counts.clause, key);
      let set = counts.forms.get(key);
      if (!set) counts.forms.set(key, (set = new Set()));
      set.add(r.form.toLowerCase());
    });
  }
}

/** The regular inflections of a lemma (wrong ones, for irregular words, are harmless: they never occur). */
export function inflections(lemma: string, upos: string): string[] {
  if (!/^[a-z]+$/.test(lemma)) return [];
  const out = [lemma];
  const sibilant = /(s|x|z|ch|sh)$/.test(lemma);
  const consonantY = /[^aeiou]y$/.test(lemma);
  out.push(consonantY ? lemma.slice(0, -1) + 'ies' : sibilant ? lemma + 'es' : lemma + 's');
  if (upos === 'VERB') {
    const stem = consonantY ? lemma.slice(0, -1) + 'i' : lemma;
    out.push(lemma.endsWith('e') ? lemma + 'd' : stem + 'ed');
    out.push((lemma.endsWith('e') && !lemma.endsWith('ee') ? lemma.slice(0, -1) : lemma) + 'ing');
    // A final consonant after one vowel may double ("planned", "admitted"; not "visited"): both forms.
    if (/[^aeiou][aeiou][b-df-hj-np-tvz]$/.test(lemma)) out.push(lemma + lemma.slice(-1) + 'ed', lemma + lemma.slice(-1) + 'ing');
  }
  return out;
}

/**
 * The lemmas that head a clause at least minCount times and in at least minRate of their
 * uses ("say verb 3/4"), and their lower-case word forms (seen and regular), sorted.
 */
export function clauseWords(counts: ClauseCounts, minCount: number, minRate: number): { lemmas: string[]; words: string[] } {
  const words = new Set<string>();
  const lemmas: string[] = [];
  for (const [key, n] of counts.total) {
    const c = counts.clause.get(key) ?? 0;
    if (c < minCount || c / n < minRate) continue;
    const [lemma, upos] = key.split('|');
    lemmas.push(`${lemma} ${upos.toLowerCase()} ${c}/${n}`);
    for (const w of counts.forms.get(key) ?? []) if (/^[a-z]+$/.test(w)) words.add(w);
    for (const w of inflections(lemma, upos)) words.add(w);
  }
  return { lemmas: lemmas.sort(), words: [...words].sort() };
}
