/**
 * ICU's Chinese word segmenter (`Intl.Segmenter`, granularity word), shared by the rules
 * that ask where words end (duplicate-char, slogan-canonical).
 */

let chinese: Intl.Segmenter | null | undefined;

/**
 * The Chinese word segmenter, or null when the runtime has none or lacks ICU's Chinese
 * dictionary (small-icu builds: then every Han character comes out as a word of its own, and
 * the callers fall back to their quieter reading). Made at the first call, not at load:
 * making it loads ICU's dictionary (≈30–60 ms), which many reports never need (issue #14).
 */
export function chineseSegmenter(): Intl.Segmenter | null {
  if (chinese !== undefined) return chinese;
  try {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const first = segmenter.segment('学习习近平')[Symbol.iterator]().next().value;
    chinese = first?.segment === '学习' ? segmenter : null;
  } catch {
    chinese = null;
  }
  return chinese;
}

let anyChinese: Intl.Segmenter | undefined;

/**
 * A Chinese word segmenter whatever ICU data the runtime has: with small-icu every Han
 * character comes out as a word of its own. For callers whose reading holds either way
 * (list-respectively's conjunction and item words, metric-statements' universal words),
 * where `chineseSegmenter()` would make them give up. Made at the first call (issue #14).
 */
export function wordSegmenter(): Intl.Segmenter {
  return (anyChinese ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}
