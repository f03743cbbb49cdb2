/**
 * duplicate-punctuation: a Chinese punctuation mark typed twice in a row — `。。` `，，`
 * `、、` `；；` `：：` — is a slip of the keyboard; one mark is meant (GB/T 15834-2011 gives
 * each mark once). Doubled `！！` and `？？` are left alone (they can be stylistic), as are
 * the two-cell marks `……` (ellipsis) and `——` (dash), which are correct doubled.
 *
 * A run of three or more 句号 (`等等。。。`) is an ellipsis typed with full stops: it is
 * reported, but without a fix, since the writer may have meant `……` or a single `。`.
 *
 * Two different marks of the five in a row (`不够健全；。`, `工作，。`, `会议。，`) are a
 * change of mind left half done: GB/T 15834-2011 gives no place where two of them stand
 * together. Where a weaker mark stands before a 句号 the sentence ends and the fix keeps the
 * `。`; any other mix is reported without a fix (which mark was meant is the writer's call).
 *
 * ASCII `,` and `;` count as `，` `；` in a doubled mark between Han characters (`组成,,原来`,
 * `7人,，其中`): the same slip, whose fix writes the one full-width mark.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

// A run of two or more of the five marks (the same or not), or of ASCII `,` `;` with them.
// A plain class run, no backreference, so each mark is looked at once.
const RUN = /[。，、；：,;]{2,}/g;
/** The full-width mark an ASCII `,` or `;` in Chinese text stands for (half-width-punctuation asks for it too). */
const WIDE: Record<string, string> = { ',': '，', ';': '；' };
/** Whether the code unit at `i` is a Han character of the BMP. */
const hanAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
};

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
      'zh-CN': '标点符号误重复或连用（。。 ，， 、、 ；； ：： ；。）',
      en: 'A punctuation mark typed twice, or two marks in a row (。。 ，， 、、 ；； ：： ；。)',
    },
    messages: {
      duplicate: {
        'zh-CN': '标点符号“{mark}”重复（“{found}”），应为一个“{mark}”',
        en: 'Punctuation mark "{mark}" repeated ("{found}"); one "{mark}" is meant',
      },
      mixed: {
        'zh-CN': '标点符号“{found}”连用，应只保留一个（GB/T 15834—2011）',
        en: 'Punctuation marks "{found}" in a row; keep one (GB/T 15834-2011)',
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
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
      const start = m.index;
      const found = m[0];
      const end = start + found.length;
      if (opaque.overlaps(start, end)) continue;
      // ASCII `,,` (a text whose full-width marks were folded to ASCII, or typed so) is the
      // same slip in Chinese text: read as one mark doubled, between Han characters, never
      // in Latin text or between digits (`a,,b`, `1,,2`) nor after a label's number (`2、,`).
      const ascii = /[,;]/.test(found);
      const wide = ascii ? found.replace(/[,;]/g, (c) => WIDE[c]) : found;
      const mark = wide[0];
      if (ascii && (!hanAt(text, start - 1) || !hanAt(text, end) || ![...wide].every((c) => c === mark))) continue;
      if (![...wide].every((c) => c === mark)) {
        // `；。`: the sentence ends, the full stop stays.
        const fix = wide.length === 2 && wide[1] === '。' ? { start, end, text: '。' } : undefined;
        problems.push({ messageId: 'mixed', data: { found }, start, end, ...(fix ? { fix } : {}) });
      } else if (mark === '。' && found.length >= 3) {
        problems.push({ messageId: 'ellipsis', data: { found }, start, end });
      } else {
        problems.push({ messageId: 'duplicate', data: { mark, found }, start, end, fix: { start, end, text: mark } });
      }
    }
    return problems;
  },
};
