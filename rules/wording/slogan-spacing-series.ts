/**
 * A series formulation whose parts are joined by 顿号 in its source, written with one or more
 * of those 顿号 replaced by a comma or a space while the others stay (`以学铸魂、以学增智，以学正风、
 * 以学促干`, `学思想、强党性 重实践、建新功`), for `slogan-spacing`: one series separated two
 * ways at once. The series are the verified entries of rules/data/slogans.yaml of three to
 * eight short Han parts joined by 、 (slogan-variants.ts `isSeries`); the pages corpus quotes
 * them with 、 throughout (以学铸魂…以学促干, 学思想…建新功: 8 pages each, none mixed). So are
 * the entries that run three or more such `parts` together (忠诚干净担当): written with 、 by
 * the writer, one 、 mixed with a space or comma (`忠诚 干净、担当`) is the same slip, fixed
 * to the parts joined by 、.
 *
 * Read: the parts of one entry in its order, each joined to the next by 、, a full-width or
 * ASCII comma, or a run of one to three spaces (ASCII or full width), at least one 、 kept and
 * at least one other mark. Quiet: the series with 、 throughout; all its marks replaced the
 * same way (`学思想 强党性 重实践 建新功`, a slogan set with spaces, which the quotation check
 * of slogan-spacing reads); parts run together (slogan-canonical's `separator` forms);
 * opaque text; the wording of another entry (`学党章党规、学系列讲话，做合格党员`, the source's
 * own beside the 、 form). slogan-canonical leaves a space at these places to this check (slogan-gaps.ts).
 * A formulation of two parts of 3–8 Han characters joined by 、 (不忘初心、牢记使命) written with a
 * space in its place (`坚持不忘初心 牢记使命`, quoted or not) is read too: its one 顿号 replaced,
 * there is no 、 kept to mix with, and a space has no place in Chinese prose.
 * The fix writes the series with 、 throughout. Severity warning where the rule is at its
 * default (information): the source's own wording changed, as slogan-canonical reports a 顿号
 * of a series dropped, not the document's style. Offsets are UTF-16 code units.
 */
import { pairFilter } from '../model/pair-filter';
import type { Report } from '../model/report';
import type { SloganEntry } from '../data/slogans';
import type { Problem } from '../types';
import { ENTRIES, GOOD } from './slogan-index';
import { isSeries } from './slogan-variants';
import { framedParts } from './slogan-patterned';

/** A series entry, its parts, and a sticky pattern matching it with any of the marks between parts. */
interface SeriesPattern {
  entry: SloganEntry;
  first: string;
  pattern: RegExp;
  /** For a formulation that runs its parts together in its source: its parts joined by 、 (the fix); null for a series written with 、. */
  joined: string | null;
  /** A two-part formulation (不忘初心、牢记使命): read only with a space in place of its 顿号. */
  pair?: true;
}

/** Between the two parts of a two-part formulation: one to three spaces (ASCII or full width). */
const SPACE = '([ \\u3000]{1,3})';
/** The length (characters) of each part of a two-part formulation read with a space. */
const PAIR_PART_MIN = 3;
const PAIR_PART_MAX = 8;

/** Between two parts: a 顿号, a comma, or one to three spaces. */
const MARK = '(、|，|,|[ \\u3000]{1,3})';
/**
 * Between two parts of a formulation its source runs together: as MARK, or nothing. A 顿号 at
 * one junction and none at the next (`共建、共治共享`) is the same series marked two ways.
 */
const RUN_MARK = '(、|，|,|[ \\u3000]{1,3}|)';

let SERIES: SeriesPattern[] | null = null;

