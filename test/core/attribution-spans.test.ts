// Source / cue / content spans as the PolNeAR annotation marks them, on texts we wrote.
import * as assert from 'assert';
import { analyze, directQuotes, slice, speakerName } from './helpers';

describe('attribution spans (PolNeAR conventions)', () => {
  it('keeps "that" in the reported clause span, not in its text', () => {
    const text = 'Helen Brandt said that the plant would hire 300 people.';
    const ind = analyze(text).quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.span), 'that the plant would hire 300 people');
    assert.strictEqual(ind!.text, 'the plant would hire 300 people');
  });

  it('spans the source with its appositive and closing comma', () => {
    const text = 'Oscar Lindqvist, the harbour chief, said the pier would reopen in May.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.source!.span!), 'Oscar Lindqvist, the harbour chief,');
    assert.strictEqual(speakerName(a, ind!), 'Oscar Lindqvist');
  });

  it('spans the source with an age and with a party label', () => {
    const text = '“I have never seen the river this low,” Mr. Quill, 82, told reporters. “We need the rain,” Rep. Ada Brightwater (D-Ohio) said.';
    const quotes = directQuotes(analyze(text));
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(slice(text, quotes[0].source!.span!), 'Mr. Quill, 82,');
    assert.strictEqual(slice(text, quotes[1].source!.span!), 'Rep. Ada Brightwater (D-Ohio)');
  });

  it('finds the cue after “…?” in the next sentence', () => {
    const text = 'Helen Brandt visited the plant.\n\n“How many more jobs must we lose before anyone acts?” Brandt said.';
    const a = analyze(text);
    const [q] = directQuotes(a);
    assert.strictEqual(q.source?.how, 'explicit');
    assert.strictEqual(slice(text, q.source!.cueSpan!), 'said');
    assert.strictEqual(speakerName(a, q), 'Helen Brandt');
  });

  it('gives both halves of a split quotation the same speaker and cue', () => {
    const text = 'Oscar Lindqvist toured the dock.\n\n“The water came fast,” he said, “and nobody was ready for it.”';
    const a = analyze(text);
    const quotes = directQuotes(a);
    assert.strictEqual(quotes.length, 2);
    for (const q of quotes) {
      assert.strictEqual(slice(text, q.source!.span!), 'he');
      assert.strictEqual(speakerName(a, q), 'Oscar Lindqvist');
    }
  });

  it('takes "who said" as a source standing for the name before it', () => {
    const text = 'The council heard from Helen Brandt, who said the plant would close next year.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.source!.span!), 'who');
    assert.strictEqual(speakerName(a, ind!), 'Helen Brandt');
    assert.strictEqual(ind!.text, 'the plant would close next year');
  });

  it('does not take "who said" without a named antecedent', () => {
    const text = 'Anyone in the room, who said nothing at all, left early.';
    const a = analyze(text);
    assert.ok(!a.quotes.some((q) => q.source && slice(text, q.source.span ?? { start: 0, end: 0 }) === 'who'));
  });

  it('keeps the auxiliary and the introducing colon in the cue', () => {
    const text = 'Helen Brandt has said the plant will stay open. Oscar Lindqvist said: “The pier is finished and it will not be rebuilt.”';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.source!.cueSpan!), 'has said');
    const [q] = directQuotes(a);
    assert.strictEqual(slice(text, q.source!.cueSpan!), 'said:');
    assert.strictEqual(speakerName(a, q), 'Oscar Lindqvist');
  });

  it('reads stance and finding verbs as cues ("called for", "the survey shows")', () => {
    const text = 'Helen Brandt called for a new bridge over the river. The harbour survey shows that the water is rising.';
    const a = analyze(text);
    const cues = a.quotes.filter((q) => q.kind === 'indirect').map((q) => slice(text, q.source!.cueSpan!));
    assert.deepStrictEqual(cues, ['called for', 'shows']);
    const shows = a.quotes.find((q) => q.source?.cue === 'shows');
    assert.strictEqual(slice(text, shows!.source!.span!), 'The harbour survey');
    assert.strictEqual(slice(text, shows!.span), 'that the water is rising');
  });

  it('reports the clause around a partial quotation as well as the partial quotation', () => {
    const text = 'Helen Brandt said the closure was “a betrayal of every worker” in the town.';
    const a = analyze(text);
    const partial = a.quotes.find((q) => q.kind === 'partial');
    const clause = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(speakerName(a, partial!), 'Helen Brandt');
    assert.strictEqual(slice(text, clause!.span), 'the closure was “a betrayal of every worker” in the town');
    assert.strictEqual(speakerName(a, clause!), 'Helen Brandt');
  });

  it('points the second piece of “A,” she said. “B.” at the same source and cue', () => {
    const text = 'Helen Brandt stood at the gate.\n\n“We lost the contract,” she said. “Nobody saw it coming.”';
    const a = analyze(text);
    const [first, second] = directQuotes(a);
    assert.strictEqual(second.source?.how, 'continuation');
    assert.deepStrictEqual(second.source?.span, first.source?.span);
    assert.deepStrictEqual(second.source?.cueSpan, first.source?.cueSpan);
    assert.strictEqual(speakerName(a, second), 'Helen Brandt');
  });

  it('does not give a quotation continuing the previous paragraph a source span', () => {
    const text = 'Helen Brandt stood at the gate.\n\n“We lost the contract,” she said.\n\n“Nobody saw it coming.”';
    const a = analyze(text);
    const [, second] = directQuotes(a);
    assert.strictEqual(second.source?.how, 'continuation');
    assert.strictEqual(second.source?.span, undefined);
  });

  it('reports a clause split by its source and cue as two pieces without the commas', () => {
    const text = 'Helen Brandt runs the union. The real trouble, Ms. Brandt said, is that the new shifts pay less.';
    const pieces = analyze(text).quotes.filter((q) => q.kind === 'indirect').map((q) => slice(text, q.span));
    assert.deepStrictEqual(pieces, ['The real trouble', 'is that the new shifts pay less']);
  });

  it('takes an appositive that names a post, and does not invert "said Glenvale must"', () => {
    const text = 'Ada Quill, Glenvale’s harbour master from 2001 to 2009, said Glenvale must dredge the channel.';
    const a = analyze(text);
    const ind = a.quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.source!.span!), 'Ada Quill, Glenvale’s harbour master from 2001 to 2009,');
    assert.strictEqual(slice(text, ind!.span), 'Glenvale must dredge the channel');
  });

  it('keeps the appositive of an inverted source up to the end of the sentence', () => {
    const text = '“The harbour has never been this quiet,” said Oscar Lindqvist, a pilot based in Rimport, Ohio.';
    const [q] = directQuotes(analyze(text));
    assert.strictEqual(slice(text, q.source!.span!), 'Oscar Lindqvist, a pilot based in Rimport, Ohio');
  });

  it('leaves an age and hometown after an inverted source out of it', () => {
    const text = '“We came for the jobs,” said Ada Quill, 59, of North Glenvale.';
    const [q] = directQuotes(analyze(text));
    assert.strictEqual(slice(text, q.source!.span!), 'Ada Quill');
  });

  it('keeps the particle in "called for" and "pointed out", and reads no cue in "several states"', () => {
    const text = 'Helen Brandt called for a vote on the budget. Oscar Lindqvist pointed out that the vote was late. Several states object to the plan.';
    const a = analyze(text);
    const cues = a.quotes.filter((q) => q.kind === 'indirect').map((q) => slice(text, q.source!.cueSpan!));
    assert.deepStrictEqual(cues, ['called for', 'pointed out']);
  });

  it('extends an "according to" source through its agent', () => {
    const text = 'Turnout rose sharply, according to a new survey by the Glenvale Institute.';
    const ind = analyze(text).quotes.find((q) => q.kind === 'indirect');
    assert.strictEqual(slice(text, ind!.source!.span!), 'a new survey by the Glenvale Institute');
    assert.strictEqual(slice(text, ind!.span), 'Turnout rose sharply');
  });

  it('gives ", calling him …" the subject of the sentence, and keeps "in a statement" in the cue', () => {
    const text = 'At the rally, Helen Brandt went after Oscar Lindqvist, calling him a coward. Ada Quill said in a statement that the vote was fair.';
    const a = analyze(text);
    const calling = a.quotes.find((q) => q.source?.cue === 'calling');
    assert.strictEqual(speakerName(a, calling!), 'Helen Brandt');
    assert.strictEqual(slice(text, calling!.source!.span!), 'Helen Brandt');
    const statement = a.quotes.find((q) => q.source?.cue === 'said');
    assert.strictEqual(slice(text, statement!.source!.cueSpan!), 'said in a statement');
    assert.strictEqual(slice(text, statement!.span), 'that the vote was fair');
  });

  it('does not nest attributions: "X said she hopes …" is one report, X\'s', () => {
    for (const [text, cue] of [
      ['Mayor Lena Ortiz said she hopes the new bridge will open before the winter storms arrive.', 'said'],
      ['The harbour director said on Tuesday that she believes the ferry service will resume next month.', 'said'],
    ]) {
      const clauses = analyze(text).quotes.filter((q) => q.kind === 'indirect');
      assert.deepStrictEqual(clauses.map((q) => q.source?.cue), [cue], text);
      for (const q of clauses) assert.ok(!clauses.some((o) => o !== q && o.span.start <= q.source!.cueSpan!.start && q.source!.cueSpan!.end <= o.span.end), text);
    }
  });
});
