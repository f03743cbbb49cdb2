/**
 * Counts that refer back to items just stated (rules/model/lists.ts, read by list-finder.ts):
 * `一是…；二是…；三是…。通过以上三项举措，…` (the 一是-run before it on its line) and
 * `读一本书、写一篇心得、办一件实事，支部以这“三个一”…` (the 、-list of the clause before
 * it). A word that points back (以上, 上述, 前述, 这) stands right before the count; the count
 * then announces nothing after it. Offsets are UTF-16 code units into `src.text`.
 */
import type { EnumeratedList, ListSource } from './lists';
import { NAME_LIKE } from './list-closed';
import { inlineList, textsOf } from './list-inline';
import type { RunReader, Shape } from './list-runs';
import { charKind, CLAUSE_MARK, segmentsBefore, splitQuoted, withoutDeng } from './list-text';

/** Words that point back to what was just said, longest first. */
const BACK_WORDS = ['以上', '上述', '前述', '这'];
/**
 * What may stand right before 以上 when it points back (通过以上三项举措, 对上述问题): a
 * clause mark, the line start, or one of these verbs. After a number 以上 means "or more"
 * (50岁以上3名): no back reference.
 */
const BACK_VERBS = ['通过', '经过', '依托', '借助', '凭借', '围绕', '落实', '按照', '对', '将', '把', '以', '在', '从', '由', '据'];
/** The most Han characters between the comma and the back word (`支部以这`). */
const MAX_LEAD = 8;

/**
 * Where the back word before a count at `countStart` starts (`以上` of `以上三项举措`), or
 * -1 when none stands there or it may belong to something else (`50岁以上3名`).
 */
export function backWordBefore(text: string, countStart: number, lineStart: number): number {
  for (const w of BACK_WORDS) {
    const at = countStart - w.length;
    if (at < lineStart || !text.startsWith(w, at)) continue;
    if (at === lineStart || charKind(text.charCodeAt(at - 1)) === CLAUSE_MARK) return at;
    for (const v of BACK_VERBS) if (at - v.length >= lineStart && text.startsWith(v, at - v.length)) return at;
    // 这 needs no verb before it (`支部这三项工作`); 以上 and 上述 do.
    if (w === '这' && /\p{Script=Han}/u.test(text[at - 1])) return at;
    return -1;
  }
  return -1;
}

/**
 * The 一是-run that ends before the back word at `back` on line `line`: on that line
 * (`一是…；二是…。通过以上两项…`), or at the heads of the lines right before when the back
 * word stands in its line's first sentence (`一是…` ⏎ `二是…` ⏎ `通过以上两项措施，…`); no
 * item stands between the run's last item and the back word.
 */
export function runBefore(src: ListSource, runs: RunReader, back: number, line: number): EnumeratedList | null {
  const { items, lines, text } = src;
  const last = runs.firstItemAfter(back) - 1;
  if (last < 0) return null;
  if (items[last].line !== line) {
    // The run must end on the line just before (blank lines aside), its items at line heads.
    let previous = line - 1;
    while (previous >= 0 && lines.lineText(previous).trim() === '') previous--;
    if (items[last].line !== previous || !items[last].atLineHead) return null;
    if (/[。！？!?]/u.test(text.slice(lines.start(line), back))) return null;
  }
  const sameLine = items[last].line === line;
  let first = last;
  while (first > 0 && items[first].value > 1 && (sameLine ? items[first - 1].line === line : items[first - 1].atLineHead && items[first - 1].line < items[first].line)) first--;
  if (items[first].value !== 1) return null;
  const run = runs.itemRun(first, null);
  // The run must be the one that ends right before the back word, whole.
  if (!run || run.items.length !== last - first + 1) return null;
  return run;
}

/**
 * The 、-list of the clause before the one holding the back word at `back`
 * (`A、B、C，支部以这…`): at most MAX_LEAD Han characters between its comma and the back
 * word. Each item shows `shape` (a slogan's), or else is a short name.
 */
export function clauseListBefore(src: ListSource, back: number, lineStart: number, shape: Shape): EnumeratedList | null {
  const { text } = src;
  let comma = back - 1;
  while (comma >= lineStart && back - comma <= MAX_LEAD + 1 && /\p{Script=Han}/u.test(text[comma])) comma--;
  if (comma < lineStart || (text[comma] !== '，' && text[comma] !== ',')) return null;
  const segments = splitQuoted(text, segmentsBefore(text, comma, lineStart, false));
  if (segments.length < 2) return null;
  const texts = textsOf(text, segments);
  // A list closed by 等 names only some: a count of "these" counts more than it shows.
  if (withoutDeng(texts[texts.length - 1]) !== texts[texts.length - 1]) return null;
  const fits = shape ? texts.every(shape) : texts.slice(1).every((t) => NAME_LIKE.test(t.trim()));
  return fits ? inlineList(src, segments, texts) : null;
}
