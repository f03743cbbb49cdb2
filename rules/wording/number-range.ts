/**
 * number-range: a range is joined by a 连接号 of the right kind (GB/T 15834-2011): a range of
 * quantities takes the wave dash `～` (`3-5个` → `3～5个`), a span of time takes the em dash
 * `—` (`7-9月` → `7—9月`, `2023-2024年` → `2023—2024年`). The hyphen `-`, en dash `–`,
 * full-width hyphen `－` and ASCII tilde `~` are reported between two numbers that form a
 * range. Where dropping the first number's `%`, 万 or 亿 would mislead, the fix writes it on
 * both ends (`3-5万元` → `3万～5万元`, `15-30%` → `15%～30%`; GB/T 15835-2011).
 *
 * A pair of numbers counts as a range only when what follows settles it: a unit or measure
 * word from rules/data/number-range.yaml, a date unit with values in range (`7-9月`,
 * `7月1-5日`, `2023年7月-2024年6月`), or a time of day after 上午/下午… (`上午8-10时`). Left
 * alone: lines of English prose (more Latin letters than Han: `0–100%` is right there);
 * codes and model numbers (`XL-07`, `G20-3`, `1-2号楼`, `GB/T 15834-2011`), phone
 * numbers (`0951-1234567`, any number with a leading zero), numeric dates (`2023-07-01`,
 * `2023-7-1`: three parts), negative numbers (`-5`), descending pairs (`3-1`), ranges
 * already written with `～` or `—`, and ranges inside a title in 书名号 (`《3-6岁儿童学习与发展
 * 指南》`: a document's name is quoted as issued).
 *
 * Also how an approximate number's span is written (number-approx.ts): one number both
 * under and over (`近1700多条`) or about twice (`约300人左右`), reported without a fix.
 */
import { numberRange } from '../data/number-range';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { isLatinLine } from '../model/script';
import { contradictoryApproximations } from './number-approx';

// The first number of a candidate, its optional unit, and the dash. The lookbehind keeps the
// number from continuing an identifier, a decimal, a time, a chain or a negative number.
const START = /(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．/／:：_#＃+＋\-–~～－])(\d+(?:\.\d+)?)(%|％|万|亿|年|月|日|号)?([-–~－])(?=\d)/g;
const NUMBER = /\d+(?:\.\d+)?/y;
// What must not follow the second number (or its unit): more of an identifier, a chain.
const CONTINUES = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．/／:：_]|[-–~－]\d/y;
// A date on the right of a span: 2024年(6月(30日)), 9月(30日), 15日.
const DATE = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?|(\d{1,2})月(?:(\d{1,2})[日号])?|(\d{1,2})[日号]/y;

// What every range holds: a number, maybe a unit, a dash, a number. Never crosses a line end.
// A unit of up to four characters may stand between the first number and the dash
// (`25岁-35岁`, `80平方米-120平方米`), read by bothEnds.
const CANDIDATE = /\d[^\d\n\r]{0,4}?[-–~－]\d/g;
/** A line without a Latin letter cannot be English prose. */
const LETTER = /[A-Za-z]/;

// The year and month written before a span's first number: `2023年7月`-…, `7月`1日-….
const DATE_PREFIX = /(?:\d{4}年)?(?:\d{1,2}月)?$/;

type Kind = 'numeric' | 'time';

interface Range {
  kind: Kind;
  /** [start, end) of the whole range as written, for the message and the highlight. */
  start: number;
  end: number;
  /** The replacement of [start, fixEnd). */
  fixEnd: number;
  text: string;
}

/** A number as written: no leading zero unless it is `0` or `0.x` (`07`, `0951` are codes). */
function plain(n: string): boolean {
  return !/^0\d/.test(n);
}

