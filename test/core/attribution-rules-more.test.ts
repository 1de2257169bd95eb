// More attribution rules for issue 3 (PolNeAR error classes, session 11), each on a small
// text of our own, each checked with its switch in attributionSettings off as well.
import * as assert from 'assert';
import { analyze, slice, triples, withSwitch } from './helpers';

describe('attribution rules, session 11 (issue 3 error classes)', () => {
  it('hands a quotation on to a next sentence that is only its speaker and verb, and looks past an inner closing mark', () => {
    const text = '“We will find the missing ferry tickets.” Quill said.\n\n“The board asked us, ‘What kind of help do you need?’” Oscar Brightwater said.';
    const on = withSwitch('quoteHandOver', true, () => triples(text));
    assert.deepStrictEqual(on, [
      'Quill | said | “We will find the missing ferry tickets.”',
      'Oscar Brightwater | said | “The board asked us, ‘What kind of help do you need?’”',
    ]);
    const off = withSwitch('quoteHandOver', false, () => triples(text));
    assert.notDeepStrictEqual(off, on);
  });
});

describe('headline cue verbs (session 11)', () => {
  it('reads a title-case cue verb in a headline: source before it, content after it or before the comma', () => {
    const first = 'New Harbour Survey Shows Ferry Fares Rising Again.\n\nThe board met on Monday.';
    const last = 'Ferry Fares Will Rise Again, Former Harbour Chief Says.\n\nThe board met on Monday.';
    const on1 = withSwitch('headlineVerb', true, () => triples(first));
    assert.ok(on1.includes('New Harbour Survey | Shows | Ferry Fares Rising Again'), on1.join('\n'));
    const on2 = withSwitch('headlineVerb', true, () => triples(last));
    assert.ok(on2.includes('Former Harbour Chief | Says | Ferry Fares Will Rise Again'), on2.join('\n'));
    const off1 = withSwitch('headlineVerb', false, () => triples(first));
    const off2 = withSwitch('headlineVerb', false, () => triples(last));
    assert.ok(!off1.includes('New Harbour Survey | Shows | Ferry Fares Rising Again'), off1.join('\n'));
    assert.ok(!off2.includes('Former Harbour Chief | Says | Ferry Fares Will Rise Again'), off2.join('\n'));
  });

  it('leaves a headline whose verb has no title-case source at its start alone', () => {
    const text = 'How The Harbour Board Says It Will Pay For The Pier.\n\nThe board met on Monday.';
    const on = withSwitch('headlineVerb', true, () => triples(text));
    assert.ok(!on.some((t) => t.startsWith('How')), on.join('\n'));
  });
});

describe('the subject of "… and CUE" (session 11)', () => {
  const text = 'The authors of the harbour report, which include the Glenvale Ferry Fund and Citizens for Fair Fares, combed through the ledgers of 500 firms and found an astonishing 73 percent kept accounts offshore.';

  it('takes a noun phrase that opens the sentence, with its relative clause, as the source, and sources its figure', () => {
    const a = withSwitch('andSubject', true, () => analyze(text));
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'found');
    assert.ok(q, 'an attribution with the cue "found"');
    assert.strictEqual(slice(text, q!.source!.span!), 'The authors of the harbour report, which include the Glenvale Ferry Fund and Citizens for Fair Fares,');
    assert.ok(!a.findings.some((f) => f.code === 'unsourced-figure' && slice(text, f.span) === '73 percent'));
    const off = withSwitch('andSubject', false, () => analyze(text));
    assert.ok(off.findings.some((f) => f.code === 'unsourced-figure' && slice(text, f.span) === '73 percent'));
  });

  it('does not reach past another clause to the subject', () => {
    const other = 'The authors of the harbour report said that the board combed through the ledgers and found nothing.';
    const a = withSwitch('andSubject', true, () => analyze(other));
    const q = a.quotes.find((x) => x.source?.cueSpan && slice(other, x.source.cueSpan) === 'found');
    assert.ok(!q || !slice(other, q.source!.span ?? { start: 0, end: 0 }).startsWith('The authors'));
  });
});

