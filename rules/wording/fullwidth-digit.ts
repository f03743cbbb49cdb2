/**
 * fullwidth-digit: counting and measuring numbers are written with half-width Arabic digits
 * (GB/T 15835-2011): `１２场` → `12场`, `58.7％` → `58.7%`, `１．５万` → `1.5万`.
 *
 * A number is a run of digits of either width with `.`/`．` between digits and an optional
 * `%`/`％` after it; it is reported when it holds a full-width digit or a full-width `％`.
 * A full-width `．` is converted only inside a number written with full-width digits: `1．`
 * at a line head is a structural number that numbering-style accepts, and `1．5` in
 * half-width digits is left alone. A number touching full-width Latin letters (`ＸＬ０７`)
 * is an identifier typed in full width throughout and is left alone.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

// Linear: each quantifier consumes a different character class than the one after it.
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)*[%％]?/g;
const HAS_FULL_WIDTH = /[０-９％]/;
/** The same, global: to find the lines that hold one. */
const FULL_WIDTH = /[０-９％]/g;
const FULL_WIDTH_DIGIT = /[０-９]/;
const FULL_WIDTH_LATIN = /[Ａ-Ｚａ-ｚ]/;

/** Maps full-width digits, `．` and `％` of `s` to their half-width forms. */
function toHalfWidth(s: string): string {
  // A loop, not `replace` with a callback: a number is a few characters, and the callback
  // costs more than the whole conversion.
  let half = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const full = (c >= 0xff10 && c <= 0xff19) /* ０-９ */ || c === 0xff0e /* ． */ || c === 0xff05; /* ％ */
    half += String.fromCharCode(full ? c - 0xfee0 : c);
  }
  return half;
}

/** Adds the numbers of `line` written with full-width characters to `problems`. */
function checkLine(line: number, { lines, opaque }: Report, problems: Problem[]): void {
  const from = lines.start(line);
  const lineText = lines.lineText(line);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(lineText); m !== null; m = NUMBER.exec(lineText)) {
    const index = m.index;
    if (opaque.overlaps(from + index, from + index + m[0].length)) continue;
    let found = m[0];
    if (!HAS_FULL_WIDTH.test(found)) continue;
    if (FULL_WIDTH_LATIN.test(lineText[index - 1] ?? '') || FULL_WIDTH_LATIN.test(lineText[index + found.length] ?? '')) continue;
    // `．` between half-width digits only (`1．5`): not this rule's to judge; cut the number
    // before it and look at the parts on their own.
    if (!FULL_WIDTH_DIGIT.test(found) && found.includes('．')) {
      const tail = /[0-9]+[%％]?$/.exec(found)!;
      if (!tail[0].includes('％')) continue;
      found = tail[0];
    }
    const start = from + index + (m[0].length - found.length);
    const end = start + found.length;
    if (opaque.overlaps(start, end)) continue;
    const expected = toHalfWidth(found);
    problems.push({ messageId: 'fullWidth', data: { found, expected }, start, end, fix: { start, end, text: expected } });
  }
}

export const fullwidthDigit: Rule = {
  id: 'fullwidth-digit',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '数字使用半角阿拉伯数字，不用全角数字和全角百分号“％”',
      en: 'Numbers use half-width Arabic digits, not full-width digits or "％"',
    },
    messages: {
      fullWidth: {
        'zh-CN': '全角数字“{found}”应为半角“{expected}”（GB/T 15835—2011）',
        en: 'Full-width number "{found}"; use half-width "{expected}" (GB/T 15835-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines } = report;
    const problems: Problem[] = [];
    // The lines holding a full-width digit or `％`, found by one scan of the document rather
    // than a test of every line.
    for (let from = 0; from < text.length; ) {
      FULL_WIDTH.lastIndex = from;
      const hit = FULL_WIDTH.exec(text);
      if (hit === null) break;
      const line = lines.lineAt(hit.index);
      checkLine(line, report, problems);
      from = line + 1 < lines.count ? lines.start(line + 1) : text.length;
    }
    return problems;
  },
};
