/**
 * Where the clause and the sentence around a count begin and end in its line, for the record
 * model of metric-conflict (metric-records.ts): a plan's sample word is read in the count's
 * own clause (全中心10个党支部年内全部完成…，选树一批党建品牌 picks a batch of brands), its
 * scope and time in its sentence. Indices are UTF-16 code units into the line; each scan is
 * linear from `at`. Nothing here throws.
 */

/** Sentence ends. */
const SENTENCE_END = /[。！？!?]/u;

/** Index of the first sentence end at or after `at` in the line (the line's length if none). */
export function sentenceEnd(lineText: string, at: number): number {
  for (let i = at; i < lineText.length; i++) if (SENTENCE_END.test(lineText[i])) return i;
  return lineText.length;
}

/** Clause ends: sentence ends and ，；. */
const CLAUSE_END = /[。！？!?，,；;]/u;

/** Index of the first clause end at or after `at` in the line (the line's length if none). */
export function clauseEnd(lineText: string, at: number): number {
  for (let i = at; i < lineText.length; i++) if (CLAUSE_END.test(lineText[i])) return i;
  return lineText.length;
}

/** Index after the last clause end before `at` in the line (0 if none). */
export function lastClauseEnd(lineText: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(lineText[i])) return i + 1;
  return 0;
}

/** Index after the last sentence end before `at` in the line (0 if none). */
export function lastSentenceEnd(lineText: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (SENTENCE_END.test(lineText[i])) return i + 1;
  return 0;
}
