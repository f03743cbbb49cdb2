// Types of the index scripts/slogan-index.mjs generates beside this file from rules/data/slogans.yaml.
import type { SloganIndexData } from '../../wording/slogan-index-build';

declare const index: Omit<SloganIndexData, 'variants'> & {
  /** `SloganIndexData.variants`, each packed form's JSON on a line of its own (scripts/slogan-index.mjs). */
  variants: string;
  /** How many lines `variants` has. */
  variantCount: number;
  /** SHA-1 of the files it was built from (scripts/slogan-index.mjs, `sourceDigest`). */
  source: string;
};
export = index;
