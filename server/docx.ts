/**
 * Word drafts (`.docx`) as the text the checks read: one Word paragraph per line, so a
 * finding's line number is the paragraph a reviewer counts in Word, with Word's automatic
 * numbering (一、 （一） 1. …) written into the text, where the writer of a Markdown draft
 * would have typed it. See docs/word-drafts.md for what is rendered and what is not.
 *
 * The document is read by mammoth (its document model: paragraphs, runs, tables; a
 * paragraph's numbering level and whether it is ordered). Mammoth does not keep a
 * paragraph's list id nor the level's number format, so these come from the same zip
 * (`word/numbering.xml`, `word/document.xml`, read with mammoth's own dependencies JSZip
 * and @xmldom/xmldom) and are used only when they line up paragraph by paragraph with
 * what mammoth read; otherwise ordered numbers are left out rather than guessed.
 */
import { readFileSync, statSync } from 'node:fs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import mammoth from 'mammoth';
import { toChineseNumeral } from '../rules/model/numerals';
import type { Locale } from '../rules/types';

/** The DOM element type @xmldom/xmldom's declarations use (the global DOM one). */
type XmlElement = Element;

/** A Word file larger than this is refused: the zip holds images, but 50 MB is no report. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** Why a Word file could not be read. */
export type DocxProblemKind = 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'docx-encrypted' | 'docx-broken';

export type DocxRead =
  | {
      ok: true;
      /** One line per Word paragraph (table cells' paragraphs included), joined by `\n`. */
      text: string;
    }
  | {
      ok: false;
      kind: DocxProblemKind;
      /** The system error code for `unreadable`, the size for `too-large`, what is wrong for `docx-broken`. */
      detail?: string;
    };

/** Whether a path names a Word draft (by its extension, as Word names them). */
export function isDocxPath(path: string): boolean {
  return /\.docx$/i.test(path);
}

/**
 * Reads a `.docx` file as report text (see the module comment). Never rejects: a missing,
 * unreadable or oversized file, a password-protected one (Word stores those as an
 * encrypted OLE compound file, not a zip) and a broken zip come back as problems.
 */
export async function readDocxFile(path: string): Promise<DocxRead> {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, kind: 'not-a-file' };
    if (stat.size > MAX_DOCX_BYTES) return { ok: false, kind: 'too-large', detail: String(stat.size) };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing' };
    return { ok: false, kind: 'unreadable', detail: code ?? String(error) };
  }
  return docxToText(bytes);
}

/**
 * What the zip's parts may expand to: a small zip of highly compressed XML (a "zip bomb")
 * must not exhaust memory when mammoth inflates it. Word files of long reports expand to
 * a few MB of XML.
 */
export const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

/**
 * The sum of the uncompressed sizes the zip's central directory states. JSZip keeps them
 * on each entry's `_data` (not in its typings); an entry without one counts as 0, and the
 * bound is then only the compressed-size check.
 */
function expandedSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === 'number' && size > 0) total += size;
  });
  return total;
}

/** The signature of an OLE compound file (CFB): encrypted .docx files and old .doc files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * `readDocxFile` on bytes already in memory. Never rejects.
 *
 * @param maxExpanded the bound on the unzipped size (bytes; a parameter so tests need not
 *   build a 200 MB zip)
 */
export async function docxToText(bytes: Uint8Array, maxExpanded = MAX_EXPANDED_BYTES): Promise<DocxRead> {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, kind: 'docx-encrypted' };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, kind: 'docx-broken', detail: 'not a zip file' };
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('word/document.xml')) return { ok: false, kind: 'docx-broken', detail: 'no word/document.xml' };
    const expanded = expandedSize(zip);
    if (expanded > maxExpanded) return { ok: false, kind: 'too-large', detail: String(expanded) };
    let document: MammothElement | undefined;
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (element: MammothElement) => {
          document = element;
          return element;
        },
      },
    );
    if (!document) return { ok: false, kind: 'docx-broken', detail: 'no document body' };
    const plan = alignedPlan(document, await numberingPlan(zip));
    return { ok: true, text: renderDocument(document, plan).join('\n') };
  } catch (error) {
    return { ok: false, kind: 'docx-broken', detail: error instanceof Error ? error.message : String(error) };
  }
}

