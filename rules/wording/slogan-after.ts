/**
 * A formulation's fixed sequel with its last word changed, for `slogan-canonical`:
 * `“两个确立”的决定性作用` for 的决定性意义. The sequel is data (slogans.yaml `after`: words
 * that go right after the formulation, in the source's wording); the writer keeps all of
 * it but the last two characters, a word of its own (意义), and puts another two-character
 * word there. Only right after the formulation (its closing quotation mark between), so the
 * sequel's head (`的决定性`) names which formulation it completes. A character dropped from
 * the head (`“两个确立”的决定意义`) is reported too. Offsets are UTF-16 code units of the
 * report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import { ENTRIES } from './slogan-index';

/** Each verified entry with an `after` of three or more Han characters whose last two are a word to change. */
const SEQUELS = ENTRIES.flatMap((entry) => entry.after.filter((a) => a.length >= 4).map((after) => ({ entry, after })));

/**
 * Adds to `problems` each sequel of `report` with its last word changed (message `wrong`,
 * fixed to the sequel), unless it overlaps a problem already there, lies in opaque text or
 * inside the project dictionary's `quiet` phrases.
 */
export function changedSequels({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  for (const { entry, after } of SEQUELS) {
    const head = after.slice(0, after.length - 2);
    const word = after.slice(after.length - 2);
    for (let p = text.indexOf(entry.canonical); p !== -1; p = text.indexOf(entry.canonical, p + 1)) {
      let start = p + entry.canonical.length;
      if (text[start] === '”' || text[start] === '"') start++;
      if (!text.startsWith(head, start)) {
        droppedInHead(text, opaque, start, entry, after, problems, quiet);
        continue;
      }
      const at = start + head.length;
      const end = at + 2;
      const found = text.slice(at, end);
      if (found.length < 2 || found === word || !isHanCode(found.charCodeAt(0)) || !isHanCode(found.charCodeAt(1))) continue;
      if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
      if (problems.some((q) => q.start < end && start < q.end)) continue;
      problems.push({
        messageId: 'wrong',
        data: { found: text.slice(start, end), canonical: after, source: entry.source, char: found, expected: word },
        start,
        end,
        fix: { start: at, end, text: word },
      });
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * `“两个确立”的决定意义`: the sequel `after` right after its formulation (at `start`) with
 * one character of its head dropped (not its first, 的: a paraphrase; nor one of its last
 * word, which changedSequels reads as a word changed). Adds the problem (message
 * `dropped`, fixed by putting the character back) unless it overlaps one already there,
 * lies in opaque text or inside the project dictionary's `quiet` phrases.
 */
function droppedInHead(text: string, opaque: Report['opaque'], start: number, entry: { source: string }, after: string, problems: Problem[], quiet: readonly string[] | null): void {
  for (let k = 1; k <= after.length - 3; k++) {
    const form = after.slice(0, k) + after.slice(k + 1);
    if (!text.startsWith(form, start)) continue;
    const end = start + form.length;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) return;
    if (problems.some((q) => q.start < end && start < q.end)) return;
    problems.push({
      messageId: 'dropped',
      data: { found: form, canonical: after, source: entry.source, char: after[k] },
      start,
      end,
      fix: { start: start + k, end: start + k, text: after[k] },
    });
    return;
  }
}
