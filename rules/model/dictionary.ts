/**
 * The project dictionary as the rules read it (config `accept:` and `slogans:`,
 * docs/dictionary.md): whether a finding's span is accepted text. Shared by
 * slogan-canonical, duplicate-char and placeholder; asked only at their findings, so
 * the cost stays with the few candidates.
 */
import type { RuleContext } from '../types';

/**
 * Whether `[start, end)` of `text` (UTF-16 offsets) lies inside an occurrence of one of
 * `phrases`: the finding is part of a word the project accepts (`芳芳` inside an accepted
 * `王芳芳`, or the accepted `芳芳` itself).
 */
export function insidePhrase(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  for (const phrase of phrases) {
    const n = phrase.length;
    if (n < end - start) continue;
    // An occurrence covering the span starts in [end - n, start]; tested in place, so the
    // cost is bounded by the phrase, not the text.
    for (let at = Math.max(0, end - n); at <= start; at++) if (text.startsWith(phrase, at)) return true;
  }
  return false;
}

/** Whether the project dictionary of `context` accepts `[start, end)` of `text`. */
export function accepted(context: RuleContext | undefined, text: string, start: number, end: number): boolean {
  const accept = context?.dictionary.accept;
  return accept !== undefined && accept.length > 0 && insidePhrase(text, start, end, accept);
}
