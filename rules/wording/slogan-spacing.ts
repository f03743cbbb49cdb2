/**
 * slogan-spacing: a quoted slogan of parallel parts (`“学习二十大 奋进新征程”`) separates its
 * parts one way throughout a document. Writers use a space, a full-width space or a comma
 * (`学习二十大　奋进新征程`, `学习二十大，奋进新征程`); no standard prescribes one of them
 * (GB/T 15834-2011 does not rule on slogans), so the rule asks only for consistency, at
 * severity information. It also reports a series formulation of the slogan list whose 顿号
 * are partly replaced by a comma or a space (slogan-spacing-series.ts), at severity warning
 * where the rule is at its default: the source's wording changed, not the document's style.
 *
 * A slogan is the whole content of a “…” quotation on one line: 2 to 4 parts of 3 to 8 Han
 * characters each, separated by spaces (ASCII or full width) or a full-width comma. Its
 * words are its parts joined; occurrences with the same words form a group, and a quotation
 * that writes the same words with no separator at all (`“学习二十大奋进新征程”`) joins the
 * group too. The group's form is the one most occurrences use (on a tie, the tied form that
 * comes first); every other occurrence is reported. The fix rewrites the quotation in the
 * majority form, and is offered only when the majority is strict.
 *
 * Quiet: a slogan written once, or always the same way; different slogans (different
 * words) however they are written; quotations that are not slogans (a single part, parts
 * of other lengths, other punctuation); code and other opaque spans. Time is linear in the
 * text: one pass over the quotation marks of each line, one map from words to occurrences.
 */
import type { Report } from '../model/report';
import type { Problem, ProblemRelated, Rule } from '../types';
import { isHan } from '../model/script';
import { mixedSeriesMarks } from './slogan-spacing-series';
import { mixedParallelSeries } from './slogan-spacing-mixed';

const OPEN = '“';
const CLOSE = '”';
const MIN_PART = 3;
const MAX_PART = 8;
const MAX_PARTS = 4;
/** Runs of the characters that separate a slogan's parts. */
const SEPARATORS = /[ \u3000，]+/g;

/** One quotation whose content may be a slogan. Offsets are absolute (UTF-16). */
interface Occurrence {
  start: number;
  end: number;
  /** The quotation's content: the form. */
  form: string;
  /** The parts joined: the slogan's words. */
  words: string;
  /** Whether the content has separators (a parsed slogan), or is the words run together. */
  separated: boolean;
}

/**
 * Reads the content of a quotation as a slogan: its words and whether it is separated.
 * Returns null when the content is not Han parts of 3–8 characters separated by spaces
 * or a full-width comma (or, unseparated, a run of 6–32 Han characters that may match a
 * separated slogan's words).
 */
export function readSlogan(content: string): { words: string; separated: boolean } | null {
  const shape = sloganShape(content, 0, content.length);
  if (shape === NOT_A_SLOGAN) return null;
  // Parts are Han and separators are not, so dropping the separators joins the parts.
  return shape === SEPARATED ? { words: content.replace(SEPARATORS, ''), separated: true } : { words: content, separated: false };
}

const NOT_A_SLOGAN = 0;
const SEPARATED = 1;
const RUN_TOGETHER = 2;

/**
 * What `text[start, end)` is, read as the content of a quotation: a slogan of separated
 * parts, a run of Han characters that may be one written without separators, or neither
 * (see readSlogan). Reads the text in place: most quotations are not slogans, and they
 * cost no string.
 */
function sloganShape(text: string, start: number, end: number): typeof NOT_A_SLOGAN | typeof SEPARATED | typeof RUN_TOGETHER {
  // One pass, no arrays: count the parts and check their lengths.
  let parts = 0;
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && isHanAt(text, j)) j++;
    const len = j - i;
    if (len === 0) return NOT_A_SLOGAN;
    parts++;
    if (j === end) {
      if (parts > 1 && (len < MIN_PART || len > MAX_PART)) return NOT_A_SLOGAN;
      break;
    }
    // A separator follows, so this is a part of a separated slogan.
    if (parts > MAX_PARTS - 1 || len < MIN_PART || len > MAX_PART) return NOT_A_SLOGAN;
    // A separator: a run of spaces, or one full-width comma.
    let k = j;
    if (text.charCodeAt(k) === 0xff0c /* ， */) k++;
    else while (k < end && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x3000)) k++;
    if (k === j || k === end) return NOT_A_SLOGAN;
    i = k;
  }
  if (parts !== 1) return SEPARATED; // (an empty quotation too: its words are '')
  return end - start >= 2 * MIN_PART && end - start <= MAX_PARTS * MAX_PART ? RUN_TOGETHER : NOT_A_SLOGAN;
}

/** Whether the code unit at `i` of `text` is a Han character (tested by code first: most are in the basic block). */
function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return c >= 0x2e80 && isHan(text[i]);
}

/** How a form separates its parts, in words, for messages. */
function separatorName(form: string): { zh: string; en: string } {
  const seps = new Set(form.match(/[ \u3000，]+/g) ?? []);
  if (seps.size === 0) return { zh: '各部分连写', en: 'with its parts run together' };
  if (seps.size > 1) return { zh: '混用多种分隔', en: 'with mixed separators' };
  const [sep] = seps;
  const n = sep.length;
  if (sep === '，') return { zh: '以逗号“，”分隔', en: 'separated by a comma "，"' };
  if (sep[0] === '\u3000') return n === 1 ? { zh: '以全角空格分隔', en: 'separated by a full-width space' } : { zh: `以${n}个全角空格分隔`, en: `separated by ${n} full-width spaces` };
  return n === 1 ? { zh: '以空格分隔', en: 'separated by a space' } : { zh: `以${n}个空格分隔`, en: `separated by ${n} spaces` };
}

