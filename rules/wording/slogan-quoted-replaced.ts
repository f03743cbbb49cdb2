/**
 * A quoted formulation of six characters or more with one Han character replaced by any other
 * (`“我为群众办好事”` for 我为群众办实事, `“千村示范、万村整理”` for 千村示范、万村整治), for
 * `slogan-canonical`. The near-miss search (slogan-search.ts) takes a replaced character only
 * when it is a homophone or a look-alike, because unquoted the same letters are often the
 * writer's own phrase (为群众办好事 is ordinary prose). Quoted, the writer names the
 * formulation: the quotation marks hold exactly its length and all of it but one character,
 * so that character is a slip of memory (a word of like meaning: 好事/实事, 整理/整治).
 *
 * A quoted formulation with one Han character more at its end (`“人民城市人民建、人民城市为人民建”`)
 * is read here too (`extraAtEnd`), and one short of its last (`“三个区分开”` for 三个区分开来,
 * `droppedAtEnd`): the closing mark shows where the writer's form ends. So is a quoted series
 * of three or more parts with one part more at its end (`“对党忠诚、服务人民、执法公正、纪律严明、
 * 严于律己”`, `extraPart`): the writer's own words run into the formulation's marks.
 *
 * Compared: the verified entries of rules/data/slogans.yaml of 6 to 30 code units with no
 * quotation marks of their own. Quiet: a numeral in either place (another count is
 * slogan-numbered's and slogan-short's reading), a 、 or ， replaced, a quoted text that is
 * itself a formulation or correct phrase (GOOD), the project dictionary's phrases, opaque text,
 * and places another reading of the rule already reported. Offsets are UTF-16 code units.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import { ENTRIES, GOOD } from './slogan-index';
import { PARAPHRASE_INSERTIONS } from './slogan-words';

/** Lengths compared (code units): shorter forms are slogan-short's, longer ones are rare quoted whole. */
const MIN = 6;
const MAX = 30;
/** Numerals: a count changed is another reading's (slogan-numbered.ts, slogan-short.ts). */
const NUMERALS = /[一二两三四五六七八九十百千万双0-9０-９]/u;
/** The wildcard standing for the replaced character in the index keys. */
const HOLE = '\u0000';

let INDEX: Map<string, SloganEntry> | null = null;

/**
 * The entries by each form with one Han character turned into HOLE: the key a quoted text with
 * that character replaced shares with its formulation. Built on first use; a key two entries
 * share is dropped (the slip could be of either).
 */
function index(): Map<string, SloganEntry> {
  if (INDEX !== null) return INDEX;
  const map = new Map<string, SloganEntry | null>();
  for (const entry of ENTRIES) {
    const c = entry.canonical;
    if (c.length < MIN || c.length > MAX || /[“”‘’]/u.test(c)) continue;
    for (let i = 0; i < c.length; i++) {
      if (!isHanCode(c.charCodeAt(i)) || NUMERALS.test(c[i])) continue;
      const key = c.slice(0, i) + HOLE + c.slice(i + 1);
      map.set(key, map.has(key) && map.get(key) !== entry ? null : entry);
    }
  }
  INDEX = new Map();
  for (const [key, entry] of map) if (entry !== null) INDEX.set(key, entry);
  return INDEX;
}

/**
 * Adds a `wrong` finding (fixed to the formulation) for each quotation of `report` that is a
 * verified formulation with one Han character replaced, unless it overlaps a problem already
 * there.
 *
 * @param quiet the project dictionary's accepted words and formulations
 */
