/**
 * required-sections: a report has the sections its kind requires (standards.md, "Report
 * kinds and their sections": the 述职 "三必述" and a 工作总结's work / problems / plans).
 * Sections are recognised by meaning through rules/data/report-kinds.yaml. Reported once,
 * on the title (or the first sentence), naming every missing section. Documents that do
 * not read as reports (`Report.isReport`) are not held to a report's sections.
 */
import { reportKinds, type SectionId } from '../data/index';
import type { Report, SectionPart } from '../model/report';
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
    const { requires } = report.kind;
    if (!report.isReport || requires.length === 0) return [];
    // Plain loops, no Set: a report has a handful of parts, and V8's array builtins take a
    // slow path on the report's frozen lists.
    const missing: SectionId[] = [];
    for (let i = 0; i < requires.length; i++) if (!hasPart(report.parts, requires[i])) missing.push(requires[i]);
    if (missing.length === 0) return [];
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
          required: names(requires, 'name', '、'),
          requiredEn: names(requires, 'nameEn', ', '),
        },
        start: at.start,
        end: at.end,
      },
    ];
  },
};

/** Whether one of `parts` is the section `id`. */
function hasPart(parts: readonly SectionPart[], id: SectionId): boolean {
  for (let i = 0; i < parts.length; i++) if (parts[i].id === id) return true;
  return false;
}

/** The display names of the sections `ids`, joined by `sep`. */
function names(ids: readonly SectionId[], key: 'name' | 'nameEn', sep: string): string {
  let joined = '';
  for (let i = 0; i < ids.length; i++) joined += (i > 0 ? sep : '') + reportKinds.sections[ids[i]][key];
  return joined;
}

function firstLine(report: Report): { start: number; end: number } {
  const { lines } = report;
  for (let line = 0; line < lines.count; line++) {
    const start = lines.start(line);
    const end = lines.end(line);
    if (end > start && !report.opaque.at(start) && lines.lineText(line).trim()) {
      // A first line that is a long paragraph: mark its first sentence, not all of it.
      return { start, end: sentenceEnd(report.text, start, end) };
    }
  }
  return { start: 0, end: 0 };
}

/** Just past the first 。, ！ or ？ of `text[start, end)`, or `end` if there is none. */
function sentenceEnd(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */) return i + 1;
  }
  return end;
}