describe('cue words that are not cues by their neighbour (session 11)', () => {
  const cuesOf = (text: string) => analyze(text).quotes.filter((q) => q.source?.cueSpan).map((q) => slice(text, q.source!.cueSpan!));

  it('reads "show" after "talk", "radio", "TV" as the noun', () => {
    const text = 'Quill, the host of a radio show that airs daily, said the pier opens in May.';
    const on = withSwitch('showNoun', true, () => cuesOf(text));
    assert.deepStrictEqual(on, ['said']);
    assert.ok(withSwitch('showNoun', false, () => cuesOf(text)).includes('show'), 'without the rule the noun is read as a cue');
    const verb = 'Fares rose by 9 percent last year, harbour records show.';
    assert.ok(withSwitch('showNoun', true, () => cuesOf(verb)).includes('show'), '"records show" stays a cue');
  });

  it('reads "found himself" and "found ways" as no finding, "found that" as one', () => {
    const text = 'The harbour board found itself in a dispute with the ferry company. The board found ways to cut fares. The board found that fares rose by 9 percent.';
    const on = withSwitch('foundObject', true, () => analyze(text).quotes.filter((q) => q.source?.cueSpan && slice(text, q.source.cueSpan) === 'found'));
    assert.strictEqual(on.length, 1, on.map((q) => q.text).join(' / '));
    assert.strictEqual(on[0].text, 'fares rose by 9 percent');
    const off = withSwitch('foundObject', false, () => analyze(text).quotes.filter((q) => q.source?.cueSpan && slice(text, q.source.cueSpan) === 'found'));
    assert.ok(off.length > 1, off.map((q) => q.text).join(' / '));
  });
});

describe('a circumstance is no source (session 11)', () => {
  it('does not read "In a Facebook message posted Friday" as a source and cue', () => {
    const text = 'Quill and Brightwater have clashed for years.\n\nIn a Facebook message posted Friday, Quill said he had disagreed with Brightwater but would not let the pier close.';
    const on = withSwitch('prepositionSource', true, () => triples(text));
    assert.ok(!on.some((t) => t.startsWith('In a Facebook message')), on.join('\n'));
    assert.ok(on.includes('Quill | said | he had disagreed with Brightwater but would not let the pier close'), on.join('\n'));
    const off = withSwitch('prepositionSource', false, () => triples(text));
    assert.ok(off.some((t) => t.startsWith('In a Facebook message')), off.join('\n'));
  });
});

describe('"According to …," opening a sentence (session 11)', () => {
  it('takes everything up to the comma as the source, the rest of the sentence as the content', () => {
    const text = 'According to early results of exit polls conducted for the Glenvale Herald by Harbour Research, majorities of voters in all five towns say they feel betrayed by the harbour board.';
    const find = () => analyze(text).quotes.find((q) => q.source?.cueSpan && slice(text, q.source.cueSpan) === 'According to');
    const on = withSwitch('accordingToComma', true, find);
    assert.ok(on, 'an attribution with the cue "According to"');
    assert.ok(slice(text, on!.source!.span!).startsWith('early results of exit polls conducted for the Glenvale Herald by Harbour Research'));
    assert.strictEqual(on!.text, 'majorities of voters in all five towns say they feel betrayed by the harbour board');
    assert.strictEqual(withSwitch('accordingToComma', false, find), undefined);
  });
});

describe('the appositive of an inverted source (session 11)', () => {
  it('takes the appositive when the sentence runs on into the next quotation, or holds a noun like "projects"', () => {
    const text = "''It is more tinkering at the edges,'' said Alan Cole, an economist at the Glenvale Foundation. ''I would not call it reform.''\n\n\"There is a need for oversight,\" said Ronald Fieldstone, a Miami lawyer who works on harbour projects.";
    const sources = (on: boolean) => withSwitch('appositiveEnd', on, () => analyze(text).quotes.map((q) => (q.source?.span ? slice(text, q.source.span) : '')));
    const on = sources(true);
    assert.deepStrictEqual(on, [
      'Alan Cole, an economist at the Glenvale Foundation',
      'Alan Cole, an economist at the Glenvale Foundation',
      'Ronald Fieldstone, a Miami lawyer who works on harbour projects',
    ]);
    assert.deepStrictEqual(sources(false), ['Alan Cole', 'Alan Cole', 'Ronald Fieldstone']);
  });

  it('still lets the tagger read a report inside the appositive', () => {
    const text = "''It is a mess,'' said Pierre Quill, a professor of law at Glenvale University, who likened the campaign to a car crash. ''We cannot look away.''";
    const cues = withSwitch('appositiveEnd', true, () => analyze(text).quotes.filter((q) => q.source?.cueSpan).map((q) => slice(text, q.source!.cueSpan!)));
    assert.ok(cues.includes('likened'), cues.join(', '));
  });
});

describe('the comma that closes a source (session 11)', () => {
  it('keeps the comma after an appositive before the cue, drops it after a bare name or after the cue', () => {
    const text = 'The pier will open in May, according to the Glenvale Harbour Board, which met on Monday.';
    const source = (on: boolean) => withSwitch('sourceComma', on, () => {
      const q = analyze(text).quotes.find((x) => x.source?.cueSpan && slice(text, x.source.cueSpan) === 'according to');
      return q?.source?.span ? slice(text, q.source.span) : undefined;
    });
    assert.strictEqual(source(true), 'the Glenvale Harbour Board');
    const text2 = 'Ada Quill, the harbour chief, said the pier would open in May.';
    const q2 = withSwitch('sourceComma', true, () => analyze(text2).quotes.find((x) => x.source?.cueSpan && slice(text2, x.source.cueSpan) === 'said'));
    assert.strictEqual(slice(text2, q2!.source!.span!), 'Ada Quill, the harbour chief,');
  });

  it('trims it only with the switch on', () => {
    const text = 'The pier will open in May, according to the Glenvale Harbour Board, which met on Monday.';
    const spans = (on: boolean) => withSwitch('sourceComma', on, () => analyze(text).quotes.map((q) => (q.source?.span ? slice(text, q.source.span) : '')));
    const on = spans(true);
    assert.ok(on.every((s) => !s.endsWith(',')), on.join(' | '));
    const off = spans(false);
    assert.ok(off.includes('the Glenvale Harbour Board,'), off.join(' | '));
  });
});

