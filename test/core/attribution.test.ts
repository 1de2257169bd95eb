// Speakers: the attribution patterns news prose uses, one small text each.
import * as assert from 'assert';
import { analyze, directQuotes, slice, speakerName } from './helpers';

function only(text: string) {
  const a = analyze(text);
  const quotes = directQuotes(a);
  assert.strictEqual(quotes.length, 1, `one direct quote in: ${text}`);
  return { a, q: quotes[0] };
}

describe('attribution', () => {
  it('“…,” said X (inversion)', () => {
    const text = 'Maria Gonzalez runs the clinic.\n\n“We have no beds left for anyone who arrives tonight,” said Gonzalez.';
    const { a, q } = only(text);
    assert.strictEqual(speakerName(a, q), 'Maria Gonzalez');
    assert.strictEqual(q.source?.how, 'explicit');
    assert.strictEqual(q.source?.cue, 'said');
  });

  it('reads "…, The Harbour Gazette reports." as a cue, and its figures as sourced', () => {
    const text = 'Bonuses for dock managers were $500 to $2,000 every three months, The Harbour Gazette reports.';
    const a = analyze(text);
    const reported = a.quotes.find((q) => q.kind === 'indirect');
    assert.ok(reported?.source?.span, 'the clause has a source');
    assert.strictEqual(slice(text, reported.source.span), 'The Harbour Gazette');
    assert.strictEqual(reported.source.cue, 'reports');
    assert.deepStrictEqual(a.findings.filter((f) => f.code === 'unsourced-figure'), []);
    // A noun at the end of a sentence stays a noun.
    assert.ok(!analyze('The council read both reports.').quotes.some((q) => q.source?.cue === 'reports'));
  });

  it('leaves a sentence adverb out of the source ("Later the FBI confirmed …")', () => {
    const text = 'The FBI opened an inquiry in May. Later the F.B.I. confirmed that the files were gone.';
    const a = analyze(text);
    const reported = a.quotes.find((q) => q.kind === 'indirect');
    assert.ok(reported?.source?.span, 'the clause has a source');
    assert.strictEqual(slice(text, reported.source.span), 'the F.B.I.');
  });

  it('“…,” X said', () => {
    const { a, q } = only('“The bridge will open in the spring as planned,” Peter Novak said.');
    assert.strictEqual(speakerName(a, q), 'Peter Novak');
    assert.strictEqual(slice('“The bridge will open in the spring as planned,” Peter Novak said.', q.source!.span!), 'Peter Novak');
  });

  it('“…” ― X (a reader’s signed line): the signature is the speaker, the dash the cue', () => {
    const text = 'What readers told us.\n\n“The buses never come on time in winter.” ― Helen Brandt\n';
    const { a, q } = only(text);
    assert.strictEqual(speakerName(a, q), 'Helen Brandt');
    assert.strictEqual(q.source?.how, 'explicit');
    assert.strictEqual(slice(text, q.source!.cueSpan!), '―');
  });

  it('X said: “…” (cue before the quotation)', () => {
    const { a, q } = only('Peter Novak said: “The bridge will open in the spring as planned.”');
    assert.strictEqual(speakerName(a, q), 'Peter Novak');
  });

  it('X, the Y, said (appositive between name and cue)', () => {
    const text = 'Peter Novak, the city engineer, said the bridge would open in the spring.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.ok(ind);
    assert.strictEqual(speakerName(a, ind), 'Peter Novak');
    assert.strictEqual(ind.text, 'the bridge would open in the spring');
    assert.strictEqual(a.entities.find((e) => e.name === 'Peter Novak')?.role, 'city engineer');
  });

  it('according to X (PolNeAR-style spans: source, cue, content)', () => {
    const text = 'The plant employs 4,200 workers, according to Helen Brandt.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.ok(ind);
    assert.strictEqual(ind.source?.cue, 'according to');
    assert.strictEqual(slice(text, ind.source!.cueSpan!), 'according to');
    assert.strictEqual(slice(text, ind.source!.span!), 'Helen Brandt');
    assert.strictEqual(ind.text, 'The plant employs 4,200 workers');
    assert.strictEqual(a.findings.filter((f) => f.code === 'unsourced-figure').length, 0);
  });

  it('According to X, … (at the start)', () => {
    const text = 'According to Helen Brandt, the plant employs 4,200 workers.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(ind?.text, 'the plant employs 4,200 workers');
    assert.strictEqual(speakerName(a, ind!), 'Helen Brandt');
  });

  it('X told Y that … (the object is not the source)', () => {
    const text = 'Helen Brandt told Reuters that the plant would hire 300 people.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(speakerName(a, ind!), 'Helen Brandt');
    assert.strictEqual(ind?.source?.cue, 'told');
    assert.strictEqual(ind?.text, 'the plant would hire 300 people');
  });

  it('X added/recalled/noted/argued/warned that …', () => {
    for (const verb of ['added', 'recalled', 'noted', 'argued', 'warned', 'says']) {
      const text = `Helen Brandt ${verb} that the plant employs 4,200 workers.`;
      const a = analyze(text);
      const ind = a.quotes.find((q) => q.kind === 'indirect');
      assert.strictEqual(speakerName(a, ind!), 'Helen Brandt', verb);
      assert.strictEqual(ind?.source?.cue, verb);
      assert.strictEqual(a.findings.length, 0, verb);
    }
  });

  it('…, X said. (content before the source)', () => {
    const text = 'The plant will close in 2026, Helen Brandt said.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(ind?.text, 'The plant will close in 2026');
    assert.strictEqual(speakerName(a, ind!), 'Helen Brandt');
  });

  it('resolves "she" to the last person named as a subject, not the object', () => {
    const text = 'Helen Brandt met Oscar Lindqvist on Monday.\n\n“We will not close the plant this year or next,” she said.';
    const { a, q } = only(text);
    assert.strictEqual(q.source?.how, 'pronoun');
    assert.strictEqual(speakerName(a, q), 'Helen Brandt');
  });

  it('falls back to the last person named when no subject came before', () => {
    const text = 'The crowd cheered for Ana Lima as the rally began.\n\n“We will win this state by a wide margin,” she said.';
    const { a, q } = only(text);
    assert.strictEqual(q.source?.how, 'pronoun');
    assert.strictEqual(speakerName(a, q), 'Ana Lima');
  });

  it('resolves a surname to the full name', () => {
    const text = 'Helen Brandt runs the plant.\n\n“Nobody will lose a job because of this decision,” Brandt said.';
    const { a, q } = only(text);
    assert.strictEqual(speakerName(a, q), 'Helen Brandt');
    assert.strictEqual(q.source?.text, 'Brandt');
  });

  it('resolves a role noun to the person holding the role', () => {
    const text =
      'Anna Kowalski, the ambassador to Chile, visited the port.\n\nThe diplomat said that trade had grown.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(ind?.source?.how, 'role-noun');
    assert.strictEqual(speakerName(a, ind!), 'Anna Kowalski');
  });

  it('continues the speaker into a following quoted paragraph', () => {
    const text =
      '“We have no beds left for anyone who arrives tonight,” said Maria Gonzalez.\n\n“And tomorrow will be worse than today, I am afraid to say.”';
    const a = analyze(text);
    const quotes = directQuotes(a);
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(quotes[1].source?.how, 'continuation');
    assert.strictEqual(speakerName(a, quotes[1]), 'Maria Gonzalez');
  });

  it('continues the speaker within a paragraph ("…,” she said. “…”)', () => {
    const text = '“We are full,” said Maria Gonzalez. “Nobody else can come in tonight, not even children.”';
    const a = analyze(text);
    const quotes = directQuotes(a);
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(speakerName(a, quotes[1]), 'Maria Gonzalez');
    assert.strictEqual(quotes[1].source?.how, 'continuation');
  });

  it('leaves a quotation without any cue or earlier speaker unattributed', () => {
    const text = 'The storm hit at night.\n\n“Nobody told us anything about the evacuation until it was too late.”';
    const a = analyze(text);
    const quotes = directQuotes(a);
    assert.strictEqual(quotes.length, 1);
    assert.strictEqual(quotes[0].source, undefined);
    assert.deepStrictEqual(a.findings.map((f) => f.code), ['unattributed-quote']);
  });

  it('marks "officials said", "experts say", "sources said", "critics argue" as vague', () => {
    for (const [subject, verb] of [['officials', 'said'], ['Experts', 'say'], ['sources', 'said'], ['Critics', 'argue'], ['US officials', 'said']]) {
      const text = `The program cost more than $3 million, ${subject} ${verb}.`;
      const a = analyze(text);
      const ind = a.quotes.find((q) => q.kind === 'indirect');
      assert.ok(ind, `${subject} ${verb}`);
      assert.strictEqual(ind.source?.vague, true, `${subject} ${verb}`);
      assert.deepStrictEqual(a.findings.map((f) => f.code), ['vague-attribution'], `${subject} ${verb}`);
      assert.strictEqual(slice(text, a.findings[0].span), `${subject} ${verb}`);
    }
  });

  it('does not take "the claims" or "reports" as nouns for cues', () => {
    const a = analyze('The claims were investigated by the police over 14 months.');
    assert.strictEqual(a.quotes.length, 0);
  });

  it('records the cue and source spans of an indirect attribution', () => {
    const text = 'Helen Brandt said the plant employs 4,200 workers.';
    const a = analyze(text);
    const ind = a.quotes[0];
    assert.strictEqual(ind.kind, 'indirect');
    assert.strictEqual(slice(text, ind.source!.span!), 'Helen Brandt');
    assert.strictEqual(slice(text, ind.source!.cueSpan!), 'said');
    assert.strictEqual(slice(text, ind.content), 'the plant employs 4,200 workers');
    assert.deepStrictEqual(ind.span, ind.content);
  });
});
