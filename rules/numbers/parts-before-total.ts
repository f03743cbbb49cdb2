/**
 * How total-breakdown reads a total that follows its parts ("…18次、…25次、…9次，累计54次";
 * "…，全年累计开展50场"; "…，累计召开会议18次"): the other readings are in breakdowns.ts,
 * whose helpers this file shares. Vocabulary: rules/data/sentence-numbers.yaml (`breakdown`).
 */
import { periodFunding } from './parts-funding';
import { NAMING_NOUN_MAX, sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isSpace } from '../model/script';
import { clauseText, isHanCode, isTotal, lastSeparator } from './breakdowns';
import { actionVerb } from './parts-end';
import type { Mode } from './breakdown-mode';
import type { Breakdown, Part } from './breakdowns';
import { byQuarters, labelPeriod, periodMode, wholePeriod, withoutEachDoers } from './periods';
import { groupsTimesEach, listTimesEach } from './each-group';
import { bodiesOfTotal, colonLead, doneTotal, kindsOfNoun, leadParts, namedInEveryLabel, parallelSubjects, periodKindsOfNoun, periodLeadDoers, restatedLeadingVerb, sharedNoun, verbOverKinds } from './parts-restated';
import type { Months } from './periods';
import { lastPeriodLeftOut } from './period-last-left';
import { compatibleUnits, isClauseEndChar, maskNested, quantitiesIn, sentenceStart } from './sentence';

const words = sentenceNumbers.breakdown;
/** How far before a total's number words.totalNaming may reach: a comma, four characters, a total word, a verb and the longest noun. */
export const NAMING_REACH = 9 + NAMING_NOUN_MAX;

/**
 * Whether the code units before `numberStart` may end a total word and a two-character verb
 * (`累计开展`, `共开展`), or that and a short noun (`累计召开会议`): a cheap first test for
 * words.totalRestating and words.totalNaming.
 */
export function mayRestate(text: string, numberStart: number): boolean {
  const c = text.charCodeAt(numberStart - 3);
  if (c === 0x8ba1 /* 计 */ || c === 0x5171 /* 共 */) return true;
  // `累计召开会议`: the total word, a verb and a noun of 1–NAMING_NOUN_MAX Han characters (words.totalNaming).
  for (let i = numberStart - 4; i >= numberStart - 3 - NAMING_NOUN_MAX && i >= 0; i--) {
    const d = text.charCodeAt(i);
    if (d === 0x8ba1 || d === 0x5171) return true;
    if (d < 0x3400 || d > 0x9fff) return false;
  }
  return false;
}

/**
 * "开展集中学习18次、专题研讨25次、实地调研9次，累计54次": a total that follows its parts,
 * opened by ，合计/累计/共计/总计/共 (达到/为…) and stating only the number (and at most a
 * short noun: `，共计54人次。`). A total clause with a verb (`，累计发展党员300名`) may count
 * more than the parts (since the start, across years): not read. The parts are the run of
 * quantities of the total's unit, one per clause, that ends in the clause right before it.
 * A total clause may restate the parts' verb right before the number when the first part's
 * label holds it (`第一季度开展…12场、第二季度15场…，全年累计开展50场`: quarters are read as a
 * split of the year first, periodBreakdown, which holds two quarters to no more than it); after 累计 only
 * with a period word (全年, 上半年…): `累计开展` alone may count since the start.
 * A total clause may also name the whole the parts are kinds of (`…党小组会12次，累计召开会议
 * 18次`): the verb of the first part, then a noun ending in a general noun (whole_nouns)
 * whose other words stand in the labels (closesRun). After 累计 or 共 such a total may count
 * more (earlier years, kinds not listed): the parts are held to no more than it. A lead up to
 * a colon whose verb the total restates (`全年走访…：…，累计走访…48个`) ties them first (colonLead).
 */
export function partsBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  return strictTotal(report, total) ?? totalAfterRemainder(report, total);
}

