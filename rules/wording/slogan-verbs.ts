/**
 * A verb a formulation is put to, one of its two characters replaced by a homophone or a
 * look-alike, right before the formulation (`宏扬伟大建党精神` for 弘扬, `浅行社会主义核心价值观`
 * for 践行), for `slogan-canonical`. The formulation itself is intact, so its own search sees
 * nothing; the verb is one of rules/data/slogans.yaml's `verbs`, the verbs the Party's
 * documents put formulations to.
 *
 * Reported only where the two characters are no word of their own (ICU's dictionary and the
 * common-word list, rules/data/common-words.yaml: 鉴定, 用户, 坐到, 建行, 落石 are words,
 * and 鉴定…, 建行… stand before a name in correct text) and the first of them makes no word
 * with the character before it (看见|行…: the window starts inside a word). Without ICU's
 * Chinese dictionary nothing is reported (most words would look unknown).
 *
 * Cost: one pass over the text testing the code unit at each offset against the first
 * characters of the formulations (a table); the verb comparison (the homophone table, its
 * verdict remembered per pair of characters) only at offsets whose two characters before
 * share one with a verb, and the formulations only where those two misspell a verb.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { slogans } from '../data/slogans';
import { isHanCode } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { known } from './duplicate-words';
import { confusion } from './homophones';
import { ENTRIES } from './slogan-index';
import { insidePhrase } from '../model/dictionary';

/** Shortest formulation (code units) whose verb is compared: shorter names are everyday words. */
const MIN_FORMULATION = 4;

/** The verified formulations of MIN_FORMULATION or more by their first code unit, longest first (ENTRIES' order). */
const BY_FIRST = ((): Map<number, SloganEntry[]> => {
  const map = new Map<number, SloganEntry[]>();
  for (const e of ENTRIES) {
    if (e.canonical.length < MIN_FORMULATION) continue;
    const code = e.canonical.charCodeAt(0);
    const list = map.get(code);
    if (list) list.push(e);
    else map.set(code, [e]);
  }
  return map;
})();

/** 1 at the code units that start a formulation of BY_FIRST: the scan's one test per offset. */
const STARTS = new Uint8Array(0x10000);
for (const code of BY_FIRST.keys()) STARTS[code] = 1;

const VERBS: readonly string[] = slogans.verbs;
/** 1 at the first and at the second characters of the verbs: a window sharing neither is no candidate. */
const FIRSTS = new Uint8Array(0x10000);
const SECONDS = new Uint8Array(0x10000);
for (const v of VERBS) {
  FIRSTS[v.charCodeAt(0)] = 1;
  SECONDS[v.charCodeAt(1)] = 1;
}

/**
 * The verb `w` (two characters) stands for, one character of it replaced by a homophone or a
 * look-alike, or null: none, `w` a verb itself, or two verbs at once (which one was meant
 * cannot be told).
 */
function verbFor(w: string): { verb: string; at: number } | null {
  if (VERBS.includes(w)) return null;
  let found: { verb: string; at: number } | null = null;
  for (const verb of VERBS) {
    const at = verb[0] === w[0] ? 1 : verb[1] === w[1] ? 0 : -1;
    if (at === -1 || confusion(w[at], verb[at]) === null) continue;
    if (found !== null) return null;
    found = { verb, at };
  }
  return found;
}

/**
 * `verbFor`'s verdicts by the window's first code unit, then its second (two small-integer
 * keys: one number of both would be past V8's small integers for Han characters). Bounded:
 * cleared when it holds VERB_HITS_MAX pairs.
 */
const VERB_HITS = new Map<number, Map<number, { verb: string; at: number } | null>>();
const VERB_HITS_MAX = 50000;
let verbHits = 0;

/** `verbFor` of the two characters `a`, `b`, remembered: a long report repeats its words. */
function verbForPair(a: number, b: number): { verb: string; at: number } | null {
  let byB = VERB_HITS.get(a);
  if (byB === undefined) VERB_HITS.set(a, (byB = new Map()));
  let hit = byB.get(b);
  if (hit === undefined) {
    if (verbHits >= VERB_HITS_MAX) {
      VERB_HITS.clear();
      VERB_HITS.set(a, byB);
      byB.clear();
      verbHits = 0;
    }
    hit = verbFor(String.fromCharCode(a, b));
    byB.set(b, hit);
    verbHits++;
  }
  return hit;
}

/**
 * Adds to `problems` each verb misspelt before a formulation in `report` (message `wrong`,
 * fixed by the verb's character), unless it overlaps a problem already there, lies in opaque
 * text or inside the project dictionary's `quiet` phrases.
 */
export function misspeltVerbs({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  let segmenterChecked = false;
  for (let j = 2; j < text.length; j++) {
    if (STARTS[text.charCodeAt(j)] === 0) continue;
    const list = BY_FIRST.get(text.charCodeAt(j))!;
    // The verb ends right before the formulation, or before the quotation mark opening it.
    const end = text.charCodeAt(j - 1) === 0x201c /* “ */ ? j - 1 : j;
    const start = end - 2;
    if (start < 0) continue;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    if (FIRSTS[a] === 0 && SECONDS[b] === 0) continue;
    if (!isHanCode(a) || !isHanCode(b)) continue;
    // The verb first: most windows misspell no verb, and its verdict is remembered per pair,
    // where the formulations starting here are many for common first characters (党, 中, 全).
    const hit = verbForPair(a, b);
    if (hit === null) continue;
    const entry = list.find((e) => text.startsWith(e.canonical, j));
    if (entry === undefined) continue;
    const w = text.slice(start, end);
    if (!segmenterChecked) {
      if (chineseSegmenter() === null) return;
      segmenterChecked = true;
    }
    // A word of its own (鉴定, 建行), or a window starting inside a word (看见|行…).
    if (known(w) || (start > 0 && isHanCode(text.charCodeAt(start - 1)) && known(text.slice(start - 1, start + 1)))) continue;
    const formEnd = j + entry.canonical.length;
    if (opaque.overlaps(start, formEnd) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < formEnd && start < p.end)) continue;
    const found = text.slice(start, formEnd);
    const { verb, at } = hit;
    problems.push({
      messageId: 'wrong',
      data: { found, canonical: verb + text.slice(end, formEnd), source: entry.source, char: w[at], expected: verb[at] },
      start,
      end: formEnd,
      fix: { start: start + at, end: start + at + 1, text: verb[at] },
    });
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}
