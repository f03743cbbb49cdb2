/**
 * Emphasis that CommonMark leaves unclosed next to Chinese punctuation.
 *
 * CommonMark (0.31.2, §6.2 "Emphasis and strong emphasis") lets a `*` run close only when
 * it is right-flanking: not preceded by whitespace, and either not preceded by punctuation
 * or followed by whitespace or punctuation. So in `**一是强化学习。**坚持…` the second `**`,
 * after 。 and before 坚, cannot close, and the reader sees literal asterisks
 * (commonmark-spec issue 650; design.md "Markdown pitfalls"). The same holds for an opening
 * run followed by an opening quote and preceded by a Han character (`坚持**“三会一课”**制度`).
 *
 * This module finds such pairs once per report, line by line, by the flanking rules of
 * §6.2 applied to the source's `*` runs (outside code, HTML, tables and URLs, which the
 * one parse marks opaque): a pair whose opener cannot open or whose closer cannot close,
 * and which can once the punctuation moves outside the markers — unless both runs stand
 * right before a place's suffix (`**镇…。**镇`), which makes them two redaction marks. The rule
 * `emphasis-cjk` reports them; `placeholder` leaves them alone (they are emphasis, not
 * redaction marks).
 */
import { placeholders } from '../data/index';
import type { Report } from './report';

/** A pair of literal `*` runs that were meant as emphasis. Offsets in UTF-16 code units. */
export interface UnclosedEmphasis {
  /** Start of the opening run. */
  start: number;
  /** End of the closing run. */
  end: number;
  /** `*` or `**` (or longer). */
  marker: string;
  /** The text with the blocking punctuation moved outside the markers. */
  replacement: string;
}

const STAR = 0x2a;
const BACKSLASH = 0x5c;
/** Opening marks that keep a following run from opening when a Han character precedes it. */
const OPENING = new Set([...'“‘（(《〈【〔「『']);
/**
 * Closing and stopping marks that keep a preceding run from closing when a Han character
 * follows it. 、 is left out on purpose: `*村、江南村、*村` is two redaction marks.
 */
