// Allocation cuts in the entity and claim stages, beside the general paths they replace:
// texts written for these tests.
import * as assert from 'assert';
import { nestedPlaceChecks } from '../../server/src/analysis/nestedPlaces';
import { analyze } from './helpers';

describe('allocation cuts: same answers as the general paths', () => {
  it('mayHoldPlace (one loop) answers as the words forEachWord cuts', () => {
    const names = [
      'Dhaka University', 'University', 'the Ontario Court of Appeal', 'Manila Bay', "Dhaka University's", 'Dhaka University’s',
      'Harbor, Bay', 'Bay,', 'Bay, Town', '  Gulf  of  Mexico  ', 'Leeds United', 'bay Area', 'Strait;', 'X Museum:', "Bay's",
      "'s Museum", 'Museum s', 'A', '', ' ', 'Court Court', 'University of Pisa', 'San Francisco Bay Bridge',
    ];
    for (const name of names) assert.strictEqual(nestedPlaceChecks.mayHoldPlace(name), nestedPlaceChecks.byWords(name), JSON.stringify(name));
  });

  it('reads a kinship word over a comma, and a locative word without one', () => {
    const kin = 'The family waited all night. Their daughter, Gloria, came home at dawn. Gloria was tired.';
    assert.strictEqual(analyze(kin).entities.find((e) => e.name === 'Gloria')?.kind, 'person');
    const places = 'Tarnec was quiet. Soldiers camped near Tarnec for a week. Trade in Tarnec stopped. Tarnec was rebuilt.';
    assert.strictEqual(analyze(places).entities.find((e) => e.name === 'Tarnec')?.kind, 'place');
  });

  it('makes claims of statistics outside quotations and of reported statements only', () => {
    const text = [
      'Prices rose 12 percent last year, the agency said.',
      '',
      '"We saw 40 cases," Ana Lima said.',
      '',
      'The meeting ended on Monday.',
      '',
      'Lima said the clinic would stay open.',
    ].join('\n');
    const claims = analyze(text).claims.map((c) => `${c.kind}:${c.text}`);
    assert.ok(claims.includes('statistic:Prices rose 12 percent last year, the agency said.'), claims.join(' | '));
    assert.ok(!claims.some((c) => c.includes('meeting ended')), claims.join(' | '));
    assert.ok(claims.some((c) => c.startsWith('quote:') && c.includes('40 cases')), claims.join(' | '));
  });
});
