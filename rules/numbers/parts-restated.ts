/**
 * Totals after their parts that restate what the parts count, for total-breakdown (read
 * from parts-before-total.ts, which finds the run of parts and the total's clause). Each
 * reader gets the run (labels as written, nested quotes masked) and the text of the total's
 * clause after its total word (`讲党课`, `新纳入管理党员`, `向村级选派力量`, `开展主题党日`)
 * and returns the parts the total adds up, or null when the words do not tie them to it:
 * a guess would cost more than a miss.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Breakdown, Part } from './breakdowns';
import { listMode } from './breakdown-mode';
import { actionVerb } from './parts-end';

const words = sentenceNumbers.breakdown;

/**
 * The tails of `run` a total may close: the whole run, then each shorter run starting at a
 * part after a clause break (，；, not 、): `召开支委会12次、党小组会24次，书记讲党课2次、
 * 委员讲党课3次，合计讲党课…` closes only the last clause's parts. At least two parts each.
 */
function tails(run: Part[]): Part[][] {
  const out: Part[][] = [];
  for (let k = 0; k + 2 <= run.length; k++) if (k === 0 || run[k].sep !== 0x3001 /* 、 */) out.push(run.slice(k));
  return out;
}

/**
 * Whether every part is in the total's very unit. The magnitude word may differ (`7300万元、
 * 4100万元，共计争取资金1.24亿元`): values are compared in the unit itself, 万 and 亿 applied.
 */
function sameUnit(run: Part[], total: Quantity): boolean {
  return run.every((p) => p.q.unit === total.unit);
}

/**
 * "发展种植的脱贫户21户、发展养殖的14户、参与分红的28户，合计带动脱贫户63户": a total of a strict
 * sum word whose noun (after its two-character verb, at least two characters; or the verb and
 * noun together) is the very noun the first part's label ends with, the later labels ending
 * with it too or with 的 (the noun left out), all in the total's unit, counts what the parts
 * count: they add up to it. `…大户8户，合计带动农户150户` counts another thing: not read.
 * The run may be the last clause's parts only (`…党小组会24次，书记讲党课2次、委员讲党课3次，
 * 合计讲党课4次`: tails).
 */
export function sharedNoun(run: Part[], total: Quantity, verb: string, noun: string): Part[] | null {
  for (const tail of tails(run)) if (endsWithNoun(tail, total, verb, noun)) return tail;
  return null;
}

function endsWithNoun(run: Part[], total: Quantity, verb: string, noun: string): boolean {
  const first = run[0].label;
  const named = noun.length >= 2 && first.endsWith(noun) ? noun : first.endsWith(verb + noun) ? verb + noun : null;
  if (named === null || first.length === named.length || !sameUnit(run, total)) return false;
  for (let i = 1; i < run.length; i++) if (!run[i].label.endsWith('的') && !run[i].label.endsWith(named)) return false;
  return true;
}

/**
 * "流动党员报到20名、新转入党员9名、新发展党员3名，共计新纳入管理党员32名": a strict sum
 * (合计/共计/总计) whose clause ends with a noun of two or more characters that every part's
 * label names (党员), all in the total's unit: each part is a kind of that noun, and the
 * total sums the kinds. Not read when a label is only the noun (no kind of it named).
 */
export function namedInEveryLabel(run: Part[], total: Quantity, clause: string): boolean {
  if (run.length < 2 || !sameUnit(run, total)) return false;
  for (let n = Math.min(6, clause.length - 1); n >= 2; n--) {
    const noun = clause.slice(-n);
    if (run.every((p) => p.label.includes(noun) && p.label.length > noun.length)) return true;
  }
  return false;
}

/**
 * "全年举办积极分子培训2期、发展对象培训3期、党务干部培训4期，共举办培训班10期": after 共, a
 * total clause that restates the parts' verb (the first label, or the sentence's lead `lead`
 * before it, holds `verb`) and whose noun opens with a word of two to four characters that
 * every label ends with, after a kind's own words (培训 of 培训班), counts the kinds the labels
 * name, all in the total's unit: they add up to it. A label that is only the word names no
 * kind; `东门社区8场、西城社区5场，共举办议事会15场` (bodies, not kinds) is not this reading.
 */
export function kindsOfNoun(run: Part[], total: Quantity, verb: string, noun: string, lead: string): boolean {
  if (run.length < 2 || !sameUnit(run, total) || verb.length < 2) return false;
  if (!run[0].label.includes(verb) && !lead.includes(verb)) return false;
  for (let n = Math.min(4, noun.length); n >= 2; n--) {
    const word = noun.slice(0, n);
    if (run.every((p) => p.label.endsWith(word) && p.label.length > word.length)) return true;
  }
  return false;
}