/** The series entries with their patterns; made on first use. */
function series(): SeriesPattern[] {
  if (SERIES !== null) return SERIES;
  SERIES = ENTRIES.filter((e) => isSeries(e.canonical)).map((entry) => {
    const parts = entry.canonical.split('、');
    return { entry, first: parts[0], pattern: new RegExp(parts.join(MARK), 'uy'), joined: null };
  });
  // A formulation that runs its parts together (忠诚干净担当, parts 忠诚, 干净, 担当): written
  // with 顿号 it is the same series (忠诚、干净、担当, pages corpus passim), and a 顿号 mixed
  // with a space or a comma (`忠诚 干净、担当`) the same slip.
  for (const entry of ENTRIES) {
    const { parts, canonical } = entry;
    const joined = parts.join('、');
    if (isSeries(canonical) || parts.length < 3 || parts.join('') !== canonical || !isSeries(joined)) continue;
    SERIES.push({ entry, first: parts[0], pattern: new RegExp(parts.join(RUN_MARK), 'uy'), joined });
  }
  // One without listed parts whose characters fall into three or more parts of one frame
  // (共建共治共享: 共X thrice; slogan-patterned.ts `framedParts`) is read the same way.
  for (const entry of ENTRIES) {
    if (entry.parts.length > 0 || isSeries(entry.canonical)) continue;
    const parts = framedParts(entry.canonical);
    if (parts === null || !isSeries(parts.join('、'))) continue;
    SERIES.push({ entry, first: parts[0], pattern: new RegExp(parts.join(RUN_MARK), 'uy'), joined: parts.join('、') });
  }
  // A formulation of two parts joined by 、 (不忘初心、牢记使命, 踔厉奋发、勇毅前行) written with a
  // space in its place (`坚持不忘初心 牢记使命`): Chinese prose has no space between words, and
  // the source's 、 is gone. With a comma it is a paraphrase (slogan-canonical leaves
  // punctuation differences alone); run together, slogan-canonical's.
  for (const entry of ENTRIES) {
    const parts = entry.canonical.split('、');
    if (parts.length !== 2 || !parts.every((p) => p.length >= PAIR_PART_MIN && p.length <= PAIR_PART_MAX && /^\p{Script=Han}+$/u.test(p))) continue;
    SERIES.push({ entry, first: parts[0], pattern: new RegExp(parts.join(SPACE), 'uy'), joined: null, pair: true });
  }
  return SERIES;
}

/**
 * The findings (message `series`) for each series formulation of `report` written with 顿号
 * and another mark mixed between its parts, and (message `pairSpace`) each two-part one
 * written with a space for its 顿号, fixed to the canonical series; none in opaque text.
 */
export function mixedSeriesMarks({ text, opaque }: Report): Problem[] {
  const problems: Problem[] = [];
  // One pass over the text rules out most series before any is looked for (pair-filter.ts).
  const held = pairFilter(text);
  for (const { entry, first, pattern, joined, pair } of series()) {
    // A match opens with its first part as written (the parts are plain Han text, no regex
    // syntax): the sticky pattern is tried only where that part stands, each place found by
    // indexOf, in text order and past the last match — the matches a global scan finds.
    for (let at = held.indexOf(first); at !== -1; ) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      at = text.indexOf(first, m === null ? at + 1 : at + m[0].length);
      if (m === null) continue;
      const marks = m.slice(1);
      const other = marks.filter((s) => s !== '、');
      if (other.length === 0 || (other.length === marks.length && pair === undefined)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // The wording of another entry (the source's own `学党章党规、学系列讲话，做合格党员`
      // beside the 、 form reports quote it in): correct as written.
      if (opaque.overlaps(start, end) || GOOD.has(m[0])) continue;
      const sep = markName(other);
      if (joined !== null) {
        // Its source runs the parts together: the 顿号 form is the writer's, and GB/T
        // 15834-2011 4.5.3.1 asks for 、 at every junction of such a series.
        problems.push({ messageId: 'mixedSeries', data: { found: m[0], fixed: joined, sep: sep.zh, sepEn: sep.en }, start, end, fix: { start, end, text: joined }, severity: 'warning' });
        continue;
      }
      problems.push({
        messageId: pair === undefined ? 'series' : 'pairSpace',
        data: { found: m[0], canonical: entry.canonical, source: entry.source, sep: sep.zh, sepEn: sep.en },
        start,
        end,
        fix: { start, end, text: entry.canonical },
        // A 顿号 of the source's wording replaced: a misquote, as slogan-canonical's 顿号
        // dropped (`把方向、管大局保落实`) is, not a matter of the document's own style.
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** The name of the marks other than 、 between a series' parts (a comma, a space, none), for the message. */
function markName(other: readonly string[]): { zh: string; en: string } {
  const marked = other.filter((s) => s !== '');
  if (marked.length === 0) return { zh: '连写（不加标点）', en: 'parts run together' };
  const names = marked.every((s) => s === '，' || s === ',') ? { zh: '逗号', en: 'a comma' } : marked.every((s) => s.trim() === '') ? { zh: '空格', en: 'a space' } : { zh: '逗号和空格', en: 'commas and spaces' };
  if (marked.length === other.length) return names;
  return { zh: `${names.zh}和连写`, en: `${names.en} and parts run together` };
}
