/**
 * Where metric-conflict (metric-statements.ts) finds a statement's scope written: right before
 * the number (`全镇12个村`, a scope word of the quantity layer or of this rule), or scope,
 * existence verb and noun before it (`全镇共有党员326名`, NOUN_BEFORE), the number closing its
 * clause or a whole frame (`…131个中，`), a word of a total allowed between noun and number
 * (`全县登记社会组织共312家`). Vocabulary: rules/data/metric-conflict.yaml (place_scopes,
 * own_scopes, clause_scopes, existence, roll_relatives, count_bridges). Indices are UTF-16
 * code units into the line. Nothing here throws.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Quantity } from '../model/quantities';
import { escapeRegExp as escape } from '../model/alternation';
import { isClauseEnd } from './metric-noun';
import { oneOf } from './sentence';

/** The longest noun read between a scope (and its verb) and the number. */
const MAX_NOUN = 6;
/**
 * A noun written before its number may hold one bracketed second kind (全县乡镇(街道)妇联组织18个):
 * at most MAX_ASIDE characters in the brackets, MAX_ASIDE_LEAD before them.
 */
const MAX_ASIDE = 4;
const MAX_ASIDE_LEAD = 4;
/** Words after a place scope that name the same ground (全街道辖区, 全县辖区内), longest first. */
const JURISDICTION = ['辖区内', '辖区', '辖内'];
/** Every scope word (place scopes and the unit's own), longest first, so a scan takes 全镇机关 before 全镇. */
export const ALL_SCOPES = [...vocab.placeScopes.keys(), ...vocab.ownScopes].sort((a, b) => b.length - a.length);
// Scope, existence verb, then the noun (Han only) right before the number: 全镇共有党员.
// 全街道辖区党员3186名: 辖区 (辖区内, 辖内) after a place scope restates it, adding no place.
// 全县共有依法登记的宗教活动场所47处: a relative naming the whole roll (vocab.rollRelatives) may
// stand between the verb and the noun, read as if absent.
const NOUN_BEFORE = new RegExp(
  `(${ALL_SCOPES.map(escape).join('|')})(?:${JURISDICTION.map(escape).join('|')})?(${[...vocab.existence].sort((a, b) => b.length - a.length).map(escape).join('|')})?(?:${[...vocab.rollRelatives].sort((a, b) => b.length - a.length).map(escape).join('|')})?([\\p{Script=Han}]{1,${MAX_NOUN}}|[\\p{Script=Han}]{1,${MAX_ASIDE_LEAD}}[（(][\\p{Script=Han}、]{1,${MAX_ASIDE}}[）)][\\p{Script=Han}]{1,${MAX_NOUN}})$`,
  'u',
);
// 全县教育系统现有中小学校127所: a sector's 系统 between the scope and the verb (read only where
// the title names the sector: the unit's own system, writtenStatement).
const SECTOR_BEFORE = new RegExp(
  `(${ALL_SCOPES.map(escape).join('|')})(\\p{Script=Han}{2,4})系统(${[...vocab.existence].sort((a, b) => b.length - a.length).map(escape).join('|')})([\\p{Script=Han}]{1,${MAX_NOUN}})$`,
  'u',
);
/**
 * What stands before a whole count's number: the matched text (scope to noun, its length
 * counted back from the number), the scope, the existence verb ('' when none), the noun, and
 * the sector a SECTOR_BEFORE match named.
 */
export interface NounBeforeMatch {
  text: string;
  scope: string;
  verb: string;
  noun: string;
  sector?: string;
  /** A word of a total between noun and number (共, 总数达到), or '' / absent. */
  bridge?: string;
  /** Closed by a whole frame (中) rather than by its clause's end. */
  among?: boolean;
}
/**
 * First code units of the scopes (全, 本, 辖): a cheap test before NOUN_BEFORE. A short list
 * compared in place, not a 65536-entry table, which missed the cache at each Han character.
 */
const SCOPE_FIRST = [...new Set(ALL_SCOPES.map((s) => s.charCodeAt(0)))];
/** The longest scope word. */
const SCOPE_MAX = Math.max(...ALL_SCOPES.map((s) => s.length));
/** The longest NOUN_BEFORE match: scope, existence verb, noun. */
const longest = (words: Iterable<string>) => Math.max(0, ...[...words].map((w) => w.length));
const NOUN_BEFORE_MAX = longest(ALL_SCOPES) + longest(JURISDICTION) + longest(vocab.existence) + longest(vocab.rollRelatives) + MAX_ASIDE_LEAD + MAX_ASIDE + 2 + MAX_NOUN;

