/**
 * half-width-punctuation: in Chinese text the marks are full width (GB/T 15834-2011): an
 * ASCII `,` `:` `;` `?` `!` that touches Chinese — a Han character or CJK punctuation
 * immediately before it, or after it past any spaces — becomes `，` `：` `；` `？` `！`, and the
 * spaces typed after it go (`活动, 坚持` → `活动，坚持`). ASCII `(` `)` are judged as a pair
 * (pairing with full-width ones too): a pair that holds Han (`(试行)`), that stands right
 * after Chinese (`下载(PDF)`), or that is half full-width already (`（试行)`) becomes `（）`.
 *
 * Left alone: lines with more Latin letters than Han characters (English prose naming
 * Chinese words: `the title (述职, 总结)`); opaque spans (code, URLs, HTML, front matter, tables); marks between digits
 * (`1,000`, `8:30`, `1:2`) or in Latin text (`e.g., Word`), but not a `,` or `;` after a
 * figure ending in `%` or a placeholder and before a number, in Chinese text (`占35%,60岁`); `.` in any position; a run of
 * `??` (a placeholder, or mojibake of lost characters); `;` ending an HTML entity
 * (`&nbsp;`); `]:` of a footnote definition; an unpaired parenthesis (`1)` list markers);
 * a structural number at a line head (`(一)`, `(1)`), which numbering-style fixes; and the colon
 * of a draft note (`TODO:核对`), which the placeholder rule reports whole.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { placeholders } from '../data/index';
import { wordAlternation } from '../data/yaml-data';
import { HAN, isLatinLine } from '../model/script';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const NAMES: Record<string, { zh: string; en: string }> = {
  ',': { zh: '逗号', en: 'comma' },
  ':': { zh: '冒号', en: 'colon' },
  ';': { zh: '分号', en: 'semicolon' },
  '?': { zh: '问号', en: 'question mark' },
  '!': { zh: '叹号', en: 'exclamation mark' },
  '(': { zh: '括号', en: 'parenthesis' },
  ')': { zh: '括号', en: 'parenthesis' },
};
/** A Han character, or punctuation that only CJK text uses (CJK symbols, full-width forms). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
/** Marks English typography shares with Chinese: they count as what stands beyond them. */
const SHARED = /[“”‘’…—·]/;
const SPACE = /[ \t\u3000\u00a0]/;
/** Latin letters, digits and ASCII punctuation: the stuff of a Latin sentence. */
const LATIN_SIDE = /[\x21-\x7e]/;
/** The ASCII marks the rule judges: a line without any has nothing to report. */
const MARKS = [',', ':', ';', '?', '!', '(', ')'];
/** How a figure may end that no thousands separator follows: a percent sign or a placeholder. */
const FIGURE_END = /[%‰×xX*]/;
/** The characters of such a figure, read back from its end (`22.22%`, `××`, `3.5‰`). */
const FIGURE = /[0-9.%‰×xX*]/;
/** The characters of the number after the mark (`50`, `2020`, `1.5`). */
const DIGIT_RUN = /[0-9.]/;
/**
 * A draft marker ending right before a colon (`TODO:`, `FIXME:`, `TBD:`; any case): the markers
 * are rules/data/placeholders.yaml `draft_markers`, whose `todo` pattern reports the note.
 */
const DRAFT_NOTE = new RegExp(`(?:${wordAlternation(placeholders.draftMarkers)})$`, 'i');

/** A line without a Latin letter cannot be English prose. */
const LETTER = /[A-Za-z]/;

/**
 * Counts of Han characters in prose before each offset of the line `[lineStart, lineEnd)`:
 * element `k` counts those in `[lineStart, lineStart + k)`.
 */
function hanBefore(text: string, lineStart: number, lineEnd: number, opaque: Report['opaque']): Int32Array {
  const han = new Int32Array(lineEnd - lineStart + 1);
  for (let at = lineStart; at < lineEnd; at++) {
    // Han characters all lie at U+2E80 and up: test the code unit before making a string.
    const isProseHan = text.charCodeAt(at) >= 0x2e80 && HAN.test(text[at]) && !opaque.at(at);
    han[at - lineStart + 1] = han[at - lineStart] + (isProseHan ? 1 : 0);
  }
  return han;
}


