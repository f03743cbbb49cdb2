/**
 * heading-punctuation: a heading that stands on its own line takes no 句号; one that runs
 * into its text (`（一）强化政治建设，筑牢思想根基。一是…`) ends with one (design.md; GB/T
 * 9704-2012 practice for 标题). Levels 一、 and （一） and `#` headings are held to the rule
 * outright; at levels 1. and （1）, where a numbered line is often a one-sentence list item,
 * only a minority that differs from its level's usage in the document is reported. A list of
 * numbered statements with nothing under them (`Heading.statement`) is not held to it. A
 * colon or a semicolon closing a title on its own line is reported where its level's other
 * headings end bare.
 */
import type { Heading, Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { LEAD_IN_WORDS, laterPartTitle, proseFollows } from './heading-lead-ins';

/** Whether a heading's words end with a full stop: 。, ． or `.`. */
function endsWithStop(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0x3002 /* 。 */ || c === 0xff0e /* ． */ || c === 0x2e /* . */;
}

/**
 * Whether `h` stands on its own line with words, and is not the report's title nor a
 * numbered statement (`Heading.statement`: an item of a list of full sentences, which end
 * with 。 as sentences do).
 */
function isStandalone(h: Heading, title: Report['title']): boolean {
  const n = h.title.text.length;
  return !h.runIn && !h.statement && n > 0 && n <= MAX_TITLE && (title === null || h.line !== title.line);
}

/**
 * Longest title (code units) held to the rule. A numbered line longer than this that ends
 * with 。 is a paragraph, or a heading with its first paragraph pasted onto its line
 * (`一、加强思想教育，提高素质一年来，我支部…。`): its 。 closes a sentence, not a title.
 */
const MAX_TITLE = 50;

/**
 * Whether the words of a run-in heading end with the colon that opens its items (`…作风：一是…`)
 * or its text (`抓组织强堡垒：坚持…`): for text, a title of Han words as short as
 * MAX_COLON_TITLE (`全年召开会议12次：` reads as a sentence's lead-in), not a topic label.
 */
function endsWithColon(text: string, h: Heading): boolean {
  if (!h.runIn || !h.title.text.endsWith('：')) return false;
  if (ITEM_AFTER.test(text.slice(h.end, h.end + 3))) return true;
  // A title of Han words, not a topic label (`工程建设方面：`, a 方面 or 情况 naming what the
  // text is about) nor a draft note (`TODO：`).
  const words = h.title.text.slice(0, -1);
  return words.length <= MAX_COLON_TITLE && /^[\p{Script=Han}，、]+$/u.test(words) && !LABEL_END.test(words);
}

/** The last word of a topic label before a colon (`工程建设方面：`, `学习情况：`). */
const LABEL_END = /(方面|情况|领域|环节|层面|问题|工作)$/u;

/** An ordinal item's opening (`一是`, `一要`) right after a heading. */
const ITEM_AFTER = /^[一二三四五六七八九十]{1,2}[是要]/;

/**
 * The problem at a heading title's last character (its closing punctuation, one UTF-16 code
 * unit), fixed by replacing that character with `replacement` ('' deletes it).
 */
function lastMarkProblem(h: Heading, messageId: string, data: Problem['data'], replacement: string): Problem {
  const mark = h.title.end - 1;
  return { messageId, data, start: mark, end: mark + 1, fix: { start: mark, end: mark + 1, text: replacement } };
}

/**
 * Run-in headings closed by a colon (`（三）从严管理队伍，锻造过硬作风：一是…`) at a level whose
 * other run-in headings, at least two and more than the colon ones, all close with 。: the
 * level's usage decides, so a report that closes them all with a colon is quiet. Fixed by
 * writing 。 for the colon.
 */
function runInColons(text: string, headings: readonly Heading[]): Problem[] {
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

/** Whether a heading's words end with a colon (： or :). */
function endsWithColonMark(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0xff1a /* ： */ || c === 0x3a /* : */;
}

/**
 * Markdown (`#`) headings on their own line that end with a colon (`### （一）坚持政治引领：`),
 * where the other `#` headings of their level (by marker level, 0 for unnumbered) end
 * without one and outnumber them: a `#` heading is a title by its markup, and a title on its
 * own line takes no closing mark (GB/T 9704-2012 practice, as for 。), while the colon is
 * the body's way to open what follows. Plain numbered lines are left alone: there
 * `一、主要做法：` followed by its items is a lead-in as often as a title. Fixed by deleting
 * the colon.
 */
function standaloneColons(headings: readonly Heading[], title: Report['title'], problems: Problem[]): void {
  const counts = [0, 0, 0, 0, 0];
  const colons = [0, 0, 0, 0, 0];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.depth === null || !isStandalone(h, title)) continue;
    const level = h.marker?.level ?? 0;
    counts[level]++;
    if (endsWithColonMark(h.title.text)) colons[level]++;
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.depth === null || !isStandalone(h, title) || !endsWithColonMark(h.title.text)) continue;
    const level = h.marker?.level ?? 0;
    const others = counts[level] - colons[level];
    if (others <= colons[level]) continue;
    problems.push(lastMarkProblem(h, 'colon', { title: h.title.text, count: others }, ''));
  }
}