/** The total-word and link alternations, for TOTAL_AFTER_REMAINDER. */
const TOTAL_WORDS = `(${words.totalWordsSource})(?:${words.totalLinksSource})?`;
/**
 * Anchored at the end of the text before a total's number: `，全年完成产值共计`, `，累计化解`
 * (group 1 what stands before the total word; 2 the total word; 3 a two-character verb after it).
 */
const TOTAL_AFTER_REMAINDER = new RegExp(`[，,](\\p{Script=Han}{0,8}?)${TOTAL_WORDS}(\\p{Script=Han}{2})?$`, 'u');
/** A period word opening the total's clause (`全年完成产值`): it restates no noun. */
const LEADING_PERIOD = new RegExp(`^${words.periodEnd.source.slice(0, -1)}`, 'u');
/** A label that names the rest (`其他纠纷`, `临建及其他`): the parts before it exhaust a whole. */
const REMAINDER_LABEL = /(?:^|[及和与])(?:其他|其余|其它|剩余)/u;

/**
 * "…家庭纠纷186起、经济纠纷74起、其他纠纷39起，累计化解299起" / "…A3.1亿元、B0.9亿元、其他
 * 0.4亿元，全年完成产值共计4.4亿元": a run of parts that ends with the rest (其他…) names all
 * of a whole, so a total right after it may carry words of its own before or after the total
 * word (a period, the parts' verb, a noun), which the strict reading leaves alone. Those
 * words must restate the sentence (a period word, or two characters found before the total:
 * 化解 of `已化解的纠纷中`, 完成 of `管廊主体完成`): `受理…其他纠纷39起，累计化解290起` counts
 * another thing. 合计/共计/总计 add the parts up; after 累计 or 共 the total may reach further
 * (since the start), so the parts are held to no more than it.
 */
function totalAfterRemainder(report: Report, total: Quantity): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = TOTAL_AFTER_REMAINDER.exec(lineText.slice(Math.max(0, at - 16), at));
  if (!head || !isTotal(total, lineText, from)) return null;
  const tail = total.end - from;
  if (tail < lineText.length && !isClauseEndChar(lineText.charCodeAt(tail))) return null;
  const found = runBefore(report, total, from, lineText, at - head[0].length);
  if (!found) return null;
  const { run, masked } = found;
  if (!REMAINDER_LABEL.test(run[run.length - 1].label)) return null;
  for (const p of run) if (p.q.unit !== total.unit) return null;
  const own = head[1].replace(LEADING_PERIOD, '') + (head[3] ?? '');
  if (own.length > 0 && !restates(own, masked)) return null;
  const mode: Mode = head[2] === '累计' || head[2] === '共' ? 'atMost' : 'sum';
  return { total, parts: run, mode, listed: true };
}

/** The text of `sentence` before the first occurrence of `label` (the lead before the parts), or '' when absent. */
function leadBefore(sentence: string, label: string): string {
  const at = label === '' ? -1 : sentence.indexOf(label);
  return at > 0 ? sentence.slice(0, at) : '';
}

/** Whether `words` shares a run of two characters with `sentence` (the total restates it). */
function restates(own: string, sentence: string): boolean {
  for (let i = 0; i + 2 <= own.length; i++) if (sentence.includes(own.slice(i, i + 2))) return true;
  return false;
}

