/**
 * Lists written as the steps of a sequence (rules/model/lists.ts): `首先A，其次B，再次C，最后D`.
 * One grammar of step words (which place in the run each may take) serves the two ways the
 * steps are delimited:
 * - sequenceRun: on a count's line, the steps are delimited by the words themselves, each
 *   opening a clause (after ，or ；); the run is closed only by 最后 (list-finder.ts and
 *   list-counts.ts read it after a count).
 * - sequencedClauses: after an introducer, the ；-clauses are the steps, each opening with
 *   a step word (list-plain.ts); there the last clause closes the run, so the ordinals
 *   `第一，…第N，` and `一方面…另一方面` count as step words too.
 * Offsets are UTF-16 code units into the report's text; nothing here throws.
 */
import type { EnumeratedList, ListItem } from './lists';
import { newList, type Shape } from './list-runs';
import { MAX_REACH } from './list-text';

/** The places a step word may take in a run, as bit flags. */
const FIRST = 1;
const SECOND = 2;
const LATER = 4;
const LAST = 8;
const NEXT = SECOND | LATER;

/**
 * The step words, each anchored at a clause's opening, with the places it may take: 首先
 * opens, 其次 comes second, 再次/然后/其三 go on, 最后 closes; an ordinal `第N，` goes on or
 * closes (which one only the clauses tell), as does 另一方面.
 */
const STEP_WORDS: readonly [RegExp, number][] = [
  [/^首先/u, FIRST],
  [/^其次/u, SECOND],
  [/^(?:再次|然后|其三)/u, NEXT],
  [/^最后/u, LAST],
  [/^第一[，,、]/u, FIRST],
  [/^第[二三四五六七八九][，,、]/u, NEXT | LAST],
  [/^第十[，,、]/u, LAST],
  [/^一方面/u, FIRST],
  [/^另一方面/u, NEXT | LAST],
];

/** The places the step word opening `opening` may take (0 when it opens with none). */
function placesOf(opening: string): number {
  for (const [word, places] of STEP_WORDS) if (word.test(opening)) return places;
  return 0;
}

/**
 * Whether `openings`, the openings of the steps in text order, make one closed sequence:
 * at least two steps, the first opening it, the last closing it, the second one that may
 * come second and every other one that may go on.
 */
function isClosedSequence(openings: readonly string[]): boolean {
  const n = openings.length;
  if (n < 2) return false;
  return openings.every((opening, i) => {
    const place = i === 0 ? FIRST : i === n - 1 ? LAST : i === 1 ? SECOND : LATER;
    return (placesOf(opening) & place) !== 0;
  });
}

/**
 * Whether the clauses `clauses` (`[start, end)` pairs of `text`, in text order; usually
 * the ；-clauses after an introducer) are the steps of one closed sequence: each opens, past
 * white space, with a step word in its place (`首先…；其次…；最后…`, `第一，…；第二，…`).
 */
export function sequencedClauses(text: string, clauses: readonly [number, number][]): boolean {
  return isClosedSequence(clauses.map(([s, e]) => text.slice(s, e).trimStart()));
}

/** The adverbs that delimit the steps inside a line (the ordinals are markers there: list-runs.ts). */
const ADVERB = /首先|其次|再次|然后|最后/gu;

/**
 * "…三项机制建设，首先A，其次B，再次C，最后D": a run of sequence adverbs right after a count
 * on its line (`[from, lineEnd)` of `text`), its gap the rest of the count's own clause (at
 * most 30 code units, ending in ：or ，). Each adverb but 首先 must open a clause (follow ，
 * or ；): `逐步然后`, `不是最后` are no steps, nor is a 最后 after 。, which opens a closing
 * remark (`。最后，全体党员表态发言`). The run ends at its first 最后 and must be a closed
 * sequence (only 最后 tells how many items were meant). The items are the adverbs, the list
 * stands on `line` (0-based); with a slogan's `shape`, each item's first clause must show it.
 * Null when there is no such run.
 */
export function sequenceRun(text: string, from: number, lineEnd: number, line: number, shape: Shape): EnumeratedList | null {
  const end = Math.min(lineEnd, from + MAX_REACH);
  // 首先 within 30 code units of the count, before `end`. Searched in that window only: an
  // indexOf over the rest of the text ran to the end of a 1 MB report for every count
  // (~10 ms a keystroke).
  const first = text.slice(from, Math.min(end + 1, from + 32)).indexOf('首先') + from;
  if (first < from || !/^[^，,。；;：:！？!?]*[：:，,]\s*$/u.test(text.slice(from, first))) return null;
  const items: ListItem[] = [];
  // The adverbs are searched up to `end` only (one straddling `end` was never taken).
  const reach = text.slice(0, end + 1);
  ADVERB.lastIndex = first;
  for (let m = ADVERB.exec(reach); m && m.index < end; m = ADVERB.exec(reach)) {
    const before = text.charCodeAt(m.index - 1);
    if (m.index !== first && !(before === 0xff0c || before === 0x2c || before === 0xff1b || before === 0x3b)) continue;
    items.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0] === '最后') break;
  }
  if (!isClosedSequence(items.map((item) => item.text))) return null;
  if (shape) {
    for (const item of items) {
      let stop = item.end;
      while (stop < end && !/[，,。；;！？]/u.test(text[stop])) stop++;
      if (!shape(text.slice(item.end, stop))) return null;
    }
  }
  return newList('ordinal', line, items);
}