const CLOSING = new Set([...'。，；：！？”’）)》〉】〕」』…—']);
/** Each closing mark's opening partner. */
const PARTNER = new Map([...'”“’‘）（)(》《〉〈】【〕〔」「』『'].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]] as const] : [])));
/** Marks after which an opener starts a new sentence or clause lead-in (`。**二是…`). */
const STOPS = new Set([...'。；：！？']);
/** What may stand before an opener at the start of a line's content: indentation, #, >, list markers. */
const LINE_LEAD = /^\s{0,8}(?:(?:#{1,6}|[-+*]|\d{1,3}[.)]|>)\s{1,4}){0,4}$/;
const MAX_LINE_LEAD = 48;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

const cache = new WeakMap<Report, readonly UnclosedEmphasis[]>();

/**
 * The unclosed emphasis pairs of `report`, in document order, computed once per report.
 *
 * @returns pairs with UTF-16 offsets into `report.text`; empty when the text has no `*`
 */
export function unclosedEmphasis(report: Report): readonly UnclosedEmphasis[] {
  let found = cache.get(report);
  if (!found) {
    found = report.text.includes('*') ? Object.freeze(findPairs(report)) : [];
    cache.set(report, found);
  }
  return found;
}

interface Run {
  start: number;
  end: number;
}

function findPairs(report: Report): UnclosedEmphasis[] {
  const { text, lines, opaque } = report;
  const pairs: UnclosedEmphasis[] = [];
  // Line by line: in a draft without blank lines the whole report is one paragraph, and a
  // run that cannot close may open bold that spills over later lines, so the whole parse
  // does not show the pair a writer meant on one line.
  for (let at = text.indexOf('*'); at !== -1; ) {
    const line = lines.lineAt(at);
    const lineStart = lines.start(line);
    const lineEnd = lines.end(line);
    at = text.indexOf('*', lineEnd);
    const lineText = text.slice(lineStart, lineEnd);
    const runs = starRuns(lineText).filter((run) => !opaque.at(lineStart + run.start));
    for (let i = 0; i + 1 < runs.length; i++) {
      const open = runs[i];
      const close = runs[i + 1];
      if (open.end - open.start !== close.end - close.start) continue;
      if (canOpen(lineText, open) && canClose(lineText, close)) continue;
      const pair = repair(lineText, open, close);
      if (pair && mendedPairWorks(lineText, pair)) {
        pairs.push({ start: pair.start + lineStart, end: pair.end + lineStart, marker: pair.marker, replacement: pair.replacement });
        i++;
      }
    }
  }
  return pairs;
}

/** The unescaped runs of `*` in a line. */
function starRuns(line: string): Run[] {
  const runs: Run[] = [];
  for (let at = line.indexOf('*'); at !== -1; at = line.indexOf('*', at)) {
    let end = at;
    while (line.charCodeAt(end) === STAR) end++;
    if (!escaped(line, at)) runs.push({ start: at, end });
    at = end;
  }
  return runs;
}

/** Whether line[at] follows an odd number of backslashes. */
function escaped(line: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && line.charCodeAt(at - n - 1) === BACKSLASH) n++;
  return n % 2 === 1;
}

/** CommonMark §6.2: a `*` run can open iff it is left-flanking (a line's ends count as whitespace). */
function canOpen(line: string, run: Run): boolean {
  const before = line[run.start - 1];
  const after = line[run.end];
  if (after === undefined || isSpace(after)) return false;
  return !isPunctuation(after) || before === undefined || isSpace(before) || isPunctuation(before);
}

/** CommonMark §6.2: a `*` run can close iff it is right-flanking. */
function canClose(line: string, run: Run): boolean {
  const before = line[run.start - 1];
  const after = line[run.end];
  if (before === undefined || isSpace(before)) return false;
  return !isPunctuation(before) || after === undefined || isSpace(after) || isPunctuation(after);
}

/** Whether, with the pair mended in its line, its opener can open and its closer can close. */
function mendedPairWorks(line: string, pair: UnclosedEmphasis): boolean {
  const mended = `${line.slice(0, pair.start)}${pair.replacement}${line.slice(pair.end)}`;
  const width = pair.marker.length;
  const open = pair.start + pair.replacement.indexOf(pair.marker);
  const close = pair.start + pair.replacement.lastIndexOf(pair.marker);
  return canOpen(mended, { start: open, end: open + width }) && canClose(mended, { start: close, end: close + width });
}

/** The pair with its blocking punctuation moved outside, or null when punctuation is not the cause. */
function repair(text: string, open: Run, close: Run): UnclosedEmphasis | null {
  if (close.start <= open.end) return null;
  const before = text[open.start - 1];
  const after = text[close.end];
  // Leading opening marks block the opener only when a non-space, non-punctuation precedes it.
  let lead = open.end;
  if (before !== undefined && !isSpace(before) && !isPunctuation(before)) {
    while (lead < close.start && OPENING.has(text[lead])) lead++;
  }
  // Trailing closing marks block the closer only when a non-space, non-punctuation follows it.
  let trail = close.start;
  if (after !== undefined && !isSpace(after) && !isPunctuation(after)) {
    while (trail > lead && CLOSING.has(text[trail - 1])) trail--;
  }
  if (lead === open.end && trail === close.start) return null;
  // A quotation moved out at one end takes its other mark along: `**“红色物业”**品牌` is
  // mended as `“**红色物业**”品牌`, not `**“红色物业**”品牌`.
  if (lead === open.end && trail < close.start && PARTNER.get(text[trail]) === text[lead]) lead++;
  if (trail === close.start && lead > open.end && PARTNER.get(text[lead - 1]) === text[trail - 1]) trail--;
  if (trail <= lead) return null;
  // Redaction marks (`成立*村、江南村、*村…；*村`) also come in pairs around punctuation.
  // Emphasis is told from them by where it stands: it opens a line or a sentence (bold
  // 一是 lead-ins), or it wraps a whole quotation or title (`**“三会一课”**`).
  const wrapsQuotation = lead > open.end && trail < close.start;
  const opensSentence = (open.start <= MAX_LINE_LEAD && LINE_LEAD.test(text.slice(0, open.start))) || STOPS.has(before);
  if (!wrapsQuotation && !opensSentence) return null;
  // Both runs right before a place's or body's suffix (`**镇地处市郊，…。**镇党委下设…`): each
  // stands for a name, as in `*村、江南村、*村`; bold text does not begin with a bare 镇 twice.
  if (isNameSuffix(text[open.end]) && isNameSuffix(after)) return null;
  const marker = text.slice(open.start, open.end);
  const core = text.slice(lead, trail);
  if (isSpace(core[0]) || isSpace(core[core.length - 1])) return null;
  return {
    start: open.start,
    end: close.end,
    marker,
    replacement: `${text.slice(open.end, lead)}${marker}${core}${marker}${text.slice(trail, close.start)}`,
  };
}

/** Whether `c` is a place's or body's suffix (镇, 村, 区 …: rules/data/placeholders.yaml). */
function isNameSuffix(c: string | undefined): boolean {
  return c !== undefined && placeholders.nameSuffixes.includes(c);
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && WHITESPACE.test(c);
}

function isPunctuation(c: string): boolean {
  return PUNCTUATION.test(c);
}