/** What may stand between a total word and the verb it restates: where the parts went (`向村级`, `到社区`). */
const TOWARDS = /^(?:向|到|为|给|对|在)\p{Script=Han}{1,4}$/u;

/**
 * "选派第一书记5名、驻村队员10名、专干12名，共计向村级选派力量27名": the first part's label
 * opens with a verb (words.verbs) that the total's clause restates, right after the total word
 * or after a phrase of where the parts went (向村级, 到社区), with a noun after it; the later
 * labels bring no verb of their own, all in the total's unit: the parts are all the objects
 * of that verb. Only the whole run is read.
 */
export function restatedLeadingVerb(run: Part[], total: Quantity, clause: string): boolean {
  if (run.length < 2 || !sameUnit(run, total)) return false;
  const v = words.verbs.exec(run[0].label);
  if (!v || v.index !== 0 || v[0].length >= run[0].label.length) return false;
  const at = clause.indexOf(v[0]);
  if (at < 0 || at + v[0].length >= clause.length) return false;
  if (at > 0 && !TOWARDS.test(clause.slice(0, at))) return false;
  for (let i = 1; i < run.length; i++) if (actionVerb(run[i].label)) return false;
  return true;
}

/** A label that is only the name of a party organisation, a community or a village. */
const BODY_LABEL = /^\p{Script=Han}{1,10}?(?:党支部|支部|党小组|党总支|党委|社区|村)$/u;

/**
 * "第一党支部5次、第二党支部4次、青年党支部6次，共开展主题党日15次": parts labelled only by the
 * bodies that did the counted thing (党支部, 党小组, 社区, 村: no verb, nothing else), closed
 * by a total whose clause says what they did (a verb and a noun) in their very unit: each body's
 * count is a share of the total.
 */
export function bodiesOfTotal(run: Part[], total: Quantity, clause: string): boolean {
  if (run.length < 2 || !sameUnit(run, total) || clause.length < 3) return false;
  return run.every((p) => BODY_LABEL.test(p.label) && !words.verbs.test(p.label));
}

/**
 * "今年争取项目资金，其中衔接资金85万元、以工代赈资金32万元、…，共计争取资金143万元": the
 * sentence opens with a clause that names the whole without a number (a verb and its noun),
 * 其中 lists the parts, and a strict sum (合计/共计/总计) restates that clause's verb and the
 * head (last two characters) of its noun: the total is the whole the lead named, the parts
 * are its 其中 parts. Or the lead closes with 中 (`全场经营面积中，公益林8.6万亩、商品林3.1万亩，
 * 合计经营面积12.4万亩`): the set named without its count, sorted by the parts that follow.
 * `masked` is the sentence up to the total's comma, `verb` and `noun` the total clause's. All
 * parts in the total's unit; the lead holds no digit.
 */
function leadRestated(run: Part[], total: Quantity, verb: string, noun: string, masked: string): boolean {
  const first = run[0].label;
  if (run.length < 2 || !sameUnit(run, total) || noun.length < 2) return false;
  const at = masked.indexOf(first);
  if (at < 2) return false;
  const comma = masked.charCodeAt(at - 1);
  if (comma !== 0xff0c /* ， */ && comma !== 0x2c) return false;
  let lead = masked.slice(0, at - 1);
  // "全年流转土地中，水稻种植1200亩、…，合计流转土地1750亩": a lead closed by 中 names the
  // set the parts sort, as 其中 does; the parts then carry their own nouns.
  if (!first.startsWith('其中')) {
    if (lead.length < 3 || lead.charCodeAt(lead.length - 1) !== 0x4e2d /* 中 */) return false;
    lead = lead.slice(0, -1);
  }
  for (let i = 0; i < lead.length; i++) {
    const c = lead.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b) return false;
  }
  const v = lead.indexOf(verb);
  return v >= 0 && lead.includes(noun.slice(-2), v + verb.length);
}

/**
 * The 其中 parts of a whole named by the sentence's lead and restated by a strict total
 * (leadRestated: "今年争取项目资金，其中…，共计争取资金153万元"), answering to it as parts after
 * 其中 do (listMode: a 、 run naming no attribute adds up to it). Null when not such parts.
 */
export function leadParts(run: Part[], total: Quantity, verb: string, noun: string, masked: string, lineText: string, from: number): Breakdown | null {
  if (!leadRestated(run, total, verb, noun, masked)) return null;
  return { total, parts: run, mode: listMode(run, lineText, from, (sep) => sep === 0x3001 /* 、 */), listed: true };
}

