/**
 * Where a count stands in its sentence (rules/model/lists.ts): as one item of a series
 * (`即：抓牢一条主线，完善三项机制，开展好六类活动`) or in a 、-run of counts
 * (`反映3个方面、12个单位合计40个问题`), places where it announces no list of its own.
 * Every read is bounded (at most SERIES_BACK or a few characters around the count).
 */

/** A count phrase inside a clause: a numeral and a measure word (`一条`, `三项`, `2个`). */
const COUNT_PHRASE = /(?:[一二三四五六七八九十两]{1,3}|\d{1,3})[条项个类大支件种张点]/u;
/** How far back a series is read from a count (UTF-16 units). */
const SERIES_BACK = 80;

/**
 * Whether the count at `start` is one item of a series the sentence introduces with 即 or
 * ：, each item a clause holding its own count (`即：抓牢一条主线，完善三项机制，开展好六类
 * 活动`): an earlier clause after the introducer holds a count phrase.
 */
export function seriesItem(text: string, start: number, lineStart: number): boolean {
  const from = Math.max(lineStart, start - SERIES_BACK);
  const before = text.slice(from, start);
  const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1);
  const intro = Math.max(sentence.lastIndexOf('即'), sentence.lastIndexOf('：'));
  if (intro < 0) return false;
  const series = sentence.slice(intro + 1);
  const lastComma = series.lastIndexOf('，');
  return lastComma > 0 && COUNT_PHRASE.test(series.slice(0, lastComma));
}

/**
 * A segment ending in a numbered label: a numeral of two or more, a measure word (大 too) and
 * a short noun (`理论武装三个抓手`, `舆论引导四大战役`). 党的二十大 and 十八大以来 name congresses:
 * the noun after 大 is then one of lists.yaml congress_after, checked by the caller.
 */
const NUMBERED_LABEL = /([二三四五六七八九十两]{1,3})([个大项条类支件种张])(\p{Script=Han}{1,4})$/u;

/**
 * Whether a count closing a 、-list (its segments `[start, end)` in `text`, the last right
 * before the count) is itself one member of a series of numbered labels, each "domain +
 * label" (`即理论武装三个抓手、舆论引导四大战役、精神文明建设五大工程`): an earlier segment,
 * outside quotations, ends in a numbered label of its own. The segments before are then its
 * siblings, and its last segment its own domain, not the items it counts. `congress(noun)`
 * tells a Party congress's name by what follows 大 (二十大精神).
 */
export function labelSeriesMember(text: string, segments: readonly (readonly [number, number])[], congress: (after: string) => boolean): boolean {
  for (let k = 0; k < segments.length - 1; k++) {
    const m = NUMBERED_LABEL.exec(text.slice(segments[k][0], segments[k][1]).replace(/“[^”]*”/gu, ''));
    if (m && !(m[2] === '大' && congress(m[3]))) return true;
  }
  return false;
}

/** A count right after a 、 or right before one: `3个方面、12个单位合计40个问题`. */
const RUN_NEIGHBOUR = /^(?:[一二三四五六七八九十两]{1,3}|\d{1,4})[个项条家名人支类件种大]/u;

/**
 * Whether the count `[start, end)` (with its noun) is one of a 、-run of counts
 * (`反映3个方面、12个单位合计40个问题`): the run states a scope, it announces no list.
 */
export function inCountRun(text: string, start: number, end: number): boolean {
  if (text[end] === '、' && RUN_NEIGHBOUR.test(text.slice(end + 1, end + 6))) return true;
  if (text[start - 1] !== '、') return false;
  // The segment before the 、 ends in a count phrase and its noun (`3个方面、`).
  const before = text.slice(Math.max(0, start - 12), start - 1);
  return /(?:[一二三四五六七八九十两]{1,3}|\d{1,4})[个项条家名人支类件种大][\p{Script=Han}]{0,6}$/u.test(before);
}

/** A count phrase in Chinese numerals inside an item (`一个`, `两项`, `十件`). */
const ITEM_COUNT = /[一二三四五六七八九十两]{1,3}[个项条类支件种张]/u;

/**
 * Whether the 、-segments before a count hold counts of their own outside quotations
 * (`建强一个支部、壮大两项产业、办好十件实事`): the count is then one more such item, a
 * verb and its count, and the segments are its siblings, not the list it closes.
 * Quoted slogans inside an item (`坚定“四个自信”`) are names and do not count.
 */
export function siblingsHoldCounts(texts: readonly string[]): boolean {
  return texts.some((t) => ITEM_COUNT.test(t.replace(/“[^”]*”/gu, '')));
}

/**
 * Whether the quoted slogan at `start` of `text` is the second of two announced together:
 * right after a closing quote and a 、 or 和/与/及 (`“五个明确”、“四个规范”`, `“三个聚焦”和“四个坚持”`).
 */
export function pairedAfterSlogan(text: string, start: number): boolean {
  const joint = text[start - 1];
  return (joint === '、' || joint === '和' || joint === '与' || joint === '及') && text[start - 2] === '”';
}
