/**
 * metric-conflict's noun model for whole counts (metric-records.ts): whether two counted nouns
 * under one scope name the same thing, the way a reviewer reads a restatement in other words.
 * A noun is its head and the words before it. Two nouns name the same thing when they are equal
 * once a redundant place level is dropped (乡镇基层供销社 = 基层供销社: 基层 already places it),
 * or when one is the other's short form: the same words with one filler word dropped from
 * inside, keeping at least two characters before it and the head after it (基层供销社 → 基层社,
 * 在建房屋市政工程项目 → 在建房屋市政项目). Fillers are data (rules/data/metric-nouns.yaml) and
 * name no subset of the head; any other difference, a qualifier in front (在职党员 against
 * 党员, 营业网点 against 网点) or a word dropped from inside that is no filler (专任骨干教师
 * against 专任教师), keeps the nouns apart.
 * Nothing here throws.
 */
import { metricNounsData as vocab } from '../data/metric-nouns';

/**
 * Whether counted nouns `a` and `b` (Han words as read after a measure word or before a
 * number, 基层社, 乡镇基层供销社) name the same thing under one scope (see the module doc).
 */
export function sameThing(a: string, b: string): boolean {
  if (a === b) return true;
  const x = withoutRedundantLevel(a);
  const y = withoutRedundantLevel(b);
  if (x === y) return true;
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return vocab.fillers.some((f) => {
    // The filler stands inside: two or more characters before it, the head after it.
    for (let i = long.indexOf(f, 2); i >= 2; i = long.indexOf(f, i + 1)) {
      if (i + f.length < long.length && long.slice(0, i) + long.slice(i + f.length) === short) return true;
    }
    return false;
  });
}

/** `noun` without a place level that opens it before a word naming its level (乡镇基层供销社 → 基层供销社). */
function withoutRedundantLevel(noun: string): string {
  const level = vocab.redundantLevels.find((r) => noun.startsWith(r) && vocab.levelWords.some((w) => noun.startsWith(w, r.length)));
  return level === undefined ? noun : noun.slice(level.length);
}
