/**
 * numbering-sequence: structural numbers (一、 / （一） / 1. / （1）) and ordinal items
 * (一是…) run 1, 2, 3 without gaps or repeats, restarting under each parent section
 * (GB/T 9704-2012 7.3.3). A new 一是 run may start anywhere (each paragraph, or after a
 * lead-in such as "主要原因："); any other item continues the run before it.
 */
import { toChineseNumeral } from '../model/numerals';
import { canonicalMarker, type MarkerLevel } from '../model/markers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

/** The number before, and the numbers its run has used so far. */
interface Previous {
  value: number;
  start: number;
  end: number;
  text: string;
  used: Set<number>;
}

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  meta: {
    family: 'structure',
    severity: 'error',
    fixable: false,
    description: {
      'zh-CN': '结构层次序数和“一是、二是”连续编号，不跳号、不重号，在每个上级标题下重新起编',
      en: 'Structural numbers and 一是/二是 items run without gaps or repeats, restarting under each parent',
    },
    messages: {
      gap: {
        'zh-CN': '序号不连续：“{previous}”之后应为“{expected}”，此处为“{actual}”',
        en: 'Numbering gap: after "{previous}" expected "{expected}", found "{actual}"',
      },
      repeat: {
        'zh-CN': '序号重复：“{actual}”前面已经用过，此处应为“{expected}”',
        en: 'Repeated number: "{actual}" was already used; expected "{expected}"',
      },
      order: {
        'zh-CN': '序号顺序颠倒：“{previous}”之后应为“{expected}”，此处为“{actual}”',
        en: 'Numbers out of order: after "{previous}" expected "{expected}", found "{actual}"',
      },
      start: {
        'zh-CN': '序号应从“{expected}”开始，此处为“{actual}”',
        en: 'Numbering should start at "{expected}", found "{actual}"',
      },
      previous: { 'zh-CN': '上一个序号“{previous}”', en: 'previous number "{previous}"' },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const check = (
      value: number,
      last: Previous | undefined,
      start: number,
      end: number,
      actual: string,
      show: (n: number) => string,
      restartable: boolean,
    ): void => {
      if (!last) {
        if (value !== 1) problems.push({ messageId: 'start', data: { expected: show(1), actual }, start, end });
        return;
      }
      if (restartable && value === 1) return;
      if (value === last.value + 1 && !last.used.has(value)) return;
      const data = { previous: last.text, expected: show(last.value + 1), actual };
      const related = [{ messageId: 'previous', data, start: last.start, end: last.end }];
      const messageId = last.used.has(value) ? 'repeat' : value > last.value ? 'gap' : 'order';
      problems.push({ messageId, data, start, end, related });
    };

    // Structural numbers: siblings of each level under one parent.
    const byParent = new Map<number, number[]>();
    report.sections.forEach((s) => {
      if (!s.heading.marker) return;
      const list = byParent.get(s.parent) ?? [];
      list.push(s.index);
      byParent.set(s.parent, list);
    });
    for (const siblings of byParent.values()) {
      const last = new Map<MarkerLevel, Previous>();
      for (const index of siblings) {
        const marker = report.sections[index].heading.marker!;
        const previous = last.get(marker.level);
        check(marker.value, previous, marker.start, marker.end, marker.text, (n) => canonicalMarker(marker.level, n), false);
        // One set per level and parent, grown in place: copying it per sibling is quadratic.
        last.set(marker.level, { ...marker, used: (previous?.used ?? new Set<number>()).add(marker.value) });
      }
    }

    // Ordinal items: one run at a time within each section.
    const lastItem = new Map<number, Previous>();
    for (const item of report.items) {
      const previous = lastItem.get(item.section);
      check(item.value, previous, item.start, item.end, item.text, (n) => `${toChineseNumeral(n)}是`, true);
      // A new 一是 starts a new run: earlier runs' numbers are not repeats.
      const used = item.value === 1 || !previous ? new Set<number>() : previous.used;
      lastItem.set(item.section, { ...item, used: used.add(item.value) });
    }
    return problems;
  },
};
