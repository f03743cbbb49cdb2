/**
 * required-sections: a report has the sections its kind requires (standards.md, "Report
 * kinds and their sections": the 述职 "三必述" and a 工作总结's work / problems / plans).
 * Sections are recognised by meaning through rules/data/report-kinds.yaml. Reported once,
 * on the title (or the first sentence), naming every missing section. Documents that do
 * not read as reports (`Report.isReport`) are not held to a report's sections.
 */
import { reportKinds } from '../data/index';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

export const requiredSections: Rule = {
  id: 'required-sections',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '报告应包含其类型要求的章节（工作开展情况、存在的问题、下一步工作计划）',
      en: 'A report has the sections its kind requires (work done, problems, plans)',
    },
    messages: {
      missing: {
        'zh-CN': '{kind}缺少必备章节：{missing}（应包含：{required}）',
        en: 'This {kindEn} lacks required sections: {missingEn} (expected: {requiredEn})',
      },
    },
  },
  check(report: Report): Problem[] {
    if (!report.isReport || report.kind.requires.length === 0) return [];
    const found = new Set(report.parts.map((p) => p.id));
    const missing = report.kind.requires.filter((id) => !found.has(id));
    if (missing.length === 0) return [];
    const { sections } = reportKinds;
    const names = (ids: readonly string[], key: 'name' | 'nameEn', sep: string) =>
      ids.map((id) => sections[id as keyof typeof sections][key]).join(sep);
    const kindEn = reportKinds.kinds.find((k) => k.id === report.kind.id)?.nameEn ?? report.kind.id;
    const at = report.title ?? firstLine(report);
    return [
      {
        messageId: 'missing',
        data: {
          kind: report.kind.id,
          kindEn,
          missing: names(missing, 'name', '、'),
          missingEn: names(missing, 'nameEn', ', '),
          required: names(report.kind.requires, 'name', '、'),
          requiredEn: names(report.kind.requires, 'nameEn', ', '),
        },
        start: at.start,
        end: at.end,
      },
    ];
  },
};

function firstLine(report: Report): { start: number; end: number } {
  const { lines } = report;
  for (let line = 0; line < lines.count; line++) {
    const start = lines.start(line);
    const end = lines.end(line);
    if (end > start && !report.opaque.at(start) && lines.lineText(line).trim()) {
      // A first line that is a long paragraph: mark its first sentence, not all of it.
      const stop = report.text.slice(start, end).search(/[。！？]/);
      return { start, end: stop >= 0 ? start + stop + 1 : end };
    }
  }
  return { start: 0, end: 0 };
}
