/**
 * A numbered formulation written out member by member, one member replaced, for
 * `slogan-canonical`: the formulation's `parts` share a head word (三个务必: 务必…, 六个必须
 * 坚持: 必须坚持…), and the text writes each member after that head, in one sentence, joined
 * by ，；、 (`务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、敢于胜利`). Where
 * every member but one stands as written, in its place, and the set is whole (as many heads
 * as members), the one left is a member replaced by words of the writer's own (敢于胜利 for
 * 善于斗争): the closed set is what makes it a misquote, so a run of heads of another length
 * (a fourth 务必 of the writer's) stays quiet, as does a lone member anywhere.
 *
 * The one-character search (slogan-search.ts) and the series search (slogan-series.ts,
 * 、-joined parts, near words of one part) cannot see this: the replaced member differs
 * in two words, and its members hold a 、 of their own. Offsets are UTF-16 code units of
 * the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import { ENTRIES } from './slogan-index';

/** Shortest shared head (code units) that marks where a member starts. */
const HEAD_MIN = 2;
/** Characters that join the members of one run. */
const JOINERS = '，；、,;';
/** Characters that end a member's sentence: a run never crosses one. */
const SENTENCE_END = '。！？!?\n';
/** How many code units a replaced member may be longer or shorter than the member it stands for. */
const LENGTH_SLACK = 3;

interface MemberSet {
  entry: SloganEntry;
  head: string;
  parts: readonly string[];
}

/** The numbered formulations of three members or more whose members all open with one head word. */
const SETS: readonly MemberSet[] = ENTRIES.flatMap((entry) => {
  if (entry.parts.length < 3) return [];
  let head = entry.parts[0];
  for (const p of entry.parts) {
    let k = 0;
    while (k < head.length && head[k] === p[k]) k++;
    head = head.slice(0, k);
  }
  return head.length >= HEAD_MIN ? [{ entry, head, parts: entry.parts }] : [];
});

/**
 * Adds to `problems` each member replaced in a numbered formulation written out member by
 * member (message `wrong`, fixed to the member's own words), unless it overlaps a problem
 * already there, lies in opaque text or inside the project dictionary's `quiet` phrases.
 */
export function replacedMembers({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  for (const set of SETS) {
    const n = set.parts.length;
    // One scan per set for its head (two sets today): runs of heads in one sentence.
    let at = text.indexOf(set.head);
    while (at !== -1) {
      const starts = run(text, at, set.head);
      at = text.indexOf(set.head, starts[starts.length - 1] + set.head.length);
      if (starts.length !== n) continue;
      const problem = replaced(text, starts, set);
      if (!problem) continue;
      const { start, end } = problem;
      if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
      if (problems.some((q) => q.start < end && start < q.end)) continue;
      problems.push(problem);
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * The starts of the heads of one run from `at`: each next head in the same sentence, right
 * after a joiner. The run is cut where a sentence ends before the next head.
 */
function run(text: string, at: number, head: string): number[] {
  const starts = [at];
  for (;;) {
    const next = text.indexOf(head, starts[starts.length - 1] + head.length);
    if (next === -1 || !JOINERS.includes(text[next - 1])) return starts;
    for (let k = starts[starts.length - 1]; k < next; k++) if (SENTENCE_END.includes(text[k])) return starts;
    starts.push(next);
  }
}

/** The finding for the run of heads at `starts` (one per member of `set`) with one member replaced, or null. */
function replaced(text: string, starts: readonly number[], set: MemberSet): Problem | null {
  const n = starts.length;
  let odd = -1;
  for (let i = 0; i < n; i++) {
    const part = set.parts[i];
    const end = starts[i] + part.length;
    const exact = text.startsWith(part, starts[i]) && (i < n - 1 ? end === starts[i + 1] - 1 : !isHanCode(text.charCodeAt(end)));
    if (exact) continue;
    if (odd !== -1) return null;
    odd = i;
  }
  if (odd === -1) return null;
  const start = starts[odd];
  // The member ends at the next joiner (the next head's) or, last, where its clause ends.
  let end = odd < n - 1 ? starts[odd + 1] - 1 : start;
  if (odd === n - 1) while (end < text.length && !/[，；。！？,;!?\n]/u.test(text[end])) end++;
  const found = text.slice(start, end);
  const part = set.parts[odd];
  if (Math.abs(found.length - part.length) > LENGTH_SLACK) return null;
  for (let k = 0; k < found.length; k++) if (!isHanCode(found.charCodeAt(k)) && found[k] !== '、') return null;
  // What differs: the stretch between the shared beginning and the shared end.
  let p = 0;
  while (p < found.length && p < part.length && found[p] === part[p]) p++;
  let q = 0;
  while (q < found.length - p && q < part.length - p && found[found.length - 1 - q] === part[part.length - 1 - q]) q++;
  // A member whose words are not replaced but only shortened or lengthened is not this case.
  if (p + q >= found.length || p + q >= part.length) return null;
  const { source } = set.entry;
  return {
    messageId: 'wrong',
    data: { found, canonical: part, source, char: found.slice(p, found.length - q), expected: part.slice(p, part.length - q) },
    start,
    end,
    fix: { start, end, text: part },
  };
}
