/**
 * The parts of the report model that read a heading in its context rather than alone:
 * a miswritten top-level marker (`4、存在问题` among `一、` `二、` `三、`), a deeper level's
 * marker inside a run numbered in between (`1.` `(2)` `3.`) or a higher level's (`（三）` `四.`
 * `（五）`), numbered lines
 * that are statements rather than headings, and which required section a top-level title
 * names (by meaning, from rules/data/report-kinds.yaml). `report.ts` calls these while it
 * builds the model, before the report is frozen.
 */
import { reportKinds, type SectionId } from '../data/index';
import { anyMatch } from './alternation';
import { canonicalMarker } from './markers';
import type { OpaqueIndex } from './opaque';
import type { Heading, Section, SectionPart } from './report';
import { isSpace } from './script';

/**
 * Reads as `一、` a marker of another level that the writer meant as the next top-level
 * number: `四.存在问题` is recognised as level 1 already, but `4、存在问题`, `4.存在问题`,
 * `(四)存在问题` or `（四）存在问题` after `三、` are other levels' shapes. Such a marker
 * is promoted (level 1, non-standard, canonical `四、`) when all of these hold:
 * - its number continues the top-level run (the last `一、`-level marker is one less);
 * - it does not continue a run of its own level (no sibling of its level numbered one
 *   less since that top-level marker), so read at its own level it would be out of place;
 * - its title names a required section (存在的问题, 下一步打算…), or the next top-level
 *   marker continues from it (`4、…` then `五、`);
 * - the next top-level marker is not the same number (then that one is the writer's `二、`).
 * Then `numbering-style` reports the marker's form, and the section tree, `numbering-sequence`
 * and `required-sections` see the section where the writer opened it.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function promoteMiswrittenMarkers(headings: Heading[]): void {
  let lastTop = -1;
  for (let i = 0; i < headings.length; i++) {
    const m = headings[i].marker;
    if (!m) continue;
    if (m.level === 1) {
      lastTop = i;
      continue;
    }
    if (lastTop === -1 || m.value !== headings[lastTop].marker!.value + 1) continue;
    if (continuesOwnRun(headings, lastTop, i)) continue;
    const next = nextTop(headings, i);
    // The next top-level number is this one (`（二）存在问题` then `二、下半年计划`): a subheading
    // whose own run is broken, not the top-level number, which the writer wrote next.
    if (next && next.value === m.value) continue;
    const namesPart = sectionIdsOf(headings[i].title.text, true).length > 0;
    if (!namesPart && !(next && next.value === m.value + 1)) continue;
    const canonical = canonicalMarker(1, m.value);
    headings[i].marker = { ...m, level: 1, canonical, standard: false };
    lastTop = i;
  }
}

/**
 * Reads at its neighbours' level a marker of a deeper level written in the middle of a run
 * of level 2 or 3: `1.` `(2)` `3.`, `（一）` `2.` `（三）`. The writer meant the next number of
 * the run and wrote it in another level's shape; read at its own level it would open a
 * level of one item, numbered from 2 (not 1). Promoted (the run's level, non-standard,
 * canonical `2.`) when the marker right before it is of the run's level and numbered one less,
 * its own number is 2 or more, and the marker right after it is of the run's level and numbered
 * one more. A real new level (`（1）` under `1.`) starts at 1 and stays one. Then
 * `numbering-style` reports the marker's form and `numbering-sequence` counts it in the run.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function promoteMiswrittenRunMarkers(headings: Heading[]): void {
  // The heading of the marker before the one read (-1: none yet).
  let before = -1;
  for (let i = 0; i < headings.length; i++) {
    const m = headings[i].marker;
    if (!m) continue;
    const p = before === -1 ? null : headings[before].marker!;
    before = i;
    if (p === null || p.level < 2 || m.level <= p.level || m.value < 2 || m.value !== p.value + 1) continue;
    const next = nextMarker(headings, i);
    if (next === null || next.level !== p.level || next.value !== m.value + 1) continue;
    headings[i].marker = { ...m, level: p.level, canonical: canonicalMarker(p.level, m.value), standard: false };
  }
}

/**
 * Reads at its neighbours' level a marker of a shallower level written in the middle of a run
 * of level 2, 3 or 4: `（三）` `四.` `（五）`, `（二）` `三、` `（四）`, `2.` `（三）` `4.`. The writer meant
 * the next number of the run and wrote it in a higher level's shape; read at its own level it
 * would open that level's run at the wrong number (`四.` where the top level stands at `一、`)
 * and break the run it belongs to. Read at the run's level (non-standard, canonical `（四）`)
 * when the marker right before it is of a deeper level than its own, 2 or more, and numbered one
 * less; its number does not continue its own level's run (the last marker of its level is not
 * one less: `二、` after `一、` … `（一）` is the writer's next top-level part); and either the
 * marker right after it is of the run's level and numbered one more, or it stands as a
 * Markdown heading of the same depth as the one before (`### （三）` … `### 四.`). Then
 * `numbering-style` reports its form once, and `numbering-sequence` counts it in the run.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function demoteMiswrittenRunMarkers(headings: Heading[]): void {
  for (const [i, b] of markedAfterMarked(headings)) {
    const m = headings[i].marker!;
    const p = headings[b].marker!;
    if (p.level < 2 || m.level >= p.level || m.value !== p.value + 1) continue;
    if (lastOfLevel(headings, i, m.level)?.value === m.value - 1) continue;
    const next = nextMarker(headings, i);
    const sameDepth = headings[i].depth !== null && headings[i].depth === headings[b].depth;
    if (!sameDepth && !(next !== null && next.level === p.level && next.value === m.value + 1)) continue;
    headings[i].marker = { ...m, level: p.level, canonical: canonicalMarker(p.level, m.value), standard: false };
    // It now stands at the run's level: the next marker is checked against it.
  }
}

/**
 * Reads at its run's level the FIRST marker of a run of level 2, 3 or 4 written in a shallower
 * level's shape: `一.` then `2.` `3.` under a `（三）`. The writer meant `1.`; read at its own
 * level it would restart that level (`一、` already stands above) and leave the run numbered
 * from 2. Read at the run's level (non-standard, canonical `1.`) when its number is 1 and its
 * shape is not its own level's standard one (`一.`, `一，`); the
 * marker right after it is of a deeper level, numbered 2; the marker right before it is
 * shallower than that run (its parent, or a higher level); and its own level already has a
 * run before it, so reading it there would start that run again. Also a lone one (no `2.`
 * after it) under a part of level 2 or 3 where the top level goes on after it from the number
 * it stood at (`lonelyRestart`): read one level below that part. Then `numbering-style`
 * reports its form once (as `1.`), and `numbering-sequence` counts the run from it.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function demoteMiswrittenRunStart(headings: Heading[]): void {
  for (const [i, b] of markedAfterMarked(headings)) {
    const m = headings[i].marker!;
    // Only a marker already miswritten in its own shape (`一.`, not `一、`): a standard `1.`
    // before `（2）` `（3）` is the writer's own level, and those open theirs (miswritten-run.md).
    if (m.value !== 1 || m.standard) continue;
    const own = lastOfLevel(headings, i, m.level);
    if (own === null) continue;
    const next = nextMarker(headings, i);
    const parent = headings[b].marker!;
    let level = 0;
    if (next !== null && next.level > m.level && next.level >= 2 && next.value === 2 && parent.level < next.level) level = next.level;
    else if (parent.level >= 2 && parent.level < 4 && m.level < parent.level && lonelyRestart(headings, i, own.value)) level = parent.level + 1;
    if (level === 0) continue;
    headings[i].marker = { ...m, level, canonical: canonicalMarker(level, 1), standard: false };
  }
}

/**
 * Whether heading `i`'s marker, a miswritten `一.` under a level-2 or deeper heading, would
 * restart its own level's run for one heading only: the next top-level marker is written in the
 * standard shape and continues the run from `lastValue`, the number its level stood at before
 * (`一、` … `（五）` `一. 健全组织体系。` … `二、`). The writer meant the first `1.` of the part
 * it stands in, whether or not a `2.` follows. A next top-level marker in `一.`'s own shape
 * (`二.`) continues the writer's restart instead, so that reading is left alone.
 */