const isYear = (n: string): boolean => /^(?:1[89]|2[01])\d\d$/.test(n);
const within = (n: string, lo: number, hi: number): boolean => /^\d+$/.test(n) && Number(n) >= lo && Number(n) <= hi;

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Whether the text at `at` (up to `lineEnd`) continues an identifier or a chain of numbers. */
function continues(text: string, at: number, lineEnd: number): boolean {
  return at < lineEnd && stickyAt(CONTINUES, text, at) !== null;
}

/**
 * Reads the range whose first number matched `m` at `at` (absolute offset). Returns null
 * when the pair is not certainly a range.
 */
function readRange(text: string, m: RegExpExecArray, at: number, lineStart: number, lineEnd: number): Range | null {
  const [, a, unitA, dash] = m;
  if (!plain(a)) return null;
  const dashAt = at + a.length + (unitA?.length ?? 0);
  const bAt = dashAt + dash.length;

  if (unitA === '年' || unitA === '月' || unitA === '日' || unitA === '号') {
    // A date span with its units on both ends: 2023年-2024年, 7月-9月, 7月1日-9月30日.
    if (unitA === '年' && !isYear(a)) return null;
    if (unitA === '月' && !within(a, 1, 12)) return null;
    if ((unitA === '日' || unitA === '号') && (!within(a, 1, 31) || text[at - 1] !== '月')) return null;
    const d = stickyAt(DATE, text, bAt);
    if (!d) return null;
    const [, year, yMonth, yDay, month, mDay, day] = d;
    const ok =
      year !== undefined ? isYear(year) && (yMonth === undefined || within(yMonth, 1, 12)) && (yDay === undefined || within(yDay, 1, 31))
      : month !== undefined ? unitA !== '年' && within(month, 1, 12) && (mDay === undefined || within(mDay, 1, 31))
      : unitA !== '年' && unitA !== '月' && within(day, 1, 31);
    const end = bAt + d[0].length;
    if (!ok || continues(text, end, lineEnd)) return null;
    if (unitA === '年' && year !== undefined && Number(year) <= Number(a)) return null;
    if (unitA === '月' && month !== undefined && Number(month) <= Number(a)) return null;
    return { kind: 'time', start: at, end, fixEnd: bAt, text: `${a}${unitA}—` };
  }

  const bm = stickyAt(NUMBER, text, bAt);
  if (!bm) return null;
  const b = bm[0];
  if (!plain(b) || Number(b) <= Number(a)) return null;
  const afterB = bAt + b.length;

  if (unitA) {
    // 15%-30%, 3万-5万: the same sign or magnitude on both ends.
    const same = unitA === '%' || unitA === '％' ? /[%％]/ : new RegExp(unitA);
    if (!same.test(text[afterB] ?? '') || continues(text, afterB + 1, lineEnd)) return null;
    return { kind: 'numeric', start: at, end: afterB + 1, fixEnd: bAt, text: `${a}${unitA}～` };
  }
  if (continues(text, afterB, lineEnd)) return null;
  const next = text[afterB] ?? '';
  // `unit` characters after the second number are shown with the range, not changed.
  const numeric = (extra: string, unit: number): Range => ({ kind: 'numeric', start: at, end: afterB + unit, fixEnd: bAt, text: `${a}${extra}～` });
  const time = (unit: number): Range => ({ kind: 'time', start: at, end: afterB + unit, fixEnd: bAt, text: `${a}—` });

  // 15-30% → 15%～30%; 3-5万元 → 3万～5万元 (GB/T 15835-2011: keep them on both ends).
  if (next === '%' || next === '％' || next === '万' || next === '亿') return numeric(next, 1);
  const rest = text.slice(afterB, Math.min(lineEnd, afterB + 2));
  if (next === '年') {
    if (isYear(a) && isYear(b)) return time(1);
    if (rest === '年代' || Number(b) > 30) return null;
    return numeric('', rest === '年级' ? 2 : 1);
  }
  if (next === '月') return within(a, 1, 12) && within(b, 1, 12) ? time(1) : null;
  if (next === '日' || next === '号') return text[at - 1] === '月' && within(a, 1, 31) && within(b, 1, 31) ? time(1) : null;
  if (next === '时' || next === '点') {
    if (!within(a, 0, 24) || !within(b, 0, 24) || /^时[间期代候刻段]/.test(rest)) return null;
    return numberRange.timeOfDayBefore.test(text.slice(Math.max(lineStart, at - 4), at)) ? time(1) : null;
  }
  // `2024-2025学年`: a school year is a span of two years, as `2024-2025年` is.
  if (rest === '学年' && isYear(a) && isYear(b)) return time(2);
  if (rest === '季度') return within(a, 1, 4) && within(b, 1, 4) ? time(2) : null;
  if (rest === '世纪') return time(2);
  const unit = stickyAt(numberRange.numericUnit, text, afterB);
  if (unit && afterB + unit[0].length <= lineEnd) return numeric('', unit[0].length);
  return null;
}

