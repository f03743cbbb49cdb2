/**
 * A lone X or x in a name's slot with no slot word after it, for `placeholder`: `x路办事处`,
 * `属X黄土高原`, `以X、X为代表`, `（一）X农村基本现状`. Alone, such a letter may be anything
 * (X光, “1+X”, a model's name), so it is read as a placeholder only in a text that already
 * holds at least MIN_SEEN placeholders of the letter found by the patterns (X县, x个,
 * XX镇): a template or an anonymised copy, whose writer uses the letter for every name.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';

/** How many placeholders of the letter the text must already hold. */
const MIN_SEEN = 2;

/**
 * A single X or x between Chinese text: after a Han character, Chinese punctuation (（一）X…), a space
 * or the line's start (not after a letter, a digit, an operator, a quotation mark or a
 * path: 1+X, “X”, A、X, report_x), and before a Han character or 、，。；： (not before a
 * letter, a digit, a dot, an operator or %: X1, x.docx, X-7). Not the terms that begin with
 * the letter (X光, X射线, X线, X型, X形, X轴, X染色体, X波段: a radar's band), nor one label of a series of other
 * letters (A、B、X类, X类、S类); a series of X alone (以X、X为代表) is the placeholder's own.
 */
const LONE = /(?<=^|[\p{Script=Han}，。、；：（）【】\s])(?<![A-WYZa-wyz][、，和与及或])[Xx](?=[\p{Script=Han}、，。；：])(?!光|射线|线|型|形|轴|染色体|波段|类?[、，和与及或][A-WYZa-wyz])/gu;

/**
 * The lone letters of the text to report: [start, end) pairs of each X or x that LONE
 * finds in a line of `report` when `problems` (the pattern findings so far) already hold
 * MIN_SEEN placeholders written with the letter alone (X, xx, XXX; either case: a writer
 * who types X for names types x too), and that no finding starts at.
 */
export function loneLetters(report: Report, problems: readonly Problem[]): number[] {
  const { text, lines } = report;
  let seen = 0;
  const starts = new Set<number>();
  for (const p of problems) {
    starts.add(p.start);
    if (p.messageId === 'placeholder' && /^(?:X{1,4}|x{1,4})$/.test(text.slice(p.start, p.end))) seen++;
  }
  if (seen < MIN_SEEN) return [];
  const found: number[] = [];
  for (let line = 0; line < lines.count; line++) {
    const lineText = lines.lineText(line);
    if (lineText.indexOf('X') === -1 && lineText.indexOf('x') === -1) continue;
    const from = lines.start(line);
    LONE.lastIndex = 0;
    for (let m = LONE.exec(lineText); m !== null; m = LONE.exec(lineText)) {
      const start = from + m.index;
      if (!starts.has(start)) found.push(start, start + 1);
    }
  }
  return found;
}
