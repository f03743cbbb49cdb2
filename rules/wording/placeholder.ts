/**
 * placeholder: draft residue left in the text — XX/××, `**`, a `*` standing for a name
 * (`*村`), `202x`, ＿＿, 【待补充】, TODO, and `##…##` scraping markup. Patterns are data
 * (rules/data/placeholders.yaml). The source text is read, not the mdast: `*村、江南村、*村`
 * is emphasis to remark but two redaction marks here; the mdast only tells real emphasis
 * (`我们**必须**坚持`) apart.
 */
import type { Emphasis, Nodes, Strong } from 'mdast';
import { placeholders } from '../data/index';
import type { Report } from '../model/report';
import type { Fix, Problem, Rule } from '../types';

const HAN_OR_CJK_PUNCT = /[\p{Script=Han}“”‘’《》、，。：；！？（）【】]/u;
const THEMATIC_BREAK = /^\s*(?:\*\s*){3,}$/;
/** Asterisk runs, with runs separated only by spaces taken as one. */
const ASTERISKS = /\*+(?:[ \u3000]+\*+)*/g;

export const placeholder: Rule = {
  id: 'placeholder',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '定稿前清除草稿中的占位符和残留标记（XX、**、＿＿、【待补充】、##…##）',
      en: 'Placeholders and residue left in a draft (XX, **, ＿＿, 【待补充】, ##…##)',
    },
    messages: {
      placeholder: {
        'zh-CN': '疑似未替换的占位符“{text}”，定稿前应填写实际内容',
        en: 'Placeholder "{text}" left in the draft; fill in the real content',
      },
      residue: {
        'zh-CN': '残留标记“{text}”（从网页复制带入），应删除',
        en: 'Residue markup "{text}" (pasted from a web page); delete it',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // [start, end) pairs of the current line already claimed by a finding (patterns may
    // overlap). A line has few findings, so a flat list beats a per-line bitmap.
    const taken: number[] = [];
    const add = (start: number, end: number, messageId: 'placeholder' | 'residue', fix?: Fix) => {
      if (opaque.overlaps(start, end) || overlapsTaken(taken, start, end)) return;
      if (start < end) taken.push(start, end);
      const problem: Problem = { messageId, data: { text: text.slice(start, end) }, start, end };
      if (fix) problem.fix = fix;
      problems.push(problem);
    };
    // Read from the whole mdast, so only once a line holds an asterisk.
    let emphasis: Set<number> | null = null;
    for (let line = 0; line < lines.count; line++) {
      const from = lines.start(line);
      if (from === lines.end(line)) continue;
      const lineText = lines.lineText(line);
      if (taken.length) taken.length = 0;
      for (const p of placeholders.patterns) {
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
          add(start, end, p.id === 'residue' ? 'residue' : 'placeholder', p.fix === 'delete' ? fix : undefined);
        }
      }
      // Most lines hold no asterisk at all.
      if (lineText.indexOf('*') === -1) continue;
      emphasis ??= plausibleEmphasisDelimiters(report);
      for (const [start, end] of asteriskMarks(lineText, from, emphasis)) add(start, end, 'placeholder');
    }
    return problems.sort((a, b) => a.start - b.start);
  },
};

/** Whether [start, end) shares a character with one of the pairs flattened into `taken`. */
function overlapsTaken(taken: readonly number[], start: number, end: number): boolean {
  if (start >= end) return false;
  for (let k = 0; k < taken.length; k += 2) if (taken[k] < end && start < taken[k + 1]) return true;
  return false;
}

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
 * (`** **`) are one placeholder. Returns [start, end) offsets.
 */
function asteriskMarks(line: string, from: number, emphasis: Set<number>): [number, number][] {
  const marks: [number, number][] = [];
  if (THEMATIC_BREAK.test(line)) return marks; // thematic break
  ASTERISKS.lastIndex = 0;
  for (let m = ASTERISKS.exec(line); m !== null; m = ASTERISKS.exec(line)) {
    const index = m.index;
    const start = from + index;
    const end = start + m[0].length;
    if (/^\s*$/.test(line.slice(0, index)) && /^\*[ \t]/.test(m[0] + line[index + m[0].length])) continue; // list bullet
    if (emphasis.has(start) || emphasis.has(end)) continue;
    const before = line[index - 1] ?? '';
    const after = line[index + m[0].length] ?? '';
    if (HAN_OR_CJK_PUNCT.test(before) || HAN_OR_CJK_PUNCT.test(after)) marks.push([start, end]);
  }
  return marks;
}

/**
 * Offsets where a plausible emphasis delimiter starts (opener) or ends (closer). Emphasis
 * is implausible as a redaction when its content begins with a name suffix (`*村、…*村`),
 * punctuation or a space.
 */
function plausibleEmphasisDelimiters(report: Report): Set<number> {
  const set = new Set<number>();
  const visit = (node: Nodes) => {
    if ((node.type === 'emphasis' || node.type === 'strong') && node.position) {
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      const width = delimiterWidth(node, report.text, start);
      const first = report.text[start + width] ?? '';
      if (width > 0 && !placeholders.nameSuffixes.includes(first) && !/[\s\p{P}]/u.test(first)) {
        set.add(start);
        set.add(end);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(report.tree);
  return set;
}

function delimiterWidth(node: Emphasis | Strong, text: string, start: number): number {
  const c = text[start];
  if (c !== '*' && c !== '_') return 0;
  return node.type === 'strong' ? 2 : 1;
}
