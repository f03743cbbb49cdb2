/**
 * placeholder: draft residue left in the text — XX/××, `**`, a `*` standing for a name
 * (`*村`), `202x`, ＿＿, 【待补充】, TODO, and `##…##` scraping markup. Patterns are data
 * (rules/data/placeholders.yaml). The source text is read, not the mdast: `*村、江南村、*村`
 * is emphasis to remark but two redaction marks here; the mdast only tells real emphasis
 * (`我们**必须**坚持`) apart.
 *
 * Tables are opaque to the character rules (rules/model/opaque.ts), but a placeholder in a
 * cell (`| XX分校区 | 4 |`, `| **街道 | 3 |`) is as much a draft's residue as one in prose:
 * the text of a cell is read too, except its code, HTML and link destinations.
 */
import type { Emphasis, Nodes, Strong } from 'mdast';
import { tableCellProse } from './placeholder-table';
import { loneLetters } from './placeholder-lone';
import { numberSlotRun } from './placeholder-slot';
import { mouBeforeTitle, mouQuotedName } from './placeholder-mou';
import { placeholders } from '../data/index';
import { alternation } from '../model/alternation';
import { unclosedEmphasis } from '../model/emphasis';
import type { Report } from '../model/report';
import type { Fix, Problem, Rule, RuleContext } from '../types';
import { accepted } from '../model/dictionary';
import { isSpace } from '../model/script';

const HAN_OR_CJK_PUNCT = /[\p{Script=Han}“”‘’《》、，。：；！？（）【】]/u;
const THEMATIC_BREAK = /^\s*(?:\*\s*){3,}$/;
const SPACE_OR_PUNCT = /[\s\p{P}]/u;
/** Asterisk runs, with runs separated only by spaces taken as one. */
const ASTERISKS = /\*+(?:[ \u3000]+\*+)*/g;

export const placeholder: Rule = {
  id: 'placeholder',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '定稿前清除草稿中的占位符和残留标记（XX、**、＿＿、【待补充】、##…##）',
      en: 'Placeholders and residue left in a draft (XX, **, ＿＿, 【待补充】, ##…##)',
    },
    messages: {
      placeholder: {
        'zh-CN': '疑似未替换的占位符“{text}”，定稿前应填写实际内容',
        en: 'Placeholder "{text}" left in the draft; fill in the real content',
      },
      dropped: {
        'zh-CN': '“{text}”中缺少数字，疑似占位的数字未填写，定稿前应补上',
        en: 'A number is missing in "{text}": a blank left unfilled; fill in the figure',
      },
      residue: {
        'zh-CN': '残留标记“{text}”（从网页复制带入），应删除',
        en: 'Residue markup "{text}" (pasted from a web page); delete it',
      },
    },
  },
  check(report: Report, _options, context?: RuleContext): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // [start, end) pairs of the current line already claimed by a finding (patterns may
    // overlap). A line has few findings, so a flat list beats a per-line bitmap.
    const taken: number[] = [];
    const add = (start: number, end: number, messageId: 'placeholder' | 'residue' | 'dropped', fix?: Fix) => {
      if ((opaque.overlaps(start, end) && !tableCellProse(report, start, end)) || overlapsTaken(taken, start, end) || accepted(context, text, start, end)) return;
      if (start < end) taken.push(start, end);
      const problem: Problem = { messageId, data: { text: text.slice(start, end) }, start, end };
      if (fix) problem.fix = fix;
      problems.push(problem);
    };
    for (let line = 0; line < lines.count; line++) {
      const from = lines.start(line);
      if (from === lines.end(line)) continue;
      const lineText = lines.lineText(line);
      if (taken.length) taken.length = 0;
      // Most lines hold no match of any pattern: one test of their alternation settles that.
      if (mayMatch(lineText)) {
        for (const p of placeholders.patterns) {
          // 某某县 on a line that names 王某某 is an anonymised case, not a template's slot.
          if ((p.id === 'mou-slot' || p.id === 'mou-slot-noun') && anonymisesByName(lineText)) continue;
          const re = p.pattern;
          // An exec loop, not `matchAll`: that clones the pattern on every call, once per line
          // and pattern, which cost more than the matching itself.
          re.lastIndex = 0;
          for (let m = re.exec(lineText); m !== null; m = re.exec(lineText)) {
            if (m[0] === '') re.lastIndex = advance(lineText, re.lastIndex, re.unicode);
            const start = from + m.index;
            const end = start + m[0].length;
            // Residue alone on its line goes with its line end, not leaving a blank line.
            const wholeLine = lineText.trim() === m[0] && line + 1 < lines.count;
            const fix = wholeLine ? { start: from, end: lines.start(line + 1), text: '' } : { start, end, text: '' };
            add(start, end, p.id === 'residue' ? 'residue' : p.id === 'number-dropped' ? 'dropped' : 'placeholder', p.fix === 'delete' ? fix : undefined);
          }
        }
      }
      // 反映某某同志: a person's name left open before a title (placeholder-mou.ts).
      if (lineText.indexOf('某某') !== -1 && !anonymisesByName(lineText)) {
        const mou = mouBeforeTitle(lineText, from);
        for (let k = 0; k < mou.length; k += 2) add(mou[k], mou[k + 1], 'placeholder');
        // “某某”轮: a ship's or a brand's name left open in its quotation marks.
        const quoted = mouQuotedName(lineText, from);
        for (let k = 0; k < quoted.length; k += 2) add(quoted[k], quoted[k + 1], 'placeholder');
      }
      // Most lines hold no asterisk at all.
      if (lineText.indexOf('*') === -1) continue;
      const marks = asteriskMarks(lineText, from, report);
      for (let k = 0; k < marks.length; k += 2) add(marks[k], marks[k + 1], 'placeholder');
    }
    // A lone X in a name's slot (属X黄土高原), once the text has shown it writes X for names.
    const lone = loneLetters(report, problems);
    taken.length = 0;
    for (let k = 0; k < lone.length; k += 2) add(lone[k], lone[k + 1], 'placeholder');
    return sortByStart(problems);
  },
};

