/**
 * A total that re-counts kinds of places, bodies or items under one generic noun, for total-breakdown:
 * "走访企业14家、社区3个、学校5所，共计走访单位22个". Each kind keeps its own measure word
 * (家, 个, 所, 户…), and the total counts them all in 个 under 单位/点位/场所… (statistical
 * yearbooks count 乡政府, 学校, 医院 alike as units "单位:个"). The strict reading of a total
 * after its parts (parts-before-total.ts) asks one unit of every part and a general noun such
 * as 会议 or 项目, so it leaves this construction alone. Vocabulary:
 * rules/data/sentence-numbers.yaml (`breakdown.count_wholes`, `breakdown.place_units`,
 * `breakdown.item_units`, `breakdown.item_totals`).
 * Offsets are UTF-16 code units.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { clauseText, isTotal, lastSeparator } from './breakdowns';
import { NAMING_REACH } from './parts-before-total';
import type { Breakdown, Part } from './breakdowns';
import type { Mode } from './breakdown-mode';
import { isClauseEndChar, maskNested, quantitiesIn, sentenceStart } from './sentence';
import { actionVerb } from './parts-end';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、
/**
 * A noun re-counting kinds of items: 各类/各种 and at least two characters (`各类宣传品`,
 * `各种慰问物资`); the 各类 says the parts are its kinds ("发放手册3200份、折页4500份、布袋1800个，
 * 累计发放各类宣传品9500份"). Without it the noun may be one of the kinds (宣传资料 after 宣传资料…份).
 */
const ITEM_WHOLE = /^(?:各类|各种)\p{Script=Han}{2,4}$/u;

/**
 * "深入基层走访企业14家、社区3个、乡镇财政所5个，共计走访单位22个": a total clause of a total
 * word, a two-character verb and a generic noun (count_wholes, maybe after 各类) in 个, right
 * after a run of parts joined by 、, each in a measure word of places or bodies (place_units),
 * the first label holding the verb and no later one a verb of its own, and at least two
 * measure words among the parts (one unit throughout is the strict reading's). 合计/共计/总计
 * add the parts up; after 累计 or 共 the total may reach further (kinds not listed, earlier
 * years): the parts are held to no more than it. The total's clause ends at its number.
 * Items work the same way ("发放手册3200份、折页4500份、布袋1800个，累计发放各类宣传品9500份"):
 * parts in item measure words (item_units), a total in one of item_totals whose noun opens with
 * 各类/各种 (ITEM_WHOLE). Events too ("举办培训班3期、讲堂5场、座谈会4次，共计开展活动12场次"):
 * parts in event measure words (event_units), a total in 场次 under 活动, whose verb may be any
 * verb of holding an event (event_verbs) when the first label holds one.
 */
export function kindsBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  if (total.bound !== 'exact') return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = words.totalNaming.exec(lineText.slice(Math.max(0, at - NAMING_REACH), at));
  if (!head || head[1] !== '') return null;
  // Places re-counted in 个 under 单位/点位…, business re-counted as cases under 业务/事项 (its
  // other words taken from the parts' labels: 婚姻登记 of 婚姻登记业务), or items re-counted
  // under 各类/各种 + a noun.
  const caseNoun = words.caseTotals.has(total.unit) ? words.caseWhole.exec(head[4]) : null;
  // Events re-counted as occasions (`举办培训班3期、讲堂5场，共计开展活动8场次`): each held once, whatever its measure word.
  const events = words.eventTotals.has(total.unit) && words.eventWhole.test(head[4]);
  const units = total.unit === '个' && words.countWhole.test(head[4]) ? words.placeUnits : caseNoun ? words.caseUnits : words.itemTotals.has(total.unit) && ITEM_WHOLE.test(head[4]) ? words.itemUnits : events ? words.eventUnits : null;
  if (!units) return null;
  if (!isTotal(total, lineText, from)) return null;
  const found = runBeforeTotal(report, total, at - head[0].length, (q, label) =>
    units.has(q.unit) && q.bound === 'exact' && !q.scope && q.scale === '' && !words.stop.test(label) ? label : null,
  );
  if (!found) return null;
  const { run, masked } = found;
  const verb = head[3];
  // An event total may say 开展 for the 举办 its first label holds: both hold an event.
  if (!run[0].label.includes(verb) && !(events && words.eventVerbs.has(verb) && [...words.eventVerbs].some((v) => run[0].label.includes(v)))) return null;
  const seen = new Set<string>();
  for (let i = 0; i < run.length; i++) {
    seen.add(run[i].q.unit);
    if (i > 0 && actionVerb(run[i].label)) return null;
  }
  // 等 after the last part leaves kinds unnamed (`…座谈会4次等，共计开展各类活动20场次`).
  if (seen.size < 2 || /其中|分别|另/u.test(masked) || /等\s*$/u.test(masked)) return null;
  // Business of a 累计 or 共 total must be named by the parts (婚姻登记 of 结婚登记…): it may
  // reach further. 合计/共计/总计 add up the parts whatever the words before 业务.
  const reaching = head[2] === '累计' || head[2] === '共';
  if (caseNoun && reaching && !wordsInLabels(caseNoun[1].replace(WIDENING, ''), run)) return null;
  const mode: Mode = reaching ? 'atMost' : 'sum';
  return { total, parts: run, mode, listed: true };
}

