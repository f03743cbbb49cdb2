/**
 * Numbers of the 1. level run into a paragraph (`（二）规范组织生活。1.严格落实…。2、严格落实…。
 * 3.认真开展…`), for numbering-style: the section tree reads numbers at line starts only, so
 * a sibling written `2、` among `1.` and `3.` on the same line would go unseen. Offsets are
 * UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';

/** A number set after a sentence end (or at the line start): its value, mark and where. */
interface InlineNumber {
  value: number;
  mark: string;
  start: number;
  end: number;
}

/** `1.` `2、` `3．` after the line start or a sentence end, before a Han character. */
const INLINE = /(?<=^|[。；！？])([1-9][0-9]?)([.．、])(?=\p{Script=Han})/gu;

/**
 * The `N、` numbers set after a sentence end inside a line whose neighbour (N−1 before it or
 * N+1 after it, on the same line, also after a sentence end or at the line start) is written
 * `N.` or `N．`: the writer's own run of 1.-level numbers with one mark slipped. A line of
 * `N、` throughout is left alone (a style of its own, not one slip); numbers in opaque
 * spans (tables, code) are not read; one at the line start is the section's marker, which
 * numbering-style reads already. Each result is `{ start, end, text, expected }`, `[start,
 * end)` covering the number and its mark.
 */
export function inlineCommaNumbers(report: Report): { start: number; end: number; text: string; expected: string }[] {
  const out: { start: number; end: number; text: string; expected: string }[] = [];
  const { lines } = report;
  for (let k = 0; k < lines.count; k++) {
    const t = lines.lineText(k);
    // Cheap test first: most lines hold no 、 after a digit.
    if (!/[1-9]、/u.test(t)) continue;
    const base = lines.start(k);
    const found: InlineNumber[] = [];
    for (const m of t.matchAll(INLINE)) found.push({ value: Number(m[1]), mark: m[2], start: base + m.index, end: base + m.index + m[0].length });
    // Per value, the first and last index of a number written with a point: linear however
    // many numbers a (hostile) line holds.
    const firstDotted = new Map<number, number>();
    const lastDotted = new Map<number, number>();
    for (let i = 0; i < found.length; i++) {
      if (found[i].mark === '、') continue;
      if (!firstDotted.has(found[i].value)) firstDotted.set(found[i].value, i);
      lastDotted.set(found[i].value, i);
    }
    if (firstDotted.size === 0) continue;
    for (let i = 0; i < found.length; i++) {
      const n = found[i];
      if (n.mark !== '、' || n.start === base) continue;
      const before = (firstDotted.get(n.value - 1) ?? Infinity) < i;
      const after = (lastDotted.get(n.value + 1) ?? -1) > i;
      if (!before && !after) continue;
      if (report.opaque.overlaps(n.start, n.end)) continue;
      out.push({ start: n.start, end: n.end, text: `${n.value}、`, expected: `${n.value}.` });
    }
  }
  return out;
}
