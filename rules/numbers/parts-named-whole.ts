/**
 * total-breakdown: a total after its parts whose clause names the very whole the parts are
 * kinds of, with no verb of its own — "设置综合窗口24个、专业窗口16个、帮办窗口5个，合计窗口45个"
 * (every label ends in the total's noun) and "在建项目中，道路类17个、住房类8个，累计在建项目25个"
 * (the sentence's lead names the whole, `X中，`, and the total restates X). The readings of
 * parts-before-total.ts want a verb the parts share or a general noun (whole_nouns); these
 * wordings have neither, yet the noun ties the total to the parts as tightly as a verb does.
 * The total may open on a scope of the whole unit (`，全区共有营业网点39个`, `，公司党员总数1201名`:
 * 总数 after the noun names a total as 合计 does); the unit may hold more than the parts listed, so
 * they are then held to no more than it unless they are sides of a partition.
 * A wider reading (widerNamedTotal) runs only where no other reader found parts: a longer scope
 * (`，全县教育系统共有基层党组织47个`), the unit naming itself (`，联合党支部共有党员48名`), the
 * noun before the total word (`，全县持证残疾人共计20170人`), and kinds named by a word they share
 * with the noun (`视力残疾…、听力残疾…`). Such totals may count more than the parts listed, so the
 * parts are held to no more than it unless they are sides of a partition.
 * Vocabulary: rules/data/sentence-numbers.yaml (`breakdown.total_words`, `kind_org_parts`).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isTotal } from './breakdowns';
import type { Breakdown } from './breakdowns';
import { runBefore } from './parts-before-total';
import { isClauseEndChar } from './sentence';
import { isPartition } from './breakdown-mode';
import type { Part } from './breakdowns';

const words = sentenceNumbers.breakdown;

/**
 * A scope before the total word (`全区`, `全公司`, `公司`): the whole unit the parts belong to. It may
 * hold more than the parts listed (some towns of 全县), so parts under it are held to no more
 * than the total unless they are sides of a partition (城区/农村: breakdown-mode.ts isPartition).
 */
const SCOPE = '全\\p{Script=Han}{1,3}?|公司|本单位|单位';
/**
 * The wider reading's scope: 全 and up to five characters (`全县教育系统`), or the unit named by
 * its kind of party organisation (`联合党支部`, `机关党委`: kind_org_parts).
 */
const WIDE_SCOPE = `全\\p{Script=Han}{1,5}?|公司|本单位|单位|\\p{Script=Han}{0,4}?(?:${words.kindOrgPartsSource})`;

/**
 * Anchored at the end of the text before a total's number: `，合计窗口`, `，累计在建项目`
 * (group 1 the total word; 2 the noun, 2–6 Han characters).
 */
const NOUN_TOTAL = new RegExp(`[，,](${SCOPE})?(${words.totalWordsSource})(?:有)?(\\p{Script=Han}{2,6})$`, 'u');
/**
 * `，公司党员总数1201名`: the noun, then 总数 (group 1 the scope, 2 the noun). Anchored like NOUN_TOTAL.
 */
const NOUN_SUM = new RegExp(`[，,](${SCOPE})?(\\p{Script=Han}{2,6}?)总数(?:为|达到?|是)?$`, 'u');
/** NOUN_TOTAL and NOUN_SUM with the wider scope. */
const WIDE_NOUN_TOTAL = new RegExp(`[，,](${WIDE_SCOPE})?(${words.totalWordsSource})(?:有)?(\\p{Script=Han}{2,6})$`, 'u');
const WIDE_NOUN_SUM = new RegExp(`[，,](${WIDE_SCOPE})?(\\p{Script=Han}{2,6}?)总数(?:为|达到?|是)?$`, 'u');
/**
 * `，全县持证残疾人共计20170人`, `，全院在编在岗职工共52名`: the scope, the noun, then the total
 * word (group 1 the scope, 2 the noun, 3 the total word). Anchored like NOUN_TOTAL. 累计 is left
 * out: after a noun it may count since the start.
 */
