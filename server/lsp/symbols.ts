/**
 * The outline: the report's section tree as hierarchical `DocumentSymbol`s, so a draft
 * numbered `一、` / `（一）` without any `#` heading still has an outline.
 */
import { type DocumentSymbol, type SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportOutline, Section } from '../../rules/model/report';
import { offsetRange } from './diagnostics';

// By level: 一、 (or `#`) > （一） (or `##`) > 1. > （1） > deeper `#`s.
const KINDS_BY_LEVEL: readonly SymbolKind[] = [
  SymbolKind.Namespace,
  SymbolKind.Module,
  SymbolKind.Class,
  SymbolKind.Field,
  SymbolKind.Field,
  SymbolKind.Field,
];

/** The symbol kind of a section: by its structural level, else by its `#` depth. */
export function sectionSymbolKind(section: Section): SymbolKind {
  const level = section.heading.marker?.level ?? section.heading.depth ?? 1;
  return KINDS_BY_LEVEL[Math.min(Math.max(level, 1), KINDS_BY_LEVEL.length) - 1];
}

/**
 * The symbol's name: marker as written plus the title, e.g. `一、工作开展情况`. Never
 * empty (VS Code rejects empty names): a bare marker or `#` falls back to the line.
 */
export function sectionSymbolName(report: ReportOutline, section: Section): string {
  const { heading } = section;
  const name = `${heading.marker?.text ?? ''}${heading.title.text}`.trim();
  if (name) return name;
  return report.lines.lineText(heading.line).trim() || '#';
}

/**
 * The hierarchical symbols of `report`, nested by `Section.parent`/`children`.
 *
 * `range` spans the section (its heading line to its last line) and always contains
 * `selectionRange`, the heading (for a run-in heading, up to its 。).
 *
 * @param document the version `report` was built from (offsets are UTF-16 into it)
 */
export function documentSymbols(report: ReportOutline, document: TextDocument): DocumentSymbol[] {
  const build = (section: Section): DocumentSymbol => {
    const { heading } = section;
    const start = Math.min(section.start, heading.start);
    const end = Math.max(section.end, heading.end);
    return {
      name: sectionSymbolName(report, section),
      kind: sectionSymbolKind(section),
      range: offsetRange(document, start, end),
      selectionRange: offsetRange(document, heading.start, heading.end),
      children: section.children.map((child) => build(report.sections[child])),
    };
  };
  return report.sections.filter((s) => s.parent === -1).map(build);
}

/**
 * The same outline flattened for clients without hierarchical symbol support: one
 * `SymbolInformation` per section, `containerName` naming its parent.
 */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName ? { containerName } : {}) },
    ...flattenSymbols(symbol.children ?? [], uri, symbol.name),
  ]);
}