/** Words before a whole noun that only widen it (`whole_prefixes`: 各类, 各项…). */
const WIDENING = new RegExp(`^(?:${words.wholePrefixesSource})`, 'u');

/** Whether every character of `modifier` stands in one of the labels of `run`. */
function wordsInLabels(modifier: string, run: readonly Part[]): boolean {
  let labels = '';
  for (const p of run) labels += p.label;
  for (let i = 0; i < modifier.length; i++) if (!labels.includes(modifier[i])) return false;
  return true;
}

/**
 * A total clause that counts the Party's basic organisations (`，共有基层党组织`, `，合计党组织`,
 * `，共设立党的基层组织`): a total word, maybe a verb of setting up, and the whole noun.
 */
const ORGS_TOTAL = /[，,](?:目前|现)?(?:共有|共计|合计|总计|共)(?:建立|组建|设立|设置|成立|有)?(?:基层党组织|党组织|党的基层组织)$/u;
/** A bracket aside ending a label (`党支部（含联合党支部）`, masked inside). */
const ASIDE_END = /[（(]□*[）)]$/u;

/**
 * "集团党委下设党总支3个、党支部（含联合党支部）24个，共有基层党组织26个": a run of parts joined by
 * 、 in 个, each label ending with a kind of the Party's basic organisations (党委, 党总支,
 * 党支部: `suffix_partitions`, 《中国共产党章程》第五章), closed by a total of the organisations
 * themselves. The total may count one more body than the run (the 党委 that set the others up),
 * never fewer: the parts are held to no more than it. Pages corpus: 党内统计公报 list 基层党委、
 * 总支部、支部 that add up to the 基层组织 total; a district survey's 党委/党总支/党支部 fall short
 * of its total by four.
 */
export function orgsBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  if (total.bound !== 'exact' || total.unit !== '个') return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = ORGS_TOTAL.exec(lineText.slice(Math.max(0, at - 14), at));
  if (!head || !isTotal(total, lineText, from)) return null;
  const found = runBeforeTotal(report, total, at - head[0].length, (q, written) => {
    const label = written.replace(ASIDE_END, '');
    return q.unit === '个' && q.bound === 'exact' && !q.scope && q.scale === '' && orgKind(label) !== null ? label : null;
  });
  if (!found || /其中|分别|另/u.test(found.masked)) return null;
  return { total, parts: found.run, mode: 'atMost', listed: true };
}

/**
 * The run of parts joined by 、 that ends the sentence before a total clause opening at
 * `comma` (an offset in the total's line): each a quantity whose label (the clause text before
 * it) `accept` turns into the part's label, or null to end the run there. Null when the
 * total's clause goes on past its number, when the run has fewer than two parts, or when a
 * clause mark stands between its last part and the total. `masked`: the sentence up to the
 * comma, nested quotes and brackets masked (clauses.ts `maskNested`).
 */
function runBeforeTotal(report: Report, total: Quantity, comma: number, accept: (q: Quantity, label: string) => string | null): { run: Part[]; masked: string } | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const tail = total.end - from;
  if (tail < lineText.length && !isClauseEndChar(lineText.charCodeAt(tail))) return null;
  const start = sentenceStart(lineText, comma);
  const masked = maskNested(lineText.slice(start, comma));
  const run: Part[] = [];
  let labelFrom = 0;
  for (const q of quantitiesIn(report.quantities, from + start, from + comma)) {
    const qAt = q.start - from - start;
    const cut = lastSeparator(masked, labelFrom, qAt);
    const label = accept(q, clauseText(masked, cut + 1, qAt));
    labelFrom = q.end - from - start;
    // A part opens a new run unless it follows the last one after a 、.
    if (label === null) {
      run.length = 0;
      continue;
    }
    if (run.length > 0 && (cut < 0 || masked.charCodeAt(cut) !== IDEOGRAPHIC_COMMA)) run.length = 0;
    run.push({ q, label, sep: run.length === 0 ? 0 : IDEOGRAPHIC_COMMA });
  }
  if (run.length < 2 || lastSeparator(masked, labelFrom, masked.length) >= 0) return null;
  return { run, masked };
}

/** The kind of basic organisation a label ends with (党委, 党总支, 党支部), or null. */
function orgKind(label: string): string | null {
  for (const set of words.suffixPartitions) for (const word of set) if (label.endsWith(word)) return word;
  return null;
}