/**
 * Adds the ranges of one line written with the unit on both ends (`25岁-35岁` → `25岁～35岁`,
 * `5万元-8万元` → `5万元～8万元`), which START does not read since its first number is
 * followed by a unit rather than the dash. Only units of rules/data/number-range.yaml count,
 * the same on both ends, the second number larger; the fix changes the dash alone (units on
 * both ends are allowed, GB/T 15835-2011). Skips what an earlier reading of the line reported.
 */
function bothEnds(text: string, lineStart: number, lineEnd: number, lineText: string, opaque: Report['opaque'], problems: Problem[], firstProblem: number): void {
  const re = numberRange.bothEnds;
  re.lastIndex = 0;
  for (let m = re.exec(lineText); m !== null; m = re.exec(lineText)) {
    const [whole, a, magnitude, unit, dash, b] = m;
    if (!plain(a) || !plain(b) || Number(b) <= Number(a)) continue;
    const start = lineStart + m.index;
    const end = start + whole.length;
    // `3个-5个月`, `2小时-3小时40分`: the second end goes on, so it is not this pair's unit.
    if (continues(text, end, lineEnd) || stickyUnitLength(text.slice(end - unit.length, end + 2)) > unit.length) continue;
    if (opaque.overlaps(start, end)) continue;
    if (problems.slice(firstProblem).some((p) => p.start < end && start < p.end)) continue;
    const dashAt = start + a.length + magnitude.length + unit.length;
    problems.push({
      messageId: 'numeric',
      data: { found: whole, expected: `${a}${magnitude}${unit}～${b}${magnitude}${unit}` },
      start,
      end,
      fix: { start: dashAt, end: dashAt + dash.length, text: '～' },
    });
  }
}

/** Length of the longest unit of the list at the start of `s` (0 if none). */
function stickyUnitLength(s: string): number {
  const u = numberRange.numericUnit;
  u.lastIndex = 0;
  return u.exec(s)?.[0].length ?? 0;
}

/** Adds the ranges of `line` to `problems`. */
function checkLine(text: string, line: number, { lines, opaque }: Report, problems: Problem[]): void {
  const lineStart = lines.start(line);
  const lineEnd = lines.end(line);
  const lineText = lines.lineText(line);
  const firstProblem = problems.length;
  START.lastIndex = 0;
  for (let m = START.exec(lineText); m !== null; m = START.exec(lineText)) {
    const at = lineStart + m.index;
    const range = readRange(text, m, at, lineStart, lineEnd);
    if (!range || opaque.overlaps(range.start, range.end)) continue;
    // Show a date span from its beginning: `7月1日-9月30日`, not `1日-9月30日`.
    const shown = range.kind === 'time' ? at - (DATE_PREFIX.exec(text.slice(Math.max(lineStart, at - 8), at))?.[0].length ?? 0) : at;
    const found = text.slice(shown, range.end);
    const expected = text.slice(shown, range.start) + range.text + text.slice(range.fixEnd, range.end);
    problems.push({
      messageId: range.kind,
      data: { found, expected },
      start: shown,
      end: range.end,
      fix: { start: range.start, end: range.fixEnd, text: range.text },
    });
  }
  bothEnds(text, lineStart, lineEnd, lineText, opaque, problems, firstProblem);
  // A title in 书名号 is quoted as issued (《3-6岁儿童学习与发展指南》 is the document's own
  // name, GB/T 15834-2011 4.15): the writer can't change the dash of a name.
  if (problems.length > firstProblem && lineText.includes('《')) dropInTitles(lineText, lineStart, problems, firstProblem);
  // English prose (`rates lie in 0–100%`) writes ranges its own way. Asked only of a line
  // with findings and a Latin letter (none: not English), as it tests every character.
  if (problems.length > firstProblem && LETTER.test(lineText) && isLatinLine(lineText, lineStart, opaque)) problems.length = firstProblem;
}

