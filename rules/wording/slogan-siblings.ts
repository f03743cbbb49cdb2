/**
 * Misquotes of a formulation built around one member of a list of sibling formulations:
 * `以党的思想建设为统领` for 以党的政治建设为统领, the list being 党的政治建设, 党的思想建设,
 * 党的组织建设, 党的作风建设, 党的纪律建设, 党的制度建设 (each an entry of its own in
 * rules/data/slogans.yaml). The frame (以…为统领) is fixed to one member; another member in
 * it is a word of the same list put in its place, a slip the one-character searches miss
 * (two characters differ, and neither is a homophone).
 *
 * Siblings are read from the data, not listed: three or more verified entries of the same
 * length that differ only in one span of two characters at the same place (党的__建设).
 * A framed entry holds a sibling with text on both sides (a frame, not the sibling alone),
 * so `党的思想建设` on its own, itself an entry, is never a misquote; nor is a generated form
 * that is a formulation or correct phrase (the caller drops those). Spans holding a numeral
 * make no list (sessions and congresses: another number is another correct name).
 */
import type { SloganEntry } from '../data/slogans';

/** Fewest members of a sibling list. */
const SIBLINGS_MIN = 3;
/** A numeral in a span (a session's or congress's number). */
const NUMERAL = /[一二两三四五六七八九十百]/u;
/** Length (code units) of the span in which siblings differ. */
const SPAN = 2;

/** A misquote of a framed entry: `form` with the sibling's span `word` at `at`, where the entry has `fixText`. */
export interface SiblingForm {
  entry: number;
  form: string;
  at: number;
  word: string;
  fixText: string;
}

/**
 * The sibling misquotes of `entries` (indices into it), each framed verified entry with its
 * member replaced by each other member of the list.
 */
export function siblingForms(entries: readonly SloganEntry[]): SiblingForm[] {
  // Lists keyed by the member with its span blanked out: `党的\0\0建设@3`.
  const lists = new Map<string, { member: string; span: string }[]>();
  for (const e of entries) {
    const c = e.canonical;
    if (!e.verified || c.length < SPAN + 2) continue;
    for (let k = 0; k + SPAN <= c.length; k++) {
      const key = `${c.slice(0, k)}\0${c.slice(k + SPAN)}@${k}`;
      const list = lists.get(key);
      const item = { member: c, span: c.slice(k, k + SPAN) };
      if (list) list.push(item);
      else lists.set(key, [item]);
    }
  }
  const out: SiblingForm[] = [];
  for (const [key, list] of lists) {
    // Numbered siblings (十九届三中全会, 二十届三中全会) are no list of words: a framed
    // entry's session or congress changed is another correct name (党的二十届二中全会精神).
    if (list.length < SIBLINGS_MIN || list.some((m) => NUMERAL.test(m.span))) continue;
    const k = Number(key.slice(key.lastIndexOf('@') + 1));
    entries.forEach((e, i) => {
      if (!e.verified) return;
      const c = e.canonical;
      for (const { member, span } of list) {
        const at = c.indexOf(member);
        // A frame on both sides: the member alone is an entry, not a misquote.
        if (at <= 0 || at + member.length >= c.length) continue;
        for (const other of list) {
          if (other.span === span) continue;
          const form = c.slice(0, at + k) + other.span + c.slice(at + k + SPAN);
          out.push({ entry: i, form, at: at + k, word: other.span, fixText: span });
        }
      }
    });
  }
  return out;
}
