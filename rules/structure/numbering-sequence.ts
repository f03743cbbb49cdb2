/**
 * numbering-sequence: structural numbers (一、 / （一） / 1. / （1）) and ordinal items
 * (一是…) run 1, 2, 3 without gaps or repeats, restarting under each parent section
 * (GB/T 9704-2012 7.3.3). A new 一是 run may start anywhere (each paragraph, or after a
 * lead-in such as "主要原因："); any other item continues the run before it with the same
 * ordinal word (是/要 one series; 一抓…二抓… a series of its own, even inside a 是 item).
 */
import { CHINESE_DIGITS, toChineseNumeral } from '../model/numerals';
import { canonicalMarker, type MarkerLevel } from '../model/markers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

/** A number as written: a structural marker or an ordinal item. */
interface Numbered {
  value: number;
  start: number;
  end: number;
  text: string;
}

/**
 * The numbers a run has used so far: a range `lo..hi` while the run counts up by one (the
 * usual case, which needs no set), a set from its first jump on.
 */
class UsedNumbers {
  private lo: number;
  private hi: number;
  private set: Set<number> | null = null;

  constructor(first: number) {
    this.lo = first;
    this.hi = first;
  }

  has(value: number): boolean {
    return this.set !== null ? this.set.has(value) : value >= this.lo && value <= this.hi;
  }

  add(value: number): void {
    if (this.set !== null) this.set.add(value);
    else if (value === this.hi + 1) this.hi = value;
    else if (!this.has(value)) {
      this.set = new Set<number>();
      for (let n = this.lo; n <= this.hi; n++) this.set.add(n);
      this.set.add(value);
    }
  }
}

/**
 * A run of numbers: the last one so far, and all it has used. Updated in place. `corrected`:
 * when the last number was reported, the value it should have had (1. 2. 2. 4.: the second
 * 2. is reported as a repeat that should be 3., so the 4. after it follows the corrected
 * number and is not reported again).
 */
interface Run {
  last: Numbered;
  used: UsedNumbers;
  corrected?: number;
  /**
   * When the last number was reported as swapped with the next one (（三）（五）（四）), the
   * value of that next one: it is the pair's second half, reported with the first, not again.
   */
  swapped?: number;
}

/**
 * Number `value` written as a run of `level` writes it: `（三）`, `3.`, `三是` (`三要` after `四要`). A function of
 * its own: a closure made for every number checked cost more than the whole check.
 */
function show(level: MarkerLevel | 'item', value: number, actual: string): string {
  if (level !== 'item') return canonicalMarker(level, value);
  // An item is shown with the word the writer used at this number (`四要` → `三要`), 是 by default.
  let i = 0;
  while (i < actual.length && CHINESE_DIGITS.includes(actual[i])) i++;
  return `${toChineseNumeral(value)}${actual.slice(i) || '是'}`;
}

/**
 * `注：1、…` ⏎ `2、…` ⏎ `3、…`: notes to a table or figure often set their first number
 * after the label 注/说明/备注 on its line, where it reads as no heading; the numbers after
 * it continue that run. True when such a line, its first number written as `shown` is
 * with 1 (`3、` → `1、`, `（三）` → `（一）`), stands above offset `at` within NOTE_REACH
 * lines and no Markdown heading between.
 */