/**
 * "…故障抢修186次、计划检修129次，合计完成327次": a strict sum (合计/共计/总计) whose verb only
 * says the things were done (`breakdown.done_verbs`: 完成) and names no noun of its own adds up
 * the parts before it, whatever their own verbs, when every part is in the total's very unit
 * (万 and 亿 applied: the magnitude word may differ).
 */
export function doneTotal(head: RegExpExecArray, namesWhole: boolean, run: readonly Part[], total: Quantity): boolean {
  if (namesWhole || head.length !== 4 || !STRICT_SUM_WORD.test(head[2]) || !words.doneVerbs.includes(head[3])) return false;
  for (const p of run) if (p.q.unit !== total.unit) return false;
  return true;
}

/** The total words that add the parts up (not 累计 or 共, which may reach further). */
const STRICT_SUM_WORD = /^(?:合计|共计|总计)$/u;


/**
 * "班子成员全年走访基层党组织：街道党工委3个、社区党组织9个，累计走访基层党组织12个" /
 * "全年帮扶：春节慰问8户、助学5户，合计帮扶困难家庭13户" / "开展系列活动：主题班会20场、
 * 实践项目6项，累计开展活动26场（项）": the first part's label opens with a lead up to a colon
 * (2–24 code units, maybe with a subject or a period word before its verb) that says what the
 * parts after the colon are all of, and the total restates the lead's verb (`verb`, two
 * characters) and, when the lead names a noun after the verb, the head (last two characters)
 * of the total's noun `noun` (null for a bare `累计走访12个`). `before` is what the total's
 * clause holds before its total word `word` (`全年` of `，全年累计`): it must stand in the lead
 * (`，三年来累计…` counts a longer period). The parts are exact, in the total's unit or its
 * bracketed second unit `altUnit` (`场（项）`), and the sentence neither distributes them
 * (其中, 分别, 另) nor ends them with 等 (`masked`: the sentence up to the total's comma, nested
 * quotes masked). After 累计 or 共, a total half as large again as the sum or more counts a
 * stock built over years and is not read; a lead that names only some (重点走访：, 主要包括：) is
 * not read either. True when the parts add up to the total.
 */
export function colonLead(run: Part[], total: Quantity, before: string, word: string, verb: string, noun: string | null, masked: string, altUnit: string | null): boolean {
  const label = run[0].label;
  const colon = Math.max(label.lastIndexOf('：'), label.lastIndexOf(':'));
  if (colon < 2 || colon > 24 || colon === label.length - 1 || verb.length !== 2) return false;
  const lead = label.slice(0, colon);
  const at = lead.lastIndexOf(verb);
  if (at < 0 || (before !== '' && !lead.includes(before)) || SOME_ONLY.test(lead)) return false;
  const rest = lead.slice(at + verb.length);
  if (noun !== null && rest !== '' && (noun.length < 2 || !rest.includes(noun.slice(-2)))) return false;
  if (/其中|分别|另/u.test(masked) || /等$/u.test(masked.trimEnd()) || total.bound !== 'exact') return false;
  let sum = 0;
  for (const p of run) {
    if ((p.q.unit !== total.unit && p.q.unit !== altUnit) || p.q.bound !== 'exact') return false;
    sum += p.q.value;
  }
  return (word !== '累计' && word !== '共') || 2 * total.value <= 3 * sum;
}

/** Words of a colon lead that name only some of what the total counts (`重点走访：`, `主要有：`). */
const SOME_ONLY = /重点|主要|其中|包括|例如|比如|部分/u;

/**
 * "一分公司收到表扬信87封、二分公司64封、三分公司52封，合计收到表扬信203封": the first label is
 * a subject, then the total's very `verb`, then a noun the total's `noun` ends with (or that
 * ends with it, two characters at least); every later label is only another subject of the
 * same kind (it ends with the first subject's last two characters: 分公司, 党支部), with no verb
 * of its own and no 的, all in the total's unit: the later parts leave out the verb and noun the
 * first one wrote, and a strict sum restating both adds up what the subjects did.
 */
export function parallelSubjects(run: Part[], total: Quantity, verb: string, noun: string): boolean {
  if (run.length < 2 || !sameUnit(run, total) || verb.length < 2 || noun.length < 2) return false;
  const first = run[0].label;
  const at = first.indexOf(verb);
  if (at < 2) return false;
  const subject = first.slice(0, at);
  const named = first.slice(at + verb.length);
  if (named.length < 2 || !(noun.endsWith(named) || named.endsWith(noun))) return false;
  if (!/^\p{Script=Han}+$/u.test(subject) || words.verbs.test(subject)) return false;
  const kind = subject.slice(-2);
  for (let i = 1; i < run.length; i++) {
    const label = run[i].label;
    if (!/^\p{Script=Han}{3,12}$/u.test(label) || !label.endsWith(kind) || label === subject || label.includes('的') || words.verbs.test(label) || label.includes(verb)) return false;
  }
  return true;
}

