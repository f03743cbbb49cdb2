/**
 * The server's own requests, beside LSP's: what the VS Code client's 新建报告 and 插入章节
 * commands ask for (and any other editor may). This module holds only names and shapes
 * (type imports are erased), so the client bundles it without pulling in the server.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver';

/**
 * `partyReport/templates` (no params): the report templates of rules/data/templates.yaml,
 * each as a snippet and as plain text (every tab stop at its default, the year this year).
 */
export const TEMPLATES_REQUEST = 'partyReport/templates';

export interface TemplateInfo {
  /** The template's ASCII id (`duty-report`). */
  id: string;
  /** Its name in the server's locale: 党组织书记抓基层党建工作述职报告. */
  label: string;
  /** The report kind it writes (述职报告, 工作总结, 专项工作汇报). */
  kind: string;
  description: string;
  /** The skeleton in LSP snippet syntax (`${1|…|}` tab stops). */
  snippet: string;
  /** The skeleton with every tab stop at its default. */
  text: string;
}

export interface TemplatesResult {
  templates: TemplateInfo[];
}

/**
 * `partyReport/sectionInsertions` ({ textDocument: { uri } }): the template sections the
 * open document lacks, each with the edit inserting it at its conventional place, numbered,
 * with the later sections renumbered (one versioned edit, so one undo). Empty when the
 * document is not open, not Markdown, or the server is disabled.
 */
export const SECTION_INSERTIONS_REQUEST = 'partyReport/sectionInsertions';

export interface SectionInsertionsParams {
  textDocument: { uri: string };
}

export interface SectionInsertion {
  /** The section id of rules/data/report-kinds.yaml: work, problems, plans. */
  part: string;
  /** The section's name (存在的问题). */
  label: string;
  /** How it is inserted: 插入为“二、存在的问题和不足”; 其后章节顺延：… */
  detail: string;
  /** Whether the report's kind requires it (a `required-sections` finding names it). */
  required: boolean;
  edit: WorkspaceEdit;
  /** The inserted section's title in the document after the edit: select it to retitle. */
  selection: Range;
}

export interface SectionInsertionsResult {
  items: SectionInsertion[];
}