/**
 * The scope written right before a number: the quantity layer's (`全镇12个村`), else one of
 * this rule's own scopes the layer does not know, ending at the number (`全院36个科室`,
 * `集团48个党组织`); null if none.
 */
export function scopeWritten(lineText: string, at: number, q: Quantity): string | null {
  if (q.scope) return q.scope;
  if (!hasScopeStart(lineText, Math.max(0, at - SCOPE_MAX), at)) return null;
  for (const scope of ALL_SCOPES) if (lineText.startsWith(scope, at - scope.length) && opensClause(scope, lineText, at - scope.length)) return scope;
  return null;
}

/**
 * Whether `scope`, written at line index `from`, may be read there: a scope of
 * vocab.clauseScopes (系统内) only where no Han character stands before it (教育系统内 is
 * another sector's ground); any other scope always.
 */
function opensClause(scope: string, lineText: string, from: number): boolean {
  return !vocab.clauseScopes.includes(scope) || !HAN_BEFORE.test(lineText[from - 1] ?? '');
}
const HAN_BEFORE = /\p{Script=Han}/u;

/** Whether the words at a line index right after a count keep it whole (Places.stock.wholeAfter: 中…, 均…). */
export type WholeAfter = (lineText: string, index: number) => boolean;

/**
 * `全镇共有党员326名，`: the NOUN_BEFORE match (scope, existence verb, noun) ending at the
 * number at `at`, which must end its clause at `endAt` or, given `wholeAfter`, be kept whole
 * by the words there (全院在编干警98人中35周岁以下的…, 全县电商服务站点131个中，仍有…: the base
 * of a subset is all of them); null if there is none. A word of a total may stand between
 * noun and number (全县登记社会组织共312家, …总数达到368个: vocab.countBridges), returned as
 * `bridge`; the match's text then runs to the number.
 */
export function nounBefore(lineText: string, at: number, endAt: number, wholeAfter?: WholeAfter): NounBeforeMatch | null {
  const frame = endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt));
  if (frame && !(wholeAfter !== undefined && AMONG.includes(lineText[endAt]) && wholeAfter(lineText, endAt))) return null;
  const bridge = COUNT_BRIDGES.find((w) => lineText.startsWith(w, at - w.length)) ?? '';
  const nounEnd = at - bridge.length;
  const windowStart = Math.max(0, nounEnd - Math.max(16, NOUN_BEFORE_MAX));
  // A NOUN_BEFORE match ends at `nounEnd`, is at most NOUN_BEFORE_MAX long and opens with a
  // character of SCOPE_FIRST: without one in reach, the regex cannot match.
  if (!hasScopeStart(lineText, Math.max(windowStart, nounEnd - NOUN_BEFORE_MAX), nounEnd)) return null;
  const m = NOUN_BEFORE.exec(lineText.slice(windowStart, nounEnd));
  if (m && !opensClause(m[1], lineText, nounEnd - m[0].length)) return null;
  if (m) return /[。！？!?；;]/u.test(m[0]) ? null : { text: m[0] + bridge, scope: m[1], verb: m[2] ?? '', noun: m[3], bridge, among: frame };
  if (bridge !== '') return null;
  const sector = SECTOR_BEFORE.exec(lineText.slice(Math.max(0, at - 24), at));
  return sector ? { text: sector[0], scope: sector[1], verb: sector[3], noun: sector[4], sector: sector[2] } : null;
}

/** Words of a total between noun and number, longest first (总数达到 before 达到): vocab.countBridges. */
export const COUNT_BRIDGES: readonly string[] = [...vocab.countBridges].sort((a, b) => b.length - a.length);
/** The first character of the whole frames a noun-first count may close with (中, 当中, 里: vocab.wholeSuffixes). */
const AMONG = [...new Set(vocab.wholeSuffixes.map((w) => w[0]))].join('');

/** Whether a character of SCOPE_FIRST stands in `lineText[from, to)`. */
export function hasScopeStart(lineText: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (oneOf(SCOPE_FIRST, lineText.charCodeAt(i))) return true;
  return false;
}
