/**
 * Word's automatic numbering for server/docx.ts: which list and level format each numbered
 * paragraph has (`word/numbering.xml` with the paragraphs of `word/document.xml`), and the
 * number a paragraph gets from its list's counters in Word's number formats (一、 （一）
 * 1. ① …).
 *
 * Separate from docx.ts, which reads the document through mammoth and renders its
 * paragraphs: mammoth keeps neither a paragraph's list id nor the level's number format,
 * so this module reads them from the zip's XML itself (with mammoth's own dependencies
 * JSZip and @xmldom/xmldom). It is loaded only with docx.ts (dist/docx.js), never by a
 * lint of Markdown files. Nothing here throws on a malformed part: what cannot be read
 * gives no plan (null), and a format not rendered gives no number.
 */
import type JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { toChineseNumeral } from '../rules/model/numerals';

/** The DOM element type @xmldom/xmldom's declarations use (the global DOM one). */
type XmlElement = Element;

/** One numbered paragraph's list and level, in document order (see `numberingPlan`). */
export interface PlannedNumber {
  /** Counters are kept per list (a `w:num`, or an abstract list reached through a style). */
  list: string;
  level: number;
  format: LevelFormat;
  /** The formats of all levels of that list, for `%1` … `%9` in the level text. */
  levels: Map<number, LevelFormat>;
  /** `w:startOverride` of this list, by level. */
  starts: Map<number, number>;
}

/** A level of a list (`w:lvl`): its `w:numFmt`, its `w:lvlText` (`（%1）`), its `w:start`. */
export interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
}

// ---------------------------------------------------------------------------------------
// A paragraph's number in its list's format

/**
 * Advances the counters of the paragraph's list and writes its number, e.g. `（二）`: the
 * level text with each `%N` in level N's format. `counters` (per `list`, one count per
 * level) is updated in place; deeper levels restart. Empty when a level's format is not
 * rendered here (`formatNumber` null): no number rather than a wrong one.
 */
export function renderNumber(planned: PlannedNumber, counters: Map<string, number[]>): string {
  let counts = counters.get(planned.list);
  if (!counts) counters.set(planned.list, (counts = []));
  const startOf = (level: number) => planned.starts.get(level) ?? planned.levels.get(level)?.start ?? 1;
  counts[planned.level] = counts[planned.level] === undefined ? startOf(planned.level) : counts[planned.level] + 1;
  counts.length = planned.level + 1; // deeper levels restart under a new parent
  let unknown = false;
  const text = planned.format.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
    const level = Number(digit) - 1;
    const value = counts[level] ?? startOf(level);
    const formatted = formatNumber(value, planned.levels.get(level)?.numFmt ?? 'decimal');
    if (formatted === null) unknown = true;
    return formatted ?? '';
  });
  return unknown ? '' : text;
}

const FULL_WIDTH_ZERO = 0xff10;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/**
 * A counter value in one of Word's number formats (ECMA-376 ST_NumberFormat), or null for a
 * format not rendered here (the paragraph then gets no number rather than a wrong one).
 */
export function formatNumber(value: number, numFmt: string): string | null {
  switch (numFmt) {
    case 'decimal':
      return String(value);
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d))).join('');
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return value > 0 ? toChineseNumeral(value) : '〇';
    case 'ideographDigital':
      return [...String(value)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return value > 0 && value < 10 ? LEGAL_DIGITS[value] : null;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= CIRCLED.length ? CIRCLED[value - 1] : null;
    case 'upperLetter':
    case 'lowerLetter': {
      if (value < 1) return null;
      // Word repeats the letter past Z: AA, BB…
      const letter = String.fromCharCode(65 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(value);
      if (roman === null) return null;
      return numFmt === 'upperRoman' ? roman : roman.toLowerCase();
    }
    case 'none':
      return '';
    default:
      return null;
  }
}

