/**
 * heading-punctuation's reading of run-in headings closed by a colon (rules/structure/
 * heading-punctuation.ts): `runInColons`, the colon that ends a run-in title before its items
 * (`…作风：一是…`) or its text, or stands inside its first sentence (`抓作风建设，营造风清气正
 * 环境：我认真…。`), reported where the level's other run-in headings close with 。. Also the
 * two mark helpers the rule's other readings share with it: `endsWithStop` and
 * `lastMarkProblem`. Offsets are UTF-16 code units of the report's text.
 */
import type { Heading } from '../model/report';
import type { Problem } from '../types';
import { topicLabelEnd } from '../data/heading-labels';

/** Whether a heading's words end with a full stop: 。, ． or `.`. */
export function endsWithStop(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0x3002 /* 。 */ || c === 0xff0e /* ． */ || c === 0x2e /* . */;
}

/**
 * Whether the words of a run-in heading end with the colon that opens its items (`…作风：一是…`)
 * or its text (`抓组织强堡垒：坚持…`): for text, a title of Han words as short as
 * MAX_COLON_TITLE (`全年召开会议12次：` reads as a sentence's lead-in), not a topic label.
 */
function endsWithColon(text: string, h: Heading): boolean {
  if (!h.runIn || !h.title.text.endsWith('：')) return false;
  if (ITEM_AFTER.test(text.slice(h.end, h.end + 3))) return true;
  // A title of Han words, not a topic label (`工程建设方面：`, a 方面 or 情况 naming what the
  // text is about: rules/data/heading-labels.yaml) nor a draft note (`TODO：`).
  const words = h.title.text.slice(0, -1);
  return words.length <= MAX_COLON_TITLE && /^[\p{Script=Han}，、]+$/u.test(words) && !topicLabelEnd.test(words);
}

/** An ordinal item's opening (`一是`, `一要`) right after a heading. */
const ITEM_AFTER = /^[一二三四五六七八九十]{1,2}[是要]/;

/**
 * The problem at a heading title's last character (its closing punctuation, one UTF-16 code
 * unit), fixed by replacing that character with `replacement` ('' deletes it).
 */
export function lastMarkProblem(h: Heading, messageId: string, data: Problem['data'], replacement: string): Problem {
  const mark = h.title.end - 1;
  return { messageId, data, start: mark, end: mark + 1, fix: { start: mark, end: mark + 1, text: replacement } };
}

/**
 * Run-in headings closed by a colon (`（三）从严管理队伍，锻造过硬作风：一是…`) at a level whose
 * other run-in headings, at least two and more than the colon ones, all close with 。: the
 * level's usage decides, so a report that closes them all with a colon is quiet. Fixed by
 * writing 。 for the colon.
 */
export function runInColons(text: string, headings: readonly Heading[]): Problem[] {
  const stops = [0, 0, 0, 0, 0];
  const colons = [0, 0, 0, 0, 0];
  // Per level and clause count (1–3), the run-in titles closed by 。 with no inner colon.
  const shapes = new Map<number, number>();
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!h.runIn || h.statement) continue;
    const level = h.marker?.level ?? 0;
    if (innerColon(h) !== -1) colons[level]++;
    else if (endsWithStop(h.title.text)) {
      stops[level]++;
      const key = level * 8 + clauses(h.title.text, h.title.text.length - 1);
      shapes.set(key, (shapes.get(key) ?? 0) + 1);
    } else if (endsWithColon(text, h)) colons[level]++;
  }
  const problems: Problem[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.statement) continue;
    const level = h.marker?.level ?? 0;
    const inner = h.runIn ? innerColon(h) : -1;
    if (inner !== -1) {
      // `（三）抓作风建设，营造风清气正环境：我认真落实…。` beside `（二）抓组织建设，夯实战斗
      // 堡垒。严格落实…`: a title of its siblings' shape closed by a colon before its text.
      const alike = shapes.get(level * 8 + clauses(h.title.text, inner)) ?? 0;
      if (alike < 2 || stops[level] <= colons[level]) continue;
      const mark = h.title.start + inner;
      const data = { title: h.title.text.slice(0, inner + 1), count: stops[level] };
      problems.push({ messageId: 'runInColon', data, start: mark, end: mark + 1, fix: { start: mark, end: mark + 1, text: '。' } });
      continue;
    }
    if (!endsWithColon(text, h) || itemsInOneSentence(text, h.end)) continue;
    if (stops[level] < 2 || stops[level] <= colons[level]) continue;
    problems.push(lastMarkProblem(h, 'runInColon', { title: h.title.text, count: stops[level] }, '。'));
  }
  return problems;
}

/** Longest title (code units) before a run-in heading's inner colon read as its close. */
const MAX_COLON_TITLE = 24;
/** Longest title of one clause (code units) before such a colon: a short title, not a sentence's lead-in. */
const MAX_ONE_CLAUSE_TITLE = 12;

/**
 * The offset in `h.title.text` of a colon (：) that closes a title of two or three
 * ，-clauses (`抓作风建设，营造风清气正环境：我认真…。`), or of one clause of at most
 * MAX_ONE_CLAUSE_TITLE (`深化气象为农服务：围绕…。`), before the first 。 of a run-in heading,
 * or -1: the words before it hold no other stop, no digit or quotation (a title names a line
 * of work; `全年召开会议：…` or `开展“三进”活动：…` read as sentences), at most MAX_COLON_TITLE.
 */
function innerColon(h: Heading): number {
  const words = h.title.text;
  if (!endsWithStop(words)) return -1;
  const limit = Math.min(words.length - 1, MAX_COLON_TITLE + 1);
  for (let k = 2; k < limit; k++) {
    const c = words[k];
    if (c === '：') {
      const n = clauses(words, k);
      // One clause only where it is as short as a title of one line of work (`深化气象为农
      // 服务：围绕…`, `抓组织强堡垒：坚持…`); the caller still asks for siblings of its shape.
      return ((n >= 2 && n <= 3) || (n === 1 && k <= MAX_ONE_CLAUSE_TITLE)) && words.length - k > 6 ? k : -1;
    }
    if (c === '；' || c === ';' || c === '。' || c === '“' || c === '"' || c === '《' || (c >= '0' && c <= '9')) return -1;
  }
  return -1;
}

/** How many ，-clauses the first `end` code units of `words` hold (1 with no comma). */
function clauses(words: string, end: number): number {
  let n = 1;
  for (let k = 0; k < end; k++) if (words[k] === '，') n++;
  return n;
}

/**
 * Whether the items after a colon at `from` run on in one sentence, set apart by ；
 * (`4.围绕“三个一”抓廉洁建设：一是…；二是…；三是…。`): the colon then opens the items of
 * the line's one sentence, as in any sentence, and the line is a list item, not a title
 * with its text. Items that are sentences of their own (`：一是…。二是…`) follow a title.
 * Reads at most ITEMS_REACH code units.
 */
function itemsInOneSentence(text: string, from: number): boolean {
  const reach = Math.min(text.length, from + ITEMS_REACH);
  for (let i = from; i < reach; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '\n') return false;
    if ((c === '；' || c === ';') && /^[二两][是要]/u.test(text.slice(i + 1, i + 3))) return true;
  }
  return false;
}

/** The farthest (UTF-16 units) the items after a run-in colon are read for their separator. */
const ITEMS_REACH = 300;
