/**
 * respectively-count: "A、B分别…X、Y" pairs subjects and values one to one, so there must
 * be as many values as subjects.
 *
 * Subjects are read in the clause before 分别: a list joined by 、 and at most one 和/及/
 * 与/以及 at its end ("5个村党组织和党组织书记": two); or one numbered subject that counts
 * its members ("3名社区党支部书记分别荣获一、二、三等奖": three). A clause with a single
 * unnumbered subject ("履诺率分别达到95%、97%") reuses the subjects of the sentence's
 * previous 分别. A numbered subject is only held to having at least as many members as
 * values ("18个村分别达到三星级、四星级" may share values loosely). Values are the first list
 * of two or more numbers in the clause after 分别,
 * in one unit (or the unit only on the last: "一、二、三等奖"). Times ("分别于3月、5月") and
 * anything unsure (a subject list with two conjunctions; numbered groups "1名…、3名…"
 * against neither their count nor their total) stay quiet.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { isChineseNumeralCode } from '../model/numerals';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { checked, clauseEnd, clauseStart, maskNested, NUMBER_SOURCE, oneOf, quantitiesIn, sentenceStart } from './sentence';

const words = sentenceNumbers.respectively;
const ITEM_SOURCE = `第?${NUMBER_SOURCE}(?:万|亿)?(?:余|多)?(?:${words.valueUnits})?(?:以上|以下|左右)?`;
/** One value: groups 1 = number with its 第, 2 = unit. */
const ITEM = new RegExp(`^(第?${NUMBER_SOURCE})(?:万|亿)?(?:余|多)?(${words.valueUnits})?(?:以上|以下|左右)?`, 'u');
/** A run of two or more values joined by 、 or 和 (each part bounded: linear). */
const VALUE_RUN = new RegExp(`${ITEM_SOURCE}(?:[、和及]${ITEM_SOURCE})+`, 'gu');
const DIGIT_OR_NUMERAL = /[\d零〇一二三四五六七八九十百千两]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CONJUNCTIONS = [...words.conjunctions];
/** First code units of the conjunctions: the only places a conjunction word may start. */
const CONJUNCTION_FIRST = [...new Set(CONJUNCTIONS.map((w) => w.charCodeAt(0)))];
/** What joins two values in a VALUE_RUN: a clause with none of these holds no run. */
const VALUE_JOINERS = ['、', '和', '及'];
/** Words that may open a numbered subject's clause: "全镇27个村", "共3名". */
const SUBJECT_LEAD = /^(?:其中|共有|共|有|另有)?$/u;
/** The longest clause (UTF-16 units) read as the subjects of 分别. */
const SUBJECT_MAX = 60;

interface Subjects {
  count: number;
  /** For the message: the subjects as written, joined by 、. */
  text: string;
  start: number;
  end: number;
}

export const respectivelyCount: Rule = {
  id: 'respectively-count',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '“分别”前后一一对应：主体有几个，数值就有几个',
      en: 'With 分别 (respectively), as many values as subjects',
    },
    messages: {
      mismatch: {
        'zh-CN': '“分别”对应的主体有{count}个（{subjects}），数值却有{valueCount}个（{values}），二者个数应一致 ✗',
        en: '分别 (respectively) pairs {count} subjects ({subjects}) with {valueCount} values ({values}); the counts should match ✗',
      },
      ok: {
        'zh-CN': '“分别”对应的主体{count}个（{subjects}）与数值{valueCount}个（{values}）一一对应 ✓',
        en: '分别 (respectively) pairs {count} subjects ({subjects}) with {valueCount} values ({values}) ✓',
      },
      subjects: { 'zh-CN': '主体：{subjects}', en: 'subjects: {subjects}' },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    // Quantities are in document order and never cross a line: searched in the whole list,
    // a clause's range finds the same ones as a list of its line (no per-line index to build).
    const quantities = report.quantities;
    const { text, lines } = report;
    // 分别 is searched in the whole text (a rare word), not line by line; a line's state (the
    // subjects of its previous 分别) starts afresh on each new line.
    let lineEnd = -1;
    let lineText = '';
    let from = 0;
    let previous: { sentence: number; subjects: Subjects } | null = null;
    for (let at = text.indexOf('分别'); at >= 0; at = text.indexOf('分别', at + 2)) {
      if (at > lineEnd) {
        const line = lines.lineAt(at);
        lineText = lines.lineText(line);
        from = lines.start(line);
        lineEnd = lines.end(line);
        previous = null;
      }
      const index = at - from;
      if (report.opaque.at(at)) continue;
      const start = clauseStart(lineText, index, SUBJECT_MAX + 1);
      // A subject clause is short; a longer run is prose whose lists are no subjects.
      if (index - start > SUBJECT_MAX) {
        previous = null;
        continue;
      }
      const sentence = sentenceStart(lineText, index);
      if (previous && previous.sentence !== sentence) previous = null;
      const listed = listedSubjects(lineText, start, index, from);
      const numbered = listed ? null : numberedSubject(report, lineText, start, index, from, quantities);
      let subjects: Subjects | null = listed ?? numbered;
      if (!subjects && previous && index - start <= 10 && !DIGIT_OR_NUMERAL.test(lineText.slice(start, index))) subjects = previous.subjects;
      if (listed ?? numbered) previous = { sentence, subjects: (listed ?? numbered)! };
      if (!subjects) continue;
      // Values are read only for a 分别 that has subjects.
      const values = readValues(lineText, index + 2, from);
      if (!values) continue;
      // "18个村分别达到三星级、四星级" may share values loosely: a numbered subject is held
      // only to having no fewer members than values.
      if (numbered && subjects === numbered && numbered.count > values.count) continue;
      let ok = subjects.count === values.count;
      if (!ok && listed) {
        // Numbered groups ("1名…、3名…") may count groups or members: quiet unless either fits.
        const members = groupMembers(start, index, from, quantities);
        if (members.some) {
          if (members.total !== values.count) continue;
          ok = true;
        }
      }
      const data = { count: subjects.count, subjects: subjects.text, valueCount: values.count, values: values.text };
      const related = [{ start: subjects.start, end: subjects.end, messageId: 'subjects', data: { subjects: subjects.text } }];
      problems.push(checked(ok, ok ? 'ok' : 'mismatch', data, from + index, values.end, related));
    }
    return problems;
  },
};