// ---------------------------------------------------------------------------------------
// Rendering mammoth's document model

/** The part of a mammoth document element this module reads (mammoth/lib/documents.js). */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  numbering?: { level: string; isOrdered: boolean } | null;
}

/** One numbered paragraph's list and level, in document order (see `numberingPlan`). */
interface PlannedNumber {
  /** Counters are kept per list (a `w:num`, or an abstract list reached through a style). */
  list: string;
  level: number;
  format: LevelFormat;
  /** The formats of all levels of that list, for `%1` … `%9` in the level text. */
  levels: Map<number, LevelFormat>;
  /** `w:startOverride` of this list, by level. */
  starts: Map<number, number>;
}

interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
}

/**
 * The plan if it lines up with mammoth's numbered paragraphs (same count, same level each),
 * else null: a number is left out rather than put on the wrong paragraph.
 */
function alignedPlan(document: MammothElement, plan: PlannedNumber[] | null): PlannedNumber[] | null {
  if (!plan) return null;
  const levels: number[] = [];
  const visit = (element: MammothElement): void => {
    if (element.type === 'paragraph') {
      if (element.numbering) levels.push(Number(element.numbering.level));
      return;
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(document);
  if (levels.length !== plan.length) return null;
  return levels.every((level, i) => plan[i].level === level) ? plan : null;
}

/** Lines of the document: one per paragraph, tables cell by cell. */
function renderDocument(document: MammothElement, plan: PlannedNumber[] | null): string[] {
  const lines: string[] = [];
  const counters = new Map<string, number[]>();
  let numbered = 0;
  const visit = (element: MammothElement): void => {
    if (element.type === 'paragraph') {
      let prefix = '';
      if (element.numbering) {
        const planned = plan?.[numbered];
        numbered++;
        if (!element.numbering.isOrdered) prefix = '- ';
        else if (planned) prefix = renderNumber(planned, counters);
      }
      lines.push(prefix + paragraphText(element));
      return;
    }
    for (const child of element.children ?? []) visit(child);
  };
  visit(document);
  return lines;
}

/** The visible text of a paragraph: runs, hyperlinks, tabs; notes, comments and images left out. */
function paragraphText(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  // A line break inside a paragraph stays on the paragraph's line: one paragraph, one line.
  if (element.type === 'break' || element.type === 'noteReference' || element.type === 'commentReference') return '';
  let text = '';
  for (const child of element.children ?? []) text += paragraphText(child);
  return text;
}

/** Advances the counters of the paragraph's list and writes its number, e.g. `（二）`. */
function renderNumber(planned: PlannedNumber, counters: Map<string, number[]>): string {
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
async function numberingPlan(zip: JSZip): Promise<PlannedNumber[] | null> {
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

// ---------------------------------------------------------------------------------------
// Words

type Words = Record<Locale, string>;

const docxProblems: Record<DocxProblemKind, Words> = {
  missing: { 'zh-CN': '找不到这个文件', en: 'no such file' },
  unreadable: { 'zh-CN': '无法读取（{0}）', en: 'cannot be read ({0})' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'is not a regular file' },
  'too-large': {
    'zh-CN': `Word 文件过大（文件超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB 或解压后超过 ${MAX_EXPANDED_BYTES / 1024 / 1024} MB），已跳过`,
    en: `Word file too large (over ${MAX_DOCX_BYTES / 1024 / 1024} MB, or over ${MAX_EXPANDED_BYTES / 1024 / 1024} MB unzipped); skipped`,
  },
  'docx-encrypted': {
    'zh-CN': '是加密（设有密码）的 Word 文件或旧版 .doc 文件，无法读取：请在 Word 中取消密码或另存为 .docx',
    en: 'is a password-protected Word file or an old .doc file: remove the password or save it as .docx in Word',
  },
  'docx-broken': {
    'zh-CN': '不是有效的 .docx 文件（{0}），可能已损坏：请在 Word 中打开并重新保存',
    en: 'is not a valid .docx file ({0}); it may be damaged: open it in Word and save it again',
  },
};

/** Why a Word file could not be read, in words (without the path). */
export function describeDocxProblem(kind: DocxProblemKind, locale: Locale, detail = ''): string {
  return docxProblems[kind][locale].replace('{0}', detail);
}
