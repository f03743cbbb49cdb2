/**
 * numbering-style: structural numbers take the forms of GB/T 9704-2012 7.3.3 — `一、`,
 * `（一）` (full-width parentheses, nothing after), `1.`, `（1）` — and levels nest in
 * order: a higher level never stands under, or after a sibling of, a lower one. Skipping
 * a level (`一、` then `1.`) is common practice and allowed unless `allowSkipLevel` is false
 * (standards.md). A `1．` (full-width point) is accepted where the document writes its 1.-level
 * numbers so throughout, and reported where siblings or most of the document write `1.`.
 */
import { LEVEL_SHAPES, type MarkerLevel, type StructuralMarker } from '../model/markers';
import type { Report } from '../model/report';
import { restartsInside } from '../model/sections';
import { inlineCommaNumbers } from './inline-numbers';
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
      fullStop: {
        'zh-CN': '序数“{actual}”用了全角点号“．”，与同级的“{example}”不一致，应为“{expected}”（GB/T 9704—2012 7.3.3）',
        en: 'Number "{actual}" uses the full-width point "．" where its siblings use "{example}"; write "{expected}" (GB/T 9704-2012 7.3.3)',
      },
      here: { 'zh-CN': '第{other}层序数在此', en: 'the level-{other} number is here' },
    },
  },
  check(report: Report, options): Problem[] {
    const problems: Problem[] = [];
    const { sections } = report;
    // Per parent section (-1: the top), the lowest-level marker seen so far among its children.
    const deepestSibling = new Map<number, StructuralMarker>();
    const halfWidth = halfWidthSiblings(sections);
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
          fix: { start: marker.start, end: spacesAfter(report.text, marker), text: marker.canonical },
        });
      } else if (marker.level === 3 && marker.text.endsWith('．')) {
        const example = halfWidth.get(section.parent) ?? halfWidth.get(DOCUMENT);
        if (example !== undefined) {
          const expected = `${marker.value}.`;
          problems.push({
            messageId: 'fullStop',
            data: { actual: marker.text, expected, example: example.text },
            start: marker.start,
            end: marker.end,
            fix: { start: marker.start, end: marker.end, text: expected },
          });
        }
      }
      const parent = section.parent >= 0 ? sections[section.parent].heading.marker : null;
      // A run restarted at 一 under a `#` heading is a level of its own there (sections.ts).
      if (parent && parent.level >= marker.level && !restartsInside(sections, section)) {
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
    // 1.-level numbers run into a paragraph, one of them written `2、` among `1.` `3.`.
    for (const n of inlineCommaNumbers(report)) {
      problems.push({ messageId: 'form', data: { actual: n.text, expected: n.expected }, start: n.start, end: n.end, fix: { start: n.start, end: n.end, text: n.expected } });
    }
    return problems;
  },
};

/** The key of `halfWidthSiblings` for the document as a whole. */
const DOCUMENT = -2;

/**
 * The `1.`-level markers written with the half-width point (`2.`) that make a full-width
 * one (`3．`) a slip: per parent section, the first such marker among its children; and,
 * under DOCUMENT, the document's first when half-width points are at least as many as
 * full-width ones. `1．` alone is accepted (typeset 公文 often sets it so); mixed with `1.`
 * among siblings, or in a document that mostly writes `1.`, it is the odd one out.
 */
function halfWidthSiblings(sections: Report['sections']): Map<number, StructuralMarker> {
  const found = new Map<number, StructuralMarker>();
  let half = 0;
  let full = 0;
  let first: StructuralMarker | null = null;
  for (let i = 0; i < sections.length; i++) {
    const marker = sections[i].heading.marker;
    if (!marker || marker.level !== 3) continue;
    if (marker.text.endsWith('．')) full++;
    else if (marker.text.endsWith('.')) {
      half++;
      first ??= marker;
      if (!found.has(sections[i].parent)) found.set(sections[i].parent, marker);
    }
  }
  if (full > 0 && first !== null && half >= full) found.set(DOCUMENT, first);
  return full > 0 ? found : new Map();
}

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

/**
 * Where a marker's fix ends (UTF-16 offset into `text`): after the marker, and after the white
 * space behind it when the standard form ends with its own mark (`一. 党建…` → `（一）党建…`):
 * GB/T 9704-2012 §7.3.3's 一、 and （一） are followed by the words directly.
 */
function spacesAfter(text: string, marker: StructuralMarker): number {
  let end = marker.end;
  if (!/[、）]$/u.test(marker.canonical)) return end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\u3000')) end++;
  return end;
}
