import * as assert from 'assert';
import { isVagueSourcePhrase } from '../../server/src/analysis/vagueSources';

const vague = (phrase: string) => isVagueSourcePhrase(phrase.split(/\s+/));

describe('vague source phrases', () => {
  it('calls unnamed groups of people vague, whatever qualifies them', () => {
    for (const phrase of ['officials', 'US officials', 'Police officials', 'His aides', 'Several cast members', 'elected officials from both parties',
      'people familiar with the plan', 'two people with knowledge of the talks', 'a group of researchers', 'many of his supporters', 'Some', 'Others', 'Critics', 'Studies', 'Recent reports']) {
      assert.ok(vague(phrase), phrase);
    }
  });

  it('does not call a phrase vague for a vague word that is not its head', () => {
    for (const phrase of ['some demonstrations', 'footage of an anguished wife', 'Data from the 2014 Harbour Community Survey', 'the sting of those changes',
      'who spent many painful years', 'a report by the Glenvale Institute', 'Mayor Ana Ruiz', 'the ministry']) {
      assert.ok(!vague(phrase), phrase);
    }
  });
});
