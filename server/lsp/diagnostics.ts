/**
 * Findings → LSP diagnostics. The only place where the server turns the engine's UTF-16
 * offsets into line/character positions (through `TextDocument.positionAt`).
 */
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../../rules/types';
import { ruleDocUrl } from '../rule-docs';

/** `Diagnostic.source` of everything the server reports. */
export const DIAGNOSTIC_SOURCE = 'party-report';

export { ruleDocUrl } from '../rule-docs';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** LSP severity of an engine severity (error=1, warning=2, information=3, hint=4). */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITIES[severity] ?? DiagnosticSeverity.Warning;
}

/**
 * The range of `[start, end)` in `document`.
 * @param start UTF-16 offset; clamped to the document by `positionAt`
 * @param end exclusive UTF-16 offset; an end before `start` is taken as `start`
 */
export function offsetRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) };
}

/**
 * One finding as a diagnostic of `document`: `code` is the rule id, `codeDescription`
 * links the rule's doc, and `relatedInformation` points into the same document.
 *
 * @param document the exact version the finding was computed on (offsets refer to it)
 */
export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: offsetRange(document, finding.start, finding.end),
    severity: toLspSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((place) => ({
      location: { uri: document.uri, range: offsetRange(document, place.start, place.end) },
      message: place.message,
    }));
  }
  return diagnostic;
}
