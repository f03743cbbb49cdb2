/**
 * Where the clause and the sentence around a count begin and end in its line, for the record
 * model of metric-conflict (metric-records.ts): a plan's sample word is read in the count's
 * own clause (全中心10个党支部年内全部完成…，选树一批党建品牌 picks a batch of brands), its
 * scope and time in its sentence. Indices are UTF-16 code units into the line. Every scan
 * reads at most `window` code units (default WINDOW of rules/model/clauses.ts) and stops
 * there, so a caller that asks once per count stays linear on a line without marks. Nothing
 * here throws.
 */
import { WINDOW } from '../model/clauses';

/** Sentence ends. */
const SENTENCE_END = /[。！？!?]/u;

/** Index of the first sentence end at or after `at` in the line (the line's length, or the window's end, if none). */
export function sentenceEnd(lineText: string, at: number, window = WINDOW): number {
  const stop = Math.min(lineText.length, at + window);
  for (let i = at; i < stop; i++) if (SENTENCE_END.test(lineText[i])) return i;
  return stop;
}

/** Clause ends: sentence ends and ，；. */
const CLAUSE_END = /[。！？!?，,；;]/u;

/** Index of the first clause end at or after `at` in the line (the line's length, or the window's end, if none). */
export function clauseEnd(lineText: string, at: number, window = WINDOW): number {
  const stop = Math.min(lineText.length, at + window);
  for (let i = at; i < stop; i++) if (CLAUSE_END.test(lineText[i])) return i;
  return stop;
}

/** Index after the last clause end before `at` in the line (0, or the window's start, if none). */
export function lastClauseEnd(lineText: string, at: number, window = WINDOW): number {
  const stop = Math.max(0, at - window);
  for (let i = at - 1; i >= stop; i--) if (CLAUSE_END.test(lineText[i])) return i + 1;
  return stop;
}

/** Index after the last sentence end before `at` in the line (0, or the window's start, if none). */
export function lastSentenceEnd(lineText: string, at: number, window = WINDOW): number {
  const stop = Math.max(0, at - window);
  for (let i = at - 1; i >= stop; i--) if (SENTENCE_END.test(lineText[i])) return i + 1;
  return stop;
}
