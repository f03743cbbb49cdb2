/**
 * Scoring an annotated corpus: shared by `npm run accuracy` (bench/accuracy.ts) and
 * test/unit/accuracy.test.ts, so the two cannot disagree on what counts.
 *
 * A corpus is a folder of report drafts (`*.md` except README.md) with `key.json` (the
 * planted defects) and `traps.json` (correct text a careless check would flag), both lists
 * of `{ file, rule, snippet }` or `{ file, rule, anyLine: true }`; entries may carry
 * `class` (the construction exercised) and traps a `note`. The format and the scoring are
 * those of ../shared/corpus/dev/README.md:
 *
 * - a finding of severity error or warning is a true positive when its rule and its line
 *   match a key entry (the one line of the file holding the entry's snippet, or any line
 *   for an `anyLine` entry), else a false positive;
 * - a key entry no finding matches is missed; a trap is tripped when a finding of its rule
 *   lies on its line;
 * - findings of severity information or hint are not scored.
 *
 * Lines are 1-based and split on \n, \r\n or \r (as the CLI counts them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A key entry or a trap. */
export interface Entry {
  file: string;
  rule: string;
  snippet?: string;
  anyLine?: boolean;
  /** The construction exercised (test/corpus only). */
  class?: string;
  /** Traps: why the text is correct. */
  note?: string;
}

export interface Corpus {
  /** A short name for output (`dev`, `project`). */
  name: string;
  dir: string;
  /** File name → text, in name order. */
  files: Map<string, string>;
  key: Entry[];
  traps: Entry[];
}

/** A finding as scored: its rule, severity and 1-based line. */
export interface ScoredFinding {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}

/** Reads a corpus folder. Throws when key.json or traps.json is missing or not JSON. */
export function loadCorpus(dir: string, name: string): Corpus {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    files.set(f, readFileSync(join(dir, f), 'utf8'));
  }
  const key = JSON.parse(readFileSync(join(dir, 'key.json'), 'utf8')) as Entry[];
  const traps = JSON.parse(readFileSync(join(dir, 'traps.json'), 'utf8')) as Entry[];
  return { name, dir, files, key, traps };
}

/** The 1-based numbers of the lines of `text` containing `snippet`. */
export function snippetLines(text: string, snippet: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.includes(snippet)) out.push(i + 1);
  });
  return out;
}

/** Whether `finding` (in the entry's file) falls on the entry: same rule, and its line (or any line). */
export function onEntry(entry: Entry, finding: ScoredFinding, text: string): boolean {
  if (finding.ruleId !== entry.rule) return false;
  if (entry.anyLine) return true;
  return entry.snippet !== undefined && snippetLines(text, entry.snippet).includes(finding.line);
}

/** Whether a finding is scored at all (error or warning). */
export function isScored(finding: ScoredFinding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

export interface FileScore {
  file: string;
  /** Scored findings (error/warning) of this file. */
  findings: ScoredFinding[];
}

export interface Score {
  corpus: Corpus;
  /** Each key entry and whether a finding matched it. */
  entries: { entry: Entry; found: boolean }[];
  /** Each trap and the findings that tripped it. */
  traps: { entry: Entry; tripped: ScoredFinding[] }[];
  /** Findings matching no key entry. */
  falsePositives: { file: string; finding: ScoredFinding }[];
  /** Every scored finding (error/warning), in file order. */
  scored: ScoredFinding[];
  /** Characters (code points) of all reports. */
  chars: number;
}

/**
 * Scores `findings` (file name → the linter's findings on it, any severity) against
 * `corpus`. Files without an entry in `findings` count as linted with no finding.
 */
export function score(corpus: Corpus, findings: ReadonlyMap<string, readonly ScoredFinding[]>): Score {
  const scored = (file: string) => (findings.get(file) ?? []).filter(isScored);
  const found = new Set<Entry>();
  const falsePositives: Score['falsePositives'] = [];
  const all: ScoredFinding[] = [];
  for (const [file, text] of corpus.files) {
    const keyHere = corpus.key.filter((e) => e.file === file);
    for (const f of scored(file)) {
      all.push(f);
      const hits = keyHere.filter((e) => onEntry(e, f, text));
      for (const e of hits) found.add(e);
      if (hits.length === 0) falsePositives.push({ file, finding: f });
    }
  }
  const traps = corpus.traps.map((entry) => {
    const text = corpus.files.get(entry.file) ?? '';
    return { entry, tripped: scored(entry.file).filter((f) => onEntry(entry, f, text)) };
  });
  let chars = 0;
  for (const text of corpus.files.values()) chars += [...text].length;
  return {
    corpus,
    entries: corpus.key.map((entry) => ({ entry, found: found.has(entry) })),
    traps,
    falsePositives,
    scored: all,
    chars,
  };
}

/** One row of the accuracy table: a rule, a family or a total. */
export interface Row {
  name: string;
  entries: number;
  found: number;
  /** Scored findings of the row's rules. */
  findings: number;
  truePositives: number;
  traps: number;
  tripped: number;
  falsePositives: number;
  /** found ÷ entries (NaN without entries). */
  recall: number;
  /** truePositives ÷ findings (NaN without findings). */
  precision: number;
  /** false positives per 10,000 characters of the corpus. */
  fpPer10k: number;
}

/** Tallies the rows for the rules `inRow` accepts. */
export function row(s: Score, name: string, inRow: (ruleId: string) => boolean): Row {
  const entries = s.entries.filter((e) => inRow(e.entry.rule));
  const traps = s.traps.filter((t) => inRow(t.entry.rule));
  const falsePositives = s.falsePositives.filter((f) => inRow(f.finding.ruleId)).length;
  const fpSet = new Set(s.falsePositives.map((f) => f.finding));
  let findings = 0;
  let truePositives = 0;
  for (const f of s.scored) {
    if (!inRow(f.ruleId)) continue;
    findings++;
    if (!fpSet.has(f)) truePositives++;
  }
  const found = entries.filter((e) => e.found).length;
  return {
    name,
    entries: entries.length,
    found,
    findings,
    truePositives,
    traps: traps.length,
    tripped: traps.filter((t) => t.tripped.length > 0).length,
    falsePositives,
    recall: entries.length ? found / entries.length : NaN,
    precision: findings ? truePositives / findings : NaN,
    fpPer10k: s.chars ? (falsePositives * 10000) / s.chars : 0,
  };
}

/**
 * The corpus's own integrity: every snippet on exactly one line of an existing file, every
 * rule id known, no entry twice.
 *
 * @returns problems, one sentence each (empty when sound)
 */
export function integrity(corpus: Corpus, ruleIds: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [kind, list] of [['key', corpus.key], ['traps', corpus.traps]] as const) {
    for (const e of list) {
      const name = `${kind}: ${e.file} ${e.rule} ${e.snippet ?? '(any line)'}`;
      const text = corpus.files.get(e.file);
      if (text === undefined) problems.push(`${name}: no such file`);
      if (!ruleIds.includes(e.rule)) problems.push(`${name}: unknown rule`);
      if (!e.anyLine) {
        if (!e.snippet) problems.push(`${name}: neither snippet nor anyLine`);
        else if (text !== undefined) {
          const n = snippetLines(text, e.snippet).length;
          if (n !== 1) problems.push(`${name}: snippet on ${n} lines`);
        }
      }
      const id = `${kind}|${e.file}|${e.rule}|${e.snippet ?? '*'}`;
      if (seen.has(id)) problems.push(`${name}: listed twice`);
      seen.add(id);
    }
  }
  return problems;
}