function toRoman(value: number): string | null {
  if (value < 1 || value > 3999) return null;
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let text = '';
  for (const [n, letters] of table) {
    while (rest >= n) {
      text += letters;
      rest -= n;
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// Which list and number format each numbered paragraph has (word/numbering.xml)

/**
 * The list and level format of every paragraph mammoth will see as numbered, in document
 * order, found the way mammoth finds them (mammoth/lib/docx/body-reader.js
 * `readNumberingProperties`: the paragraph's `w:numPr`, else a level whose `w:pStyle` is the
 * paragraph's style, else `w:numId` at level 0). Null when the document has no numbering
 * part. Paragraphs inside text boxes or tracked deletions may make this list differ from
 * mammoth's; `alignedPlan` then drops the plan.
 */
export async function numberingPlan(zip: JSZip): Promise<PlannedNumber[] | null> {
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return null;
  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined } });
  const numbering = parser.parseFromString(numberingXml, 'text/xml').documentElement;
  const body = parser.parseFromString(documentXml, 'text/xml').documentElement;
  if (!numbering || !body) return null;

  const abstracts = new Map<string, Map<number, LevelFormat & { pStyle?: string }>>();
  for (const abstract of elements(numbering, 'w:abstractNum')) {
    const levels = new Map<number, LevelFormat & { pStyle?: string }>();
    for (const lvl of elements(abstract, 'w:lvl')) {
      levels.set(Number(lvl.getAttribute('w:ilvl') ?? '0'), {
        numFmt: childVal(lvl, 'w:numFmt') ?? 'decimal',
        lvlText: childVal(lvl, 'w:lvlText') ?? '',
        start: Number(childVal(lvl, 'w:start') ?? '1') || 0,
        pStyle: childVal(lvl, 'w:pStyle'),
      });
    }
    abstracts.set(abstract.getAttribute('w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const num of elements(numbering, 'w:num')) {
    const abstractId = childVal(num, 'w:abstractNumId');
    if (abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const override of elements(num, 'w:lvlOverride')) {
      const start = childVal(override, 'w:startOverride');
      if (start !== undefined) starts.set(Number(override.getAttribute('w:ilvl') ?? '0'), Number(start));
    }
    nums.set(num.getAttribute('w:numId') ?? '', { abstractId, starts });
  }
  const byStyle = new Map<string, { abstractId: string; level: number }>();
  for (const [abstractId, levels] of abstracts) {
    for (const [level, format] of levels) if (format.pStyle) byStyle.set(format.pStyle, { abstractId, level });
  }

  const plan: PlannedNumber[] = [];
  const fromNum = (numId: string, level: number): PlannedNumber | null => {
    const num = nums.get(numId);
    const levels = num && abstracts.get(num.abstractId);
    const format = levels?.get(level);
    return num && levels && format ? { list: `num:${numId}`, level, format, levels, starts: num.starts } : null;
  };
  for (const paragraph of elements(body, 'w:p')) {
    const pPr = firstChild(paragraph, 'w:pPr');
    const numPr = pPr && firstChild(pPr, 'w:numPr');
    const ilvl = numPr ? childVal(numPr, 'w:ilvl') : undefined;
    const numId = numPr ? childVal(numPr, 'w:numId') : undefined;
    const style = pPr ? childVal(pPr, 'w:pStyle') : undefined;
    let planned: PlannedNumber | null = null;
    if (ilvl !== undefined && numId !== undefined) {
      planned = fromNum(numId, Number(ilvl));
    } else if (style !== undefined && byStyle.has(style)) {
      const { abstractId, level } = byStyle.get(style)!;
      const levels = abstracts.get(abstractId)!;
      planned = { list: `abstract:${abstractId}`, level, format: levels.get(level)!, levels, starts: new Map() };
    } else if (numId !== undefined) {
      planned = fromNum(numId, 0);
    }
    if (planned) plan.push(planned);
  }
  return plan;
}

/** Descendants named `name` (qualified, e.g. `w:p`), in document order. */
function elements(root: XmlElement, name: string): XmlElement[] {
  return Array.from(root.getElementsByTagName(name));
}

function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as XmlElement).tagName === name) return node as XmlElement;
  }
  return undefined;
}

/** The `w:val` of the first child named `name`. */
function childVal(element: XmlElement, name: string): string | undefined {
  return firstChild(element, name)?.getAttribute('w:val') ?? undefined;
}
