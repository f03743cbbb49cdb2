/**
 * duplicate-punctuation: a Chinese punctuation mark typed twice in a row — `。。` `，，`
 * `、、` `；；` `：：` — is a slip of the keyboard; one mark is meant (GB/T 15834-2011 gives
 * each mark once). Doubled `！！` and `？？` are left alone (they can be stylistic), as are
 * the two-cell marks `……` (ellipsis) and `——` (dash), which are correct doubled.
 *
 * A run of three or more 句号 (`等等。。。`) is an ellipsis typed with full stops: it is
 * reported, but without a fix, since the writer may have meant `……` or a single `。`.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { proseMatches } from '../model/prose';

// A run of one of the five marks repeated; a backreference to one character class item is
// a single loop, linear in the run's length.
const RUN = /([。，、；：])\1+/g;

export const duplicatePunctuation: Rule = {
  id: 'duplicate-punctuation',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '标点符号误重复（。。 ，， 、、 ；； ：：）',
      en: 'A punctuation mark typed twice (。。 ，， 、、 ；； ：：)',
    },
    messages: {
      duplicate: {
        'zh-CN': '标点符号“{mark}”重复（“{found}”），应为一个“{mark}”',
        en: 'Punctuation mark "{mark}" repeated ("{found}"); one "{mark}" is meant',
      },
      ellipsis: {
        'zh-CN': '连续句号“{found}”不规范：表示省略应为省略号“……”，否则应为一个“。”（GB/T 15834—2011）',
        en: 'Full stops in a row ("{found}"): an ellipsis is "……", otherwise one "。" is meant (GB/T 15834-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    for (const { match: m, start, end } of proseMatches(report, RUN, (line) => /([。，、；：])\1/.test(line))) {
      const mark = m[1];
      if (mark === '。' && m[0].length >= 3) {
        problems.push({ messageId: 'ellipsis', data: { found: m[0] }, start, end });
      } else {
        problems.push({ messageId: 'duplicate', data: { mark, found: m[0] }, start, end, fix: { start, end, text: mark } });
      }
    }
    return problems;
  },
};
