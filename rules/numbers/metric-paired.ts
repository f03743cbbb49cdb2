/**
 * metric-conflict's check of paired counts restated (`N户M人`): a report that states how
 * many households and people a group has (`共安置来自…的搬迁群众1248户5317人`) and later
 * states the same group again with one of the two figures changed
 * (`安置社区共有搬迁群众1248户5371人`) contradicts itself. Where both figures differ the
 * two statements may count different sets (another date, another village) and are not
 * compared: the households, equal, say the same set is meant.
 *
 * Read strictly, so that different groups never meet:
 * - a pair is an exact household count right followed by an exact people count (户 then
 *   人/名, no 万), closing its clause;
 * - its noun is the Han words between the pair and the nearest word that opens the group
 *   before it (的, 共有, 现有, 有, 安置, 辖): `…的搬迁群众`, `共有脱贫户`. Without such a word
 *   the pair is not read (`帮扶搬迁群众…` is an event, `全村共412户1536人` a population:
 *   metric-population.ts); a noun holding 其中 or a particle, or longer than MAX_NOUN, is
 *   not read either;
 * - the two statements have the same noun and the same time (metric-sentence.ts: neither a
 *   goal, both dated alike); among the plans only a pair after 共有/现有/有 (what exists now)
 *   is read;
 * - neither sentence names a unit (`A村有脱贫户30户98人`, `三组…`: a survey of units, each
 *   with its own pair), a unit the title names being the report's own; the two stand on
 *   different lines (a restatement is made elsewhere in the report); two groups qualified
 *   by 的 with different words (因病致贫的贫困户… / 因残致贫的贫困户…) are not compared.
 * Each later statement is held against the first of its noun and time. One pass over the
 * quantities: linear in their number; each sentence read at most MAX_SENTENCE back.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart, sentenceStart } from './sentence';
import { restatement } from './metric-restatement';

/** Words that open the group a pair counts, longest first: the noun follows them. */
const OPENERS = ['共安置', '共有', '现有', '辖有', '安置', '的', '有', '辖'];
/** Openers that state what exists now: the only pairs read among the plans. */
const EXISTING = ['共有', '现有', '有'];
/** The longest noun read: qualifiers and head (易地扶贫搬迁群众). */
const MAX_NOUN = 8;
/** How far back the words before a pair are read for its opener. */
const MAX_LEAD = 24;
/** How far back a sentence is read for the units it names. */
const MAX_SENTENCE = 200;
/** Characters that never stand in the noun of a group (particles, 其 of 其中). */
const NOT_IN_NOUN = /[了在对向与和及等被将把从由为以于其的]/u;
const HAN = /^\p{Script=Han}+$/u;
const PEOPLE = new Set(['人', '名']);
/** Kinds of unit a survey goes through, each named by its own pair (`张庄组有脱贫户…`). */
const KINDS = '村|社区|镇|乡|街道|组|片区|网格|小区|楼栋';
/** A unit named by a short name and its kind, standing as a subject (`石桥村，`, `A村有`). */
const NAMED_UNIT = new RegExp(`(?:[A-Za-z0-9*×XＸ]{1,3}|\\p{Script=Han}{1,4})(?:${KINDS})(?=[，,、：:（(；;]|支部|党支部|党总支|党委|是|有|共有|现有|安置)`, 'gu');
const KIND_AT_END = new RegExp(`(?:${KINDS})$`, 'u');
/** A unit named by its number (`一组`, `3号楼`, `第二网格`): always another unit. */
const NUMBERED_UNIT = /[一二三四五六七八九十百0-9]{1,3}(?:组|小组|网格|片区|号楼|栋)/u;
/** Last characters that make `X村` a kind of place, not a name (农村, 行政村, 各村…). */
const NOT_NAME_END = '农乡山城政然个各该全本我每此其这那一二两三四五六七八九十';

interface Pair {
  noun: string;
  time: string;
  households: Quantity;
  people: Quantity;
  /** Line indices of the statement: noun to the people count. */
  start: number;
  end: number;
  text: string;
  /** The units the sentence names before the statement (not the report's own). */
  names: string;
  /** After 的, the words that qualify the group from its clause's start (`因病致贫的`), else ''. */
  qualifier: string;
}