/**
 * The subjects listed in `[start, index)`: items split by 、 and by one conjunction word
 * (Intl.Segmenter words: 和谐 and 及时 are no conjunctions), the conjunction only last.
 * Returns null for fewer than two items or an unsure list.
 */
function listedSubjects(lineText: string, start: number, index: number, from: number): Subjects | null {
  // Without a 、 or a character that may open a conjunction, the clause is one item.
  if (!mayBreak(lineText, start, index)) return null;
  const text = lineText.slice(start, index);
  const masked = maskNested(text);
  const breaks = itemBreaks(masked);
  if (!breaks) return null;
  const items: { start: number; end: number }[] = [];
  let itemStart = 0;
  for (const b of breaks) {
    items.push({ start: itemStart, end: b.index });
    itemStart = b.index + b.length;
  }
  items.push({ start: itemStart, end: masked.length });
  if (items.length < 2) return null;
  let shown = '';
  for (const i of items) {
    if (masked.slice(i.start, i.end).trim() === '') return null;
    shown += (shown === '' ? '' : '、') + text.slice(i.start, i.end).trim();
  }
  const first = items[0].start + (text.slice(items[0].start).length - text.slice(items[0].start).trimStart().length);
  return {
    count: items.length,
    text: shown,
    start: from + start + first,
    end: from + index,
  };
}

/** Whether `text[from, to)` holds a 、 or the first character of a conjunction. */
function mayBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3001 /* 、 */ || oneOf(CONJUNCTION_FIRST, c)) return true;
  }
  return false;
}

/**
 * Where the subject clause `masked` breaks into items: at each 、 and at the one conjunction
 * word (Intl.Segmenter words), in order; null when unsure (a 、 after the conjunction, or
 * two conjunctions).
 */
function itemBreaks(masked: string): { index: number; length: number }[] | null {
  const out: { index: number; length: number }[] = [];
  const standAlone = commasStandAlone(masked);
  if (standAlone && !CONJUNCTIONS.some((w) => masked.includes(w))) {
    // No conjunction written and every 、 a word of its own: the 、 are the breaks, found
    // without segmenting (which costs more than the rest of the rule).
    for (let i = masked.indexOf('、'); i >= 0; i = masked.indexOf('、', i + 1)) out.push({ index: i, length: 1 });
    return out;
  }
  if (!standAlone) return segmentBreaks(masked);
  // Every 、 is a word of its own: only a character that may open a conjunction asks the
  // segmenter which word holds it (`containing`: one lookup, not a walk over every word).
  const segments = segmenter.segment(masked);
  let conjunctions = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 0x3001 /* 、 */) {
      if (conjunctions > 0) return null; // "A和B、C和D": pairs or four? unsure
      out.push({ index: i, length: 1 });
      continue;
    }
    if (!oneOf(CONJUNCTION_FIRST, c)) continue;
    const word = segments.containing(i);
    if (word === undefined || word.index !== i || !words.conjunctions.has(word.segment)) continue;
    if (++conjunctions > 1) return null;
    out.push({ index: i, length: word.segment.length });
    i += word.segment.length - 1;
  }
  return out;
}