/** The reading of partsBeforeTotal with a bare total clause (see there). */
function strictTotal(report: Report, total: Quantity): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const byPeriod = periodBreakdown(report, total, from, lineText, at);
  if (byPeriod) return byPeriod;
  // `，全年合计54次`: a period word may open the bare total's clause (AFTER_PARTS_REACH).
  let head = words.totalAfterParts.exec(lineText.slice(Math.max(0, at - AFTER_PARTS_REACH), at));
  const ownPeriod = head ? LEADING_PERIOD.exec(head[0].slice(1)) : null;
  // "…，全年累计开展50场": the total restates the parts' verb (group 3).
  let verb: string | null = null;
  // "…，累计召开会议18次": the total names the whole the parts are kinds of (group 4).
  let whole: RegExpExecArray | null = null;
  let mode: Mode = 'sum';
  // A bare 累计 restating the parts' verb: read only when the parts are periods (see below).
  let sinceStart = false;
  // The noun such a total restates from the first part's label (`发现隐患` of `…排查发现隐患22项`).
  let ownNoun: string | null = null;
  // The total clause of a strict sum word whose noun may be the first part's (sharedNoun).
  let namedNoun: RegExpExecArray | null = null;
  // The total clause of 共 whose parts may be the bodies that did it (bodiesOfTotal).
  let bodies: RegExpExecArray | null = null;
  if (!head) {
    head = words.totalRestating.exec(lineText.slice(Math.max(0, at - 9), at));
    // `累计开展` alone may count since the start, unless the parts are the periods it sums.
    if (head && head[2] === '累计' && !words.periodEnd.test(head[1])) {
      sinceStart = true;
      mode = 'atMost';
    }
    if (!head) {
      head = words.totalNaming.exec(lineText.slice(Math.max(0, at - NAMING_REACH), at));
      if (!head) return null;
      whole = words.wholeNoun.exec(head[4]);
      // `…二季度19项，累计发现隐患41项`: a noun of the parts' own (no general noun) is read
      // only after parts that are the periods a bare 累计 sums (byQuarters, periods.ts).
      // `…参与分红的28户，合计带动脱贫户65户`: after 合计/共计/总计 the noun may restate what
      // the first part counts (sharedNoun, below).
      if (!whole && STRICT_SUM.test(head[2])) namedNoun = head;
      // `…第二党支部4次，共开展主题党日15次`: after 共, parts that are the bodies doing it (bodiesOfTotal).
      else if (!whole && head[2] === '共') bodies = head;
      else if (!whole && head[2] !== '累计') return null;
      else if (!whole) {
        sinceStart = true;
        ownNoun = head[4];
      }
      // A 累计 or 共 total may reach further (since the start, other kinds besides the
      // named ones): the parts are held to no more than it. 合计/共计/总计 add up the parts.
      if (head[2] === '累计' || head[2] === '共') mode = 'atMost';
    }
    verb = head[3];
  }
  if (!isTotal(total, lineText, from)) return null;
  // The total's clause holds nothing but it, its pair (`243户409人`) and a short noun.
  let tail = pairEnd(report, total) - from;
  // `126场（项）`: a second measure word in a bracket, for parts counted in either (colonLead).
  const alt = tail === total.end - from ? ALT_UNIT.exec(lineText.slice(tail, tail + 3)) : null;
  if (alt) tail += 3;
  let end = tail;
  while (end < lineText.length && end - tail <= 6 && isHanCode(lineText.charCodeAt(end))) end++;
  // `…，合计党员241名参与社区各类活动`: after a strict sum word the total's clause may go on
  // with what those counted did; the 合计 has already said it adds up the parts.
  const strictHead = STRICT_SUM.test(head[2] ?? '');
  if (!strictHead && end < lineText.length && !isClauseEndChar(lineText.charCodeAt(end))) return null;
  if (!strictHead && end > tail && words.verbs.test(lineText.slice(tail, end))) return null;
  // The head opens with the comma that ends the parts' clause.
  const found = runBefore(report, total, from, lineText, at - head[0].length, alt ? alt[1] : null);
  if (!found) return null;
  const { run, masked } = found;
  // `上半年走访…18次、…，全年合计54次`: parts of another period than the total's are no split of it.
  if (ownPeriod && otherPeriod(masked, ownPeriod[0])) return null;
  // `全年走访…：…，累计走访…48个`: a lead up to a colon names what the parts are all of.
  if (verb !== null && colonLead(run, total, head[1], head[2], verb, head.length > 4 ? head[4] : null, masked, alt ? alt[1] : null)) return { total, parts: run, mode: 'sum', listed: true };
  if (alt) return null;
  // `全年整合…资金850万元、…，累计投入1435万元`: a period's funding sources and their sum (parts-funding.ts).
  if (sinceStart && verb !== null && whole === null && ownNoun === null) {
    const funded = periodFunding(run, total, verb, masked);
    if (funded) return funded;
  }
  // `上半年完成…监测样品96份、…，累计检测样品310份`: kinds of the 累计's noun over the lead's period.
  if (ownNoun !== null && sinceStart && !/其中|分别|另/u.test(masked) && (periodKindsOfNoun(run, total, ownNoun, run[0].label) || periodKindsOfNoun(run, total, ownNoun, (leadBefore(masked, run[0].label).split(/[，,]/u).at(-2) ?? '') + run[0].label))) return { total, parts: run, mode: 'sum', listed: true };
  // A restated verb names the parts' action (not asked of a total that restates the noun): the first part's label holds it, or the
  // sentence's lead before the parts (`开设托班和大、中、小班，其中大班4个…，共开设14个`).
  if (verb !== null && !namedNoun && !bodies && !run[0].label.includes(verb) && !leadBefore(masked, run[0].label).includes(verb) && !doneTotal(head, whole !== null, run, total)) return null;
  if (whole && !closesRun(run, whole, verb ?? '', total, masked, STRICT_SUM.test(head[2]) && verb !== null && run[0].label.includes(verb))) return null;
  if (ownNoun !== null && !restatesLabel(run[0].label, verb ?? '', ownNoun)) return null;
  if (namedNoun) return restatedParts(run, total, namedNoun[3], namedNoun[4]) ?? leadParts(run, total, namedNoun[3], namedNoun[4], masked, lineText, from);
  // Bodies doing it are held under the total; kinds of its noun (`…培训3期、…培训4期，共举办培训班10期`) add up to it.
  if (bodies) return bodiesOfTotal(run, total, bodies[3] + bodies[4]) ? { total, parts: run, mode: 'atMost', listed: true } : kindsOfNoun(run, total, bodies[3], bodies[4], leadBefore(masked, run[0].label)) ? { total, parts: run, mode: 'sum', listed: true } : null;
  if (mode === 'atMost' && head[2] === '累计' && byQuarters(run, total)) mode = 'sum';
  else if (sinceStart) return verb !== null && whole === null && ownNoun === null ? periodLeadDoers(run, total, verb, masked, lineText, from) : null;
  return { total, parts: run, mode, listed: true };
}

