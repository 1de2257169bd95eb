// The clause-taking words read from dependency trees (scripts/clause-words.ts), on small
// CoNLL-U sentences of our own.
import * as assert from 'assert';
import { clauseWords, countClauseHeads, emptyClauseCounts, inflections, readConllu } from '../../scripts/clause-words';

/** A CoNLL-U sentence from "form lemma UPOS head deprel" rows. */
function conllu(rows: string[]): string {
  return ['# text = (made up)', ...rows.map((r, i) => {
    const [form, lemma, upos, head, deprel] = r.split(' ');
    return [i + 1, form, lemma, upos, '_', '_', head, deprel, '_', '_'].join('\t');
  }), ''].join('\n');
}

const TEXT = [
  // "Quill said the pier reopened." — said takes a ccomp.
  conllu(['Quill Quill PROPN 2 nsubj', 'said say VERB 0 root', 'the the DET 4 det', 'pier pier NOUN 5 nsubj', 'reopened reopen VERB 2 ccomp', '. . PUNCT 2 punct']),
  // "The board plans to vote." — plans takes an xcomp.
  conllu(['The the DET 2 det', 'board board NOUN 3 nsubj', 'plans plan VERB 0 root', 'to to PART 5 mark', 'vote vote VERB 3 xcomp', '. . PUNCT 3 punct']),
  // "The claim that costs rose stood." — a noun's that-clause.
  conllu(['The the DET 2 det', 'claim claim NOUN 7 nsubj', 'that that SCONJ 5 mark', 'costs cost NOUN 5 nsubj', 'rose rise VERB 2 acl', 'quickly quickly ADV 5 advmod', 'stood stand VERB 0 root', '. . PUNCT 7 punct']),
  // "Costs rose, officials warned." — a reporting verb beside its clause.
  conllu(['Costs cost NOUN 2 nsubj', 'rose rise VERB 0 root', ', , PUNCT 5 punct', 'officials official NOUN 5 nsubj', 'warned warn VERB 2 parataxis', '. . PUNCT 2 punct']),
  // "The pier reopened." — no clause taken.
  conllu(['The the DET 2 det', 'pier pier NOUN 3 nsubj', 'reopened reopen VERB 0 root', '. . PUNCT 3 punct']),
].join('\n');

describe('clause-taking words from dependency trees', () => {
  it('finds the verbs and nouns that head a clause, with their forms', () => {
    const counts = emptyClauseCounts();
    countClauseHeads(readConllu(TEXT), counts);
    const { lemmas, words } = clauseWords(counts, 1, 0.5);
    assert.deepStrictEqual(lemmas, ['claim noun 1/1', 'plan verb 1/1', 'say verb 1/1', 'warn verb 1/1']);
    for (const w of ['said', 'says', 'saying', 'plans', 'planned', 'claim', 'claims', 'warned', 'warning']) assert.ok(words.includes(w), w);
    // Words that only sit inside the clauses, or take none.
    for (const w of ['reopened', 'rose', 'stood', 'pier', 'costs', 'vote']) assert.ok(!words.includes(w), w);
  });

  it('keeps a lemma only above the count and the share of its uses', () => {
    const counts = emptyClauseCounts();
    countClauseHeads(readConllu(TEXT), counts);
    // Each lemma heads a clause once: none reaches a count of two.
    assert.deepStrictEqual(clauseWords(counts, 2, 0).lemmas, []);
    const twice = emptyClauseCounts();
    countClauseHeads(readConllu(TEXT + '\n' + TEXT), twice);
    assert.deepStrictEqual(clauseWords(twice, 2, 0.5).lemmas, ['claim noun 2/2', 'plan verb 2/2', 'say verb 2/2', 'warn verb 2/2']);
  });

  it('inflects regular verbs and nouns', () => {
    assert.deepStrictEqual(inflections('deny', 'VERB'), ['deny', 'denies', 'denied', 'denying']);
    assert.deepStrictEqual(inflections('note', 'VERB'), ['note', 'notes', 'noted', 'noting']);
    assert.deepStrictEqual(inflections('push', 'VERB'), ['push', 'pushes', 'pushed', 'pushing']);
    assert.deepStrictEqual(inflections('admit', 'VERB'), ['admit', 'admits', 'admited', 'admiting', 'admitted', 'admitting']);
    assert.deepStrictEqual(inflections('claim', 'NOUN'), ['claim', 'claims']);
    assert.deepStrictEqual(inflections('e-mail', 'VERB'), []);
  });
});
