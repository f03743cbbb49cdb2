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

// Where a run of one of the five marks starts: the mark twice. Literal pairs are found much
// faster than a class with a backreference (`([。，、；：])\1`), which is tried at every mark.
const DOUBLED = /。。|，，|、、|；；|：：/g;

export const duplicatePunctuation: Rule = {
  id: 'duplicate-punctuation',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
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
    const { text, opaque } = report;
    const problems: Problem[] = [];
    // One scan of the whole document: a run of marks cannot cross a line end, so the runs
    // are those of a line-by-line scan.
    DOUBLED.lastIndex = 0;
    for (let m = DOUBLED.exec(text); m !== null; m = DOUBLED.exec(text)) {
      const start = m.index;
      const code = text.charCodeAt(start);
      let end = start + 2;
      while (text.charCodeAt(end) === code) end++;
      DOUBLED.lastIndex = end;
      if (opaque.overlaps(start, end)) continue;
      const mark = text[start];
      const found = text.slice(start, end);
      if (mark === '。' && found.length >= 3) {
        problems.push({ messageId: 'ellipsis', data: { found }, start, end });
      } else {
        problems.push({ messageId: 'duplicate', data: { mark, found }, start, end, fix: { start, end, text: mark } });
      }
    }
    return problems;
  },
};
