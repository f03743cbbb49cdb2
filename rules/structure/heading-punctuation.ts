/**
 * heading-punctuation: a heading that stands on its own line takes no 句号; one that runs
 * into its text (`（一）强化政治建设，筑牢思想根基。一是…`) ends with one (design.md; GB/T
 * 9704-2012 practice for 标题). Levels 一、 and （一） and `#` headings are held to the rule
 * outright; at levels 1. and （1）, where a numbered line is often a one-sentence list item,
 * only a minority that differs from its level's usage in the document is reported.
 */
import type { Heading, Report } from '../model/report';
import type { Problem, Rule } from '../types';

const FULL_STOP = /[。．.]$/;

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  meta: {
    family: 'structure',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '独立成行的标题末尾不加句号；同一层级的标题末尾标点保持一致',
      en: 'A heading on its own line takes no full stop; headings of one level end alike',
    },
    messages: {
      standalone: {
        'zh-CN': '独立成行的标题“{title}”末尾不应加句号',
        en: 'A heading on its own line ("{title}") should not end with a full stop',
      },
      inconsistent: {
        'zh-CN': '同一层级的其他{count}个标题末尾不加句号，此标题“{title}”也应去掉句号',
        en: '{count} other headings of this level end without a full stop; so should "{title}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const standalone = report.headings.filter((h) => !h.runIn && h.title.text.length > 0 && (report.title === null || h.line !== report.title.line));
    const byLevel = new Map<number, Heading[]>();
    for (const h of standalone) {
      const level = h.marker?.level ?? 0; // 0: an unnumbered `#` heading
      const list = byLevel.get(level);
      if (list) list.push(h);
      else byLevel.set(level, [h]);
    }
    for (const [level, headings] of byLevel) {
      const ending = headings.filter((h) => FULL_STOP.test(h.title.text));
      if (ending.length === 0) continue;
      const strict = level <= 2;
      const others = headings.length - ending.length;
      if (!strict && others <= ending.length) continue;
      for (const h of ending) {
        const stop = h.title.end - 1;
        problems.push({
          messageId: strict ? 'standalone' : 'inconsistent',
          data: { title: h.title.text, count: others },
          start: stop,
          end: stop + 1,
          fix: { start: stop, end: stop + 1, text: '' },
        });
      }
    }
    return problems.sort((a, b) => a.start - b.start);
  },
};
