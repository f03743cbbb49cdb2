// The entry point scripts/slogan-index.mjs bundles: slogan-canonical's index from the data.
import { slogans } from '../rules/data/slogans';
import { buildSloganIndex, goodPhrases, type SloganIndexData } from '../rules/wording/slogan-index-build';

/** The index of rules/data/slogans.yaml, as rules/engine/generated/slogan-index.cjs holds it. */
export function sloganIndexOfData(): SloganIndexData {
  return buildSloganIndex(slogans.entries, new Set(goodPhrases(slogans)), slogans.insertedWords, slogans.nearWords);
}
