/**
 * Character classes of Chinese prose, shared by the character rules so they agree on what
 * "Chinese text" is.
 */
import type { OpaqueIndex } from './opaque';
import { traditionalCharacters } from '../data/traditional-script';

/** One Han character (CJK ideograph, any block). */
export const HAN = /\p{Script=Han}/u;

const ONE_HAN = /^\p{Script=Han}$/u;

/**
 * Whether UTF-16 code unit `code` is a Han character of the BMP. Rules call this per
 * character, so the common cases (below U+2E80: never; the CJK Unified Ideographs block
 * U+4E00–U+9FFF: always) are settled without the Unicode regex. A surrogate is never Han.
 */
export function isHanCode(code: number): boolean {
  if (code < 0x2e80) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return ONE_HAN.test(String.fromCharCode(code));
}

/** Whether `c` is exactly one Han character (astral ones included). */
export function isHan(c: string | undefined): boolean {
  if (c === undefined) return false;
  return c.length === 1 ? isHanCode(c.charCodeAt(0)) : ONE_HAN.test(c);
}

/**
 * Whether a line's prose (opaque spans left out) has more Latin letters than Han
 * characters: an English sentence that names Chinese words (`inferred from the title
 * (述职, 总结)`), whose ASCII punctuation is right as it is.
 *
 * @param lineStart offset of the line in the document, to look up opaque spans
 */
export function isLatinLine(lineText: string, lineStart: number, opaque: OpaqueIndex): boolean {
  let latin = 0;
  let han = 0;
  for (let i = 0; i < lineText.length; i++) {
    const code = lineText.charCodeAt(i);
    // Code units first: only a letter or a possible Han character needs a lookup.
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      if (!opaque.at(lineStart + i)) latin++;
    } else if (isHanCode(code) && !opaque.at(lineStart + i)) han++;
  }
  return latin > han;
}

/** Whether code unit `c` is one `/\s/u` matches: a test by code, not a regex per character. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** How many distinct traditional-only characters make a line 繁体. */
const TRADITIONAL_LINE_MIN = 3;

/**
 * Whether `text[start, end)` (a line, UTF-16 offsets) is written in traditional script: it
 * holds at least `TRADITIONAL_LINE_MIN` distinct characters that only 繁体 uses
 * (rules/data/traditional-script.yaml). Such a line writes a formulation in its own script
 * (先鋒模范作用), so a character that differs from the simplified canonical form may be its
 * traditional form, not a slip. Read per line, so a rule run on a re-parsed block agrees
 * with the full run.
 */
export function isTraditionalLine(text: string, start: number, end: number): boolean {
  let seen = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue;
    const c = text[i];
    if (traditionalCharacters.has(c) && !seen.includes(c)) {
      seen += c;
      if (seen.length >= TRADITIONAL_LINE_MIN) return true;
    }
  }
  return false;
}