/** How far before a bare total's number words.totalAfterParts may reach: a comma, a period word of up to four characters, a total word and a link. */
const AFTER_PARTS_REACH = 9;

/** Every period word (sentence-numbers.yaml `period_words`), for otherPeriod. */
const PERIOD_ANY = new RegExp(words.periodEnd.source.slice(0, -1), 'gu');

/** Whether `sentence` names a period other than `period` (the total's own, `全年`): the parts may be that period's. */
function otherPeriod(sentence: string, period: string): boolean {
  for (const m of sentence.matchAll(PERIOD_ANY)) if (m[0] !== period) return true;
  return false;
}

/** A second measure word in a bracket right after a total (group 1): `场（项）`. */
const ALT_UNIT = /^[（(]([项场次个期件])[）)]/u;

/** The total words that add the parts up (not 累计 or 共, which may reach further). */
const STRICT_SUM = /^(?:合计|共计|总计)$/u;

/**
 * The parts a strict sum (合计/共计/总计) with a verb and a noun of its own adds up
 * (parts-restated.ts): the noun the first label ends with (sharedNoun, maybe the last
 * clause's parts only), a noun every label names (namedInEveryLabel), or the verb the first
 * label opens with (restatedLeadingVerb). Null when none ties the parts to the total.
 */
function restatedParts(run: Part[], total: Quantity, verb: string, noun: string): Breakdown | null {
  const shared = sharedNoun(run, total, verb, noun);
  if (shared) return { total, parts: shared, mode: 'sum', listed: true };
  const clause = verb + noun;
  if (namedInEveryLabel(run, total, clause) || restatedLeadingVerb(run, total, clause) || parallelSubjects(run, total, verb, noun) || verbOverKinds(run, total, verb)) return { total, parts: run, mode: 'sum', listed: true };
  return null;
}

/**
 * Whether a first part's label holds a total's verb and, after it, the head (last two
 * characters) of the total's noun: `…开展用水安全宣传` for `累计开展宣传`.
 */