const NOUN_FIRST = new RegExp(`[，,](${WIDE_SCOPE})?(\\p{Script=Han}{2,6}?)(共计|合计|总计|共)(?:有|为|达到?)?$`, 'u');

/** Words opening a clause after the total that split it again (its own parts follow). */
const SPLIT_AFTER = /^(?:其中|分别|含|包括|包含)/u;

/** Words that split or spread the parts, or leave some out: such parts need not add up to the total. */
const NOT_ALL = /其中|分别|另|主要|等|以上|以下|余|多/u;
/** NOT_ALL for the wider reading: 余/多 only as bounds after a digit (`多重残疾` names a kind). */
const NOT_ALL_WIDE = /其中|分别|另|主要|等|以上|以下|(?<=\d)[余多]/u;

/**
 * The parts a noun-naming total adds up (see the file comment), as a Breakdown in mode `sum`,
 * or null. A total whose noun holds a verb (`累计发展党员`) is left to parts-before-total.ts:
 * 累计 with a verb may count since the start. Labels that end in the noun must be at least two
 * and differ (`综合窗口`, `专业窗口`); the lead `X中，` must end right before the first part's
 * label and X equal the noun. Offsets: `total.numberStart`/`end` are UTF-16 offsets into the report.
 */
export function namedWholeTotal(report: Report, total: Quantity): Breakdown | null {
  return readNamedWhole(report, total, false);
}

/**
 * The wider reading of a noun-naming total (see the file comment), tried after every other
 * reader of a total after its parts gave up: a Breakdown in mode `atMost` (`sum` for the sides
 * of a partition), or null. Offsets as namedWholeTotal.
 */
export function widerNamedTotal(report: Report, total: Quantity): Breakdown | null {
  return readNamedWhole(report, total, true);
}

