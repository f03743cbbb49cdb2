/**
 * empty-section: a heading with nothing under it — no text and no subsection before the
 * next heading of its own or a higher level (design.md). Only `#` headings and the levels
 * 一、 and （一） are held to it: numbered lines at 1. and （1） are as often short list items
 * ("1.学习不够深入") as headings, and a warning on a correct list costs more than it finds.
 * Nor are numbered statements (`Heading.statement`: `（一）…不充分。` `（二）…仅为62%。`,
 * each a full sentence with nothing under it, as problems sections are often written).
 */
import { hasBody } from '../model/outline';
import type { Report } from '../model/report';
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
    // An indexed loop: the report's lists are frozen, and for…of takes a slow path on them.
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const { heading } = section;
      // A statement (`（一）…不强。` in a list of such) is an item, not an empty heading.
      if (heading.runIn || heading.statement || section.children.length > 0) continue;
      if (report.title && heading.line === report.title.line) continue;
      if (heading.marker && heading.marker.level >= 3) continue;
      if (hasBody(section, report.text, report.opaque)) continue;
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
