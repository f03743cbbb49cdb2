/**
 * The readings of a heading's marker that the writer miswrote in another level's shape, read
 * against the markers around it (outline.ts reads the rest of a heading's context):
 * promoted — a top-level number written in another level's shape (`4、存在问题` or `（四）…`
 * after `三、`, `promoteMiswrittenMarkers`), a higher level's shape inside a run of level 2
 * or 3 numbered in between (`（三）` `四.` `（五）`, `promoteMiswrittenRunMarkers`) — and
 * demoted: a run of top-level numbers in a miswritten shape under a top-level heading (`三、`
 * then `一.` `二.` `三.`, `demoteMiswrittenTopRun`), a deeper level's shape so numbered (`1.` `(2)` `3.`, `demoteMiswrittenRunMarkers`),
 * the first item of such a run (`一.` then `2.` `3.`, `demoteMiswrittenRunStart`, with
 * `lonelyRestart` for a lone `一.` under a level-2 part). `report.ts` calls these on the line
 * pass's headings before it builds the section tree; each mutates `headings` (their
 * `marker`) before the report is frozen.
 */
import { canonicalMarker, type MarkerLevel } from './markers';
import { sectionIdsOf } from './outline';
import type { Heading } from './report';

/**
 * Reads at level 2 a run of top-level numbers in a miswritten shape right under a standard
 * top-level heading: `三、存在的问题` then `一.` `二.` `三.` then `四、下一步工作计划`. The writer
 * meant `（一）` `（二）` `（三）`; read at their own level they would restart the top level
 * (`一、` already stands above) and leave `三、` empty. Read at level 2 (non-standard, canonical
 * `（一）`) when the run has at least two markers, numbered from 1 with none skipped, none in
 * the standard shape (`一、`), none titled as a part of the report (存在的问题, 下一步工作计划),
 * the heading right before it (among those with a marker) is a standard top-level one, and the next top-level marker after the run is standard and continues
 * from that heading's number, or none follows. Then `numbering-style` reports each marker's
 * form, and the section tree and `numbering-sequence` see the part's own items.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function demoteMiswrittenTopRun(headings: Heading[]): void {
  for (let i = 0; i < headings.length; i++) {
    const parent = headings[i].marker;
    if (!parent || parent.level !== 1 || !parent.standard) continue;
    // The run: the marked headings after the parent, opening right after it; deeper ones
    // inside the run (its items' own 1. 2.) skipped. A run after the parent's （一） （二）
    // (`一、` `（一）` `（二）` `一.存在的问题` `二.…`) is the writer's restart: left alone.
    const run: number[] = [];
    for (let k = i + 1; k < headings.length; k++) {
      const m = headings[k].marker;
      if (!m) continue;
      if (m.level > 1 && run.length === 0) break;
      if (m.level > 1) continue;
      if (m.standard || m.value !== run.length + 1) break;
      run.push(k);
    }
    // An item titled as a part (`二.下一步工作计划`) is the writer's top level, restarted.
    if (run.length < 2 || run.some((k) => sectionIdsOf(headings[k].title.text, true).length > 0)) continue;
    const last = run[run.length - 1];
    const next = nextTop(headings, last);
    if (next !== null && !(next.standard && next.value === parent.value + 1)) continue;
    for (const k of run) {
      const m = headings[k].marker!;
      headings[k].marker = { ...m, level: 2, canonical: canonicalMarker(2, m.value), standard: false };
    }
    i = last;
  }
}

/**
 * Reads as `一、` a marker of another level that the writer meant as the next top-level
 * number: `四.存在问题` is recognised as level 1 already, but `4、存在问题`, `4.存在问题`,
 * `(四)存在问题` or `（四）存在问题` after `三、` are other levels' shapes. Such a marker
 * is promoted (level 1, non-standard, canonical `四、`) when all of these hold:
 * - its number continues the top-level run (the last `一、`-level marker is one less);
 * - it does not continue a run of its own level (no sibling of its level numbered one
 *   less since that top-level marker), so read at its own level it would be out of place;
 * - its title names a required section (存在的问题, 下一步打算…), or the next top-level
 *   marker continues from it (`4、…` then `五、`);
 * - the next top-level marker is not the same number (then that one is the writer's `二、`).
 * Then `numbering-style` reports the marker's form, and the section tree, `numbering-sequence`
 * and `required-sections` see the section where the writer opened it.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function promoteMiswrittenMarkers(headings: Heading[]): void {
  let lastTop = -1;
  for (let i = 0; i < headings.length; i++) {
    const m = headings[i].marker;
    if (!m) continue;
    if (m.level === 1) {
      lastTop = i;
      continue;
    }
    if (lastTop === -1 || m.value !== headings[lastTop].marker!.value + 1) continue;
    if (continuesOwnRun(headings, lastTop, i)) continue;
    const next = nextTop(headings, i);
    // The next top-level number is this one (`（二）存在问题` then `二、下半年计划`): a subheading
    // whose own run is broken, not the top-level number, which the writer wrote next.
    if (next && next.value === m.value) continue;
    const namesPart = sectionIdsOf(headings[i].title.text, true).length > 0;
    if (!namesPart && !(next && next.value === m.value + 1)) continue;
    const canonical = canonicalMarker(1, m.value);
    headings[i].marker = { ...m, level: 1, canonical, standard: false };
    lastTop = i;
  }
}

/**
 * Reads at its neighbours' level a marker of a deeper level written in the middle of a run
 * of level 2 or 3: `1.` `(2)` `3.`, `（一）` `2.` `（三）`. The writer meant the next number of
 * the run and wrote it in another level's shape; read at its own level it would open a
 * level of one item, numbered from 2 (not 1). Promoted (the run's level, non-standard,
 * canonical `2.`) when the marker right before it is of the run's level and numbered one less,
 * its own number is 2 or more, and the marker right after it is of the run's level and numbered
 * one more. A real new level (`（1）` under `1.`) starts at 1 and stays one. Then
 * `numbering-style` reports the marker's form and `numbering-sequence` counts it in the run.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function promoteMiswrittenRunMarkers(headings: Heading[]): void {
  // The heading of the marker before the one read (-1: none yet).
  let before = -1;
  for (let i = 0; i < headings.length; i++) {
    const m = headings[i].marker;
    if (!m) continue;
    const p = before === -1 ? null : headings[before].marker!;
    before = i;
    if (p === null || p.level < 2 || m.level <= p.level || m.value < 2 || m.value !== p.value + 1) continue;
    const next = nextMarker(headings, i);
    if (next === null || next.level !== p.level || next.value !== m.value + 1) continue;
    headings[i].marker = { ...m, level: p.level, canonical: canonicalMarker(p.level, m.value), standard: false };
  }
}

/**
 * Reads at its neighbours' level a marker of a shallower level written in the middle of a run
 * of level 2, 3 or 4: `（三）` `四.` `（五）`, `（二）` `三、` `（四）`, `2.` `（三）` `4.`. The writer meant
 * the next number of the run and wrote it in a higher level's shape; read at its own level it
 * would open that level's run at the wrong number (`四.` where the top level stands at `一、`)
 * and break the run it belongs to. Read at the run's level (non-standard, canonical `（四）`)
 * when the marker right before it is of a deeper level than its own, 2 or more, and numbered one
 * less; its number does not continue its own level's run (the last marker of its level is not
 * one less: `二、` after `一、` … `（一）` is the writer's next top-level part); and either the
 * marker right after it is of the run's level and numbered one more, or it stands as a
 * Markdown heading of the same depth as the one before (`### （三）` … `### 四.`). Then
 * `numbering-style` reports its form once, and `numbering-sequence` counts it in the run.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function demoteMiswrittenRunMarkers(headings: Heading[]): void {
  for (const [i, b] of markedAfterMarked(headings)) {
    const m = headings[i].marker!;
    const p = headings[b].marker!;
    if (p.level < 2 || m.level >= p.level || m.value !== p.value + 1) continue;
    if (lastOfLevel(headings, i, m.level)?.value === m.value - 1) continue;
    const next = nextMarker(headings, i);
    const sameDepth = headings[i].depth !== null && headings[i].depth === headings[b].depth;
    if (!sameDepth && !(next !== null && next.level === p.level && next.value === m.value + 1)) continue;
    headings[i].marker = { ...m, level: p.level, canonical: canonicalMarker(p.level, m.value), standard: false };
    // It now stands at the run's level: the next marker is checked against it.
  }
}

/**
 * Reads at its run's level the FIRST marker of a run of level 2, 3 or 4 written in a shallower
 * level's shape: `一.` then `2.` `3.` under a `（三）`. The writer meant `1.`; read at its own
 * level it would restart that level (`一、` already stands above) and leave the run numbered
 * from 2. Read at the run's level (non-standard, canonical `1.`) when its number is 1 and its
 * shape is not its own level's standard one (`一.`, `一，`); the
 * marker right after it is of a deeper level, numbered 2; the marker right before it is
 * shallower than that run (its parent, or a higher level); and its own level already has a
 * run before it, so reading it there would start that run again. Also a lone one (no `2.`
 * after it) under a part of level 2 or 3 where the top level goes on after it from the number
 * it stood at (`lonelyRestart`): read one level below that part. Then `numbering-style`
 * reports its form once (as `1.`), and `numbering-sequence` counts the run from it.
 *
 * Mutates `headings` (their `marker`); called before the report is frozen.
 */
