/**
 * Character classes of Chinese prose, shared by the character rules so they agree on what
 * "Chinese text" is.
 */
import type { OpaqueIndex } from './opaque';

/** One Han character (CJK ideograph, any block). */
export const HAN = /\p{Script=Han}/u;

/** Whether `c` is exactly one Han character. */
export function isHan(c: string | undefined): boolean {
  return c !== undefined && /^\p{Script=Han}$/u.test(c);
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
    const c = lineText[i];
    if (/[A-Za-z]/.test(c)) {
      if (!opaque.at(lineStart + i)) latin++;
    } else if (HAN.test(c) && !opaque.at(lineStart + i)) han++;
  }
  return latin > han;
}
