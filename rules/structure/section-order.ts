/**
 * section-order: the required sections stand in the conventional order — work done, then
 * problems, then plans (standards.md: "all three, in that order"). Only sections with
 * headings are ordered; a lead-in paragraph has no place to move. Only for a kind that
 * requires sections: a 调研报告 or 实施方案 (a genre its title names) has its own order.
 */
import { reportKinds, type SectionId } from '../data/index';
import type { Report, SectionPart } from '../model/report';
import type { Problem, Rule } from '../types';

const ORDER: readonly SectionId[] = ['work', 'problems', 'plans'];

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
    // A document of another genre (report-kinds.yaml `genres`: 实施方案, 调研报告…) or of a
    // kind that requires no sections has no required sections to order.
    if (!report.isReport || report.kind.requires.length === 0) return [];
    const { parts } = report;
    const problems: Problem[] = [];
    // Each required section's first heading must not follow a later section's heading.
    // Indexed loops over `parts`: the report's lists are frozen, and V8's array builtins
    // (filter, find, for…of) take a slow path on frozen arrays.
    for (let rank = 0; rank < ORDER.length; rank++) {
      const id = ORDER[rank];
      const part = firstHeaded(parts, id);
      if (!part) continue;
      const later = laterHeadedBefore(parts, rank, part);
      if (!later) continue;
      const { sections } = reportKinds;
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

/** The first part with a heading that is the section `id`, if any. */
function firstHeaded(parts: readonly SectionPart[], id: SectionId): SectionPart | undefined {
  for (let i = 0; i < parts.length; i++) if (parts[i].via === 'heading' && parts[i].id === id) return parts[i];
  return undefined;
}

/** The first part with a heading, of a section after ORDER[rank], standing before `part` in another section. */
function laterHeadedBefore(parts: readonly SectionPart[], rank: number, part: SectionPart): SectionPart | undefined {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.via === 'heading' && ORDER.indexOf(p.id) > rank && p.start < part.start && p.section !== part.section) return p;
  }
  return undefined;
}
