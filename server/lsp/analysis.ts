/**
 * One document analysis as plain data: what the language server needs of a lint, in a form
 * that crosses a worker boundary (structured clone: no classes, no functions, no getters)
 * and back. `analyzeDocument` runs in the analysis worker (server/analysis-worker.ts) or,
 * with the in-thread runner, in the server's own thread; `hydrateOutline` rebuilds the two
 * model classes the editor features call (`LineTable`, `OpaqueIndex`) from the text the
 * server already holds, in time linear in the text.
 *
 * Knows nothing of LSP: the caller turns findings into diagnostics.
 */
import type { Config } from '../../rules/engine/config';
import { lint, lintAndFix } from '../../rules/engine/lint';
import { rules as allRules } from '../../rules/index';
import type { ParsedText } from '../../rules/model/incremental';
import { LineTable } from '../../rules/model/lines';
import { OpaqueIndex, type OpaqueSpan } from '../../rules/model/opaque';
import type { ReportOutline } from '../../rules/model/report';
import type { Check, Finding, Locale, Rule } from '../../rules/types';
import { applyTextEdit, diffOutput, type OutputDelta, shiftOf, type TextEdit, textEdit } from './analysis-delta';
import { describeError } from './texts';

/** What an analysis is asked: the text and how to lint it (all plain data). */
export interface AnalysisRequest {
  /**
   * The document, where the analysis may start from the last one of it in the same thread
   * (`DocumentMemory`): the fix-all request and one-off analyses leave it out.
   */
  uri?: string;
  text: string;
  /** Config files, then the `partyReport.rules` setting, in increasing precedence. */
  configs: Config[];
  locale: Locale;
}

/** `ReportOutline` without the text and with the opaque spans as a plain array. */
export type OutlineData = Omit<ReportOutline, 'text' | 'lines' | 'opaque'> & { opaque: readonly OpaqueSpan[] };

/** A rule that threw, with its error already a string (an Error does not survive the trip whole). */
export interface AnalysisFailure {
  ruleId: string;
  error: string;
}

/** The result of one analysis: findings for diagnostics, checks for hover, the outline for the rest. */
export interface AnalysisOutput {
  findings: Finding[];
  failures: AnalysisFailure[];
  /**
   * The checks that passed, with their messages rendered (hover lists them; a failed check
   * is a finding, which the editor already shows).
   */
  checks: Check[];
  outline: OutlineData;
}

/**
 * The last analysed text and mdast of the few most recently analysed documents, kept in the
 * thread the analyses run in (each analysis worker has its own; server/lsp/worker-runner.ts
 * sends a document's analyses to the thread that ran its last one), so that a keystroke
 * re-parses only the blocks it touched (rules/model/incremental.ts; the result is that of a
 * full lint). Bounded: the least recently analysed document is dropped past `capacity`.
 */
export class DocumentMemory {
  private readonly documents = new Map<string, { parsed: ParsedText; sent?: SentOutput }>();

  /** @param capacity documents kept (a report, its tree, lines and quantities, is a few times its text) */
  constructor(private readonly capacity = 8) {}

  /** The last analysed version of `uri`, if kept. */
  get(uri: string): ParsedText | undefined {
    return this.documents.get(uri)?.parsed;
  }

  /** Keeps `parsed` as the last version of `uri` (the most recent); forgets what was sent of the one before. */
  set(uri: string, parsed: ParsedText): void {
    this.documents.delete(uri);
    this.documents.set(uri, { parsed });
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
  }

  /** The output of the last analysis of `uri` as the main thread received it, if kept (`analyzeWire`). */
  sent(uri: string): SentOutput | undefined {
    return this.documents.get(uri)?.sent;
  }

  /** Records that the output of the last analysis of `uri` was sent under `id`. */
  markSent(uri: string, id: number, output: AnalysisOutput): void {
    const entry = this.documents.get(uri);
    if (entry) entry.sent = { id, output };
  }

  /** Drops `uri` (document closed). */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** Drops every document. */
  clear(): void {
    this.documents.clear();
  }
}