/**
 * The `conflict` (and passed `consistent`) problems of a report's restated paired counts.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function pairedConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const title = report.title?.text ?? '';
  const first = new Map<string, Pair>();
  const problems: Problem[] = [];
  const quantities = report.quantities;
  for (let i = 0; i + 1 < quantities.length; i++) {
    const q = quantities[i];
    if (q.unit !== '户' || q.bound !== 'exact' || q.scale !== '') continue;
    const r = quantities[i + 1];
    if (r.start !== q.end || r.line !== q.line || !PEOPLE.has(r.unit) || r.bound !== 'exact' || r.scale !== '') continue;
    const lineStart = report.lines.start(q.line);
    const lineText = report.lines.lineText(q.line);
    const pair = readPair(lineText, lineStart, q, r, places, title, planned(q.start));
    if (pair === null) continue;
    const key = `${pair.noun}|${pair.time}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, pair);
      continue;
    }
    // Units named (a survey of villages or groups), another paragraph's words only, or
    // two groups qualified differently (因病致贫的贫困户… / 因残致贫的贫困户…): other sets.
    if (earlier.names !== '' || pair.names !== '' || earlier.households.line === q.line) continue;
    if (earlier.qualifier !== '' && pair.qualifier !== '' && earlier.qualifier !== pair.qualifier) continue;
    const sameHouseholds = earlier.households.value === q.value;
    const samePeople = earlier.people.value === r.value;
    // Both figures changed: another set (another date, a part), not a restatement.
    if (!sameHouseholds && !samePeople) continue;
    const ok = sameHouseholds && samePeople;
    const later = { text: pair.text, line: q.line, start: lineStart + pair.start, end: lineStart + pair.end, shown: shown(q, r) };
    problems.push(restatement(ok, later, { text: earlier.text, line: earlier.households.line, start: earlier.start, end: earlier.end, shown: shown(earlier.households, earlier.people) }));
  }
  return problems;
}

/** `1248户5317人`: both figures as written. */
function shown(households: Quantity, people: Quantity): string {
  return `${households.numberText}${households.unit}${people.numberText}${people.unit}`;
}

/** The pair `q` (households) + `r` (people) read as a statement, or null (see the module doc). */
function readPair(lineText: string, lineStart: number, q: Quantity, r: Quantity, places: Places, title: string, inPlans: boolean): Pair | null {
  const at = q.start - lineStart;
  const endAt = r.end - lineStart;
  if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt))) return null;
  let from = at;
  while (from > 0 && at - from < MAX_LEAD && HAN.test(lineText[from - 1])) from--;
  const lead = lineText.slice(from, at);
  let opener = -1;
  let word = '';
  for (const w of OPENERS) {
    const k = lead.lastIndexOf(w);
    if (k >= 0 && k + w.length > opener + word.length) {
      opener = k;
      word = w;
    }
  }
  if (opener < 0) return null;
  const noun = lead.slice(opener + word.length);
  if (noun.length < 2 || noun.length > MAX_NOUN || NOT_IN_NOUN.test(noun)) return null;
  if (inPlans && !EXISTING.includes(word)) return null;
  const time = sentenceTime(lineText, at, places.year, places.period);
  if (time === null) return null;
  const nounAt = from + opener + word.length;
  const sentence = lineText.slice(sentenceStart(lineText, nounAt, MAX_SENTENCE), nounAt);
  if (sentence.includes('其中')) return null;
  const qualifier = word === '的' ? lineText.slice(clauseStart(lineText, nounAt), nounAt) : '';
  return { noun, time, households: q, people: r, start: nounAt, end: endAt, text: lineText.slice(nounAt, endAt), names: namesIn(sentence, title), qualifier };
}

/**
 * The units `sentence` names (NAMED_UNIT), but for those whose name stands in the report's
 * `title` (its own unit): joined, in order, so two sentences naming the same units match.
 */
function namesIn(sentence: string, title: string): string {
  const numbered = NUMBERED_UNIT.exec(sentence);
  let names = numbered ? `${numbered[0]}|` : '';
  NAMED_UNIT.lastIndex = 0;
  for (let m = NAMED_UNIT.exec(sentence); m; m = NAMED_UNIT.exec(sentence)) {
    const name = m[0];
    const kindAt = name.search(KIND_AT_END);
    const bare = name.slice(0, kindAt);
    if (bare === '' || NOT_NAME_END.includes(bare[bare.length - 1]) || title.includes(bare)) continue;
    names += `${name}|`;
  }
  return names;
}