/** A common surname (rules/data/placeholders.yaml `surnames`) right before 某: 王某某, 张某. */
const SURNAME_MOU = new RegExp(`[${placeholders.surnames}]某`, 'u');

/**
 * Whether `line` anonymises a person by surname (王某某, 李某某同志, 史某): then its 某某 in a
 * place's or a name's slot (某某县, 某某局) is anonymised on purpose, as a case report writes,
 * and the `mou-slot` patterns are not tried on it. Only lines holding 某 twice get here.
 */
function anonymisesByName(line: string): boolean {
  return SURNAME_MOU.test(line);
}

/**
 * `problems` sorted by start, stably: an insertion sort, as the problems of different
 * lines are already in order, and only a line's own few can be out of order (pattern by
 * pattern, then asterisks). Cheaper than Array#sort, whose comparator calls dominate on
 * the handful of problems a report has.
 */
function sortByStart(problems: Problem[]): Problem[] {
  for (let i = 1; i < problems.length; i++) {
    const p = problems[i];
    let j = i - 1;
    while (j >= 0 && problems[j].start > p.start) {
      problems[j + 1] = problems[j];
      j--;
    }
    problems[j + 1] = p;
  }
  return problems;
}

/**
 * The patterns of rules/data/placeholders.yaml as one alternation: a line where it finds
 * no match holds no match of any pattern (at each position an alternation tries every
 * alternative), and one regex pass over a line costs far less than one per pattern. Null
 * (no such test) when the patterns' flags differ or one has a backreference, whose group
 * number the alternation would shift. Patterns marked `alone` are left out and tested one
 * by one after it (`mayMatch`): one with many leading words slows the whole alternation.
 */
const ANY_PATTERN = alternation(placeholders.patterns.filter((p) => !p.alone).map((p) => p.pattern));