function firstInNote(report: Report, at: number, shown: string): boolean {
  const first = shown.replace(/[0-9]+|[一二三四五六七八九十]+/u, (m) => (/[0-9]/u.test(m) ? '1' : '一'));
  const { lines } = report;
  const line = lines.lineAt(at);
  for (let k = line - 1; k >= 0 && k >= line - NOTE_REACH; k--) {
    const t = lines.lineText(k);
    const m = NOTE_LABEL.exec(t);
    if (m && t.startsWith(first, m[0].length)) return true;
    if (/^\s*#/u.test(t)) return false;
  }
  return false;
}

/** A note's label at a line start: `注：`, `说明:`, `备注： `. */
const NOTE_LABEL = /^\s*(?:注|说明|备注|附注)\s*[：:]\s*/u;
const NOTE_REACH = 20;

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  meta: {
    family: 'structure',
    severity: 'error',
    fixable: false,
    description: {
      'zh-CN': '结构层次序数和“一是、二是”连续编号，不跳号、不重号，在每个上级标题下重新起编',
      en: 'Structural numbers and 一是/二是 items run without gaps or repeats, restarting under each parent',
    },
    messages: {
      gap: {
        'zh-CN': '序号不连续：“{previous}”之后应为“{expected}”，此处为“{actual}”',
        en: 'Numbering gap: after "{previous}" expected "{expected}", found "{actual}"',
      },
      repeat: {
        'zh-CN': '序号重复：“{actual}”前面已经用过，此处应为“{expected}”',
        en: 'Repeated number: "{actual}" was already used; expected "{expected}"',
      },
      swapped: {
        'zh-CN': '序号顺序颠倒：“{actual}”与其后的“{next}”位置互换，“{previous}”之后应依次为“{expected}”“{then}”',
        en: 'Numbers swapped: "{actual}" and the next "{next}" stand in each other\'s place; after "{previous}" expected "{expected}", then "{then}"',
      },
      order: {
        'zh-CN': '序号顺序颠倒：“{previous}”之后应为“{expected}”，此处为“{actual}”',
        en: 'Numbers out of order: after "{previous}" expected "{expected}", found "{actual}"',
      },
      start: {
        'zh-CN': '序号应从“{expected}”开始，此处为“{actual}”',
        en: 'Numbering should start at "{expected}", found "{actual}"',
      },
      previous: { 'zh-CN': '上一个序号“{previous}”', en: 'previous number "{previous}"' },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    /**
     * Checks number `n` (of `value`) against the run it continues (none: `n` starts one).
     * `level` says how the run's numbers are written: a structural level, or `item` (一是).
     * `next`: the run's number after `n` where it is the one `n` skipped (value = last + 2)
     * and the run goes on from the pair (（三）（五）（四）（六）): the two are one swap, reported
     * once on `n`. Returns the value `n` should have had when it is reported in a run, else undefined.
     */
    const check = (value: number, n: Numbered, run: Run | undefined, level: MarkerLevel | 'item', next?: Numbered): number | undefined => {
      // Allocates only for a problem: most numbers follow on from the one before.
      if (!run) {
        if (value !== 1 && level !== 'item' && firstInNote(report, n.start, n.text)) return;
        // A run opened by a miswritten marker (`（3)` after 1. and 2., `(2)` after 5.):
        // numbering-style reports the marker, and which level the writer meant is the
        // question its fix answers, so no second finding says where that level starts.
        if (value !== 1 && level !== 'item' && n.text !== canonicalMarker(level, value)) return;
        if (value !== 1) problems.push({ messageId: 'start', data: { expected: show(level, 1, n.text), actual: n.text }, start: n.start, end: n.end });
        return undefined;
      }
      if (level === 'item' && value === 1) return undefined;
      const last = run.last;
      const lastValue = last.value;
      // The second half of a swap reported on the first: it takes the place the first should
      // have had, and the number after it follows on from the first's value.
      if (run.swapped !== undefined) {
        const partner = run.swapped;
        run.swapped = undefined;
        if (value === partner) return value + 1;
      }
      if (value === lastValue + 1 && !run.used.has(value)) return undefined;
      // The number after a reported one follows what that one should have been.
      if (run.corrected !== undefined && value === run.corrected + 1 && !run.used.has(value)) return undefined;
      const data = { previous: last.text, expected: show(level, lastValue + 1, n.text), actual: n.text };
      const related = [{ messageId: 'previous', data, start: last.start, end: last.end }];
      // Two neighbours in each other's place: one defect, on the first of the pair.
      if (next !== undefined && value === lastValue + 2 && !run.used.has(value) && !run.used.has(next.value)) {
        run.swapped = next.value;
        const swapData = { ...data, next: next.text, then: show(level, value, next.text) };
        problems.push({ messageId: 'swapped', data: swapData, start: n.start, end: n.end, related: [{ messageId: 'previous', data, start: last.start, end: last.end }, { messageId: 'previous', data: { previous: next.text }, start: next.start, end: next.end }] });
        return undefined;
      }
      const messageId = run.used.has(value) ? 'repeat' : value > lastValue ? 'gap' : 'order';
      problems.push({ messageId, data, start: n.start, end: n.end, related });
      return lastValue + 1;
    };

    // Indexed loops over the report's lists: they are frozen, and for…of takes a slow path
    // on frozen arrays.
    const { sections, items } = report;
    // Structural numbers: siblings of each level under one parent.
    const byParent = new Map<number, number[]>();
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i];
      if (!s.heading.marker) continue;
      const list = byParent.get(s.parent);
      if (list) list.push(s.index);
      else byParent.set(s.parent, [s.index]);
    }
    for (const siblings of byParent.values()) {
      // The run of each level (index level - 1) under this parent.
      const runs: (Run | undefined)[] = [undefined, undefined, undefined, undefined];
      for (let j = 0; j < siblings.length; j++) {
        const marker = sections[siblings[j]].heading.marker!;
        const { level, value } = marker;
        const run = runs[level - 1];
        // The next sibling of this level is looked for only where a number skips one.
        const next = run !== undefined && value === run.last.value + 2 ? swapSibling(sections, siblings, j, level, run.last.value + 1) : undefined;
        const corrected = check(value, marker, run, level, next);
        if (run) {
          run.last = marker;
          run.used.add(value);
          run.corrected = corrected;
        } else runs[level - 1] = { last: marker, used: new UsedNumbers(value) };
      }
    }

    // Ordinal items: one run at a time within each section (index section + 1; -1: none)
    // and ordinal word. 是 and 要 are one series (writers mix 一要…二要…三是…); a run that
    // repeats a verb (一抓…二抓…, 一强…二强…) is a series of its own, often set inside a 是
    // item (二是“三抓”：一抓…二抓…三抓。三是…), so its numbers neither continue nor repeat
    // the 是 run's.
    if (items.length === 0) return problems;
    // Holes read as undefined: no run yet.
    const itemRuns: (Run | undefined)[] = new Array(sections.length + 1);
    // Verb runs, by section slot and verb: few, so made only when one is met.
    let verbRuns: Map<string, Run> | null = null;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const value = item.value;
      const slot = item.section + 1;
      const word = item.text[item.text.length - 1];
      const verbKey = word === '是' || word === '要' ? null : `${slot}:${word}`;
      if (verbKey !== null && verbRuns === null) verbRuns = new Map();
      let run = verbKey === null ? itemRuns[slot] : verbRuns!.get(verbKey);
      // 一是…三是。…党支部一要…二要…三要: a 要 item going back after a 是 run (or the other
      // way) opens a series of its own, whose first item may be run into the words before it.
      if (run && verbKey === null && value < run.last.value && lastWord(run.last) !== word) {
        itemRuns[slot] = undefined;
        run = undefined;
        // Its 一要 run into the words before it (党支部一要…) is no item: a series met at 二要
        // is taken as begun.
        if (value === 2) {
          itemRuns[slot] = { last: item, used: new UsedNumbers(1) };
          itemRuns[slot]!.used.add(2);
          continue;
        }
      }
      const next = run !== undefined && value === run.last.value + 2 ? swapItem(items, i, slot, verbKey !== null, run.last.value + 1) : undefined;
      const corrected = check(value, item, run, 'item', next);
      if (!run) {
        if (verbKey === null) itemRuns[slot] = { last: item, used: new UsedNumbers(value) };
        else verbRuns!.set(verbKey, { last: item, used: new UsedNumbers(value) });
      } else {
        run.last = item;
        run.corrected = corrected;
        // A new 一是 starts a new run: earlier runs' numbers are not repeats.
        if (value === 1) run.used = new UsedNumbers(1);
        else run.used.add(value);
      }
    }
    return problems;
  },
};

