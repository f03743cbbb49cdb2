/**
 * emphasis-cjk: `**…**` or `*…*` that CommonMark leaves unclosed because a Chinese
 * punctuation mark stands inside the markers next to a Han character outside them
 * (`**一是强化学习。**坚持…` shows literal asterisks; CommonMark 0.31.2 §6.2, commonmark-spec
 * issue 650). Drafts pasted from Word hit this constantly: bold 一是 lead-ins end with 。.
 * The fix moves the punctuation outside the markers (`**一是强化学习**。坚持…`), which
 * renders the same words in bold. Pairs are found in `rules/model/emphasis.ts`.
 */
import { unclosedEmphasis } from '../model/emphasis';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

export const emphasisCjk: Rule = {
  id: 'emphasis-cjk',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '紧邻中文标点的加粗、强调标记未能闭合，会显示为星号',
      en: 'Bold or emphasis markers left unclosed next to Chinese punctuation show as asterisks',
    },
    messages: {
      unclosed: {
        'zh-CN': '标记“{marker}”紧邻中文标点，按 CommonMark 规则不能闭合，将原样显示为星号；应把标点移到标记外，改为 {suggestion}',
        en: 'The "{marker}" markers touch Chinese punctuation and cannot close under CommonMark, so they show as asterisks; move the punctuation outside: {suggestion}',
      },
    },
  },
  check(report: Report): Problem[] {
    const pairs = unclosedEmphasis(report);
    const problems: Problem[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const { start, end, marker, replacement } = pairs[i];
      problems.push({
        messageId: 'unclosed',
        data: { marker, suggestion: replacement },
        start,
        end,
        fix: { start, end, text: replacement },
      });
    }
    return problems;
  },
};