function lonelyRestart(headings: readonly Heading[], i: number, lastValue: number): boolean {
  const top = nextTop(headings, i);
  return top !== null && top.standard && top.value === lastValue + 1;
}

/**
 * The headings with a marker that follow another with a marker, as [index, index of that one].
 * Lazy: a caller that changes a heading's marker has the next pair read it as changed.
 */
function* markedAfterMarked(headings: readonly Heading[]): Generator<[number, number]> {
  let before = -1;
  for (let i = 0; i < headings.length; i++) {
    if (!headings[i].marker) continue;
    if (before !== -1) yield [i, before];
    before = i;
  }
}

/** The marker of the last heading before heading `i` with a marker of `level`, if any. */
function lastOfLevel(headings: readonly Heading[], i: number, level: number): Heading['marker'] {
  for (let k = i - 1; k >= 0; k--) if (headings[k].marker?.level === level) return headings[k].marker;
  return null;
}

/** The marker of the first heading with one after heading `i`, if any. */
function nextMarker(headings: readonly Heading[], i: number): Heading['marker'] {
  for (let k = i + 1; k < headings.length; k++) if (headings[k].marker) return headings[k].marker;
  return null;
}

/** Whether heading `i`'s marker follows a sibling of its own level numbered one less, after heading `top`. */
function continuesOwnRun(headings: readonly Heading[], top: number, i: number): boolean {
  const m = headings[i].marker!;
  for (let j = i - 1; j > top; j--) {
    const other = headings[j].marker;
    if (!other) continue;
    if (other.level === m.level) return other.value === m.value - 1;
    if (other.level < m.level) return false;
  }
  return false;
}

/** The marker of the first top-level heading after heading `i`, if any. */
function nextTop(headings: readonly Heading[], i: number) {
  for (let k = i + 1; k < headings.length; k++) if (headings[k].marker?.level === 1) return headings[k].marker;
  return null;
}

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

/** A date line of a report's signature: `2025年7月8日`, `二〇二五年七月八日`. */
const DATE_LINE = /^[ \t\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[ \t\u3000]*$/u;
/** The signer's line before it: a short name with no sentence punctuation. */
const SIGNER_LINE = /^[ \t\u3000]*[^\s，。；：！？,;:]{2,30}[ \t\u3000]*$/u;

/**
 * Where a signature that ends the report starts, if `end` is the report's end and the text
 * before it closes with a signer's line and a date line (`县市场监督管理局机关党委` ⏎
 * `2025年7月8日`); else `end`. The signature is no body of the last numbered item above it.
 */
function signatureStart(text: string, end: number, opaque: OpaqueIndex): number {
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
  const signer = lineBefore(date[0]);
  return signer && SIGNER_LINE.test(text.slice(signer[0], signer[1])) ? signer[0] : date[0];
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
