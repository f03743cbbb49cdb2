/**
 * numbering-style: structural numbers take the forms of GB/T 9704-2012 7.3.3 — `一、`,
 * `（一）` (full-width parentheses, nothing after), `1.`, `（1）` — and levels nest in
 * order: a higher level never stands under, or after a sibling of, a lower one. Skipping
 * a level (`一、` then `1.`) is common practice and allowed unless `allowSkipLevel` is false
 * (standards.md).
 */
import { LEVEL_SHAPES, type MarkerLevel, type StructuralMarker } from '../model/markers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

export const numberingStyle: Rule = {
  id: 'numbering-style',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '结构层次序数采用 GB/T 9704 的形式（一、（一）1.（1）），层级由高到低嵌套',
      en: 'Structural numbers use the GB/T 9704 forms (一、 （一） 1. （1）) and nest from higher to lower levels',
    },
    defaultOptions: { allowSkipLevel: true },
    optionDescriptions: {
      allowSkipLevel: {
        'zh-CN': '是否允许越级使用序数（如“一、”下直接用“1.”）',
        en: 'Whether a level may be skipped (1. right under 一、)',
      },
    },
    messages: {
      form: {
        'zh-CN': '结构层次序数“{actual}”不规范，应为“{expected}”（GB/T 9704—2012 7.3.3）',
        en: 'Non-standard structural number "{actual}"; use "{expected}" (GB/T 9704-2012 7.3.3)',
      },
      inverted: {
        'zh-CN': '层次倒置：第{level}层序数“{actual}”不应位于第{other}层“{otherShape}”{where}',
        en: 'Inverted levels: level-{level} number "{actual}" should not stand {whereEn} a level-{other} "{otherShape}"',
      },
      skipped: {
        'zh-CN': '层次跳级：“{actual}”（第{level}层）直接位于第{parentLevel}层之下，缺少第{missing}层“{missingShape}”',
        en: 'Skipped level: "{actual}" (level {level}) directly under level {parentLevel}; level {missing} "{missingShape}" is missing',
      },
      here: { 'zh-CN': '第{other}层序数在此', en: 'the level-{other} number is here' },
    },
  },
  check(report: Report, options): Problem[] {
    const problems: Problem[] = [];
    const { sections } = report;
    // Per parent section (-1: the top), the lowest-level marker seen so far among its children.
    const deepestSibling = new Map<number, StructuralMarker>();
    // An indexed loop: the report's lists are frozen, and for…of takes a slow path on them.
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i];
      const marker = section.heading.marker;
      if (!marker) continue;
      if (!marker.standard) {
        problems.push({
          messageId: 'form',
          data: { actual: marker.text, expected: marker.canonical },
          start: marker.start,
          end: marker.end,
          fix: { start: marker.start, end: marker.end, text: marker.canonical },
        });
      }
      const parent = section.parent >= 0 ? sections[section.parent].heading.marker : null;
      if (parent && parent.level >= marker.level) {
        problems.push(inverted(marker, parent, 'under'));
        continue;
      }
      // A sibling of a lower level before this one: `1.` … then `（一）` under one parent.
      const lower = deepestSibling.get(section.parent);
      if (!lower || marker.level > lower.level) deepestSibling.set(section.parent, marker);
      if (lower && lower.level > marker.level) {
        problems.push(inverted(marker, lower, 'after'));
        continue;
      }
      const parentLevel = parent ? parent.level : 0;
      if (options.allowSkipLevel === false && parent && marker.level > parentLevel + 1) {
        const missing = (parentLevel + 1) as MarkerLevel;
        problems.push({
          messageId: 'skipped',
          data: { actual: marker.text, level: marker.level, parentLevel, missing, missingShape: LEVEL_SHAPES[missing] },
          start: marker.start,
          end: marker.end,
        });
      }
    }
    return problems;
  },
};

function inverted(
  marker: { level: MarkerLevel; text: string; start: number; end: number },
  other: { level: MarkerLevel; start: number; end: number },
  where: 'under' | 'after',
): Problem {
  const data = {
    level: marker.level,
    actual: marker.text,
    other: other.level,
    otherShape: LEVEL_SHAPES[other.level],
    where: where === 'under' ? '之下' : '之后',
    whereEn: where === 'under' ? 'under' : 'after',
  };
  return {
    messageId: 'inverted',
    data,
    start: marker.start,
    end: marker.end,
    related: [{ messageId: 'here', data, start: other.start, end: other.end }],
  };
}
