/**
 * Several patterns asked as one regex. At each position an alternation tries every
 * alternative, so `(?:a)|(?:b)` finds a match in a text exactly when `a` or `b` does; one
 * call then costs far less than one per pattern, on a long line (one pass, not one per
 * pattern) as on a short title (where each call's own cost dominates).
 */

/**
 * `patterns` joined into one alternation, with their common flags less `g` and `y`; null
 * when their flags differ or one has a backreference (whose group number the alternation
 * would shift) or two share a group name.
 */
export function alternation(patterns: readonly RegExp[]): RegExp | null {
  if (patterns.length === 0 || patterns.some((re) => re.flags !== patterns[0].flags || /\\[1-9]|\\k</.test(re.source))) return null;
  try {
    return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), patterns[0].flags.replace(/[gy]/g, ''));
  } catch {
    return null; // a group name that two patterns use
  }
}

/** Per list of patterns, its alternation (null: ask them one by one), built on first use. */
const JOINED = new WeakMap<readonly RegExp[], RegExp | null>();

/**
 * Whether one of `patterns` matches in `text`: `patterns.some((re) => re.test(text))`, with
 * one regex call where the patterns can be joined (stateless ones: no `g` or `y` flag, whose
 * `test` would read and move `lastIndex`). Keep `patterns` the same array from call to call
 * (a list of the loaded data): its alternation is remembered by identity.
 */
export function anyMatch(patterns: readonly RegExp[], text: string): boolean {
  let joined = JOINED.get(patterns);
  if (joined === undefined) {
    joined = patterns.some((re) => re.global || re.sticky) ? null : alternation(patterns);
    JOINED.set(patterns, joined);
  }
  return joined ? joined.test(text) : patterns.some((re) => re.test(text));
}

/**
 * `s` with every regex metacharacter escaped, to stand for itself inside a pattern built from
 * vocabulary data (`'1+X'` → `'1\+X'`). Pure; never throws.
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A copy of `words`, longest first, so that an alternation built from it tries 党支部 before
 * 党支 and a longer word is never cut short by its own prefix. Pure; `words` is not changed.
 */
export function longestFirst(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
