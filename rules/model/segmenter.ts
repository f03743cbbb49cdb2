/**
 * ICU's Chinese word segmenter (`Intl.Segmenter`, granularity word), shared by the rules
 * that ask where words end (duplicate-char, slogan-canonical).
 */

/**
 * The Chinese word segmenter, or null when the runtime has none or lacks ICU's Chinese
 * dictionary (small-icu builds: then every Han character comes out as a word of its own, and
 * the callers fall back to their quieter reading).
 */
export const CHINESE_SEGMENTER: Intl.Segmenter | null = (() => {
  try {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const first = segmenter.segment('学习习近平')[Symbol.iterator]().next().value;
    return first?.segment === '学习' ? segmenter : null;
  } catch {
    return null;
  }
})();