describe('a role noun with the name as its appositive (session 11)', () => {
  it('reads "…, a spokeswoman, Anna White, said on Saturday." as source and cue', () => {
    const text = 'The ferry will run all winter, a spokeswoman, Anna Richardson White, said on Saturday.';
    const on = withSwitch('roleThenName', true, () => triples(text));
    assert.ok(on.includes('a spokeswoman, Anna Richardson White, | said | The ferry will run all winter'), on.join('\n'));
    const off = withSwitch('roleThenName', false, () => triples(text));
    assert.ok(!off.some((t) => t.startsWith('a spokeswoman, Anna')), off.join('\n'));
  });
});

describe('a source that ends with "who" (session 11)', () => {
  it('leaves the relative pronoun out of a tagged source ("those who said")', () => {
    const text = 'A majority of those who said their top issue was the ferry supported Quill.';
    const sources = (on: boolean) => withSwitch('sourceWho', on, () => analyze(text).quotes.map((q) => (q.source?.span ? slice(text, q.source.span) : '')));
    const on = sources(true);
    assert.ok(on.length > 0 && on.every((s) => !/ who$/.test(s)), on.join(' | '));
    assert.ok(sources(false).some((s) => / who$/.test(s)), 'without the rule the tagger keeps "who"');
  });
});

describe('a content that ends with initials (session 11)', () => {
  it('keeps the full stop of "U.S." at the end of a reported clause', () => {
    const text = 'Ada Quill said the storm poses a threat to the U.S.';
    const contents = (on: boolean) => withSwitch('abbreviationEnd', on, () => analyze(text).quotes.map((q) => slice(text, q.span)));
    assert.deepStrictEqual(contents(true), ['the storm poses a threat to the U.S.']);
    assert.deepStrictEqual(contents(false), ['the storm poses a threat to the U.S']);
  });
});

describe('an inverted source with a party label or a date (session 11)', () => {
  it('takes "(D-Ohio)" and the appositive after it, and "9/11" before the name', () => {
    const text = '“We will rebuild the pier,” added Rep. Ada Quill (D-Ohio), the chair of the harbour caucus.\n\n“It is a disgrace,” said 9/11 widow Oscar Brightwater.';
    const sources = (on: boolean) => withSwitch('invertedLabel', on, () => analyze(text).quotes.map((q) => (q.source?.span ? slice(text, q.source.span) : '')));
    assert.deepStrictEqual(sources(true), ['Rep. Ada Quill (D-Ohio), the chair of the harbour caucus', '9/11 widow Oscar Brightwater']);
    assert.notDeepStrictEqual(sources(false), sources(true));
  });
});

describe('"called" that names a thing (session 11)', () => {
  it('is no cue after a noun like "group", but stays one after a person', () => {
    const text = 'Quill founded a nonprofit group called Harbour First in 2010.';
    const cues = (on: boolean, t: string) => withSwitch('calledNaming', on, () => analyze(t).quotes.filter((q) => q.source?.cueSpan).map((q) => slice(t, q.source!.cueSpan!)));
    assert.ok(!cues(true, text).includes('called'), cues(true, text).join(', '));
    assert.ok(cues(false, text).includes('called'), 'without the rule "called" is read as a cue');
    const person = 'Ada Quill called the harbour plan “a disgrace” on Monday.';
    assert.ok(cues(true, person).includes('called'), cues(true, person).join(', '));
  });
});

describe('"It says" after a document (session 11)', () => {
  it('takes "It" as the source when a letter or report was just named, and not otherwise', () => {
    const text = 'The city sent a cease-and-desist letter Thursday. It says the campaign broke the harbour rules.';
    const on = withSwitch('itDocument', true, () => triples(text));
    assert.ok(on.includes('It | says | the campaign broke the harbour rules'), on.join('\n'));
    assert.ok(!withSwitch('itDocument', false, () => triples(text)).some((t) => t.startsWith('It |')));
    const none = 'The ferry left at noon. It says nothing about the weather.';
    assert.ok(!withSwitch('itDocument', true, () => triples(none)).some((t) => t.startsWith('It |')));
  });
});