function restatesLabel(label: string, verb: string, noun: string): boolean {
  const at = verb.length === 2 ? label.indexOf(verb) : -1;
  return at >= 0 && noun.length >= 2 && label.includes(noun.slice(-2), at + verb.length);
}

/**
 * The run of parts in the sentence before the comma at `comma` (an index into the line):
 * quantities of the total's unit, one per clause, the last in the clause right before the
 * comma (or `altUnit`, a bracketed second measure of the total); with the sentence's text up to
 * the comma, nested quotes and brackets masked. Null when fewer than two (one k × M part may stand alone).
 */
export function runBefore(report: Report, total: Quantity, from: number, lineText: string, comma: number, altUnit: string | null = null): { run: Part[]; masked: string } | null {
  const start = sentenceStart(lineText, comma);
  // "一是…19次；二是…18次；三是…7次，共计46次": an ordinal run joined by ； is one list when
  // each of its items holds one part.
  const ordinal = ordinalRunStart(lineText, start);
  if (ordinal) {
    const found = runFrom(report, total, from, lineText, ordinal.start, comma, altUnit);
    if (found && found.run.length === ordinal.items && found.run.every((p, i) => i === 0 || p.sep === 0xff1b /* ； */ || p.sep === 0x3b)) return found;
  }
  return runFrom(report, total, from, lineText, start, comma, altUnit);
}

const ORDINALS = '一二三四五六七八九十';

/**
 * Where an ordinal run starts when the sentence at `start` opens with 二是/三是… and the
 * sentences before it, each ended by ；, open (or have a clause that opens) with the ordinals
 * before it down to 一是: the start of the 一是 sentence and the number of items. Null otherwise.
 */
function ordinalRunStart(lineText: string, start: number): { start: number; items: number } | null {
  let at = start;
  while (at < lineText.length && isSpace(lineText.charCodeAt(at))) at++;
  let k = ORDINALS.indexOf(lineText[at] ?? '');
  if (k < 1 || lineText[at + 1] !== '是') return null;
  let items = 1;
  let from = start;
  while (k > 0) {
    const semi = lineText.charCodeAt(from - 1);
    if (semi !== 0xff1b /* ； */ && semi !== 0x3b) return null;
    const prev = sentenceStart(lineText, from - 1);
    const segment = lineText.slice(prev, from - 1);
    k--;
    const marker = segment.search(new RegExp(`(?:^|[，,：:])\\s*${ORDINALS[k]}是`, 'u'));
    // Only the 一是 item may have a lead-in clause before its marker.
    if (marker < 0 || (k > 0 && !segment.trimStart().startsWith(`${ORDINALS[k]}是`))) return null;
    items++;
    from = prev;
  }
  return { start: from, items };
}

/** A conjunction right after a part, before the next part's label (`和`, `及`, `以及`, `与`). */
const CONJUNCTION = /^(?:以及|和|及|与)/u;

