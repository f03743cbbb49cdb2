/**
 * heading-punctuation: a heading that stands on its own line takes no 句号; one that runs
 * into its text (`（一）强化政治建设，筑牢思想根基。一是…`) ends with one (design.md; GB/T
 * 9704-2012 practice for 标题). Levels 一、 and （一） and `#` headings are held to the rule
 * outright; at levels 1. and （1）, where a numbered line is often a one-sentence list item,
 * only a minority that differs from its level's usage in the document is reported. A list of
 * numbered statements with nothing under them (`Heading.statement`) is not held to it. A
 * colon or a semicolon closing a title on its own line is reported where its level's other
 * headings end bare. The run-in headings closed by a colon are read in
 * heading-run-in-colons.ts.
 */
import type { Heading, Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { LEAD_IN_WORDS, laterPartTitle, proseFollows } from './heading-lead-ins';
import { endsWithStop, lastMarkProblem, runInColons } from './heading-run-in-colons';

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
    // sibling stands over sub-headings of its own. Over items (三、下一步工作打算： then 一是…),
    // a part's own title among bare part titles is a title still: the items are the part's.
    if (children.length > 0 ? (t[2] < 2 || t[2] <= t[1]) && !(t[2] >= 1 && laterPartTitle(report, i)) : !proseFollows(report, h.line) && !laterPartTitle(report, i)) continue;
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
