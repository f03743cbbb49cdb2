/**
 * Word drafts (`.docx`) as the text the checks read: one Word paragraph per line, so a
 * finding's line number is the paragraph a reviewer counts in Word, with Word's automatic
 * numbering (一、 （一） 1. …) written into the text, where the writer of a Markdown draft
 * would have typed it. See docs/word-drafts.md for what is rendered and what is not.
 *
 * The document is read by mammoth (its document model: paragraphs, runs, tables; a
 * paragraph's numbering level and whether it is ordered). Mammoth does not keep a
 * paragraph's list id nor the level's number format, so these come from the same zip
 * (`word/numbering.xml`, `word/document.xml`, read by docx-numbering.ts with mammoth's own
 * dependencies JSZip and @xmldom/xmldom) and are used only when they line up paragraph by
 * paragraph with what mammoth read; otherwise ordered numbers are left out rather than
 * guessed.
 */
import { readFileSync, statSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Locale } from '../rules/types';
import { numberingPlan, type PlannedNumber, renderNumber } from './docx-numbering';

// Word's number formats live in docx-numbering.ts; formatNumber is re-exported for the tests.
export { formatNumber } from './docx-numbering';

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
