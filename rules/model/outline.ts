/**
 * The parts of the report model that read a heading in its context rather than alone:
 * numbered lines that are statements rather than headings, whether a section has a body,
 * and which required section a title names (by meaning, from rules/data/report-kinds.yaml).
 * `report.ts` calls these while it builds the model, before the report is frozen. Markers
 * miswritten in another level's shape are read in outline-miswritten.ts.
 */
import { reportKinds, type SectionId } from '../data/index';
import { anyMatch } from './alternation';
import type { OpaqueIndex } from './opaque';
import type { Section, SectionPart } from './report';
import { isSpace } from './script';

/**
 * A stop at the end of a numbered statement: 。！？ (full width), or ；/; — the items of one
 * sentence written a line each (`1.加强领导…；` … `5.…表率。`) end with a semicolon but the
 * last, which ends the sentence.
 */
function endsWithSentenceStop(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */;
}

/**
 * Marks as statements (`Heading.statement`) the numbered lines that are items of a list of
 * complete statements, not headings: each of at least two siblings of one level under one
 * parent stands on its own line, ends with 。！？ (or ；, one sentence's items a line each),
 * and has nothing under it. That is how
 * a problems section is often written (`（一）…不强，…还不充分。` `（二）…仅为62%。`). A
 * heading that ends with 。 and has text under it (`（一）强化理论武装。` + a paragraph) is
 * still a heading, and so is a list where any sibling has a body.
 *
 * Mutates the headings of `sections`; called before the report is frozen.
 */