/**
 * Plain numbered lines (no `#`) at levels 一、 and （一） standing on their own line and ending
 * with a colon (`（三）坚持党建引领业务，推动医疗质量提升：`), among siblings (one parent, one
 * level) of which at least two, and more than end with a colon, end bare: the level's titles
 * take no closing mark, and this one is a title like them, not a lead-in. A lead-in is left
 * alone: a line with sub-headings under it (`（一）主要不足：` over `1.…`) unless at least two
 * bare siblings, more than end with a colon, have sub-headings too, a line whose next
 * line opens an item (一是…, 第一，…, 首先…, 1.…, （1）…, ①…, a bullet) or is no prose, and a
 * line that announces what follows in words (如下, 以下, 下列, 主要有, 包括). Fixed by deleting
 * the colon.
 */
function plainColons(report: Report, problems: Problem[]): void {
  const { sections, title } = report;
  // Per parent and level (key (parent + 1) * 8 + level): [standalone bare, standalone with a
  // colon, standalone bare with sub-headings of their own].
  const tally = new Map<number, [number, number, number]>();
  const keyOf = (parent: number, h: Heading): number => (parent + 1) * 8 + (h.marker?.level ?? 0);
  let any = false;
  for (let i = 0; i < sections.length; i++) {
    const { heading: h, parent, children } = sections[i];
    if (h.depth !== null || h.marker === null || h.marker.level > 2 || !isStandalone(h, title)) continue;
    const key = keyOf(parent, h);
    let t = tally.get(key);
    if (!t) tally.set(key, (t = [0, 0, 0]));
    if (endsWithColonMark(h.title.text)) {
      t[1]++;
      any = true;
    } else if (endsBare(h.title.text)) {
      t[0]++;
      if (children.length > 0) t[2]++;
    }
  }
  if (!any) return;
  for (let i = 0; i < sections.length; i++) {
    const { heading: h, parent, children } = sections[i];
    if (h.depth !== null || h.marker === null || h.marker.level > 2 || !isStandalone(h, title)) continue;
    if (!endsWithColonMark(h.title.text) || LEAD_IN_WORDS.test(h.title.text)) continue;
    const t = tally.get(keyOf(parent, h));
    if (!t || t[0] < 2 || t[0] <= t[1]) continue;
    // With sub-headings under it, the line is a lead-in unless its bare siblings have theirs
    // too (三、…融合： over 1.… 2.…, where 一、 二、 四、 stand bare over theirs): then it is a
    // title like them. So is a part's own title (三、下半年工作打算： over （一）…) once a bare
    // sibling stands over sub-headings of its own.
    if (children.length > 0 ? (t[2] < 2 || t[2] <= t[1]) && !(t[2] >= 1 && laterPartTitle(report, i)) : !proseFollows(report, h.line)) continue;
    problems.push(lastMarkProblem(h, 'colon', { title: h.title.text, count: t[0] }, ''));
  }
}

