/**
 * Later shares of a run of shares of one whole, for `percentage-range`: "全年共发展党员21名，
 * 其中女党员4名，占18.2%；少数民族党员5名，占22.8%；大专以上学历的2名，占9.2%". rate-share.ts
 * reads the first share of such a run only, since a later one may change its base (`…成员54人，
 * 其中委员16人，占比30%；书记12人，占比75%` is 12 of the 16 委员). Here a later share is read
 * when every count between the whole and it is an item of the run (a count with its own share
 * right after it), so the run is one breakdown of the whole before 其中; and it is reported only
 * when its part agrees neither with that whole nor with any earlier, larger item of the run (a
 * base the writer may have switched to). The items may each be a sentence (`其中，女党员4名，占
 * 19.0%。少数民族党员5名，占22.8%。`); one after a 。 must then name the whole's people (its
 * label ends with the whole's noun, or with 的). Offsets are UTF-16 code units of the report text;
 * `from` is the line's start.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { measureOf, quantitiesIn } from './sentence';

/**
 * What links an item's count to its share: `，占`, `，占比为`, `，占发展总数的` (at most 14
 * characters of a named base, no clause break inside).
 */
const SHARE_LINK = /^[，,]?占(?:比|[^，,。；;、：:！？]{1,14}的)?(?:为|是|达到?|约)?$/u;
/** What may stand between an item's share and the next item's count: a separator, then its label. */
const NEXT_ITEM = /^[；;，,。](?:其中)?[^，,。；;：:！？]{0,20}$/u;
/** A sentence that is one item and its share (`其中，女党员4名，占18.2%。`, `少数民族党员5名，占22.8%。`). */
const ITEM_SENTENCE = /^(?:其中[，,]?)?[^，,。；;：:！？]{1,20}?\d[\d.]*(?:万|亿)?\p{Script=Han}{1,2}[，,]占[^，,。；;：:！？\d]{0,14}\d[\d.]*[%％]。$/u;
/** A sentence ending on an item's share (`…，占19.0%。`). */
const ITEM_END = /[，,]占[^，,。；;：:！？\d]{0,14}\d[\d.]*[%％]。$/u;
/** The most item sentences walked back over to the whole. */
const MAX_ITEM_SENTENCES = 8;

/**
 * The recomputed share (problem or pass) of the percentage `q`, a later share of a run as in
 * the module comment; null when `q` is the run's first share, stands in no such run, or names
 * a set of its own (an item's label with 中, `党员中35岁以下的…`).
 */
export function laterShareInRun(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const at = q.numberStart - from;
  let own = fullSentenceStart(lineText, at);
  // "…发展党员21名。其中，…": a sentence opening on 其中 breaks down the count before it.
  // "其中，女党员4名，占18.2%。少数民族党员5名，占22.8%。": items may each be a sentence.
  for (let n = 0; n < MAX_ITEM_SENTENCES && own > 0 && lineText.charCodeAt(own - 1) === 0x3002 /* 。 */; n++) {
    const prev = fullSentenceStart(lineText, own - 1);
    const text = lineText.slice(prev, own);
    if (!ITEM_SENTENCE.test(text)) {
      // The sentence of the whole and its first item (`…21名，其中女党员4名，占19.0%。`).
      if (text.includes('其中') && ITEM_END.test(text)) own = prev;
      break;
    }
    own = prev;
  }
  if (own > 0 && lineText.charCodeAt(own - 1) === 0x3002 /* 。 */ && lineText.startsWith('其中', own)) own = fullSentenceStart(lineText, own - 1);
  const counts = countsIn(report, from + own, q.start);
  const shares = quantitiesIn(report.quantities, from + own, q.start).filter((p) => p.unit === '%');
  const part = counts[counts.length - 1];
  if (!part || !SHARE_LINK.test(lineText.slice(part.end - from, at))) return null;
  const kind = measureOf(part.unit).kind;
  // Walk back over the items: each earlier count has its share right after it.
  const items: Quantity[] = [part];
  let k = counts.length - 1;
  while (k > 0) {
    const prev = counts[k - 1];
    const share = shares.find((p) => p.start > prev.end && p.end <= items[0].start);
    if (!share || !SHARE_LINK.test(lineText.slice(prev.end - from, share.numberStart - from))) break;
    if (!NEXT_ITEM.test(lineText.slice(share.end - from, items[0].start - from))) return null;
    items.unshift(prev);
    k--;
  }
  if (items.length < 2 || k === 0) return null;
  const whole = counts[k - 1];
  // The whole is broken down by 其中 right after its clause (`…21名，其中…`, `…21名。其中，…`).
  if (!/^[，,。]其中[，,]?[^，,。；;：:！？]{0,20}$/u.test(lineText.slice(whole.end - from, items[0].start - from))) return null;
  if (measureOf(whole.unit).kind !== kind) return null;
  const noun = wholeNoun(lineText, from, whole);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (measureOf(item.unit).kind !== kind || item.value >= whole.value) return null;
    // An item opening on a set (`；党员中35岁以下的9名`) is a share of that set.
    const label = labelBefore(lineText, from, item);
    if (label.includes('中')) return null;
    // An item in a sentence of its own may open another topic (`支部书记5名，占比40%。`): it
    // continues the breakdown only when it names the whole's people (`少数民族党员`) or
    // leaves them implied after 的 (`大专以上学历的2名`).
    if (i > 0 && lineText.slice(items[i - 1].end - from, item.start - from).includes('。') && !(label.endsWith('的') || (noun !== '' && label.endsWith(noun)))) return null;
  }
  const verdict = judged(report, q, rate, part, whole);
  if (verdict.passed) return verdict;
  for (const item of items) {
    if (item === part || item.value <= part.value) continue;
    if (judged(report, q, rate, part, item).passed) return null;
  }
  return verdict;
}

/** The last two characters of the noun a whole counts: before its number (`发展党员21名`) or after its measure word (`21名党员`); '' if neither. */
function wholeNoun(lineText: string, from: number, whole: Quantity): string {
  const before = lineText.slice(Math.max(0, whole.numberStart - from - 2), whole.numberStart - from);
  if (/^\p{Script=Han}{2}$/u.test(before)) return before;
  const after = lineText.slice(whole.end - from, whole.end - from + 2);
  return /^\p{Script=Han}{2}$/u.test(after) ? after : '';
}

/** The words of an item before its count, back to the last clause break or 其中. */
function labelBefore(lineText: string, from: number, c: Quantity): string {
  const at = c.start - from;
  let i = at;
  while (i > 0 && at - i < 30 && !/[，,；;、：:。！？]/u.test(lineText[i - 1])) i--;
  return lineText.slice(i, at).replace(/^其中/u, '');
}