export function markStatements(sections: readonly Section[], text: string, opaque: OpaqueIndex): void {
  // Siblings by parent and level: key parent * 5 + level (parent -1 → key -5 + level).
  const groups = new Map<number, Section[]>();
  for (const s of sections) {
    const marker = s.heading.marker;
    if (!marker) continue;
    const key = s.parent * 5 + marker.level;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  for (const siblings of groups.values()) {
    if (siblings.length < 2) continue;
    if (!siblings.every((s) => isBareStatement(s, text, opaque)) && !isSemicolonRun(siblings, text, opaque)) continue;
    for (const s of siblings) s.heading.statement = true;
  }
}

/**
 * Whether `siblings` (in document order) are the items of one sentence written a line each
 * whose text goes on after the list: every item but the last is bare and ends with ；/;, and
 * the last, which closes the sentence with 。！？, has no numbered line under it but may be
 * followed by prose (`1.建立…制度；` `2.推行…；` `3.组织…812户。` then a paragraph). That
 * prose follows the list; it is no body of the last item. Headings with text under them
 * (`1.抓好理论学习；` + a paragraph) are not such a run: their items are not bare.
 */
function isSemicolonRun(siblings: readonly Section[], text: string, opaque: OpaqueIndex): boolean {
  const last = siblings[siblings.length - 1];
  const { heading } = last;
  if (heading.runIn || heading.depth !== null || last.children.length > 0) return false;
  if (!endsWithFullStop(heading.title.text)) return false;
  for (let i = 0; i < siblings.length - 1; i++) {
    const s = siblings[i];
    if (!isBareStatement(s, text, opaque) || !endsWithSemicolon(s.heading.title.text)) return false;
  }
  return true;
}

/** Whether `words` end with ；/; (an item of a sentence that goes on). */
function endsWithSemicolon(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0xff1b /* ； */ || c === 0x3b /* ; */;
}

/** Whether `words` end with 。！？ (the end of a sentence). */
function endsWithFullStop(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */;
}

function isBareStatement(section: Section, text: string, opaque: OpaqueIndex): boolean {
  const { heading } = section;
  return (
    !heading.runIn &&
    heading.depth === null &&
    section.children.length === 0 &&
    endsWithSentenceStop(heading.title.text) &&
    !hasBody(section, text, opaque, signatureStart(text, section.end, opaque))
  );
}

/**
 * Whether any prose stands under the section before the report's signature (hasBody until
 * signatureStart): the signer's line and date that close a report (`中共某医院委员会` ⏎
 * `2026年1月10日`) are no body of the last heading above them.
 */
export function hasBodyBeforeSignature(section: Section, text: string, opaque: OpaqueIndex): boolean {
  return hasBody(section, text, opaque, signatureStart(text, section.end, opaque, UNIT_SIGNER_LINE));
}

/**
 * A signer's line that names a body: ending with an organisation or unit word
 * (`中共某医院委员会`, `某县统计局党组`). A short line of words that ends otherwise
 * (`持续深化党员教育管理`) may be the section's last sentence left without its 。.
 */
const UNIT_SIGNER_LINE = /^[ \t\u3000]*[^\s，。；：！？,;:]{1,28}(?:委员会|党委|党工委|党总支|党支部|党组|支部|总支|局|院|中心|公司|集团|学校|街道|办事处|镇|乡|村|社区|医院|所|站|队)[ \t\u3000]*$/u;

/** A date line of a report's signature: `2025年7月8日`, `二〇二五年七月八日`. */
const DATE_LINE = /^[ \t\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[ \t\u3000]*$/u;
/** The signer's line before it: a short name with no sentence punctuation. */
const SIGNER_LINE = /^[ \t\u3000]*[^\s，。；：！？,;:]{2,30}[ \t\u3000]*$/u;

/**
 * Where a signature that ends the report starts, if `end` is the report's end and the text
 * before it closes with a signer's line and a date line (`县市场监督管理局机关党委` ⏎
 * `2025年7月8日`); else `end`. The signature is no body of the last numbered item above it.
 * `signer` tests the line before the date (default: any short line without clause marks).
 */
function signatureStart(text: string, end: number, opaque: OpaqueIndex, signer: RegExp = SIGNER_LINE): number {
  // Only at the report's end (a loop, not a slice: most sections stop at once).
  for (let k = end; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) return end;
  // The last two non-blank lines before `end`, by offsets (CRLF or LF alike), past comments.
  const lineBefore = (to: number): [number, number] | null => {
    let e = to;
    for (;;) {
      while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
      const span = e > 0 ? opaque.at(e - 1) : undefined;
      if (!span || span.kind !== 'html') break;
      e = span.start;
    }
    if (e === 0) return null;
    const s = text.lastIndexOf('\n', e - 1) + 1;
    return [s, e];
  };
  const date = lineBefore(end);
  if (!date || !DATE_LINE.test(text.slice(date[0], date[1]))) return end;
  const line = lineBefore(date[0]);
  return line && signer.test(text.slice(line[0], line[1])) ? line[0] : date[0];
}

/**
 * Whether any prose (not blank, not an HTML comment) stands between the heading and the
 * section end (or `until`, where a report's signature starts).
 */
export function hasBody(section: Section, text: string, opaque: OpaqueIndex, until: number = section.end): boolean {
  for (let at = section.heading.end; at < until; ) {
    const span = opaque.at(at);
    if (span && (span.kind === 'html' || span.kind === 'frontmatter')) {
      at = span.end;
      continue;
    }
    if (span || !isSpace(text.charCodeAt(at))) return true;
    at++;
  }
  return false;
}

/**
 * The required sections a top-level title names, by meaning (rules/data/report-kinds.yaml):
 * a section's `patterns` (set phrases: 存在的问题, 下一步, 工作开展情况…), or, for a title
 * that is not the report's first part (`later`), a head word of the section standing as the
 * title's head: at its end, or before a coordinated head or a tail such as 及原因分析
 * (`工作中的不足`, `差距与短板`, `存在的短板和弱项`), and not the object of a verb
 * (`解决群众急难愁盼问题`, `补齐短板`). In a title that joins two sections with 及/和/与/、
 * the head of the first conjunct counts too (存在的不足及今后努力方向). Problems and plans may
 * both be named (`存在问题及下步措施`); work is named only when neither is.
 */
export function sectionIdsOf(words: string, later: boolean): readonly SectionId[] {
  const key = (later ? 'l' : 'f') + words;
  let ids = SECTION_IDS.get(key);
  if (ids === undefined) {
    if (SECTION_IDS.size >= SECTION_IDS_MAX) SECTION_IDS.clear();
    const title = words.replace(/[。．.：:；;！!？?\s]+$/u, '');
    const found: SectionId[] = [];
    for (const id of ['problems', 'plans'] as const) if (names(id, title, later)) found.push(id);
    if (found.length === 0 && names('work', title, later)) found.push('work');
    SECTION_IDS.set(key, (ids = Object.freeze(found)));
  }
  return ids;
}

/**
 * sectionIdsOf's answers by title (and `later`), shared by every report: a title is asked
 * up to four times per lint (outline, parts, subsections for problems and for plans), each
 * time trying every pattern of three sections, and the language server lints the same
 * headings at every keystroke. Bounded: cleared when full. The lists are frozen (shared).
 */
const SECTION_IDS = new Map<string, readonly SectionId[]>();
const SECTION_IDS_MAX = 2000;

function names(id: SectionId, title: string, later: boolean): boolean {
  const spec = reportKinds.sections[id];
  if (anyMatch(spec.exclude, title)) return false;
  if (anyMatch(spec.patterns, title)) return true;
  if (!later || spec.heads === null) return false;
  if (spec.heads.test(title)) return true;
  // A title that joins two sections (存在的不足及今后努力方向): the head of each conjunct.
  for (let i = title.search(CONJUNCTION); i > 0; i = nextConjunction(title, i)) {
    if (spec.heads.test(title.slice(0, i))) return true;
  }
  return false;
}

const CONJUNCTION = /及|和|与|、/u;

/** The index of the next 及/和/与/、 after index `i` of `title`, or -1. */
function nextConjunction(title: string, i: number): number {
  const k = title.slice(i + 1).search(CONJUNCTION);
  return k === -1 ? -1 : i + 1 + k;
}

/**
 * The problems or plans section written as a subheading of a top-level part rather than as a
 * part of its own: `一、上半年工作情况` … `（四）存在的问题` … `二、下半年工作计划`. A child of a
 * top-level section, not its first child (a part opens with its own matter), whose title names
 * section `id` (by `sectionIdsOf`, heads included). Only asked when no top-level heading names
 * `id`.
 *
 * @param idsOf `sectionIdsOf(title, true)` unless told otherwise
 * @returns the part (its heading's span), or null
 */
export function subsectionPart(
  sections: readonly Section[],
  topSections: readonly number[],
  id: SectionId,
  idsOf: (title: string) => readonly SectionId[] = (title) => sectionIdsOf(title, true),
): SectionPart | null {
  for (const top of topSections) {
    const children = sections[top].children;
    for (let k = 1; k < children.length; k++) {
      const s = sections[children[k]];
      if (s.heading.statement || !idsOf(s.heading.title.text).includes(id)) continue;
      return { id, via: 'heading', section: s.index, start: s.heading.start, end: s.heading.end };
    }
  }
  return null;
}
