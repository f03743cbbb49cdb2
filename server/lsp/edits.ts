/**
 * Text → minimal edits. `source.fixAll` replaces a document with the output of
 * `lintAndFix`; sending that as one full-document replace would move every cursor and
 * make undo select the whole report. Instead the old and new texts are compared, lines
 * first (Myers' O(ND) diff), then the characters of each changed run of lines, and only
 * the differences are sent.
 *
 * Edits never split a surrogate pair or a `\r\n`, so every edit boundary is a valid LSP
 * position.
 */
import { applyFixes } from '../../rules/engine/fixes';
import type { Fix } from '../../rules/types';

/** A run of changes: `a[aStart, aEnd)` becomes `b[bStart, bEnd)` (token indices). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Beyond this many changed lines the line diff gives up (its cost grows with lines ×
 * changes) and pairs lines by position instead, which is what fixes that keep the line
 * count need.
 */
const MAX_LINE_EDITS = 500;
/** Beyond this many changed characters within one run of lines, that run is replaced whole. */
const MAX_CHAR_EDITS = 1000;

/**
 * The differences between two token sequences as non-touching hunks in increasing order
 * (Myers 1986, with the common prefix and suffix trimmed first).
 *
 * @param maxEdits the largest edit distance searched; beyond it the whole differing
 *   middle is one hunk (still correct, just not minimal)
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits = MAX_LINE_EDITS): Hunk[] {
  return myers(a, b, maxEdits) ?? [middle(a, b)];
}

/** The hunks of a diff within `maxEdits` changes; null when there are more. */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Hunk[] | null {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];

  const max = Math.min(n + m, maxEdits);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the furthest x per diagonal k after step d-1, for k in [-d-1, d+1] (index k+d+1).
  const trace: Int32Array[] = [];
  let distance = -1;
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        distance = d;
        break search;
      }
    }
  }
  if (distance < 0) return null;

  // Walk back from (n, m): each step is one deletion (x-1) or insertion (y-1) after a snake.
  const moves: { x: number; y: number; del: boolean }[] = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    const w = trace[d];
    const at = (k: number) => w[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    moves.push({ x: prevX, y: prevY, del: !down });
    x = prevX;
    y = prevY;
  }
  moves.reverse();

  const hunks: Hunk[] = [];
  for (const move of moves) {
    const endX = move.del ? move.x + 1 : move.x;
    const endY = move.del ? move.y : move.y + 1;
    const last = hunks[hunks.length - 1];
    if (last && last.aEnd === pre + move.x && last.bEnd === pre + move.y) {
      last.aEnd = pre + endX;
      last.bEnd = pre + endY;
    } else {
      hunks.push({ aStart: pre + move.x, aEnd: pre + endX, bStart: pre + move.y, bEnd: pre + endY });
    }
  }
  return hunks;
}

/** The one hunk between the common prefix and suffix of two different sequences. */
function middle(a: readonly string[], b: readonly string[]): Hunk {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return { aStart: pre, aEnd: a.length - suf, bStart: pre, bEnd: b.length - suf };
}

/**
 * Hunks pairing lines by position when the changed middles have as many lines (fixes
 * that keep every line), else the one middle hunk.
 */
function pairLines(a: readonly string[], b: readonly string[]): Hunk[] {
  const whole = middle(a, b);
  if (whole.aEnd - whole.aStart !== whole.bEnd - whole.bStart) return [whole];
  const hunks: Hunk[] = [];
  const shift = whole.bStart - whole.aStart;
  for (let i = whole.aStart; i < whole.aEnd; i++) {
    if (a[i] !== b[i + shift]) hunks.push({ aStart: i, aEnd: i + 1, bStart: i + shift, bEnd: i + 1 + shift });
  }
  return hunks;
}

/** Lines with their terminators (`\r\n`, `\n` or `\r`): joined, they are `text` again. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Characters as edit units: code points, with `\r\n` kept together. */
function splitChars(text: string): string[] {
  return text.match(/\r\n|[\s\S]/gu) ?? [];
}

/** Start offsets of `tokens` in their joined text, plus the total length at the end. */
function offsetsOf(tokens: readonly string[]): number[] {
  const offsets = [0];
  for (const token of tokens) offsets.push(offsets[offsets.length - 1] + token.length);
  return offsets;
}

/**
 * The edits that turn `oldText` into `newText`, small and few: unchanged lines and
 * unchanged characters within changed lines are left alone.
 *
 * @returns non-overlapping, non-touching fixes in increasing order, offsets (UTF-16)
 *   into `oldText`; applied with `applyFixes` they give exactly `newText`
 */
export function minimalEdits(oldText: string, newText: string): Fix[] {
  if (oldText === newText) return [];
  const aLines = splitLines(oldText);
  const bLines = splitLines(newText);
  const aLineAt = offsetsOf(aLines);
  const bLineAt = offsetsOf(bLines);
  const fixes: Fix[] = [];
  for (const lines of myers(aLines, bLines, MAX_LINE_EDITS) ?? pairLines(aLines, bLines)) {
    const aStart = aLineAt[lines.aStart];
    const bStart = bLineAt[lines.bStart];
    const aChars = splitChars(oldText.slice(aStart, aLineAt[lines.aEnd]));
    const bChars = splitChars(newText.slice(bStart, bLineAt[lines.bEnd]));
    const aCharAt = offsetsOf(aChars);
    const bCharAt = offsetsOf(bChars);
    for (const chars of diffSequences(aChars, bChars, MAX_CHAR_EDITS)) {
      const fix = {
        start: aStart + aCharAt[chars.aStart],
        end: aStart + aCharAt[chars.aEnd],
        text: newText.slice(bStart + bCharAt[chars.bStart], bStart + bCharAt[chars.bEnd]),
      };
      // Lines paired by position can yield edits that touch across a line end: join them.
      const last = fixes[fixes.length - 1];
      if (last && last.end === fix.start) fixes[fixes.length - 1] = { start: last.start, end: fix.end, text: last.text + fix.text };
      else fixes.push(fix);
    }
  }
  // The diff is exact by construction; should it ever not be, one replace still is.
  if (applyFixes(oldText, fixes).text !== newText) return [middleReplace(oldText, newText)];
  return fixes;
}

/** One edit replacing what lies between the common prefix and suffix (on token boundaries). */
function middleReplace(oldText: string, newText: string): Fix {
  const a = splitChars(oldText);
  const b = splitChars(newText);
  const hunk = middle(a, b);
  const aAt = offsetsOf(a);
  const bAt = offsetsOf(b);
  return { start: aAt[hunk.aStart], end: aAt[hunk.aEnd], text: newText.slice(bAt[hunk.bStart], bAt[hunk.bEnd]) };
}
