/**
 * quoted-series-separator: parallel items that each stand in quotation marks or in 书名号
 * usually take no 顿号 between them (GB/T 15834-2011 4.5.3.5): `“三会一课”、“主题党日”` →
 * `“三会一课”“主题党日”`, `《党章》、《准则》` → `《党章》《准则》`. The same holds for the
 * inner marks of a nested quotation (`‘…’、‘…’`, `〈…〉、〈…〉`). The fix deletes the 顿号.
 *
 * Only a 顿号 standing directly between a closing mark and an opening mark of the same kind
 * is reported. Quiet, as the standard allows: other words between the items
 * (`“两个确立”、做到“两个维护”`), a parenthetical note after an item (`“某村”（试点）、“某村”`),
 * and a 顿号 before an unquoted item (`“讲党课”“下基层”、微党课`). A line whose marks of that
 * kind do not pair up is left to quote-pairing: which mark closes which is not certain there.
 * Because the standard says "通常", the rule is a warning and can be turned off in config.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

/** The two families of marks; each maps its closing marks to their opening marks. */
const FAMILIES = [
  { marks: /[“”‘’]/g, opens: '“‘', pairs: { '”': '“', '’': '‘' } as Record<string, string> },
  { marks: /[《》〈〉]/g, opens: '《〈', pairs: { '》': '《', '〉': '〈' } as Record<string, string> },
];
// A closing mark, the 顿号 (spaces around it allowed), an opening mark.
const SEPARATED = /([”’》〉])[ \u3000]*、[ \u3000]*([“‘《〈])/g;
const LATIN = /[A-Za-z]/;

export const quotedSeriesSeparator: Rule = {
  id: 'quoted-series-separator',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '并列的引号或书名号之间通常不用顿号（“三会一课”“主题党日”，《党章》《准则》）',
      en: 'No 顿号 between parallel items in quotation marks or title marks (“三会一课”“主题党日”)',
    },
    messages: {
      quoted: {
        'zh-CN': '标有引号的并列成分之间通常不用顿号，应删除此处的“、”（GB/T 15834—2011 4.5.3.5）',
        en: 'Parallel items in quotation marks usually take no 顿号 between them: delete this "、" (GB/T 15834-2011 4.5.3.5)',
      },
      titled: {
        'zh-CN': '标有书名号的并列成分之间通常不用顿号，应删除此处的“、”（GB/T 15834—2011 4.5.3.5）',
        en: 'Parallel titles in 书名号 usually take no 顿号 between them: delete this "、" (GB/T 15834-2011 4.5.3.5)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // Whether each family's marks pair up on a line, computed once per line that needs it.
    let balancedLine = -1;
    let balanced: boolean[] = [];
    // One scan of the whole document rather than one per line (most lines hold a 、): a
    // match cannot cross a line end, as no part of the pattern matches one, so the matches
    // are those of a line-by-line scan.
    SEPARATED.lastIndex = 0;
    for (let m = SEPARATED.exec(text); m !== null; m = SEPARATED.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (opaque.overlaps(start, end)) continue;
      const close = m[1];
      const open = m[2];
      const family = FAMILIES.findIndex((f) => f.pairs[close] !== undefined);
      if (FAMILIES[family].pairs[close] !== open) continue;
      const line = lines.lineAt(start);
      if (balancedLine !== line) {
        balanced = FAMILIES.map((f) => pairsUp(lines.lineText(line), lines.start(line), f, opaque));
        balancedLine = line;
      }
      if (!balanced[family]) continue;
      const sepStart = start + 1;
      const sepEnd = end - 1;
      problems.push({
        messageId: family === 0 ? 'quoted' : 'titled',
        start: sepStart,
        end: sepEnd,
        fix: { start: sepStart, end: sepEnd, text: '' },
      });
    }
    return problems;
  },
};

/**
 * Whether the marks of `family` on one line (outside opaque spans) nest properly: each
 * closing mark closes the innermost open mark of its kind, and none stays open. A `’`
 * between Latin letters is an apostrophe (`Xi’an`), not a quotation mark.
 */
function pairsUp(
  lineText: string,
  lineStart: number,
  family: (typeof FAMILIES)[number],
  opaque: Report['opaque'],
): boolean {
  const stack: string[] = [];
  const marks = family.marks;
  marks.lastIndex = 0;
  for (let m = marks.exec(lineText); m !== null; m = marks.exec(lineText)) {
    const i = m.index;
    const c = m[0];
    if (opaque.at(lineStart + i)) continue;
    if (c === '’' && LATIN.test(lineText[i - 1] ?? '') && LATIN.test(lineText[i + 1] ?? '')) continue;
    if (family.opens.includes(c)) stack.push(c);
    else if (stack.pop() !== family.pairs[c]) return false;
  }
  return stack.length === 0;
}