export function demoteMiswrittenRunStart(headings: Heading[]): void {
  for (const [i, b] of markedAfterMarked(headings)) {
    const m = headings[i].marker!;
    // Only a marker already miswritten in its own shape (`一.`, not `一、`): a standard `1.`
    // before `（2）` `（3）` is the writer's own level, and those open theirs (miswritten-run.md).
    if (m.value !== 1 || m.standard) continue;
    const own = lastOfLevel(headings, i, m.level);
    if (own === null) continue;
    const next = nextMarker(headings, i);
    const parent = headings[b].marker!;
    let level: MarkerLevel | 0 = 0;
    if (next !== null && next.level > m.level && next.level >= 2 && next.value === 2 && parent.level < next.level) level = next.level;
    else if (parent.level >= 2 && parent.level < 4 && m.level < parent.level && lonelyRestart(headings, i, own.value)) level = (parent.level + 1) as MarkerLevel;
    if (level === 0) continue;
    headings[i].marker = { ...m, level, canonical: canonicalMarker(level, 1), standard: false };
  }
}

/**
 * Whether heading `i`'s marker, a miswritten `一.` under a level-2 or deeper heading, would
 * restart its own level's run for one heading only: the next top-level marker is written in the
 * standard shape and continues the run from `lastValue`, the number its level stood at before
 * (`一、` … `（五）` `一. 健全组织体系。` … `二、`). The writer meant the first `1.` of the part
 * it stands in, whether or not a `2.` follows. A next top-level marker in `一.`'s own shape
 * (`二.`) continues the writer's restart instead, so that reading is left alone.
 */
