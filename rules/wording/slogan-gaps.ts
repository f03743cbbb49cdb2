/**
 * Formulations broken by a stray space for slogan-canonical: `全面从严 治党`, `系列重要讲 话精神`
 * (a space typed, or left by a line joined in Word, between two characters of a formulation).
 * A run of one to three spaces (ASCII, full width or no-break) between two Han characters is
 * a candidate; it is reported when the text with the run removed holds a formulation of
 * rules/data/slogans.yaml (or one of its generated misquotes) across it, and fixed by
 * removing the run (a misquote is then reported on its own). Quiet where the space separates
 * the parts of a quoted slogan (`“学习二十大 奋进新征程”`, which slogan-spacing reads), in
 * code, links and the other opaque spans, and inside the project dictionary's phrases; and
 * where a series formulation has a 顿号 (`学思想、强党性 重实践、建新功`): a mark of the series
 * replaced, which slogan-spacing reports (slogan-spacing-series.ts).
 *
 * The forms are indexed at build time by the two characters at each junction between Han
 * characters (slogan-gaps-build.ts), so a candidate costs a lookup and a few comparisons:
 * linear in the text.
 */
import type { SloganEntry } from '../data/slogans';
import type { Report } from '../model/report';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import type { Problem } from '../types';
import generated from '../engine/generated/slogan-index.cjs';
import { CODE_BASE } from './slogan-gaps-build';
import { ENTRIES, variantAt } from './slogan-index';
import { readSlogan } from './slogan-spacing';

/** A form with a junction at `at`: `form[at - 1]` and `form[at]` are Han. */
interface Junction {
  form: string;
  at: number;
  entry: SloganEntry;
}

/** Longest run of spaces read as one stray gap. */
const MAX_GAP = 3;

/*
 * The forms by junction, built with the search index (slogan-gaps-build.ts), and the lists
 * unpacked from it so far: a report meets a few of its 2,400 junctions.
 */
const { keys: KEYS, ends: ENDS, records: RECORDS } = generated.junctions;
const UNPACKED = new Map<number, readonly Junction[]>();

/**
 * The forms with the junction `a`|`b` (two Han code units), longest first (JunctionTable),
 * or undefined when none has it.
 */
function junctionsAt(a: number, b: number): readonly Junction[] | undefined {
  const key = a * 0x10000 + b;
  const known = UNPACKED.get(key);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = ENDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = KEYS.charCodeAt(2 * mid) * 0x10000 + KEYS.charCodeAt(2 * mid + 1);
    if (k === key) {
      const list: Junction[] = [];
      for (let r = mid === 0 ? 0 : ENDS[mid - 1]; r < ENDS[mid]; r++) {
        const f = RECORDS.charCodeAt(2 * r) - CODE_BASE;
        const at = RECORDS.charCodeAt(2 * r + 1) - CODE_BASE;
        if (f < ENTRIES.length) list.push({ form: ENTRIES[f].canonical, at, entry: ENTRIES[f] });
        else {
          const v = variantAt(f - ENTRIES.length);
          list.push({ form: v.form, at, entry: ENTRIES[v.entry] });
        }
      }
      UNPACKED.set(key, list);
      return list;
    }
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

const isGapCode = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;
/** The gap characters of isGapCode: the scan jumps from one to the next (a report has few). */
const GAP = /[ \u3000\u00a0]/g;

/**
 * Adds a `space` problem for each formulation of `report` broken by a stray space, unless
 * it overlaps a problem already in `problems` or lies inside one of the `quiet` phrases.
 */
export function spacesInside(report: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const { text, opaque, lines } = report;
  const before = problems.length;
  GAP.lastIndex = 1;
  for (let m = GAP.exec(text); m !== null && m.index < text.length - 1; m = GAP.exec(text)) {
    const i = m.index;
    if (!isHanCode(text.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < text.length && j - i < MAX_GAP && isGapCode(text.charCodeAt(j))) j++;
    if (!isHanCode(text.charCodeAt(j))) {
      GAP.lastIndex = j + 1;
      continue;
    }
    const list = junctionsAt(text.charCodeAt(i - 1), text.charCodeAt(j));
    if (list === undefined) continue;
    for (const { form, at, entry } of list) {
      const start = i - at;
      const end = j + form.length - at;
      if (start < 0 || !text.startsWith(form.slice(0, at), start) || !text.startsWith(form.slice(at), j)) continue;
      if (opaque.overlaps(start, end) || inSlogan(lines.lineText(lines.lineAt(i)), i - lines.start(lines.lineAt(i)))) break;
      if (quiet !== null && insidePhrase(text, start, end, quiet)) break;
      if (problems.some((p) => p.start < end && start < p.end)) break;
      problems.push({
        messageId: 'space',
        data: { found: text.slice(start, end), canonical: entry.canonical, source: entry.source },
        start,
        end,
        fix: { start: i, end: j, text: '' },
      });
      break;
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** Whether index `at` of `line` lies in a “…” quotation whose content is a slogan of parts separated by spaces. */
function inSlogan(line: string, at: number): boolean {
  const open = line.lastIndexOf('“', at);
  if (open < 0) return false;
  const close = line.indexOf('”', at);
  if (close < 0 || line.lastIndexOf('”', at) > open) return false;
  return readSlogan(line.slice(open + 1, close))?.separated === true;
}
