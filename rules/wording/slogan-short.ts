/**
 * A quoted short formulation (four or five Han characters) misquoted in a way the
 * one-character search (slogan-search.ts) leaves to long forms, for `slogan-canonical`:
 * - two neighbouring characters swapped (`“三重大一”` for 三重一大): the near-miss search
 *   compares swaps only in forms of six characters or more, where a swap in a short form
 *   unquoted is too often two words read across (`一大` … `大一`);
 * - in a formulation that counts with two numerals or more (三会一课, 两学一做, 三重一大),
 *   its 一 replaced by another numeral, the others kept (`“三会两课”`): the word counted
 *   (课) stays, so the number is the slip. The larger counts are not compared: real
 *   reports scale them down for smaller bodies (`两会一课`), a local form, not a slip;
 * - in a four-character formulation of two counted words (N X N Y: 三会一课, 两学一做), the
 *   two words exchanged, the numerals in place (`“三课一会”`): the pages corpus writes the
 *   branch's system 三会一课 every time, and no writer counts 三课 of anything;
 * - in the same counted formulations, a mark typed for its 一 (`“三会—课”`, `两学ー做制度`):
 *   a dash, the katakana prolonged-sound mark, a full-width hyphen or the digit 1
 *   (lookalikes.yaml `numeral_marks`); a dash joins two terms, it is never part of a name.
 *
 * Only where the writer names the formulation: the quotation marks hold exactly the
 * misquoted form, or, for a numeral, the form stands right before 制度 (`三会两课制度`).
 * Unquoted, a short swapped form is as likely a phrase of its own. Quiet when the form is
 * itself a formulation or correct phrase (slogans.yaml), or in the project dictionary.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { isHanCode } from '../model/script';
import { ENTRIES, GOOD } from './slogan-index';
import { closingWithin } from './slogan-order';
import { numeralMarks } from '../data/lookalikes';

/** Shortest and longest formulation compared (code units). */
const SHORT_MIN = 4;
const SHORT_MAX = 5;
/**
 * Longest counted formulation compared for its numbers (三会两制一课): a swap in a form of six
 * is the near-miss search's (slogan-search.ts), a number changed in it is not.
 */
const COUNTED_MAX = 6;
/** Numerals of a counted formulation (双 counts like 两: 一岗双责). */
const NUMERALS = '一二两三四五六七八九十双';

/**
 * Counted shapes whose numbers are not fixed: N位一体 is a productive pattern (三位一体 an
 * idiom, 四位一体 a common name of local models), so `四位一体` is no misquote of 五位一体.
 */
const OPEN_PATTERN = /位一体$/u;

interface Misquote {
  entry: SloganEntry;
  kind: 'swapped' | 'count' | 'words' | 'mark';
  /**
   * For a count of meetings lowered (`两会一课` for 三会一课): the canonical number. Such a
   * count is scaled down in real use for a smaller body (a branch without a committee holds
   * 两会), so it is a slip only where its sentence lists more meetings than it says.
   */
  meetings?: number;
}

/** The numerals' values (两 and 双 count two). */
const VALUES: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** The counted word of a meetings count (三会): lowered in real use for smaller bodies. */
const MEETING = '会';

/** Every misquote of the short verified entries, by its text. A form two entries yield is left out (which one was meant cannot be told). */
const FORMS = ((): Map<string, Misquote | null> => {
  const map = new Map<string, Misquote | null>();
  const add = (form: string, m: Misquote): void => {
    if (form === m.entry.canonical || GOOD.has(form)) return;
    const had = map.get(form);
    map.set(form, had === undefined || had?.entry === m.entry ? m : null);
  };
  for (const entry of ENTRIES) {
    const c = entry.canonical;
    if (c.length < SHORT_MIN || c.length > COUNTED_MAX) continue;
    if (![...c].every((ch) => isHanCode(ch.charCodeAt(0)))) continue;
    for (let k = 0; k + 1 < c.length && c.length <= SHORT_MAX; k++) {
      if (c[k] !== c[k + 1]) add(c.slice(0, k) + c[k + 1] + c[k] + c.slice(k + 2), { entry, kind: 'swapped' });
    }
    const numerals = [...c].filter((ch) => NUMERALS.includes(ch)).length;
    if (numerals < 2 || OPEN_PATTERN.test(c)) continue;
    // N X N Y with its counted words exchanged (三会一课 → 三课一会).
    if (c.length === 4 && NUMERALS.includes(c[0]) && NUMERALS.includes(c[2]) && !NUMERALS.includes(c[1]) && !NUMERALS.includes(c[3]) && c[1] !== c[3]) {
      add(c[0] + c[3] + c[2] + c[1], { entry, kind: 'words' });
    }
    // Any of its numbers changed (一课 → 两课, 两制 → 一制: `三会一制一课` for 三会两制一课).
    // A count of meetings lowered (三会 → 两会) is scaled down in real use for smaller bodies
    // (两会一课 for a branch without a committee, in the probes' police-bureau report): kept
    // with its number, a slip only where the sentence lists more meetings (shortMisquotes).
    for (let k = 0; k < c.length; k++) {
      const own = VALUES[c[k]];
      if (own === undefined) continue;
      for (const n of NUMERALS) {
        if (VALUES[n] === own) continue;
        const lowered = VALUES[n] < own && c[k + 1] === MEETING;
        add(c.slice(0, k) + n + c.slice(k + 1), lowered ? { entry, kind: 'count', meetings: own } : { entry, kind: 'count' });
      }
    }
    // Every number in Arabic digits (`“3会1课”`): the name is spelled in Chinese numerals.
    add([...c].map((ch) => (VALUES[ch] === undefined ? ch : String(VALUES[ch]))).join(''), { entry, kind: 'count' });
    for (let k = c.indexOf('一'); k !== -1; k = c.indexOf('一', k + 1)) {
      // A mark typed for 一 (`三会—课`, `两学ー做`): a dash or a prolonged-sound mark looks like
      // it, 1 is the same number; none belongs inside the name.
      for (const mark of numeralMarks.get('一') ?? []) add(c.slice(0, k) + mark + c.slice(k + 1), { entry, kind: 'mark' });
    }
  }
  return map;
})();