function lonelyRestart(headings: readonly Heading[], i: number, lastValue: number): boolean {
  const top = nextTop(headings, i);
  return top !== null && top.standard && top.value === lastValue + 1;
}

/**
 * The headings with a marker that follow another with a marker, as [index, index of that one].
 * Lazy: a caller that changes a heading's marker has the next pair read it as changed.
 */
function* markedAfterMarked(headings: readonly Heading[]): Generator<[number, number]> {
  let before = -1;
  for (let i = 0; i < headings.length; i++) {
    if (!headings[i].marker) continue;
    if (before !== -1) yield [i, before];
    before = i;
  }
}

/** The marker of the last heading before heading `i` with a marker of `level`, if any. */
function lastOfLevel(headings: readonly Heading[], i: number, level: number): Heading['marker'] {
  for (let k = i - 1; k >= 0; k--) if (headings[k].marker?.level === level) return headings[k].marker;
  return null;
}

/** The marker of the first heading with one after heading `i`, if any. */
function nextMarker(headings: readonly Heading[], i: number): Heading['marker'] {
  for (let k = i + 1; k < headings.length; k++) if (headings[k].marker) return headings[k].marker;
  return null;
}

/** Whether heading `i`'s marker follows a sibling of its own level numbered one less, after heading `top`. */
function continuesOwnRun(headings: readonly Heading[], top: number, i: number): boolean {
  const m = headings[i].marker!;
  for (let j = i - 1; j > top; j--) {
    const other = headings[j].marker;
    if (!other) continue;
    if (other.level === m.level) return other.value === m.value - 1;
    if (other.level < m.level) return false;
  }
  return false;
}

/** The marker of the first top-level heading after heading `i`, if any. */
function nextTop(headings: readonly Heading[], i: number) {
  for (let k = i + 1; k < headings.length; k++) if (headings[k].marker?.level === 1) return headings[k].marker;
  return null;
}
