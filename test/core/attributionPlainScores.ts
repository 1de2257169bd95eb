// The attribution tagger's scores by their plain definition, for tests of its faster paths.
import { tokenize } from '../../server/src/analysis/text';
import { FEATURES_PER_TOKEN, LABEL_COUNT, sentenceFeatures } from '../../server/src/analysis/attributionModel/features';
import type { AttributionModel } from '../../server/src/analysis/attributionModel/model';

/** Each token's score per label: the sum of the weights of all its sentenceFeatures (the features training uses). */
export function plainScores(model: AttributionModel, tokens: ReturnType<typeof tokenize>, inQuote: boolean[], mention?: Int8Array, rule?: Int8Array): number[] {
  const feats = sentenceFeatures(tokens, inQuote, model.cueWords, model.bits, mention, rule);
  const scores = new Array(tokens.length * LABEL_COUNT).fill(0);
  for (let k = 0; k < tokens.length; k++) {
    for (let j = 0; j < FEATURES_PER_TOKEN; j++) {
      for (let l = 0; l < LABEL_COUNT; l++) scores[k * LABEL_COUNT + l] += model.emissions[feats[k * FEATURES_PER_TOKEN + j] * LABEL_COUNT + l];
    }
  }
  return scores;
}