export const sloganSpacing: Rule = {
  id: 'slogan-spacing',
  meta: {
    family: 'wording',
    severity: 'information',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '同一口号在全文中用同一种方式分隔各部分（空格、全角空格或逗号）',
      en: 'A slogan separates its parts the same way throughout the document (space, full-width space or comma)',
    },
    messages: {
      inconsistent: {
        'zh-CN': '口号“{found}”{sep}，本文另有{count}处“{expected}”{expectedSep}；同一口号的分隔方式应统一',
        en: 'Slogan "{found}" is written {sepEn}, while {count} other place(s) write it {expectedSepEn} ("{expected}"); separate one slogan one way',
      },
      series: {
        'zh-CN': '提法“{found}”各项之间顿号与{sep}混用，规范写法各项均以顿号分隔：“{canonical}”（{source}）',
        en: 'The formulation "{found}" mixes 顿号 with {sepEn} between its parts; its source separates every part with 、: "{canonical}" ({source})',
      },
      pairSpace: {
        'zh-CN': '提法“{found}”两部分之间用了空格，汉语行文中不空格，规范写法以顿号分隔：“{canonical}”（{source}）',
        en: 'The formulation "{found}" has a space between its two parts; Chinese prose takes no spaces, and its source separates them with 、: "{canonical}" ({source})',
      },
      mixedSeries: {
        'zh-CN': '并列各项“{found}”之间顿号与{sep}混用，并列词语之间应统一用顿号：“{fixed}”（GB/T 15834—2011 4.5.3.1）',
        en: 'The parallel parts "{found}" mix 顿号 with {sepEn}; parallel words are all separated by 、: "{fixed}" (GB/T 15834-2011 4.5.3.1)',
      },
      majority: {
        'zh-CN': '本文多数写法“{expected}”',
        en: 'The usual form in this document: "{expected}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const listed = mixedSeriesMarks(report);
    // Series no data entry holds (slogan-spacing-mixed.ts), where no listed one was found.
    const mixed = [...listed, ...mixedParallelSeries(report, listed)];
    const problems = inconsistentSlogans(report);
    if (mixed.length === 0) return problems;
    return [...problems, ...mixed.filter((m) => !problems.some((p) => p.start < m.end && m.start < p.end))].sort((a, b) => a.start - b.start);
  },
};

/** The quoted slogans of `report` written with another separator than their group's usual one (message `inconsistent`), in text order. */
function inconsistentSlogans(report: Report): Problem[] {
  // Only a group with a separated slogan is reported, and most texts quote none: their
  // quotations are read as spans, and no string is made for them.
  const spans = quotations(report);
  if (!spans.some((span) => span.separated)) return [];
  const groups = new Map<string, Occurrence[]>();
  for (const { start, end, separated } of spans) {
    const form = report.text.slice(start, end);
    // Parts are Han and separators are not, so dropping the separators joins the parts.
    const occ: Occurrence = { start, end, form, words: separated ? form.replace(SEPARATORS, '') : form, separated };
    const list = groups.get(occ.words);
    if (list) list.push(occ);
    else groups.set(occ.words, [occ]);
  }
  const problems: Problem[] = [];
  for (const list of groups.values()) {
    if (list.length < 2 || !list.some((o) => o.separated)) continue;
    const counts = new Map<string, number>();
    for (const o of list) counts.set(o.form, (counts.get(o.form) ?? 0) + 1);
    if (counts.size < 2) continue;
    const max = Math.max(...counts.values());
    // The tied form that comes first; `list` is in document order.
    const expected = list.find((o) => counts.get(o.form) === max)!;
    const strict = [...counts.values()].filter((n) => n === max).length === 1;
    const names = separatorName(expected.form);
    const related: ProblemRelated[] = [{ messageId: 'majority', data: { expected: expected.form }, start: expected.start, end: expected.end }];
    for (const o of list) {
      if (o.form === expected.form) continue;
      const sep = separatorName(o.form);
      problems.push({
        messageId: 'inconsistent',
        data: {
          found: o.form,
          sep: sep.zh,
          sepEn: sep.en,
          expected: expected.form,
          expectedSep: names.zh,
          expectedSepEn: names.en,
          count: max,
        },
        start: o.start,
        end: o.end,
        ...(strict ? { fix: { start: o.start, end: o.end, text: expected.form } } : {}),
        related,
      });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

/** The contents of the report's quotations that read as slogans, in document order. */
function quotations(report: Report): { start: number; end: number; separated: boolean }[] {
  const { text, opaque } = report;
  const found: { start: number; end: number; separated: boolean }[] = [];
  // On each line, the innermost “ before each ” (a stray opener is superseded by the next
  // one; a ” ends whatever was open). The marks are found with indexOf, so the text
  // between them costs no per-character work; a pair counts only within one line.
  let nextOpen = text.indexOf(OPEN);
  let close = nextOpen === -1 ? -1 : text.indexOf(CLOSE, nextOpen + 1);
  while (close !== -1) {
    let open = -1;
    while (nextOpen !== -1 && nextOpen < close) {
      open = nextOpen;
      nextOpen = text.indexOf(OPEN, nextOpen + 1);
    }
    // A pair spanning lines holds a line terminator, which is never part of a slogan.
    if (open !== -1) {
      const shape = sloganShape(text, open + 1, close);
      if (shape !== NOT_A_SLOGAN && !opaque.overlaps(open, close + 1)) found.push({ start: open + 1, end: close, separated: shape === SEPARATED });
    }
    if (nextOpen === -1) break;
    close = text.indexOf(CLOSE, nextOpen + 1);
  }
  return found;
}
