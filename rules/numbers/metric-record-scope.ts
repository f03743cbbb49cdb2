/**
 * Whose whole a scope or a subject names, for metric-conflict's records (metric-records.ts):
 * the report's own unit (OWN_UNIT) for 全部/所有, for a scope metric-places.ts makes the
 * unit's own and for 全X where X ends a unit word of the title (全场 in a 林场's report), its
 * jurisdiction for a network it runs (metric-scope.ts), and the unit's kind as a sentence's
 * subject (学院现有…, 机关党委下辖的…); never a parent named in a sub-unit's title (全院 in the
 * report of a court's 庭). Nothing here throws.
 */
import { OWN_UNIT } from '../model/stock-unit';
import type { Places } from './metric-places';
import { ALL_SCOPES } from './metric-statements';
import { JURISDICTION, jurisdictionOf, titleNamesKind } from './metric-scope';

/** Adverbs of now that may open a sentence before its subject (目前支部有…). */
const NOW = /^(?:截至目前|目前|当前)[，,]?/u;

/**
 * The placed scope of a whole scope word: OWN_UNIT for 全部/所有, for a scope Places makes
 * the unit's own, and for 全X where X ends a unit word of the title (全场 in a 林场's report);
 * null for anything else (全县 in a 局's report, 全面, 全年).
 */
export function wholeScope(scope: string, title: string, places: Places): string | null {
  if (scope === '全部' || scope === '所有') return OWN_UNIT;
  // Only the unit itself: a place scope (全村, 全县) may be another unit's in a survey of
  // several (甲村…全村党员58名, 乙村…全村党员27人) or a wider ground than the unit's roll.
  // 全院 in the report of a court's 庭 (…人民法院刑事审判第一庭党支部): the unit's parent, wider than it.
  if (scope.length === 2 && UNIT_WORDS.some((w) => w.endsWith(scope[1]) && title.includes(w)) && !ownWhole(scope[1], title)) return null;
  if (places.canonical(scope) === OWN_UNIT) return OWN_UNIT;
  if (scope.length === 2 && ownWhole(scope[1], title)) return OWN_UNIT;
  // 全县 in a 县疾控中心's report: the unit's jurisdiction, its own set only for its network (metric-scope.ts).
  if (scope === jurisdictionOf(title)) return JURISDICTION + scope;
  // 全支部31名党员 in a 党支部's report, 全集团 in a 集团's: 全 and a unit word the title ends its unit with.
  if (scope.length === 3 && UNIT_WORDS.includes(scope.slice(1)) && titleUnit(scope.slice(1), title)) return OWN_UNIT;
  return null;
}

/** Unit words a title names its unit by whose last character 全 may take (全场, 全队, 全中心). */
const UNIT_WORDS = ['林场', '农场', '牧场', '茶场', '站', '队', '中心', '所', '馆', '厂', '局', '院', '校', '集团', '公司', '支部', '总支', '社区'];
/** A unit's kind opening a sentence as its subject (学院现有教职工126人): the title's unit by its kind. */
const KIND_SUBJECT = /^(学院|医院|学校|校|中心|社区|集团|公司|林场|农场|机关|党支部|支部|党总支)(党委|党总支|党支部|党组|党工委)?(?=现有|共有|下设|下辖|辖|有|共划分|划分)/u;
/**
 * A sentence opening with the unit's kind (its committee too) then a verb of having or
 * dividing right before the number (社区共划分9个网格, 医院党委下设31个党支部): group 1 the kind.
 */
export const KIND_VERB = /^\s*(学院|医院|学校|校|中心|社区|集团|公司|林场|农场|机关)(党委|党总支|党支部|党组|党工委)?(?:共|现|目前)?(?:有|划分为|划分成|划分|划为|分为|分成|设有|下设|建有|拥有|下辖|辖|所辖|所属|(?:下设|下辖|所辖|所属)的)$/u;

/**
 * Whether a sentence's subject, the unit kind `kind` with its committee `committee` (or none),
 * names the title's unit (metric-scope.ts titleNamesKind) — not where the title's unit is the
 * kind's organs and the subject names the kind's own committee (学院党委现有党员… in the report
 * of a 学院机关委员会: the college, the organs' parent).
 */
export function kindIsUnit(kind: string, committee: string | undefined, title: string): boolean {
  if (!titleNamesKind(kind, title)) return false;
  return committee === undefined || kind === '机关' || !title.includes(`${kind}机关`);
}

/** Whether 全 + `char` names the unit of a report titled `title`: a unit word of the title ends with it. */
function ownWhole(char: string, title: string): boolean {
  return UNIT_WORDS.some((w) => w.endsWith(char) && titleUnit(w, title));
}

/** The party bodies a title ends its unit's name with (…法院刑事审判第一庭党支部, …医院党委). */
const TITLE_BODY = /^(\p{Script=Han}*?)(?:党委|党总支|党支部|总支部|支部|党组|党工委|委员会)/u;

/**
 * Whether unit word `w` names the title's own unit: it stands in the title, and its last
 * occurrence is not followed by a sub-unit's name before the party body (法院 in a title
 * …中级人民法院刑事审判第一庭党支部 names the court, and the report is the 庭's: 全院 is wider than
 * the unit). 机关 after it names the unit's organs, whose report speaks of the unit as its own
 * (全局 in a 局机关党委's report).
 */
function titleUnit(w: string, title: string): boolean {
  const at = title.lastIndexOf(w);
  if (at < 0) return false;
  const between = TITLE_BODY.exec(title.slice(at + w.length))?.[1];
  return between === undefined || between === '' || between === '机关';
}

/**
 * The scope of a sentence's subject, for a count without its own scope word: a scope word
 * opening the sentence (全院现有党员318名，…，其中…), or a sentence opening with the title's
 * unit name (和平社区辖…, 青峰山国有林场…): OWN_UNIT; else null.
 */
export function sentenceScope(lineText: string, sentenceStart: number, title: string, places: Places): string | null {
  const text = lineText.slice(sentenceStart).replace(/^\s+/u, '').replace(NOW, '');
  const scope = ALL_SCOPES.find((s) => text.startsWith(s)) ?? /^全\p{Script=Han}/u.exec(text)?.[0];
  if (scope !== undefined) return wholeScope(scope, title, places);
  const kind = KIND_SUBJECT.exec(text);
  if (kind !== null && kindIsUnit(kind[1], kind[2], title)) return OWN_UNIT;
  const name = /^\p{Script=Han}{4,12}?(?=辖|始建|现有|共有|下设|位于|成立|是)/u.exec(text)?.[0];
  return name !== undefined && title.includes(name) ? OWN_UNIT : null;
}