/** Whether a heading's words end with a semicolon (； or ;). */
function endsWithSemicolon(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0xff1b /* ； */ || c === 0x3b /* ; */;
}

/** Whether a heading's words end with no punctuation mark at all (a Han character, a letter, a digit, a closing quote or bracket). */
function endsBare(words: string): boolean {
  return /[\p{Script=Han}\p{L}\p{N}”’》）)]$/u.test(words);
}

/**
 * Headings on their own line at levels 一、 and （一） (or `#` headings) that end with a
 * semicolon (`（三）强化业务融合，提升防控能力；`) or with a comma or 顿号 left from a clause
 * the writer cut (`（三）聚焦中心工作，党建引领发展，`), where at least two other headings of
 * their level end bare and outnumber them: a title takes no closing mark (as for 。;
 * GB/T 15834—2011 4.1 and 4.5: ； and ， separate parts of one sentence), and a ； is the
 * mark of a list item, so lines that all end with ； (a list of statements) are quiet.
 * A comma or 顿号 is held to the rule only where the title cannot go on on the next line
 * (drafts pasted from Word have no blank lines, and a long title may wrap): the next line
 * is blank, a heading, or there is none. Fixed by deleting the mark.
 */
function standaloneSemicolons(report: Report, problems: Problem[]): void {
  const { headings, title, lines } = report;
  const bare = [0, 0, 0, 0, 0];
  const semicolons = [0, 0, 0, 0, 0];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!isStandalone(h, title)) continue;
    const level = h.marker?.level ?? 0;
    if (endsWithSemicolon(h.title.text)) semicolons[level]++;
    else if (endsBare(h.title.text)) bare[level]++;
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!isStandalone(h, title)) continue;
    const semicolon = endsWithSemicolon(h.title.text);
    if (!semicolon && !(endsWithComma(h.title.text) && titleEndsOnItsLine(h, headings[i + 1], lines))) continue;
    const level = h.marker?.level ?? 0;
    if (level > 2 || bare[level] < 2 || bare[level] <= semicolons[level]) continue;
    problems.push(lastMarkProblem(h, semicolon ? 'semicolon' : 'comma', { title: h.title.text, count: bare[level] }, ''));
  }
}

/** Whether a heading's words end with a comma or 顿号 (，, 、 or ,). */
function endsWithComma(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0xff0c /* ， */ || c === 0x3001 /* 、 */ || c === 0x2c /* , */;
}

/** Whether the line after heading `h` is blank, the next heading's (`next`), or absent. */
function titleEndsOnItsLine(h: Heading, next: Heading | undefined, lines: Report['lines']): boolean {
  const after = h.line + 1;
  if (after >= lines.count || next?.line === after) return true;
  return lines.lineText(after).trim() === '';
}

/**
 * Standalone headings ending with 。 among siblings written as sentences: under one parent
 * and at one level, run-in siblings close with 。 (`（一）…负责制。本人…`), at least as many
 * as the standalone ones that do, and no standalone sibling ends without it (`（三）…同向
 * 同行。` alone on its line after them). Every heading of that list then ends alike, the
 * consistency design.md asks for: the writer's usage decides. Siblings only: a level that
 * is standalone under 一、 and run-in under 三、 is two lists, each held to its own form.
 */