/** itemBreaks by a walk over every word, for a clause where a 、 may join a word. */
function segmentBreaks(masked: string): { index: number; length: number }[] | null {
  const out: { index: number; length: number }[] = [];
  let conjunctions = 0;
  for (const seg of segmenter.segment(masked)) {
    const isComma = seg.segment === '、';
    const isConjunction = words.conjunctions.has(seg.segment);
    if (!isComma && !isConjunction) continue;
    if (isComma && conjunctions > 0) return null; // "A和B、C和D": pairs or four? unsure
    if (isConjunction && ++conjunctions > 1) return null;
    out.push({ index: seg.index, length: seg.segment.length });
  }
  return out;
}

/**
 * Whether Intl.Segmenter makes every 、 of `text` a word of its own. Word breaking (UAX #29)
 * joins a 、 only to a combining or format character right after it (WB4); a CJK
 * ideograph, ASCII, CJK punctuation other than the tone marks U+302A–302F, a full-width
 * form or the mask □ after it is safe (checked against ICU for every such character).
 */
function commasStandAlone(text: string): boolean {
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (!(Number.isNaN(c) || isPlainAfterComma(c))) return false;
  }
  return true;
}

/** Whether code unit `c` after a 、 leaves the 、 a word of its own (see commasStandAlone). */
function isPlainAfterComma(c: number): boolean {
  return (
    c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f && !(c >= 0x302a && c <= 0x302f)) || (c >= 0xff01 && c <= 0xff5e) || c === 0x25a1 /* □ */
  );
}

/** "3名社区党支部书记分别…": a clause that opens with a count of people or things. */
function numberedSubject(report: Report, lineText: string, start: number, index: number, from: number, quantities: readonly Quantity[]): Subjects | null {
  const q = quantitiesIn(quantities, from + start, from + index)[0];
  if (!q || q.bound !== 'exact' || q.value < 2 || !Number.isInteger(q.value) || words.notCountUnits.has(q.unit)) return null;
  const lead = lineText.slice(start, q.start - from).trim();
  if (!(SUBJECT_LEAD.test(lead) || lead === q.scope)) return null;
  // A number between the count and 分别 (一 aside: 一线, 统一) makes it no subject of its own.
  for (let i = q.end - from; i < index; i++) if (isDigitOrNumeral(lineText.charCodeAt(i)) && lineText.charCodeAt(i) !== 0x4e00 /* 一 */) return null;
  return { count: q.value, text: report.text.slice(q.numberStart, from + index), start: q.numberStart, end: from + index };
}

/** Whether code unit `c` is an ASCII digit or a Chinese numeral (DIGIT_OR_NUMERAL). */
function isDigitOrNumeral(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || isChineseNumeralCode(c);
}

/** Members of numbered groups in the subject clause ("1名…、3名…" → 4), if all are numbered. */
function groupMembers(start: number, index: number, from: number, quantities: readonly Quantity[]): { some: boolean; total: number } {
  let some = false;
  let total = 0;
  for (const q of quantitiesIn(quantities, from + start, from + index)) {
    if (words.notCountUnits.has(q.unit)) continue;
    some = true;
    total += q.value;
  }
  return { some, total };
}

/**
 * The first run of two or more values in the clause after 分别, with one unit for all (or
 * the unit on the last only). Times are no values here.
 */
function readValues(lineText: string, from: number, lineStart: number): { count: number; text: string; end: number } | null {
  const end = clauseEnd(lineText, from);
  const masked = maskNested(lineText.slice(from, end));
  if (!VALUE_JOINERS.some((j) => masked.includes(j))) return null;
  // An exec loop, not matchAll (which copies the regex on each call).
  VALUE_RUN.lastIndex = 0;
  for (let m = VALUE_RUN.exec(masked); m; m = VALUE_RUN.exec(masked)) {
    const at = m.index;
    const before = masked.charCodeAt(at - 1);
    if (at > 0 && ((before >= 0x30 && before <= 0x39) || before === 0x2e)) continue; // a digit or .
    const units = splitRun(m[0]);
    if (!units) continue;
    const last = units[units.length - 1];
    let same = true;
    let bare = true;
    for (let i = 0; i < units.length - 1; i++) {
      if (units[i] !== last) same = false;
      if (units[i] !== '') bare = false;
    }
    // One unit for all, or the unit on the last only ("一、二、三等奖").
    if (!(same || bare) || words.timeUnits.has(last)) return null;
    return { count: units.length, text: m[0], end: lineStart + from + at + m[0].length };
  }
  return null;
}

/** Splits a value run into its items: their units ('' for none); null if it does not re-read. */
function splitRun(run: string): string[] | null {
  const units: string[] = [];
  let rest = run;
  while (rest.length > 0) {
    const m = ITEM.exec(rest);
    if (!m) return null;
    units.push(m[2] ?? '');
    rest = rest.slice(m[0].length);
    if (rest.length > 0) {
      const c = rest.charCodeAt(0);
      if (c !== 0x3001 /* 、 */ && c !== 0x548c /* 和 */ && c !== 0x53ca /* 及 */) return null;
      rest = rest.slice(1);
    }
  }
  return units;
}