/** runBefore's reading of the parts in `lineText[start, comma)` (see there). */
function runFrom(report: Report, total: Quantity, from: number, lineText: string, start: number, comma: number, altUnit: string | null): { run: Part[]; masked: string } | null {
  const masked = maskNested(lineText.slice(start, comma));
  // `…入党积极分子4名，共有党员28名`: people not yet members are no part of a total of members;
  // a total that names no 党员 (`…党员发展对象53人次，合计培训243人次`) or names them too counts them.
  const totalWords = lineText.slice(comma + 1, total.numberStart - from);
  const stop = totalWords.includes('党员') && !words.nonMember.test(totalWords) ? words.stop : words.stopPlain;
  let run: Part[] = [];
  let labelFrom = 0;
  let prevEnd = -1;
  let previous: Quantity | null = null;
  // `城区3个妇女微家举办活动26场，乡镇5个…42场，合计…`: a count in another unit that opens a
  // part's clause names who did it (countedDoers); the run before it is held until that is known.
  let held: { run: Part[]; labelFrom: number; end: number } | null = null;
  for (const found of quantitiesIn(report.quantities, from + start, from + comma)) {
    // `4个支部各组建2支`, `甲、乙、丙培训班各2期`: the groups (or kinds) times what each did is one part (each-group.ts).
    const between = masked.slice(labelFrom, found.start - from - start);
    const times = groupsTimesEach(previous, found, between, total.unit) ?? listTimesEach(found, between, total.unit);
    previous = found;
    const q = times ?? found;
    const qAt = q.start - from - start;
    if (masked.charCodeAt(q.numberStart - from - start) === 0x25a1 /* □ */) continue;
    if (held && times === null && countedDoers(masked, held.end, qAt, q, total, altUnit)) {
      run = held.run;
      labelFrom = held.labelFrom;
    }
    held = null;
    // `12户30人`: a count in another unit written right after a part is its pair
    // (paired-counts.ts), not a break in the run.
    const paired = run.length > 0 && q.start === prevEnd && !compatibleUnits(q.unit, total.unit);
    prevEnd = q.end;
    if (paired) {
      labelFrom = q.end - from - start;
      continue;
    }
    const labelBefore = labelFrom;
    let cut = lastSeparator(masked, labelFrom, qAt);
    // "…7名和4名，合计31名" / "…第三组7名和第四组4名": the last part joined by 和/及/与 is one
    // more item of the 、 run (a conjunction right after the part before it).
    const joined = cut < 0 && run.length > 0 && CONJUNCTION.exec(masked.slice(labelFrom, qAt));
    const label = joined ? clauseText(masked, labelFrom + joined[0].length, qAt) : clauseText(masked, cut + 1, qAt);
    if (joined) cut = labelFrom + joined[0].length - 1;
    labelFrom = q.end - from - start;
    const usable = (compatibleUnits(q.unit, total.unit) || q.unit === altUnit) && q.bound !== 'approx' && !q.scope && (times !== null || !stop.test(withoutEachDoers(label).replace(/^[共总]/u, '')));
    if (!usable || (run.length > 0 && cut < 0)) {
      if (!usable && times === null && (run.length === 0 || cut >= 0) && !compatibleUnits(q.unit, total.unit) && q.unit !== altUnit) held = { run, labelFrom: labelBefore, end: labelFrom };
      run = usable ? [{ q, label, sep: 0 }] : [];
      continue;
    }
    run.push({ q, label, sep: run.length === 0 ? 0 : joined ? 0x3001 /* 、 */ : masked.charCodeAt(cut) });
  }
  // One part of kinds times each (`甲、乙培训班各3期，共6期`) is a sum of its own.
  if (run.length < 2 && !(run.length === 1 && run[0].q.numberText.includes('×'))) return null;
  // The last part stands in the clause right before the total (its pair, if any, ends it).
  if (lastSeparator(masked, labelFrom, masked.length) >= 0) return null;
  // `…综合窗口24个、专业窗口16个等，合计…`: 等 leaves kinds unnamed; the total may hold more.
  if (masked.charCodeAt(labelFrom) === 0x7b49 /* 等 */) return null;
  return { run, masked };
}

/**
 * "一季度6个、二季度5个、三季度7个、四季度4个，全年累计立项23个" (or "…，全年共23个"): parts
 * labelled by periods that split the period the total names (periods.ts). Quarters, halves
 * or months that cover it add up to it, above or below; ones within it, to no more than it.
 * A verb after the total word must restate the parts' (the first label holds it) or name
 * what the sentence's lead-in counts (立项 of `确定…项目：`, a character shared), and may be
 * none of the verbs that start a statement of their own (解决, 办理…: what was solved of
 * what was collected).
 */