/**
 * Adds to `problems` each quoted short formulation of `report` with two neighbours swapped
 * (message `swapped`), one of its numerals replaced (message `count`), a mark typed for its
 * 一 (message `wrong`) or its two counted words exchanged (message `order`), fixed to the
 * formulation, unless it overlaps a problem already there or lies in opaque text.
 *
 * @param quiet the project dictionary's accepted words and formulations
 */
export function shortMisquotes({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  const report = (start: number, end: number, quoted: boolean): void => {
    const found = text.slice(start, end);
    const m = FORMS.get(found);
    if (!m || (m.kind === 'swapped' && !quoted)) return;
    if (quiet !== null && quiet.includes(found)) return;
    if (m.meetings !== undefined && meetingsListed(text, end) < m.meetings) return;
    if (opaque.overlaps(start, end) || problems.some((p) => p.start < end && start < p.end)) return;
    const { canonical, source } = m.entry;
    const fix = { start, end, text: canonical };
    if (m.kind === 'swapped') {
      let k = 0;
      while (found[k] === canonical[k]) k++;
      problems.push({ messageId: 'swapped', data: { found, canonical, source, chars: found.slice(k, k + 2) }, start, end, fix });
    } else if (m.kind === 'mark') {
      let k = 0;
      while (found[k] === canonical[k]) k++;
      problems.push({ messageId: 'wrong', data: { found, canonical, source, char: found[k], expected: canonical[k] }, start, end, fix });
    } else if (m.kind === 'words') problems.push({ messageId: 'order', data: { found, canonical, source }, start, end, fix });
    else problems.push({ messageId: 'count', data: { found, canonical, source, expected: canonical }, start, end, fix });
  };
  // Quoted: “…” holding four or five characters.
  for (let open = text.indexOf('“'); open !== -1; open = text.indexOf('“', open + 1)) {
    // Only the next SHORT_MAX + 1 code units are read: linear however many “ stay unclosed.
    const close = closingWithin(text, open + 1, COUNTED_MAX + 1);
    if (close - open - 1 >= SHORT_MIN) report(open + 1, close, true);
  }
  // Before 制度: the counted forms only (a numeral changed or marked, or the counted words exchanged).
  for (let at = text.indexOf('制度'); at !== -1; at = text.indexOf('制度', at + 2)) {
    for (let len = SHORT_MIN; len <= COUNTED_MAX; len++) {
      if (at - len < 0 || text[at - len - 1] === '“') continue;
      report(at - len, at, false);
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** A meeting named in a list (`支部党员大会4次、支委会14次`, `党员大会、支委会和党小组会`): 会 before a count of times or a list mark. */
const MEETING_ITEM = /\p{Script=Han}会(?=[0-9０-９一二三四五六七八九十两]{1,3}次|[、，和及])/gu;
/** How far the sentence after a counted form is read for its meetings (code units). */
const MEETINGS_REACH = 80;

/**
 * How many meetings the sentence after `end` lists (each X会 before a count of times or a
 * list mark), up to its end (。；！？ or a line end), at most MEETINGS_REACH code units: the
 * writer's own account of the 会 his count names.
 */
function meetingsListed(text: string, end: number): number {
  let stop = end;
  const limit = Math.min(text.length, end + MEETINGS_REACH);
  while (stop < limit && !'。；;！？!?\n'.includes(text[stop])) stop++;
  return text.slice(end, stop).match(MEETING_ITEM)?.length ?? 0;
}
