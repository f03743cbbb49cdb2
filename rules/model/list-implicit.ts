/**
 * Pairs with no 分别 (rules/model/lists.ts): `机关、事业单位党组织覆盖率为99.7%和95.2%` (统计
 * 公报 style) pairs each listed subject with one rate as 分别 would. Read only where a clause
 * is a 、/和-list of subjects, then (after 的 or not) a rate word (…率), then 为/达到/达, then a run of two or more percentages joined by 、/和/及 that ends the clause.
 * Offsets are UTF-16 code units into `src.text`.
 */
import type { EnumeratedList, ListItem, ListSource, Respectively } from './lists';
import { newList } from './list-runs';
import { clauseEnd, clauseStart } from './clauses';
import { listedSubjects } from './list-respectively';

/** The rate word and connector before the values, anchored at the end of the text before them: group 1 the rate word. */
const RATE_BEFORE = /(\p{Script=Han}{1,8}?率)(?:为|达到|达)$/u;
/** Percentages joined by 、/和/及, anchored at the values' start; bounded. */
const PCT = '\\d{1,3}(?:\\.\\d{1,3})?[%％]';
const RUN = new RegExp(`^${PCT}(?:[、和及]${PCT}){1,9}`, 'u');
const ONE = new RegExp(PCT, 'gu');

/**
 * Every implicit pair of the report: subjects listed before a rate word and as many
 * percentages after it, in text order. `explicit` are the 分别/依次 pairs already found: a
 * clause holding one is theirs.
 */
export function findImplicitPairs(src: ListSource, explicit: readonly Respectively[]): Respectively[] {
  const { text, lines } = src;
  const out: Respectively[] = [];
  for (let at = text.indexOf('率'); at >= 0; at = text.indexOf('率', at + 1)) {
    // Cheap test first: a connector and a digit right after the rate word.
    const c = text[at + 1];
    if (c !== '为' && c !== '达') continue;
    const valuesAt = text.startsWith('达到', at + 1) ? at + 3 : at + 2;
    const d = text.charCodeAt(valuesAt);
    if (!(d >= 0x30 && d <= 0x39) || src.opaque.at(at)) continue;
    const line = lines.lineAt(at);
    const from = lines.start(line);
    const lineText = lines.lineText(line);
    const rel = valuesAt - from;
    const run = RUN.exec(lineText.slice(rel, rel + 80));
    if (!run) continue;
    // The run ends the clause (no unit or word after the last value).
    const after = rel + run[0].length;
    if (clauseEnd(lineText, after) !== after) continue;
    const head = RATE_BEFORE.exec(lineText.slice(Math.max(0, rel - 12), rel));
    if (!head) continue;
    const start = clauseStart(lineText, rel);
    const rateStart = rel - head[0].length;
    if (explicit.some((r) => r.start >= from + start && r.start < from + after)) continue;
    // The subjects end at 的 before the rate word, or the rate word ends the last subject.
    const de = lineText.lastIndexOf('的', rateStart);
    const subjectsEnd = de > start ? de : rel - (head[0].length - head[1].length);
    const subjects = listedSubjects(src, lineText, start, subjectsEnd, from);
    if (!subjects || subjects.items.length < 2) continue;
    const items: ListItem[] = [];
    const separators: ListItem[] = [];
    ONE.lastIndex = 0;
    for (let m = ONE.exec(run[0]); m; m = ONE.exec(run[0])) {
      const s = valuesAt + m.index;
      if (items.length) {
        const prev = items[items.length - 1].end;
        separators.push({ start: prev, end: s, text: text.slice(prev, s) });
      }
      items.push({ start: s, end: s + m[0].length, text: m[0] });
    }
    const values: EnumeratedList = newList('inline', line, items, { separators });
    // The pair is shown by the rate's last word and its connector: `合格率为`.
    out.push({ start: Math.max(from + rateStart, at - 2), end: valuesAt, subjects, subjectCount: null, shared: false, values, numeric: true, announced: false });
  }
  return out;
}