function stopSiblings(report: Report): Set<Heading> {
  const { sections, title } = report;
  // Per parent and level (key parent * 8 + level): [run-in with 。, standalone with 。, standalone without].
  const tally = new Map<number, [number, number, number]>();
  const keyOf = (parent: number, h: Heading): number => (parent + 1) * 8 + (h.marker?.level ?? 0);
  for (let i = 0; i < sections.length; i++) {
    const { heading: h, parent } = sections[i];
    if (h.statement) continue;
    const key = keyOf(parent, h);
    let t = tally.get(key);
    if (!t) tally.set(key, (t = [0, 0, 0]));
    if (h.runIn) {
      if (endsWithStop(h.title.text)) t[0]++;
    } else if (isStandalone(h, title)) t[endsWithStop(h.title.text) ? 1 : 2]++;
  }
  const out = new Set<Heading>();
  for (let i = 0; i < sections.length; i++) {
    const { heading: h, parent } = sections[i];
    const t = tally.get(keyOf(parent, h));
    if (t && t[0] > 0 && t[0] >= t[1] && t[2] === 0) out.add(h);
  }
  return out;
}

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '独立成行的标题末尾不加句号；同一层级的标题末尾标点保持一致',
      en: 'A heading on its own line takes no full stop; headings of one level end alike',
    },
    messages: {
      standalone: {
        'zh-CN': '独立成行的标题“{title}”末尾不应加句号',
        en: 'A heading on its own line ("{title}") should not end with a full stop',
      },
      runInColon: {
        'zh-CN': '同一层级的其他{count}个标题以句号结束、后接正文，此标题“{title}”也应以句号结束',
        en: '{count} other run-in headings of this level end with a full stop; so should "{title}"',
      },
      colon: {
        'zh-CN': '同一层级的其他{count}个标题末尾不加冒号，独立成行的标题“{title}”也应去掉冒号',
        en: '{count} other headings of this level end without a colon; so should the heading "{title}" on its own line',
      },
      semicolon: {
        'zh-CN': '同一层级的其他{count}个标题末尾不加标点，独立成行的标题“{title}”也应去掉分号',
        en: '{count} other headings of this level end without punctuation; so should the heading "{title}" on its own line (no semicolon)',
      },
      comma: {
        'zh-CN': '同一层级的其他{count}个标题末尾不加标点，独立成行的标题“{title}”末尾的逗号或顿号应删去',
        en: '{count} other headings of this level end without punctuation; so should the heading "{title}" on its own line (no comma)',
      },
      inconsistent: {
        'zh-CN': '同一层级的其他{count}个标题末尾不加句号，此标题“{title}”也应去掉句号',
        en: '{count} other headings of this level end without a full stop; so should "{title}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const { headings, title } = report;
    // Per level (0: an unnumbered `#` heading, else the marker's level 1–4), how many
    // standalone headings there are and how many of them end with a full stop. Counts in
    // one indexed loop: the report's lists are frozen, and V8's array builtins (filter, …)
    // take a slow path on frozen arrays.
    const counts = [0, 0, 0, 0, 0];
    const endings = [0, 0, 0, 0, 0];
    let anyEnding = false;
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i];
      if (!isStandalone(h, title)) continue;
      const level = h.marker?.level ?? 0;
      counts[level]++;
      if (endsWithStop(h.title.text)) {
        endings[level]++;
        anyEnding = true;
      }
    }
    const problems: Problem[] = runInColons(report.text, headings);
    const sentenceSiblings = anyEnding ? stopSiblings(report) : new Set<Heading>();
    standaloneColons(headings, title, problems);
    plainColons(report, problems);
    standaloneSemicolons(report, problems);
    if (!anyEnding) return problems.sort((a, b) => a.start - b.start);
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i];
      if (!isStandalone(h, title) || !endsWithStop(h.title.text)) continue;
      const level = h.marker?.level ?? 0;
      const strict = level <= 2;
      const others = counts[level] - endings[level];
      if (!strict && others <= endings[level]) continue;
      // Siblings written as sentences (sentenceSiblings): they all end alike.
      if (sentenceSiblings.has(h)) continue;
      problems.push(lastMarkProblem(h, strict ? 'standalone' : 'inconsistent', { title: h.title.text, count: others }, ''));
    }
    return problems.sort((a, b) => a.start - b.start);
  },
};
