/**
 * A plenary session of the Central Committee named in a wrong shape, for `slogan-canonical`,
 * read from the grammar of the name rather than from a list: the short name of the N-th
 * plenary session of the X-th Central Committee is `X届N中全会` (党的二十届三中全会, the
 * Party's documents and newspapers passim; in full 中国共产党第X届中央委员会第N次全体会议).
 * Writers mix the short and the full name or the congress into it:
 *
 * - `X届N次全会` (二十届三次全会): 次 of the full name's 第N次 put for 中;
 * - `X届N中会议`, `X届N中全体会议` (二十届三中会议): 会议 or 全体会议 put for 全会 after 中;
 * - `X大N中全会`, `X次N中全会` (十九大四中全会, 二十次三中全会): the congress (大) or a
 *   count (次) put for the term (届).
 *
 * X is a term of the Central Committee from 十一 to 二十二 (the 十一届三中全会 of 1978 on),
 * N one to nine; the shape is read wherever it stands, so sessions not yet held or listed
 * (二十届五中全会) are read too.
 *
 * Quiet: the correct shape; a local committee's plenary session, which is counted with 次
 * (`省委十五届三次全会`, `市委十二届七次全会`, `县第十五届三次全会`: a local Party
 * committee's 全体会议 is named 第N次 and shortened N次全会): the name right after 委, 会
 * (`市委员会十二届三次全会`), a place word (省 市 县 区 州 盟 旗 镇 乡) or 第; a name inside a longer number
 * (`三十二届`); overlaps with a finding already made that reaches beyond the name (the
 * listed forms of slogans.yaml, slogan-variants.ts `sessionForms`: a finding inside the name
 * gives way to it); opaque text and the project dictionary's phrases.
 *
 * The full names are read by the same grammar (`misshapenCongresses`): a national congress is
 * counted by 次, a Central Committee by its term 届 (中国共产党第二十次全国代表大会, 第十九届
 * 中央委员会第四次全体会议: the Party's documents passim; every national congress of a mass
 * organisation too, 中国工会第十八次全国代表大会), so `第二十届全国代表大会` and `第十九次中央委员会第…`
 * are the two counts exchanged. A people's congress (第十四届全国人民代表大会), a workers' or
 * members' congress (第五届职工代表大会, 第八届会员代表大会) and a local Party committee's
 * 第N届委员会 are other names and never match.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';
import { slogans } from '../data/slogans';

/**
 * A session name in any of the shapes above: the term X, the mark after it (届 大 次), N,
 * then 中 or 次, then 全会, 全体会议 or 会议. Bounded, linear in the text.
 */
const SESSION_SHAPE = /(十[一二三四五六七八九]|二十[一二]?)(届|大|次)([一二三四五六七八九])(中|次)(全体会议|全会|会议)/gu;
/** Before a local committee's name (省委十五届, 县第十五届): its sessions are counted with 次. */
const LOCAL_BEFORE = /[委会省市县区州盟旗镇乡第×X＊*]$/u;
/** Numerals: a name inside a longer number (三十二届) is not a term of the Central Committee. */
const NUMERAL_BEFORE = /[一二三四五六七八九十百零〇两]$/u;

/**
 * Adds to `problems` each session name of `report` in a wrong shape (message `plenum`), fixed
 * to `X届N中全会`, with the listed session's source where slogans.yaml has it; none where
 * the name overlaps a problem already there, lies in opaque text or inside the project
 * dictionary's `quiet` phrases.
 */
export function misshapenSessions({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  if (!text.includes('全')) return;
  let added = false;
  SESSION_SHAPE.lastIndex = 0;
  for (let m = SESSION_SHAPE.exec(text); m !== null; m = SESSION_SHAPE.exec(text)) {
    const [found, term, mark, n, middle, tail] = m;
    if (mark === '届' && middle === '中' && tail === '全会') continue;
    // 全体会议 after 次 is the full name's own ending (…第三次全体会议): only its 第 dropped,
    // and 会议 after 次 is a meeting (十九次三次会议 is no session name): left alone.
    if (middle === '次' && tail !== '全会') continue;
    const start = m.index;
    const end = start + found.length;
    const head = text.slice(Math.max(0, start - 2), start);
    if (NUMERAL_BEFORE.test(head) || LOCAL_BEFORE.test(head)) continue;
    // A local committee's session counted with 次 after its name (中共某某市委十二届三次全会) is
    // caught by LOCAL_BEFORE; 次 for 届 or 大 with 次 (二十次三次全会) reads as no name at all.
    if (mark !== '届' && middle === '次') continue;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    // A finding already made inside the name (the near-miss search reads `二十届三中全体` as
    // 二十届三中全会 with 会 replaced, and its fix would leave `全会议`) gives way to the
    // whole name; one reaching beyond it or covering just the name (a listed form) stands.
    const overlapping = problems.filter((p) => p.start < end && start < p.end);
    if (overlapping.some((p) => p.start < start || p.end > end || p.end - p.start === end - start)) continue;
    for (const p of overlapping) problems.splice(problems.indexOf(p), 1);
    const canonical = `${term}届${n}中全会`;
    const entry = slogans.entries.find((e) => e.canonical === canonical);
    const source = entry?.source ?? `中国共产党第${term}届中央委员会第${n}次全体会议，简称${canonical}`;
    added = true;
    // 大 or 次 for 届: the congress and the session confused, which the `session` message names.
    problems.push({ messageId: mark === '届' ? 'plenum' : 'session', data: { found, canonical, source }, start, end, fix: { start, end, text: canonical } });
  }
  if (added) problems.sort((a, b) => a.start - b.start);
}

/** A congress's or the Central Committee's full name with 届 or 次 (第二十届全国代表大会, 第十九次中央委员会第四次…). */
const FULL_NAME_SHAPE = /第(二十[一二]?|十[一二三四五六七八九]?|[一二三四五六七八九])(届|次)(全国代表大会|中央委员会第)/gu;

/**
 * Adds to `problems` each full congress or Central Committee name of `report` counted with the
 * other's word (message `congressCount`): 第N届全国代表大会 fixed to 第N次, 第N次中央委员会第… to
 * 第N届; none where the name overlaps a problem already there, lies in opaque text or inside the
 * project dictionary's `quiet` phrases.
 */
export function misshapenCongresses({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  if (!text.includes('代表大会') && !text.includes('中央委员会')) return;
  let added = false;
  FULL_NAME_SHAPE.lastIndex = 0;
  for (let m = FULL_NAME_SHAPE.exec(text); m !== null; m = FULL_NAME_SHAPE.exec(text)) {
    const [, n, mark, body] = m;
    const congress = body === '全国代表大会';
    if (congress ? mark === '次' : mark === '届') continue;
    const start = m.index;
    const end = start + 1 + n.length + 1 + (congress ? body.length : body.length - 1);
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < end && start < p.end)) continue;
    const word = congress ? '次' : '届';
    const at = start + 1 + n.length;
    const found = text.slice(start, end);
    const canonical = `第${n}${word}${congress ? body : '中央委员会'}`;
    const source = `《中国共产党章程》第三章（党的中央组织）：全国代表大会每五年举行一次，中央委员会每届任期五年`;
    added = true;
    problems.push({ messageId: 'congressCount', data: { found, canonical, source }, start, end, fix: { start: at, end: at + 1, text: word } });
  }
  if (added) problems.sort((a, b) => a.start - b.start);
}