/** The 书名号 titles of a line: `《…》` with no other 《 or 》 inside (nested 〈〉 may be). */
const TITLE = /《[^《》\n\r]*》/g;

/** Removes from `problems[firstProblem…]` the ranges inside a 《…》 title of the line. */
function dropInTitles(lineText: string, lineStart: number, problems: Problem[], firstProblem: number): void {
  const titles = [...lineText.matchAll(TITLE)].map((m) => [lineStart + (m.index ?? 0), lineStart + (m.index ?? 0) + m[0].length]);
  if (titles.length === 0) return;
  const kept = problems.slice(firstProblem).filter((p) => !titles.some(([s, e]) => s < p.start && p.end < e));
  problems.length = firstProblem;
  problems.push(...kept);
}

export const numberRangeRule: Rule = {
  id: 'number-range',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '数值范围用浪纹线“～”（3～5个），时间范围用一字线“—”（7—9月），不用连字符“-”',
      en: 'Ranges of numbers take "～" (3～5个) and spans of time "—" (7—9月), not a hyphen',
    },
    messages: {
      numeric: {
        'zh-CN': '数值范围“{found}”应使用浪纹线“～”连接，应为“{expected}”（GB/T 15834—2011）',
        en: 'Numeric range "{found}" takes the wave dash "～": "{expected}" (GB/T 15834-2011)',
      },
      time: {
        'zh-CN': '时间范围“{found}”应使用一字线“—”连接，应为“{expected}”（GB/T 15834—2011）',
        en: 'Span of time "{found}" takes the em dash "—": "{expected}" (GB/T 15834-2011)',
      },
      approximation: {
        'zh-CN': '“{found}”中表示不足的“近/不足”与表示超出的“多/余/以上”同时使用，概数自相矛盾，应只保留一种（GB/T 15835—2011 概数）',
        en: '"{found}" says both "nearly" and "over": the approximation contradicts itself; keep one (GB/T 15835-2011)',
      },
      approximationRedundant: {
        'zh-CN': '“{found}”中“约”与“左右”重复，应只保留一个（GB/T 15835—2011 概数）',
        en: '"{found}" says "about" twice (约 and 左右); keep one (GB/T 15835-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines } = report;
    const problems: Problem[] = [];
    // The lines that hold a number, a dash and a number, found by one scan of the document
    // rather than a test of every line (the pattern cannot cross a line end).
    for (let from = 0; from < text.length; ) {
      CANDIDATE.lastIndex = from;
      const hit = CANDIDATE.exec(text);
      if (hit === null) break;
      const line = lines.lineAt(hit.index);
      checkLine(text, line, report, problems);
      from = line + 1 < lines.count ? lines.start(line + 1) : text.length;
    }
    // A number's approximation stated twice over (近1700多条, 约300人左右): how its span is
    // written, as a range's dash is (number-approx.ts).
    const approx = contradictoryApproximations(report);
    if (approx.length === 0) return problems;
    return [...problems, ...approx].sort((x, y) => x.start - y.start);
  },
};