function periodBreakdown(report: Report, total: Quantity, from: number, lineText: string, at: number): Breakdown | null {
  const head = words.totalForPeriod.exec(lineText.slice(Math.max(0, at - 18), at));
  if (!head) return null;
  const whole = wholePeriod(head[1]);
  if (!whole || !isTotal(total, lineText, from)) return null;
  const tail = total.end - from;
  // `609家次，`: the rest of a compound measure word (家次, 人次) may end the total's clause.
  let end = tail;
  if (end < lineText.length && lineText.charCodeAt(end) === 0x6b21 /* 次 */) end++;
  if (end < lineText.length && !isClauseEndChar(lineText.charCodeAt(end))) return null;
  const found = runBefore(report, total, from, lineText, at - head[0].length);
  if (!found) return null;
  const periods: Months[] = [];
  for (const p of found.run) {
    const months = labelPeriod(p.label);
    if (!months || p.q.unit !== total.unit) return null;
    periods.push(months);
  }
  let mode = periodMode(periods, whole);
  if (!mode) return null;
  // Every period but the last, under 共计/合计/总计: a gap in the list (period-last-left.ts).
  if (mode === 'atMost' && lastPeriodLeftOut(periods, whole, head[2])) mode = 'sum';
  const verb = head[4];
  // "一季度检查单位312家次、…，上半年累计检查社会单位609家次": a noun after the verb names
  // what the parts count when the first label holds the verb and the noun's head (单位).
  const noun = head[5];
  if (noun !== undefined) {
    const lead = found.run[0].label;
    if (verb === undefined || noun.length < 2 || !lead.includes(verb) || !lead.includes(noun.slice(-2))) return null;
  } else if (verb !== undefined && !found.run[0].label.includes(verb)) {
    const lead = found.run[0].label;
    if (words.verbs.test(verb) || !(lead.includes(verb[0]) || lead.includes(verb[1]))) return null;
  }
  return { total, parts: found.run, mode, listed: true };
}

/**
 * Whether a total that names a whole (`累计召开会议18次`, `累计完成技改项目11项`) closes
 * the run of parts: the parts are in the total's very unit (any magnitude word); no later part brings a verb of
 * its own (`…发展党员5名、转入党员3名，累计发展党员6名` counts only one kind); the words the
 * whole noun adds before its general noun (技改 of 技改项目) stand in the parts' labels, unless
 * the total adds the parts up (合计/共计/总计) and restates the first part's verb (`strict`:
 * `帮助化解物业服务纠纷21件、…，合计化解群众身边烦心问题44件`, whose 群众身边烦心 only says
 * whose problems they all were); and nothing between the first part and the total splits or
 * distributes it (其中, 分别, 另).
 */
function closesRun(run: Part[], whole: RegExpExecArray, verb: string, total: Quantity, masked: string, strict: boolean): boolean {
  let labels = '';
  for (let i = 0; i < run.length; i++) {
    const p = run[i];
    // 万 and 亿 are applied to the values: `…7300万元、…4100万元，共计争取资金1.24亿元` compares.
    if (p.q.unit !== total.unit) return false;
    // A verb that ends a label is the kind's head noun (服务流程类整改), not an action.
    if (i > 0) {
      const v = actionVerb(p.label);
      if (v && v[0] !== verb && v.index + v[0].length < p.label.length) return false;
    }
    labels += p.label;
  }
  const modifier = strict ? '' : whole[2];
  for (let i = 0; i < modifier.length; i++) if (!labels.includes(modifier[i])) return false;
  return !/其中|分别|另/u.test(masked);
}

/**
 * Where a total's count ends, with the count in another unit written right after it
 * (`共计243户409人`: the end of 409人), which paired-counts.ts reads as its pair.
 */
function pairEnd(report: Report, total: Quantity): number {
  for (const q of quantitiesIn(report.quantities, total.end, total.end + 16)) {
    if (q.start === total.end && !compatibleUnits(q.unit, total.unit)) return q.end;
    break;
  }
  return total.end;
}

/**
 * Whether the quantity at `qAt` (an index into `masked`) is a part in the clause of a count in
 * another unit that ended at `heldEnd`: no separator between them, so that count only says who
 * did it or where (`乡镇5个妇女微家举办活动42场`, `3个支部开展12场`), and the run goes on past it. A
 * count that ends its own clause (`…发放资料300份，…`) still breaks the run.
 */
function countedDoers(masked: string, heldEnd: number, qAt: number, q: Quantity, total: Quantity, altUnit: string | null): boolean {
  if (!(compatibleUnits(q.unit, total.unit) || q.unit === altUnit) || qAt <= heldEnd) return false;
  return lastSeparator(masked, heldEnd, qAt) < 0;
}