export function quotedReplaced({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  // One pass over the quotations of MIN − 1 to MAX code units: those of MIN or more may be a
  // formulation with a character replaced or added; those up to MAX − 1, one short of its last.
  const quote = /“([^“”\n\r]{5,30})”/gu;
  for (let m = quote.exec(text); m !== null; m = quote.exec(text)) {
    const found = m[1];
    const start = m.index + 1;
    const end = start + found.length;
    if (found.length >= MIN) replacedOrExtra(text, opaque, start, end, found, problems, quiet);
    if (found.length < MAX) droppedAtEnd(text, start, end, found, problems, opaque, quiet);
    extraPart(text, start, end, found, problems, opaque, quiet);
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * The quotation `found` (`[start, end)` of `text`, UTF-16 code units) read as a compared
 * formulation with one Han character replaced (`wrong`) or one more at its end (`extraAtEnd`),
 * each added to `problems` as `quotedReplaced` describes.
 */
function replacedOrExtra(text: string, opaque: Report['opaque'], start: number, end: number, found: string, problems: Problem[], quiet: readonly string[] | null): void {
  if (GOOD.has(found)) return;
  for (let i = 0; i < found.length; i++) {
    if (!isHanCode(found.charCodeAt(i)) || NUMERALS.test(found[i])) continue;
    const entry = index().get(found.slice(0, i) + HOLE + found.slice(i + 1));
    if (!entry) continue;
    const expected = entry.canonical[i];
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) break;
    if (problems.some((p) => p.start < end && start < p.end)) break;
    problems.push({
      messageId: 'wrong',
      data: { found, canonical: entry.canonical, source: entry.source, char: found[i], expected },
      start,
      end,
      fix: { start: start + i, end: start + i + 1, text: expected },
    });
    break;
  }
  extraAtEnd(text, start, end, found, problems, opaque, quiet);
}

let WHOLE: Map<string, SloganEntry> | null = null;

/** The compared entries (as `index`) by their canonical form. Built on first use. */
function whole(): Map<string, SloganEntry> {
  if (WHOLE !== null) return WHOLE;
  WHOLE = new Map();
  for (const entry of ENTRIES) {
    const c = entry.canonical;
    if (c.length >= MIN && c.length <= MAX && !/[“”‘’]/u.test(c)) WHOLE.set(c, entry);
  }
  return WHOLE;
}

/**
 * Adds an `extra` finding for the quotation `found` (`[start, end)` of `text`) that is a
 * compared formulation with one more Han character at its end (`“人民城市人民建、人民城市为人民建”`,
 * the second half made to rhyme): the closing mark shows where the writer's form ends, which
 * unquoted text cannot (slogan-search.ts leaves the ends alone). Fixed by deleting it. Quiet
 * where a reading already reported the quotation, and as `quotedReplaced` is.
 */
function extraAtEnd(text: string, start: number, end: number, found: string, problems: Problem[], opaque: Report['opaque'], quiet: readonly string[] | null): void {
  const last = found.length - 1;
  if (!isHanCode(found.charCodeAt(last)) || NUMERALS.test(found[last])) return;
  const entry = whole().get(found.slice(0, last));
  if (!entry || GOOD.has(found)) return;
  if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) return;
  if (problems.some((p) => p.start < end && start < p.end)) return;
  problems.push({ messageId: 'extra', data: { found, canonical: entry.canonical, source: entry.source, char: found[last] }, start, end, fix: { start: end - 1, end, text: '' } });
}

let SHORTENED: Map<string, SloganEntry> | null = null;

/**
 * The compared entries (as `index`) by their form without its last character, where that
 * character is Han, no numeral and no joining word (的, 之, 和, 与, 及: a paraphrase drops
 * them). Built on first use; a form two entries share is dropped.
 */
function shortened(): Map<string, SloganEntry> {
  if (SHORTENED !== null) return SHORTENED;
  const map = new Map<string, SloganEntry | null>();
  for (const entry of whole().values()) {
    const c = entry.canonical;
    const last = c[c.length - 1];
    if (!isHanCode(c.charCodeAt(c.length - 1)) || NUMERALS.test(last) || PARAPHRASE_INSERTIONS.has(last)) continue;
    const key = c.slice(0, -1);
    map.set(key, map.has(key) && map.get(key) !== entry ? null : entry);
  }
  SHORTENED = new Map();
  for (const [key, entry] of map) if (entry !== null) SHORTENED.set(key, entry);
  return SHORTENED;
}

/**
 * Adds a `dropped` finding for the quotation `found` (`[start, end)` of `text`) that is a
 * compared formulation short of its last character (`“三个区分开”`): the search leaves a
 * form's ends alone unquoted (slogan-search.ts), where the text around may finish it, but the
 * closing mark shows the writer's form ends there. Fixed by adding the character. Quiet for a
 * quotation that is itself a formulation or correct phrase (GOOD), where a reading already
 * reported it, and as `quotedReplaced` is.
 */
function droppedAtEnd(text: string, start: number, end: number, found: string, problems: Problem[], opaque: Report['opaque'], quiet: readonly string[] | null): void {
  const entry = shortened().get(found);
  if (!entry || GOOD.has(found) || whole().has(found)) return;
  if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) return;
  if (problems.some((p) => p.start < end && start < p.end)) return;
  const char = entry.canonical[entry.canonical.length - 1];
  problems.push({ messageId: 'dropped', data: { found, canonical: entry.canonical, source: entry.source, char }, start, end, fix: { start: end, end, text: char } });
}

/**
 * Adds an `extraPart` finding for the quotation `found` (`[start, end)` of `text`) that is a
 * compared formulation written as a 、-series of three or more parts, with one more part after
 * its last (`“对党忠诚、服务人民、执法公正、纪律严明、严于律己”`: the police's four-part charge
 * and a phrase of the writer's). No fix is offered: whether the series is closed is a judgement.
 * Quiet where the series is known to go on in a longer formulation (富强、民主、文明、和谐 is a
 * group of the core values, and 富强、民主、文明、和谐、美丽 the goal of the 2018 Constitution:
 * `continued`), where the added part ends as the last one does (a series extended in its own
 * pattern: `…纪律建设、制度建设`, `…文化自信、历史自信`), for a quotation that is itself a formulation
 * or correct phrase (GOOD), where a reading already reported it, and as `quotedReplaced` is.
 */
function extraPart(text: string, start: number, end: number, found: string, problems: Problem[], opaque: Report['opaque'], quiet: readonly string[] | null): void {
  const cut = found.lastIndexOf('、');
  if (cut <= 0) return;
  const series = found.slice(0, cut);
  const entry = whole().get(series);
  if (!entry || entry.canonical.split('、').length < 3 || GOOD.has(found) || continued().has(series)) return;
  const added = found.slice(cut + 1);
  if (added.length === 0 || added[added.length - 1] === series[series.length - 1]) return;
  if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) return;
  if (problems.some((p) => p.start < end && start < p.end)) return;
  problems.push({ messageId: 'extraPart', data: { found, canonical: entry.canonical, source: entry.source, part: added }, start, end });
}

let CONTINUED: Set<string> | null = null;

/**
 * Every run of three or more parts of an entry's 、-series or `parts` that the entry goes on after
 * (富强、民主、文明、和谐 in the core values' twelve): quoted with one more part, such a run may
 * be the longer series quoted in part. Built on first use.
 */
function continued(): Set<string> {
  if (CONTINUED !== null) return CONTINUED;
  CONTINUED = new Set();
  for (const entry of ENTRIES) {
    for (const parts of [entry.canonical.split('、'), entry.parts]) {
      for (let from = 0; from + 3 < parts.length; from++) {
        for (let to = from + 3; to < parts.length; to++) CONTINUED.add(parts.slice(from, to).join('、'));
      }
    }
  }
  return CONTINUED;
}