/** The patterns marked `alone` in the data, without `g` (a test that keeps no `lastIndex`). */
const ALONE = placeholders.patterns.filter((p) => p.alone).map((p) => new RegExp(p.pattern.source, p.pattern.flags.replace('g', '')));

/** Whether `lineText` may hold a match of a pattern (false: it holds none). */
function mayMatch(lineText: string): boolean {
  if (ANY_PATTERN === null) return true;
  if (ANY_PATTERN.test(lineText)) return true;
  for (const re of ALONE) if (re.test(lineText)) return true;
  return false;
}

/** Whether [start, end) shares a character with one of the pairs flattened into `taken`. */
function overlapsTaken(taken: readonly number[], start: number, end: number): boolean {
  if (start >= end) return false;
  for (let k = 0; k < taken.length; k += 2) if (taken[k] < end && start < taken[k + 1]) return true;
  return false;
}

const NONE: number[] = [];

/** Where a global regex resumes after an empty match at `at`, as `matchAll` does. */
function advance(s: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= s.length) return at + 1;
  const c = s.charCodeAt(at);
  const d = s.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/**
 * Asterisk runs of one line that stand for missing text: next to a Han character or CJK
 * punctuation, and not a delimiter of plausible emphasis. Runs separated only by spaces
 * (`** **`) are one placeholder. Returns flattened [start, end) offsets.
 */
function asteriskMarks(line: string, from: number, report: Report): number[] {
  if (THEMATIC_BREAK.test(line)) return NONE; // thematic break
  let marks = NONE;
  // Read from the mdast the first time a mark next to Chinese needs it.
  let delimiters: number[] | null = null;
  ASTERISKS.lastIndex = 0;
  for (let m = ASTERISKS.exec(line); m !== null; m = ASTERISKS.exec(line)) {
    const index = m.index;
    const after = index + m[0].length;
    if (isListBullet(line, index, after)) continue;
    if (!hanOrCjkPunct(line, index - 1) && !hanOrCjkPunct(line, after) && !spacedNameMark(line, index, after)) continue;
    delimiters ??= emphasisDelimiters(report.tree, from, from + line.length, report.text, []);
    if (delimiters.includes(from + index) || delimiters.includes(from + after)) continue;
    // Emphasis that punctuation kept from closing is emphasis-cjk's, not a placeholder.
    if (isUnclosedEmphasisMark(report, from + index, from + after)) continue;
    if (marks === NONE) marks = [];
    marks.push(from + index, from + after);
  }
  return marks;
}

/** Whether the run [start, end) opens or closes a pair of `unclosedEmphasis` (rules/model/emphasis.ts). */
function isUnclosedEmphasisMark(report: Report, start: number, end: number): boolean {
  const pairs = unclosedEmphasis(report);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    if (pair.start === start || pair.end === end) return true;
  }
  return false;
}

/**
 * Whether the run `line[index, after)` stands alone between spaces before a place's suffix:
 * `中共 * 市 * 镇委员会`, a name left out with the spaces a typist put around it. (Not at the
 * line's start, where `* 市` is a list bullet.)
 */
function spacedNameMark(line: string, index: number, after: number): boolean {
  const before = line.charCodeAt(index - 1);
  const next = line.charCodeAt(after);
  return (
    (before === 0x20 || before === 0x3000) &&
    (next === 0x20 || next === 0x3000) &&
    placeholders.nameSuffixes.includes(line[after + 1] ?? '') &&
    (hanOrCjkPunct(line, after + 2) || isSpace(line.charCodeAt(after + 2)))
  );
}

/** Whether `line[i]` (a code unit; none past either end) is Han or CJK punctuation (HAN_OR_CJK_PUNCT). */
function hanOrCjkPunct(line: string, i: number): boolean {
  // By code unit first, without a string: the basic Han block, and nothing below ‘ (U+2018,
  // the lowest of the marks; Han starts at U+2E80).
  const c = line.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (!(c >= 0x2018)) return false;
  return HAN_OR_CJK_PUNCT.test(line[i]);
}