/**
 * "上半年完成饮水监测样品96份、食品监测样品120份、环境监测样品84份，累计检测样品300份": a bare
 * 累计 with a verb and a noun of its own (`noun`, two characters or more) that every label names,
 * after parts whose sentence opens with a period word (`lead`: the first label, or the clause before it
 * and the label, `上半年，完成…`: 上半年, 全年, 一季度…), in the total's unit: 累计 names no period of its own, so it sums the
 * kinds of that noun over the lead's period, and they add up to it. Not read when the total is half
 * again their sum or more (a stock built over years: `累计检测样品3200份`); the caller leaves out
 * sentences that split or add to the parts (其中, 分别, 另).
 */
export function periodKindsOfNoun(run: Part[], total: Quantity, noun: string, lead: string): boolean {
  if (run.length < 2 || noun.length < 2 || !sameUnit(run, total) || total.bound !== 'exact') return false;
  if (!run.every((p) => p.label.includes(noun) && p.label.length > noun.length)) return false;
  let periodic = false;
  for (let n = 2; n <= 5 && n <= lead.length; n++) if (words.periodEnd.test(lead.slice(0, n))) periodic = true;
  if (!periodic) return false;
  let sum = 0;
  for (const p of run) sum += p.q.value;
  return total.value < 1.5 * sum;
}

/** A period word opening a lead (`上半年组织…`): what the lead counts falls in that period. */
const LEAD_PERIOD = new RegExp(`^${words.periodEnd.source.slice(0, -1)}`, 'u');

/**
 * "上半年组织“红色航线”主题宣讲，其中船舶支部开展28场、陆岸支部开展15场，累计开展46场": a
 * lead that names a period and what was done in it (no number of its own), then 其中 and the
 * bodies that did it (BODY_LABEL), each label ending with the verb the total restates (`…开展`), then a
 * total of that verb alone. The 其中 ties the parts to the lead's whole and the lead's period
 * bounds the 累计, which therefore sums the parts rather than counting since the start: they
 * answer to it as parts after 其中 do (listMode: a 、 run naming no attribute adds up to it).
 * `masked` is the sentence up to the total's comma. Null when not such parts.
 */
export function periodLeadDoers(run: Part[], total: Quantity, verb: string, masked: string, lineText: string, from: number): Breakdown | null {
  const first = run[0].label;
  if (run.length < 2 || verb.length !== 2 || !first.startsWith('其中') || !sameUnit(run, total)) return null;
  // Each label is a body (党支部, 党小组, 社区, 村) and the verb: `其中船舶支部开展`. People
  // (`其中党委书记开展…`) may be some of those who did it, not all.
  for (const p of run) if (!p.label.endsWith(verb) || !BODY_LABEL.test(p.label.slice(p === run[0] ? 2 : 0, -verb.length))) return null;
  const at = masked.indexOf(first);
  if (at < 3) return null;
  const comma = masked.charCodeAt(at - 1);
  if (comma !== 0xff0c /* ， */ && comma !== 0x2c) return null;
  const lead = masked.slice(0, at - 1);
  if (!LEAD_PERIOD.test(lead)) return null;
  for (let i = 0; i < lead.length; i++) {
    const c = lead.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b) return null;
  }
  return { total, parts: run, mode: listMode(run, lineText, from, (sep) => sep === 0x3001 /* 、 */), listed: true };
}

/**
 * "全年协调解决融资对接23件、用工对接31件、物流协调18件，合计解决企业诉求72件": a strict sum
 * restating the verb the first label holds (协调解决) over parts that are kinds of what it acted
 * on, whatever noun the total gives them (企业诉求 sums up 融资对接, 用工对接…). The parts are in
 * the total's very unit and no later label brings a verb of its own (`解决…23件、收集意见31件`
 * counts two actions), none spreads or splits them (分别, 其中, 另); a label that ends in a
 * verb-like noun (物流协调) is the kind's name.
 */
export function verbOverKinds(run: Part[], total: Quantity, verb: string): boolean {
  if (verb.length !== 2 || run.length < 2 || !run[0].label.includes(verb)) return false;
  // `两个支部分别收集…36件、41件`: values spread over subjects (respectively-*.ts), not kinds.
  if (run.some((p) => /其中|分别|另/u.test(p.label))) return false;
  for (let i = 0; i < run.length; i++) {
    if (run[i].q.unit !== total.unit || run[i].q.bound !== 'exact') return false;
    if (i === 0) continue;
    const v = actionVerb(run[i].label);
    if (v && v[0] !== verb && v.index + v[0].length < run[i].label.length) return false;
  }
  return true;
}
