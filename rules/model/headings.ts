/**
 * Heading lines: a line's structural number or `#` heading read as a `Heading` (its words,
 * and where a run-in heading ends and its body begins). One line at a time: what the line's
 * neighbours say is read elsewhere (statements: rules/model/outline.ts; miswritten levels:
 * rules/model/outline-miswritten.ts).
 */
import type { Heading as MdHeading } from 'mdast';
import { findOrdinals, matchMarker } from './markers';
import type { OpaqueIndex } from './opaque';
import type { Heading } from './report';

const MAX_RUN_IN_TITLE = 80;

/** The end of a line's prose: a trailing HTML comment or other opaque span is not content. */
export function contentEnd(opaque: OpaqueIndex, head: number, lineEnd: number): number {
  return opaque.firstStartingIn(head + 1, lineEnd)?.start ?? lineEnd;
}

/** Longest title (code units) of a heading closed by a colon with its text after it on the line. */
const MAX_COLON_TITLE = 30;

/**
 * The offset of the colon (：, or `:` after a Han character) that closes a short heading
 * title at `titleStart` with words after it before `lineEnd`, or -1. The title must hold no
 * sentence stop or comma: `一、工作开展情况：` alone (nothing after) is a standalone heading.
 */
function colonRunIn(text: string, titleStart: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, titleStart + MAX_COLON_TITLE + 1);
  for (let k = titleStart + 1; k < limit; k++) {
    const c = text[k];
    if (c === '。' || c === '，' || c === ',' || c === '；' || c === ';') return -1;
    if (c === '：' || (c === ':' && /\p{Script=Han}/u.test(text[k - 1]))) {
      return text.slice(k + 1, lineEnd).trim().length > 0 ? k : -1;
    }
  }
  return -1;
}

/**
 * The heading on `line`, whose content starts at `head` and ends at `lineEnd` (before a
 * trailing comment), or null: a line is a heading when it starts with a structural number
 * or is a Markdown heading (`md`, its mdast node).
 */
export function readHeading(text: string, line: number, head: number, lineEnd: number, md: MdHeading | null): Heading | null {
  const marker = matchMarker(text, head);
  if (!marker && !md) return null;
  let titleStart = marker ? marker.end : head;
  while (titleStart < lineEnd && /[ \t\u3000]/.test(text[titleStart])) titleStart++;
  let end = lineEnd;
  // Trailing `#`s of an ATX heading and a bold closer are not part of the words.
  let titleEnd = wordsEnd(text, titleStart, lineEnd);
  let runIn = false;
  if (marker) {
    const listed = colonBeforeItems(text, titleStart, lineEnd);
    if (listed !== -1) {
      // `（三）从严管理队伍，锻造过硬作风：一是…。二是…`: the heading ends at the colon
      // that opens its items, so its 一是 counts with the 二是 that follow in its text.
      runIn = true;
      end = listed + 1;
      titleEnd = listed + 1;
      return heading(text, line, head, end, marker, md, titleStart, titleEnd, runIn);
    }
    const stop = text.indexOf('。', titleStart);
    const after = stop === -1 ? '' : text.slice(stop + 1, lineEnd).replace(/^\*{1,2}/, '').trim();
    if (after && stop - titleStart <= MAX_RUN_IN_TITLE) {
      // `（一）强化政治建设，筑牢思想根基。一是…`: the heading ends at its 。
      runIn = true;
      end = stop + 1;
      titleEnd = stop + 1;
      if (text.startsWith('**', end)) end += 2;
    } else {
      // `（一）抓好一个格局：以…为核心，…。`: a short title closed by a colon, its text after
      // it on the same line. The colon must follow a Han character (not `8:30`).
      const colon = colonRunIn(text, titleStart, lineEnd);
      if (colon !== -1) {
        runIn = true;
        end = colon + 1;
        titleEnd = colon + 1;
      }
    }
  }
  return heading(text, line, head, end, marker, md, titleStart, titleEnd, runIn);
}

/** A `Heading` from the offsets `readHeading` found. */
function heading(
  text: string,
  line: number,
  head: number,
  end: number,
  marker: Heading['marker'],
  md: MdHeading | null,
  titleStart: number,
  titleEnd: number,
  runIn: boolean,
): Heading {
  return {
    line,
    start: head,
    end,
    marker,
    depth: md ? md.depth : null,
    title: { start: titleStart, end: titleEnd, text: text.slice(titleStart, titleEnd) },
    runIn,
    statement: false,
  };
}

/**
 * The offset of a colon (：) within the first MAX_RUN_IN_TITLE code units of the title at
 * `titleStart`, before any 。, that is followed at once by an ordinal item (一是, 一要, 一抓):
 * the end of a heading whose items follow on its line. -1 when there is none.
 */
function colonBeforeItems(text: string, titleStart: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, titleStart + MAX_RUN_IN_TITLE);
  for (let k = titleStart + 1; k < limit; k++) {
    const c = text[k];
    if (c === '。') return -1;
    if (c !== '：') continue;
    const first = findOrdinals(text, k + 1, Math.min(lineEnd, k + 8))[0];
    return first !== undefined && first.start === k + 1 && first.value === 1 ? k : -1;
  }
  return -1;
}

/**
 * Where the words of the heading `text[start, end)` end: before trailing spaces and tabs, a
 * closing `#` run set off by them (`## 标题 ##`), and then one or two `*` or `_` (a bold
 * closer). Read backwards from `end`, as `/(?:[ \t]+#+)?[ \t]*$/` then `/\*{1,2}$|_{1,2}$/`
 * would strip them, without trying those patterns at every offset of a run-in heading's line.
 */
function wordsEnd(text: string, start: number, end: number): number {
  const isBlank = (i: number) => text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09;
  if (end <= start) return start;
  let e = end;
  while (e > start && isBlank(e - 1)) e--;
  let hashes = e;
  while (hashes > start && text.charCodeAt(hashes - 1) === 0x23 /* # */) hashes--;
  if (hashes < e && hashes > start && isBlank(hashes - 1)) {
    e = hashes;
    while (e > start && isBlank(e - 1)) e--;
  }
  const last = text.charCodeAt(e - 1);
  if (e > start && (last === 0x2a /* * */ || last === 0x5f) /* _ */) {
    e--;
    if (e > start && text.charCodeAt(e - 1) === last) e--;
  }
  return e;
}
