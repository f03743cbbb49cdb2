/**
 * section-order: the required sections stand in the conventional order — work done, then
 * problems, then plans (standards.md: "all three, in that order"). Only sections with
 * headings are ordered; a lead-in paragraph has no place to move.
 */
import { reportKinds, type SectionId } from '../data/index';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

const ORDER: SectionId[] = ['work', 'problems', 'plans'];

export const sectionOrder: Rule = {
  id: 'section-order',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '必备章节按惯例排序：工作开展情况、存在的问题、下一步工作计划',
      en: 'Required sections in the conventional order: work done, problems, plans',
    },
    messages: {
      order: {
        'zh-CN': '章节顺序不当：“{section}”应位于“{before}”之前',
        en: 'Section order: "{sectionEn}" should come before "{beforeEn}"',
      },
      earlier: { 'zh-CN': '“{before}”在此', en: '"{beforeEn}" is here' },
    },
  },
  check(report: Report): Problem[] {
    if (!report.isReport) return [];
    const headed = report.parts.filter((p) => p.via === 'heading');
    const problems: Problem[] = [];
    const { sections } = reportKinds;
    // Each required section's first heading must not follow a later section's heading.
    for (const id of ORDER) {
      const part = headed.find((p) => p.id === id);
      if (!part) continue;
      const later = headed.find((p) => ORDER.indexOf(p.id) > ORDER.indexOf(id) && p.start < part.start && p.section !== part.section);
      if (!later) continue;
      const data = {
        section: sections[id].name,
        sectionEn: sections[id].nameEn,
        before: sections[later.id].name,
        beforeEn: sections[later.id].nameEn,
      };
      problems.push({
        messageId: 'order',
        data,
        start: part.start,
        end: part.end,
        related: [{ messageId: 'earlier', data, start: later.start, end: later.end }],
      });
    }
    return problems;
  },
};
