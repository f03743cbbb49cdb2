/**
 * A quoted short numbered formulation with one character of its word replaced by another
 * word's (`“两个确定”` for 两个确立, `“两个拥护”` for 两个维护, `“第一议程”` for 第一议题),
 * for `slogan-canonical`. The homophone and look-alike search finds `“两个确力”`; this finds
 * a near WORD: the number kept, one character of the two-character word after it kept in
 * its place, the other replaced by any Han character; or, where no formulation is one
 * character away, one character kept in the other place, the quoted word a word of its own
 * and the verb the formulation's own (`before`: `坚定“四个信心”` for 四个自信).
 *
 * Only inside quotation marks that hold exactly that text, right after a verb the Party's
 * documents put such names to (VERBS): quoted, the writer names the
 * formulation (`严格落实“第一议程”制度`), where unquoted the same characters are often
 * ordinary text (`会议第一议程为…`, `两个确定性`). Quiet when the quoted text is itself a
 * formulation or correct phrase (slogans.yaml), is in the project dictionary, or is one
 * character from two formulations (which one was meant cannot be told).
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { ENTRIES, GOOD } from './slogan-index';
import { wholeWords } from './slogan-words';

/** A numbered name: `两个` + word, `第一` + word. The word is two Han characters. */
const NUMBERED = /^(第[一二三四五六七八九十]|[一二两三四五六七八九十]{1,2}个)(\p{Script=Han}{2})$/u;
/**
 * Verbs a numbered formulation is put to (`做到“两个维护”`, `落实“第一议题”制度`): the near
 * word counts only right after one, where the writer means the formulation. Without
 * them, a quoted local name one character away (`“四个坚持”`, `“两个融合”`) is too likely.
 * 坚持 is left out: it starts many local numbered names.
 */
const VERBS = /(?:做到|领悟|领会|认识|捍卫|拥护|落实|执行|增强|坚定|树立|践行|贯彻)$/u;
/** Longest quoted text compared (code units): the longest numbered name. */
const MAX_QUOTED = 5;

/** The verified numbered entries by their number part (`两个`, `第一`). */
const BY_NUMBER = ((): Map<string, SloganEntry[]> => {
  const map = new Map<string, SloganEntry[]>();
  for (const e of ENTRIES) {
    const m = NUMBERED.exec(e.canonical);
    if (!m) continue;
    const list = map.get(m[1]);
    if (list) list.push(e);
    else map.set(m[1], [e]);
  }
  return map;
})();

/**
 * Adds to `problems` each quoted near word of `report` (message `wrong`, fixed to the
 * formulation), unless it overlaps a problem already there or lies in opaque text.
 *
 * @param quiet the project dictionary's accepted words and formulations
 */
export function quotedNearWords({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  // The closing quote is searched again only once passed: many unclosed “ before a far ” would
  // each rescan the same stretch.
  let close = -1;
  for (let open = text.indexOf('“'); open !== -1; open = text.indexOf('“', open + 1)) {
    if (close <= open) close = text.indexOf('”', open + 1);
    if (close === -1) break;
    if (close - open - 1 > MAX_QUOTED) continue;
    const start = open + 1;
    const found = text.slice(start, close);
    const m = NUMBERED.exec(found);
    if (!m || GOOD.has(found) || (quiet !== null && quiet.includes(found))) continue;
    if (!VERBS.test(text.slice(Math.max(0, open - 2), open))) continue;
    const candidates = BY_NUMBER.get(m[1]);
    if (!candidates) continue;
    const word = m[2];
    let match: SloganEntry | null = null;
    let ambiguous = false;
    let shifted: SloganEntry | null = null;
    let shiftedAmbiguous = false;
    for (const e of candidates) {
      const own = e.canonical.slice(m[1].length);
      if (own.length !== 2) continue;
      const same = (own[0] === word[0] ? 1 : 0) + (own[1] === word[1] ? 1 : 0);
      if (same === 1) {
        if (match !== null) ambiguous = true;
        match = e;
      } else if (same === 0 && (own[0] === word[1] || own[1] === word[0])) {
        if (shifted !== null) shiftedAmbiguous = true;
        shifted = e;
      }
    }
    // No word one character away: a near word sharing a character in the other place
    // (`坚定“四个信心”` for 四个自信: 信心 for 自信), where the quoted word is a word of its
    // own and the verb is one the formulation's source puts to it (its `before`: 坚定 for
    // 四个自信), so the verb names the formulation (`贯彻“四个面向”` is another one).
    if (match === null && shifted !== null && !shiftedAmbiguous && wholeWords(word) && shifted.before.some((v) => text.endsWith(v, open))) {
      const { canonical, source } = shifted;
      if (opaque.overlaps(start, close) || problems.some((p) => p.start < close && start < p.end)) continue;
      problems.push({
        messageId: 'wrong',
        data: { found, canonical, source, char: word, expected: canonical.slice(m[1].length) },
        start,
        end: close,
        fix: { start, end: close, text: canonical },
      });
      continue;
    }
    if (match === null || ambiguous) continue;
    if (opaque.overlaps(start, close) || problems.some((p) => p.start < close && start < p.end)) continue;
    const k = match.canonical[m[1].length] === word[0] ? 1 : 0;
    const { canonical, source } = match;
    problems.push({
      messageId: 'wrong',
      data: { found, canonical, source, char: word[k], expected: canonical[m[1].length + k] },
      start,
      end: close,
      fix: { start, end: close, text: canonical },
    });
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}