/** namedWholeTotal (`wide` false) or widerNamedTotal (`wide` true). */
function readNamedWhole(report: Report, total: Quantity, wide: boolean): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const before = lineText.slice(Math.max(0, at - (wide ? 20 : 13)), at);
  const named = (wide ? WIDE_NOUN_TOTAL : NOUN_TOTAL).exec(before);
  const summed = named ? null : (wide ? WIDE_NOUN_SUM : NOUN_SUM).exec(before);
  const nounFirst = named || summed || !wide ? null : NOUN_FIRST.exec(before);
  if (nounFirst && /^(?:其中|分别|另)/u.test(nounFirst[2])) return null;
  // [whole match, scope, total word, noun]: 总数 stands for the total word of `，公司党员总数`.
  const head = named ?? (summed ? [summed[0], summed[1], '总数', summed[2]] : nounFirst ? [nounFirst[0], nounFirst[1], nounFirst[3], nounFirst[2]] : null);
  // 组织 of 党组织 ends a noun, no verb of the total's own.
  if (!head || (words.verbs.test(head[3]) && !words.kindOrgTotal.test(head[3])) || !isTotal(total, lineText, from)) return null;
  const tail = total.end - from;
  // The total closes its clause: a sentence end, or a ， after which no 其中/分别/含/包括 splits it again.
  if (tail < lineText.length && !isClauseEndChar(lineText.charCodeAt(tail)) && !(lineText.charCodeAt(tail) === 0xff0c /* ， */ && !SPLIT_AFTER.test(lineText.slice(tail + 1, tail + 3)))) return null;
  const found = runBefore(report, total, from, lineText, at - head[0].length);
  if (!found) return null;
  const { masked } = found;
  const noun = head[3];
  // `进驻部门32个，设置综合窗口24个、…`: a count of another noun may open the run; the kinds
  // of the noun are the run's tail whose labels end in it.
  // `全镇有党员400名，农村党员250名、…，全镇党员共计400名`: a count equal to the total under the
  // noun is the same whole stated first (the opening stock), no part: the kinds start after it.
  let first = found.run.length;
  while (first > 0 && found.run[first - 1].label.endsWith(noun) && found.run[first - 1].q.value !== total.value) first--;
  const restated = first > 0 && found.run[first - 1].q.value === total.value && found.run[first - 1].label.endsWith(noun);
  if (restated && found.run.length - first < 2) return null;
  const run = first > 0 && found.run.length - first >= 2 ? found.run.slice(first) : found.run;
  if (run.some((p) => p.q.unit !== total.unit || p.q.bound !== 'exact') || (wide ? NOT_ALL_WIDE : NOT_ALL).test(masked.slice(masked.indexOf(run[0].label)))) return null;
  // `综合窗口24个、专业窗口16个…，合计窗口45个`: each label a kind of the noun (合计/共计/总计/共 only: 累计窗口 is no wording of a sum).
  const distinct = run.length >= 2 && new Set(run.map((p) => p.label)).size === run.length;
  // `视力残疾3120人、听力残疾2860人…，全县持证残疾人共计20170人` (wide only): labels ending in one word the noun holds.
  // Wide, the labels ending in the noun must name kinds too, no attribute that may cut across the
  // others (`农村党员250名、流动党员80名、困难党员60名，全镇党员共计300名`: overlap_words, 新建).
  const kinds = head[2] !== '累计' && distinct && (run.every((p) => p.label.length > noun.length && p.label.endsWith(noun) && (!wide || namesKind(p.label))) || kindsOfWhole(run, noun, total) || (wide && sharedTail(run, noun)));
  // `在建项目中，道路类17个、…，累计在建项目25个`: the lead scopes the parts to the whole the total restates.
  const leadAt = masked.indexOf(run[0].label);
  const lead = leadAt > 0 ? masked.slice(0, leadAt) : '';
  const scoped = lead.endsWith(`${noun}中，`) || lead.endsWith(`${noun}中,`);
  if (!kinds && !scoped) return null;
  // The wider reading may count more than the parts listed: at most the total, as under a scope.
  return { total, parts: run, mode: (head[1] === undefined && !wide) || isPartition(run) ? 'sum' : 'atMost', listed: true };
}

/**
 * Whether the labels of `run` name kinds of a whole noun that none of them ends in: kinds of
 * party organisation under 党组织/基层党组织 (`社区党组织8个、机关党支部5个…，共有基层党组织29个`:
 * kind_org_totals, kind_org_parts), or kinds of people under a staff whole counted in a people
 * unit (`执业律师23名、实习律师6名、行政辅助人员9名，全所共有从业人员36名`: staff_wholes), none
 * naming an attribute that could cut across the others (overlap_words: 女, 35岁以下, 示范…).
 */
function kindsOfWhole(run: readonly Part[], noun: string, total: Quantity): boolean {
  if (run.some((p) => p.label === '' || words.overlap.test(p.label) || p.label.includes('新建'))) return false;
  if (words.kindOrgTotal.test(noun)) return run.every((p) => words.kindOrgPart.test(p.label));
  return sentenceNumbers.peopleUnits.has(total.unit) && words.staffWhole.test(noun);
}

/**
 * Whether every label of `run` ends in one word of two characters that `noun` holds, and is more
 * than that word (`视力残疾`, `听力残疾`… under `持证残疾人`): kinds of the noun named by what they
 * share. Labels naming an attribute that may cut across the others (overlap_words) or a flow
 * (新建) name no kind.
 */
function sharedTail(run: readonly Part[], noun: string): boolean {
  const first = run[0].label;
  if (first.length < 3) return false;
  const tail = first.slice(-2);
  if (!noun.includes(tail)) return false;
  return run.every((p) => p.label.length > tail.length && p.label.endsWith(tail) && namesKind(p.label));
}

/** Whether `label` names no attribute that may cut across other kinds (overlap_words) and no flow (新建). */
function namesKind(label: string): boolean {
  return !words.overlap.test(label) && !label.includes('新建');
}
