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

/**
 * `partyReport/documentStatus` ({ textDocument: { uri } }): what the server made of an open
 * document at its current version, for the VS Code language status item (and any editor's
 * equivalent). Answered from the analysis diagnostics use (one lint per version), so asking
 * after each change costs no second lint. Null when the document is not open, not Markdown,
 * or the server is disabled. Plain data: labels in the server's locale, no VS Code types.
 */
export const DOCUMENT_STATUS_REQUEST = 'partyReport/documentStatus';

export interface DocumentStatusParams {
  textDocument: { uri: string };
}

/** Where the report kind came from (rules/model/report.ts `KindSource`). */
export type ReportKindSource = 'config' | 'frontmatter' | 'title' | 'preamble' | 'default';

export interface DocumentStatus {
  /** The document version this describes. */
  version: number;
  /** Whether it reads as a report (else it is not linted unless `lintAllMarkdown`). */
  isReport: boolean;
  /** Whether diagnostics are given for it (a report, or `lintAllMarkdown`). */
  linted: boolean;
  kind: {
    /** The kind id (述职报告) or the front matter's own word for it. */
    id: string;
    /** The kind's name in the server's locale. */
    label: string;
    source: ReportKindSource;
    /** Where it came from, in the server's locale: 依据：标题. */
    sourceLabel: string;
  };
  /** The sections the kind requires, in conventional order, each found or not. */
  sections: { id: string; label: string; found: boolean }[];
  /** The error rate (rules/engine/error-rate.ts, docs/error-rate.md); null when not linted. */
  errorRate: { perTenThousand: number; weightedErrors: number; characters: number } | null;
  /**
   * The kinds the writer may set, each with the edit writing it to the front matter
   * (`报告类型:`, the block created when absent), versioned against `version`; null when
   * the document's front matter is TOML (the kind is read from YAML only).
   */
  kinds: { id: string; label: string; current: boolean; edit: WorkspaceEdit | null }[];
}

/**
 * `partyReport/workspaceFiles` (client → server notification): the config and ignore files
 * of the workspace, for a server that cannot read them itself (the browser server in
 * vscode.dev / github.dev, server/lsp/workspace-files.ts). The browser client sends every
 * `.partyreportrc.json/.yaml/.yml` and `.partyreportignore` it finds once with
 * `complete: true`, then each one that changes with `complete: false`. URIs are as the
 * client writes document URIs, so the server matches them by prefix.
 */
export const WORKSPACE_FILES_NOTIFICATION = 'partyReport/workspaceFiles';

export interface WorkspaceFilesParams {
  /** True: these are all the files there are (others are forgotten); false: changes only. */
  complete: boolean;
  files: WorkspaceFileContent[];
}

/**
 * One file: its UTF-8 `text`; or `error` when it exists but was not read (larger than
 * `MAX_CONFIG_BYTES`, not UTF-8, unreadable); neither when it was deleted.
 */
export interface WorkspaceFileContent {
  uri: string;
  text?: string;
  error?: 'tooLarge' | 'notUtf8' | 'unreadable';
}