export const halfWidthPunctuation: Rule = {
  id: 'half-width-punctuation',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '中文语句使用全角标点（，：；？！（）），不用半角 , : ; ? ! ( )',
      en: 'Chinese text takes full-width punctuation (，：；？！（）), not ASCII , : ; ? ! ( )',
    },
    messages: {
      halfWidth: {
        'zh-CN': '半角{name}“{found}”应为全角“{expected}”（GB/T 15834—2011）',
        en: 'Half-width {nameEn} "{found}" in Chinese text; use full-width "{expected}" (GB/T 15834-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // Structural numbers at line heads belong to numbering-style: their [start, end) by
    // line, gathered when a line first needs them (most texts have no mark to judge). An
    // indexed loop: the report's lists are frozen, and for…of takes a slow path on them.
    let markers: Map<number, readonly [number, number]> | null = null;
    const markerOf = (line: number): readonly [number, number] | undefined => {
      if (markers === null) {
        markers = new Map();
        const { headings } = report;
        for (let i = 0; i < headings.length; i++) {
          const h = headings[i];
          if (h.marker) markers.set(h.line, [h.marker.start, h.marker.end]);
        }
      }
      return markers.get(line);
    };
    const visible = (at: number, lineStart: number, lineEnd: number): boolean => at >= lineStart && at < lineEnd && !opaque.at(at);
    /** The character at `at` if it is prose on the line, else ''. */
    const charAt = (at: number, lineStart: number, lineEnd: number): string => (visible(at, lineStart, lineEnd) ? text[at] : '');
    /**
     * Whether the prose at `at` is Chinese: a Han character or CJK punctuation, or a mark
     * shared with English (`”`, `…`) that has one of those beyond it, in direction `step`.
     */
    const isChinese = (at: number, step: 1 | -1, lineStart: number, lineEnd: number): boolean => {
      const c = charAt(at, lineStart, lineEnd);
      if (c !== '' && SHARED.test(c)) return CHINESE.test(charAt(at + step, lineStart, lineEnd));
      return c !== '' && CHINESE.test(c);
    };
    /** The nearest prose character from `at` in direction `step`, past spaces ('' if none). */
    const nearest = (at: number, step: 1 | -1, lineStart: number, lineEnd: number): number => {
      while (at >= lineStart && at < lineEnd && SPACE.test(text[at]) && !opaque.at(at)) at += step;
      return at;
    };
    const report1 = (at: number, start: number, end: number) => {
      const c = text[at];
      problems.push({
        messageId: 'halfWidth',
        data: { name: NAMES[c].zh, nameEn: NAMES[c].en, found: c, expected: FULL[c] },
        start: at,
        end: at + 1,
        fix: { start, end, text: FULL[c] },
      });
    };

    /**
     * Whether the mark at `at` ends a figure that closes on `%`, `‰` or a placeholder (`×`,
     * `x`, `*`) and a number follows it, with Chinese on both sides of the two (`占22.22%;50万元`,
     * `项目为××,2020年`): a clause break between two figures of Chinese text, where a bare
     * number before (`共1,000人`) is a thousands separator and stays.
     */
    const betweenFigures = (at: number, lineStart: number, lineEnd: number): boolean => {
      if (!FIGURE_END.test(charAt(at - 1, lineStart, lineEnd))) return false;
      let back = at - 1;
      while (back >= lineStart && FIGURE.test(text[back]) && !opaque.at(back)) back--;
      let ahead = at + 1;
      while (ahead < lineEnd && DIGIT_RUN.test(text[ahead]) && !opaque.at(ahead)) ahead++;
      return ahead > at + 1 && /[0-9]/.test(text[at + 1]) && CHINESE.test(charAt(back, lineStart, lineEnd)) && CHINESE.test(charAt(ahead, lineStart, lineEnd));
    };

    /** Checks one line that holds at least one of the ASCII marks. */
    const checkLine = (line: number): void => {
      const lineStart = lines.start(line);
      const lineEnd = lines.end(line);
      const firstProblem = problems.length;
      const marker = markerOf(line);
      const inMarker = (at: number): boolean => marker !== undefined && at >= marker[0] && at < marker[1];
      // Han characters in prose before each offset of the line, to ask whether a pair holds
      // any; counted the first time a pair needs it.
      let han: Int32Array | null = null;
      const holdsHan = (open: number, close: number): boolean => {
        han ??= hanBefore(text, lineStart, lineEnd, opaque);
        return han[close - lineStart] - han[open + 1 - lineStart] > 0;
      };
      // Parentheses of both widths, paired on the line: [open, close] offsets.
      const stack: number[] = [];
      for (let at = lineStart; at < lineEnd; at++) {
        const code = text.charCodeAt(at);
        // Code units, not one-character strings: most characters are none of the marks.
        if (code === 0x28 /* ( */ || code === 0xff08 /* （ */) {
          if (!opaque.at(at)) stack.push(at);
        } else if (code === 0x29 /* ) */ || code === 0xff09 /* ） */) {
          const c = text[at];
          if (opaque.at(at)) continue;
          const open = stack.pop();
          if (open === undefined) continue;
          if (text[open] === '（' && c === '）') continue;
          if (inMarker(open) || inMarker(at)) continue;
          // A pair right after Chinese is Chinese (`下载(PDF)`), and so is one holding Chinese
          // unless a Latin sentence stands around it (`party-report (党建报告助手).`). One
          // holding only Latin or digits set off by a space or attached to a Latin term is not
          // (`用法 (e.g., Word)`, `f(x)`, `附件1(PDF)`).
          const mixed = text[open] === '（' || c === '）';
          const before = nearest(open - 1, -1, lineStart, lineEnd);
          const after = nearest(at + 1, 1, lineStart, lineEnd);
          const latinAround =
            (LATIN_SIDE.test(charAt(before, lineStart, lineEnd)) || charAt(before, lineStart, lineEnd) === '') &&
            (LATIN_SIDE.test(charAt(after, lineStart, lineEnd)) || charAt(after, lineStart, lineEnd) === '') &&
            (charAt(before, lineStart, lineEnd) !== '' || charAt(after, lineStart, lineEnd) !== '');
          if (!mixed && !isChinese(open - 1, -1, lineStart, lineEnd) && !(holdsHan(open, at) && !latinAround)) continue;
          if (text[open] === '(') report1(open, open, open + 1);
          if (c === ')') report1(at, at, at + 1);
        } else if (code === 0x2c /* , */ || code === 0x3a /* : */ || code === 0x3b /* ; */ || code === 0x3f /* ? */ || code === 0x21 /* ! */) {
          const c = text[at];
          if (opaque.at(at) || inMarker(at)) continue;
          if (c === '?' && (text[at - 1] === '?' || text[at + 1] === '?')) continue;
          if (c === ';' && /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})$/.test(text.slice(Math.max(lineStart, at - 40), at))) continue;
          if (c === ':' && text[at - 1] === ']') continue;
          // `（TODO:核对数据）`: a draft note the placeholder rule reports whole, to be deleted,
          // not a sentence whose colon wants mending.
          if (c === ':' && DRAFT_NOTE.test(text.slice(Math.max(lineStart, at - 5), at))) continue;
          const after = nearest(at + 1, 1, lineStart, lineEnd);
          if (!isChinese(at - 1, -1, lineStart, lineEnd) && !isChinese(after, 1, lineStart, lineEnd) && !(c !== ':' && betweenFigures(at, lineStart, lineEnd))) continue;
          const next = charAt(after, lineStart, lineEnd);
          // Spaces after the mark go too, unless they end the line (a Markdown hard break).
          report1(at, at, next !== '' ? after : at + 1);
        }
      }
      // English prose keeps its marks. Asked only of a line with findings and a Latin letter
      // (none: not English), as it tests every character of the line.
      if (problems.length > firstProblem) {
        const lineText = lines.lineText(line);
        if (LETTER.test(lineText) && isLatinLine(lineText, lineStart, opaque)) problems.length = firstProblem;
      }
    };

    // The lines holding one of the ASCII marks, found by scans of the document rather than
    // a test of every line: one indexOf chain per mark, which beats a regex with a class
    // (Chinese text holds few of the marks, and a mark it lacks costs one scan).
    const next = MARKS.map((mark) => text.indexOf(mark));
    for (;;) {
      let hit = -1;
      for (let k = 0; k < next.length; k++) if (next[k] !== -1 && (hit === -1 || next[k] < hit)) hit = next[k];
      if (hit === -1) break;
      const line = lines.lineAt(hit);
      checkLine(line);
      if (line + 1 >= lines.count) break;
      const from = lines.start(line + 1);
      for (let k = 0; k < next.length; k++) if (next[k] !== -1 && next[k] < from) next[k] = text.indexOf(MARKS[k], from);
    }
    return problems.sort((a, b) => a.start - b.start);
  },
};
