/**
 * metric-conflict's check of a stock below what the report says was built: after
 * `建成党员示范岗8个` the unit has at least 8 of them, so `在现有6个党员示范岗基础上` (in the
 * plans or anywhere) contradicts it, whichever comes first. A stock above the built count
 * is no conflict (older ones may stand beside the new), so only fewer is reported.
 *
 * Read strictly, so that different sets never meet:
 * - the building: a verb of BUILD_VERBS opening its clause (after at most a time word of the
 *   report's own period and adverbs: 全年共建成…, 先后打造…), the noun and count after it
 *   (`建成党员示范岗8个` with the number closing its clause, or `建成8个党员示范岗`); not in
 *   the plans, no goal, no other year or earlier time (metric-sentence.ts), and no sentence
 *   that makes it another's (指导, 帮助, 各…: 指导各村建成…);
 * - the stock: `现有` opening its clause (after at most 在, 目前, 当前, 截至目前), then the
 *   same noun and a count (`现有6个党员示范岗`, `现有党员示范岗6个`), undated; a subject
 *   before 现有 (`东片党小组现有…`) makes it a part's and it is not read;
 * - the same noun, measures alike (个 with 个).
 * One pass over the quantities; each reads its own clause and sentence, at most
 * MAX_SENTENCE code units back.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import type { Places } from './metric-places';
import { sentenceTimeTag } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart, placeOf, sentenceStart } from './sentence';
import { restatement, type StatedCount } from './metric-restatement';

const BUILD_VERBS = ['建成', '建立', '设立', '创建', '打造', '组建', '成立', '建起', '新建', '挂牌'];
const BUILD = new RegExp(`^(?:全年|上半年|下半年|今年|年内|一年来|今年以来)?(?:共计|共|累计|先后|已|新){0,3}(${BUILD_VERBS.join('|')})`, 'u');
/** 现有 opening its clause (after words that leave it the unit's own stock), then a noun or nothing. */
const STOCK_LEAD = /^(?:在|依托|依靠|利用|用好|发挥|整合|目前|当前|截至目前|至今)?现有(\p{Script=Han}{0,8})$/u;
/** Words in a building's sentence that make it another's (a guided unit's, each unit's). */
const OTHERS = /指导|帮助|协助|带动|督促|各[村乡镇社党支]|每个/u;
/** Times of the report's own period that a building may be dated to. */
const OWN_TIMES = new Set(['', '全年', '上半年', '下半年']);
const UNITS = new Set(['个', '支', '家', '处', '座', '间', '所']);
const NOUN = /^\p{Script=Han}{2,8}$/u;
/** What may follow a stock's noun (the noun ends there): a clause end or these. */
const NOUN_END = ['基础', '的', '中', '均', '都', '全部', '已', '和', '及', '为', '在', '、'];
const MAX_SENTENCE = 200;
/**
 * Words of a goal (rules/data/metric-conflict.yaml `targets` but 要求 and 希望, which in
 * 按照…的要求，建成… introduce what was done).
 */
const GOAL = /力争|争取|确保|计划|预计|目标|拟|预期|规划/u;

/** Whether the count at line index `at` is a stock of now: undated, no goal in its sentence. */
function stockNow(lineText: string, at: number, year: string): boolean {
  return sentenceTimeTag(lineText, at, year) === '' && !GOAL.test(lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at));
}

interface Count {
  noun: string;
  q: Quantity;
  start: number;
  end: number;
  text: string;
}

/** A count as the restatement problem shows it. */
function stated(c: Count): StatedCount {
  return { text: c.text, line: c.q.line, start: c.start, end: c.end, shown: `${c.q.numberText}${c.q.unit}` };
}

/**
 * The `conflict` problems of stocks stated below what was built. `planned(offset)` says
 * whether an offset lies in the plans.
 */
export function builtConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const built = new Map<string, Count>();
  const stocks: Count[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const from = clauseStart(lineText, at);
    const clause = lineText.slice(from, at);
    const b = BUILD.exec(clause);
    if (b) {
      if (planned(q.start)) continue;
      const c = readNoun(lineText, from + b[0].length, at, q.end - lineStart);
      if (c === null) continue;
      const time = sentenceTimeTag(lineText, at, places.year);
      if (!(OWN_TIMES.has(time) || time === places.year)) continue;
      const sentence = lineText.slice(sentenceStart(lineText, from, MAX_SENTENCE), from + b[0].length);
      if (OTHERS.test(sentence) || GOAL.test(sentence)) continue;
      const key = `${c.noun}|${q.unit}`;
      const prior = built.get(key);
      // Two buildings of one noun (上半年…, 下半年…): the larger is the bound.
      if (prior === undefined || prior.q.value < q.value) built.set(key, { noun: c.noun, q, start: lineStart + from, end: lineStart + c.end, text: lineText.slice(from, c.end) });
      continue;
    }
    const lead = STOCK_LEAD.exec(clause);
    if (lead === null || !stockNow(lineText, at, places.year)) continue;
    const end = q.end - lineStart;
    if (lead[1] !== '') {
      // Noun first: `现有党员示范岗6个`, the number closing its clause.
      if (!NOUN.test(lead[1]) || (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end)))) continue;
      stocks.push({ noun: lead[1], q, start: lineStart + from, end: q.end, text: lineText.slice(from, end) });
      continue;
    }
    // Number first: the noun is read against the buildings' nouns below.
    stocks.push({ noun: '', q, start: lineStart + from, end: q.end, text: lineText.slice(end, end + 10) });
  }
  if (built.size === 0 || stocks.length === 0) return [];
  const problems: Problem[] = [];
  for (const s of stocks) {
    for (const b of built.values()) {
      if (b.q.unit !== s.q.unit) continue;
      let stock = s;
      if (s.noun === '') {
        // `现有6个党员示范岗基础上`: the building's noun, then the noun's end.
        if (!s.text.startsWith(b.noun)) continue;
        const next = s.text.slice(b.noun.length);
        if (next !== '' && !isClauseEnd(next.charCodeAt(0)) && !NOUN_END.some((w) => next.startsWith(w))) continue;
        const lineStart = report.lines.start(s.q.line);
        const lineText = report.lines.lineText(s.q.line);
        const end = s.q.end - lineStart + b.noun.length;
        stock = { ...s, noun: b.noun, end: lineStart + end, text: lineText.slice(s.start - lineStart, end) };
      } else if (s.noun !== b.noun) {
        continue;
      }
      if (stock.q.value >= b.q.value) continue;
      // Reported at the later statement, the other as `related`.
      const [later, earlier] = stock.start > b.start ? [stock, b] : [b, stock];
      problems.push(restatement(false, stated(later), stated(earlier)));
    }
  }
  return problems;
}

/**
 * The noun of a building whose verb ends at line index `verbEnd`, the count at `[at, end)`:
 * noun first (`建成党员示范岗8个`, the number closing its clause) or number first
 * (`建成8个党员示范岗`, the noun running to the clause end); null otherwise.
 */
function readNoun(lineText: string, verbEnd: number, at: number, end: number): { noun: string; end: number } | null {
  if (verbEnd < at) {
    const noun = lineText.slice(verbEnd, at);
    if (!NOUN.test(noun)) return null;
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) return null;
    return { noun, end };
  }
  let stop = end;
  while (stop < lineText.length && !isClauseEnd(lineText.charCodeAt(stop))) stop++;
  const noun = lineText.slice(end, stop);
  return NOUN.test(noun) ? { noun, end: stop } : null;
}
