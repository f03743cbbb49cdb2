/**
 * empty-section: a heading with nothing under it — no text and no subsection before the
 * next heading of its own or a higher level (design.md). Only `#` headings and the levels
 * 一、 and （一） are held to it: numbered lines at 1. and （1） are as often short list items
 * ("1.学习不够深入") as headings, and a warning on a correct list costs more than it finds —
 * unless a section of the same level under the same parent has subsections of its own
 * (`1. 坚持政治引领` over `（1）…`): there the level is the document's heading level, and
 * `4. 群团和统战工作` with nothing before `5.` is an empty heading.
 * Nor are numbered statements (`Heading.statement`: `（一）…不充分。` `（二）…仅为62%。`,
 * each a full sentence with nothing under it, as problems sections are often written).
 */
import { hasBodyBeforeSignature } from '../model/outline';
import type { Report, Section } from '../model/report';
import type { Problem, Rule } from '../types';

export const emptySection: Rule = {
  id: 'empty-section',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '标题下应有内容',
      en: 'A heading has something under it',
    },
    messages: {
      empty: {
        'zh-CN': '标题“{title}”下没有内容',
        en: 'Nothing under the heading "{title}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const { sections } = report;
    // Built on the first empty numbered line at 1. or （1）: where siblings have subsections.
    let levels: Set<number> | null = null;
    // An indexed loop: the report's lists are frozen, and for…of takes a slow path on them.
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const { heading } = section;
      // A statement (`（一）…不强。` in a list of such) is an item, not an empty heading.
      if (heading.runIn || heading.statement || section.children.length > 0) continue;
      if (report.title && heading.line === report.title.line) continue;
      // The signer's line and date closing the report are no text of the last heading.
      if (hasBodyBeforeSignature(section, report.text, report.opaque)) continue;
      if (heading.marker && heading.marker.level >= 3) {
        // A sentence (`3.阵地利用不足。`) is a list item whatever its neighbours are, unless it
        // is a bare title among run-in headings whose text follows their title's 。.
        if (/[。！？；;.!?]$/u.test(heading.title.text)) {
          if (!bareAmongRunIns(section, sections, report.text)) continue;
        } else {
          levels ??= headingLevels(sections);
          // `1.工会工作` bare before `2.青年工作。…` `3.统战工作。…`: a title left without its text.
          if (!levels.has(section.parent * 8 + heading.marker.level) && !bareAmongRunIns(section, sections, report.text)) continue;
        }
      }
      problems.push({
        messageId: 'empty',
        data: { title: `${heading.marker?.text ?? ''}${heading.title.text}` },
        start: heading.start,
        end: heading.title.end,
      });
    }
    return problems;
  },
};

/**
 * The (parent, marker level) pairs under which some section has subsections, as
 * `parent * 8 + level` (parent -1 for the top): there the writer uses that numbering level
 * for headings, not for list items. One pass over `sections`.
 */
function headingLevels(sections: readonly Section[]): Set<number> {
  const keys = new Set<number>();
  for (let j = 0; j < sections.length; j++) {
    const s = sections[j];
    if (s.children.length > 0 && s.heading.marker) keys.add(s.parent * 8 + s.heading.marker.level);
  }
  return keys;
}

/** A title's shape: a short phrase closed by 。 with no comma or other stop inside (`加强离退休党员管理。`). */
const TITLE_SENTENCE = /^[^，,、；;：:。！？]{4,20}。$/u;
/** A bare title's shape: the same phrase with no closing mark (`工会工作`), 2 characters at least. */
const TITLE_PHRASE = /^[^，,、；;：:。！？.!?]{2,20}$/u;
/** Catch-all items written bare in any list (`完成上级交办的其他工作。`): never a title left empty. */
const CATCH_ALL = /其他|其它|交办/u;
/** The least text (code units) a run-in sibling has after its title for its level to be one of headings with paragraphs. */
const RUN_IN_BODY_MIN = 60;

/**
 * Whether `section`, a numbered line at 1. or （1） with nothing under it, is a title left
 * without its text: its title is title-shaped (TITLE_SENTENCE, or TITLE_PHRASE with no closing
 * mark: `1.工会工作` before `2.青年工作。…`; no catch-all), and
 * every other section of its level under its parent, two at least, is a run-in heading of the
 * same shape (`（1）推进党支部标准化建设。` + a paragraph on its line, RUN_IN_BODY_MIN or more).
 * There the level holds headings with their text, not statements (`（2）党课每季度一次。其中…`
 * of a short list, whose text is a sentence or two, stays an item). Offsets in `text` are
 * UTF-16 code units.
 */
function bareAmongRunIns(section: Section, sections: readonly Section[], text: string): boolean {
  const { heading } = section;
  if (!(TITLE_SENTENCE.test(heading.title.text) || TITLE_PHRASE.test(heading.title.text)) || CATCH_ALL.test(heading.title.text)) return false;
  let others = 0;
  for (let j = 0; j < sections.length; j++) {
    const s = sections[j];
    if (j === section.index || s.parent !== section.parent || s.heading.marker?.level !== heading.marker?.level) continue;
    const h = s.heading;
    if (!h.runIn || !TITLE_SENTENCE.test(h.title.text)) return false;
    if (text.slice(h.end, s.end).trim().length < RUN_IN_BODY_MIN) return false;
    others++;
  }
  return others >= 2;
}