/**
 * Lints `request.text` and keeps what the server's features read.
 *
 * @param rules the rules to run (default: the full list of rules/index.ts); a worker always
 *   runs the default list, since functions cannot be sent to it
 * @param memory where the last analysis of `request.uri` is kept between calls, to start
 *   from (`DocumentMemory`); without it (or without a uri) the whole text is parsed
 */
export function analyzeDocument(request: AnalysisRequest, rules: readonly Rule[] = allRules, memory?: DocumentMemory): AnalysisOutput {
  const previous = request.uri === undefined ? undefined : memory?.get(request.uri);
  const result = lint(request.text, { configs: request.configs, locale: request.locale, rules, previous });
  const { report } = result;
  // The whole report is kept: its lines, quantities and block rules' problems are reused too.
  if (request.uri !== undefined) memory?.set(request.uri, report);
  return {
    findings: result.findings,
    failures: result.failures.map((f) => ({ ruleId: f.ruleId, error: describeError(f.error) })),
    checks: result.checks.filter((c) => c.ok),
    outline: {
      title: report.title,
      kind: report.kind,
      isReport: report.isReport,
      headings: report.headings,
      sections: report.sections,
      topSections: report.topSections,
      items: report.items,
      parts: report.parts,
      opaque: report.opaque.spans,
    },
  };
}

/** An analysis as the worker runner asks it: the text whole, or as an edit of the one of analysis `base`. */
export interface WireRequest {
  uri: string;
  /** This analysis' id, unique in the server (worker-runner.ts counts them). */
  id: number;
  configs: Config[];
  locale: Locale;
  /** The text; absent when `edit` (of the text of analysis `base`) says what it is. */
  text?: string;
  /** The analysis of this document the main thread holds: the output comes as a delta against it. */
  base?: number;
  edit?: TextEdit;
}

/** The answer: the output whole, as a delta against analysis `base`, or a request for the whole text. */
export type WireReply = { kind: 'output'; output: AnalysisOutput } | { kind: 'delta'; delta: OutputDelta } | { kind: 'need-text' };

/** What the worker sent of a document's last analysis, under the id the main thread gave it. */
export interface SentOutput {
  id: number;
  output: AnalysisOutput;
}

/**
 * Runs `analyzeDocument` for the worker runner (server/lsp/analysis-delta.ts): the text from
 * `request.edit` when this thread still holds analysis `request.base` (else `need-text`:
 * the runner sends the whole text), and the output as a delta against that analysis when it
 * holds it, whole otherwise. Keeps the new output in `memory` under `request.id`.
 */
export function analyzeWire(request: WireRequest, memory: DocumentMemory): WireReply {
  const sent = memory.sent(request.uri);
  const base = sent && sent.id === request.base ? memory.get(request.uri) : undefined;
  let text = request.text;
  if (text === undefined) {
    if (!base || !request.edit) return { kind: 'need-text' };
    text = applyTextEdit(base.text, request.edit);
  }
  const output = analyzeDocument({ uri: request.uri, text, configs: request.configs, locale: request.locale }, undefined, memory);
  memory.markSent(request.uri, request.id, output);
  if (!base || !sent) return { kind: 'output', output };
  const edit = request.edit ?? textEdit(base.text, text);
  return { kind: 'delta', delta: diffOutput(sent.output, output, shiftOf(base.text, edit, lineOf(base.text, edit.start))) };
}

/** The 0-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The text after every automatic fix (`lintAndFix`, as `source.fixAll.partyReport` applies it). */
export function fixDocument(request: AnalysisRequest, rules: readonly Rule[] = allRules): string {
  return lintAndFix(request.text, { configs: request.configs, locale: request.locale, rules }).output;
}

/**
 * The outline of `text` as the editor features read it, from the data an analysis of
 * exactly this text sent back.
 */
export function hydrateOutline(text: string, data: OutlineData): ReportOutline {
  // The line table on first use: diagnostics never read it, and a long report's takes a millisecond per keystroke.
  let lines: LineTable | undefined;
  return {
    ...data,
    text,
    get lines() {
      lines ??= new LineTable(text);
      return lines;
    },
    opaque: new OpaqueIndex(data.opaque),
  };
}