/** Whether the asterisk run `line[index, after)` is a list bullet: it opens the line (past spaces), its `*` followed by a space or tab. */
function isListBullet(line: string, index: number, after: number): boolean {
  for (let i = 0; i < index; i++) if (!isSpace(line.charCodeAt(i))) return false;
  const next = after - index > 1 ? line.charCodeAt(index + 1) : line.charCodeAt(after);
  return next === 0x20 || next === 0x09;
}

/**
 * Adds to `found` the offsets where a plausible emphasis delimiter in `node` or below
 * starts (opener) or ends (closer), for the emphasis that meets the line
 * `[lineStart, lineEnd]` (a delimiter at a mark of the line belongs to such emphasis).
 * Emphasis is implausible as a redaction when its content begins with a name suffix
 * (`*村、…*村`), punctuation or a space. Only the nodes that meet the line are visited,
 * not the whole mdast.
 */
function emphasisDelimiters(node: Nodes, lineStart: number, lineEnd: number, text: string, found: number[]): number[] {
  if ((node.type === 'emphasis' || node.type === 'strong') && node.position) {
    const start = node.position.start.offset!;
    if (plausible(node, text, start)) found.push(start, node.position.end.offset!);
  }
  if (!('children' in node)) return found;
  const children = node.children as Nodes[];
  // Siblings are in text order and disjoint: skip those ending before the line.
  let lo = 0;
  let hi = children.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = children[mid].position?.end.offset;
    if (end !== undefined && end < lineStart) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < children.length; k++) {
    const position = children[k].position;
    if (position && position.start.offset! > lineEnd) break;
    emphasisDelimiters(children[k], lineStart, lineEnd, text, found);
  }
  return found;
}

/**
 * Whether the emphasis `node` starting at `start` reads as emphasis, not a redaction. Not
 * where it holds one date or measure word alone (`*月*日前`, `**年**月`: the marks stand for
 * the numbers of a date or count, and CommonMark pairs them around the word between), nor
 * where its opener or closer stands in a number's slot (`20*年…学习*次`: placeholder-slot.ts).
 */
function plausible(node: Emphasis | Strong, text: string, start: number): boolean {
  const width = delimiterWidth(node, text, start);
  const first = text[start + width] ?? '';
  const end = node.position!.end.offset!;
  if (width > 0 && end - width - (start + width) === 1 && SLOT_WORDS.includes(first)) return false;
  // 20*年…学习*次: a delimiter in a number's slot, paired by the parse (placeholder-slot.ts).
  if (width > 0 && (numberSlotRun(text, start, start + width, '') || numberSlotRun(text, end - width, end, text.slice(start + width, end - width)))) return false;
  if (width === 0 || SPACE_OR_PUNCT.test(first)) return false;
  if (!placeholders.nameSuffixes.includes(first)) return true;
  // An opener before a place's or a body's suffix is a redaction mark when it is a single `*`
  // (`《*镇2023年…》…运用*夜校`: reports bold with `**`, redact with `*`) or when the parse paired
  // it with another mark in a name's slot: one between a list's separators (`**镇靖…；镇靖、**、
  // 施庙3村`) or before a suffix itself (`**村、江南村、**村`). A bold phrase that merely starts with
  // such a character (`**组织体系更加健全。** 结合…`, `**村级组织**：`) closes after its own words.
  const beforeCloser = text[end - width - 1] ?? '';
  return !(width === 1 || NAME_SLOT_BEFORE.includes(beforeCloser) || placeholders.nameSuffixes.includes(text[end] ?? ''));
}

/** Characters after which a closing mark stands in a name's slot, not after a phrase's words. */
const NAME_SLOT_BEFORE = '、，；：“‘（《';

/** Words that follow a number in a date or count: emphasis of one of them alone is a number's slot (`*月*日`). */
const SLOT_WORDS = '年月日号时名个次户人项期批届万元亩';

function delimiterWidth(node: Emphasis | Strong, text: string, start: number): number {
  const c = text[start];
  if (c !== '*' && c !== '_') return 0;
  return node.type === 'strong' ? 2 : 1;
}