/**
 * Whether `after`, the number following a would-be swap's second half, lets the run go on
 * from the pair: none, or the value after the first half's (（三）（五）（四）（六）). Where it
 * does not (（一）（三）（二）（三）), the numbers are no clean swap and are reported one by one.
 */
function resumes(after: Numbered | undefined, first: number): boolean {
  return after === undefined || after.value === first + 1;
}

/**
 * The marker of the first sibling after `siblings[j]` (indexes into `sections`) at `level`,
 * if it has `value` and the run resumes after it (`resumes`): the second half of a swap.
 */
function swapSibling(sections: Report['sections'], siblings: readonly number[], j: number, level: number, value: number): Numbered | undefined {
  let partner: Numbered | undefined;
  for (let k = j + 1; k < siblings.length; k++) {
    const marker = sections[siblings[k]].heading.marker!;
    if (marker.level !== level) continue;
    if (partner !== undefined) return resumes(marker, value + 1) ? partner : undefined;
    if (marker.value !== value) return undefined;
    partner = marker;
  }
  return partner;
}

/**
 * The first item after `items[i]` in the same section slot (section + 1) and series (the
 * 是/要 series, or with `verb` items with the same ordinal word as `items[i]`: 一抓…二抓…),
 * if it has `value` and the run resumes after it (`resumes`): the second half of a swap.
 */
function swapItem(items: Report['items'], i: number, slot: number, verb: boolean, value: number): Numbered | undefined {
  const word = lastWord(items[i]);
  let partner: Numbered | undefined;
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k];
    if (item.section + 1 !== slot) continue;
    const w = lastWord(item);
    if (verb ? w !== word : w !== '是' && w !== '要') continue;
    if (partner !== undefined) return resumes(item, value + 1) ? partner : undefined;
    if (item.value !== value) return undefined;
    partner = item;
  }
  return partner;
}

/** The ordinal word of an item marker (是 of 二是). */
function lastWord(marker: Numbered): string {
  return marker.text[marker.text.length - 1];
}
