/**
 * `partyReport/documentStatus` (server/lsp/requests.ts): what the server made of one
 * analysed document version — its report kind and where that came from, the required
 * sections found, the error rate — and, for each report kind, the versioned edit that
 * declares it in the front matter (rules/authoring/front-matter.ts). Plain data for the
 * client's language status item; computed from the analysis the diagnostics came from.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { setReportKindFix } from '../../rules/authoring/front-matter';
import { reportKinds, SECTION_IDS } from '../../rules/data/index';
import { errorRate } from '../../rules/engine/error-rate';
import type { KindSource, Report } from '../../rules/model/report';
import type { Finding, Locale } from '../../rules/types';
import { versionedEdit } from './code-actions';
import type { DocumentStatus } from './requests';
import { type TextId, text } from './texts';

const SOURCE_TEXT: Record<KindSource, TextId> = {
  config: 'kindFromConfig',
  frontmatter: 'kindFromFrontmatter',
  title: 'kindFromTitle',
  preamble: 'kindFromPreamble',
  default: 'kindFromDefault',
};

export interface StatusInput {
  /** The exact version `report` was built from. */
  document: TextDocument;
  /** What the status reads of the report (the outline an analysis gives will do). */
  report: Pick<Report, 'text' | 'opaque' | 'kind' | 'parts' | 'isReport'>;
  findings: readonly Finding[];
  /** Whether diagnostics are given for it (a report, or `lintAllMarkdown`). */
  linted: boolean;
  locale: Locale;
  /** Whether the client takes versioned `documentChanges`. */
  documentChanges: boolean;
}

/** A kind's name in `locale` (a kind the data does not know keeps its own word). */
function kindLabel(id: string, locale: Locale): string {
  if (locale === 'zh-CN') return id;
  return (reportKinds.kinds.find((k) => k.id === id) ?? reportKinds.genres.find((g) => g.id === id))?.nameEn ?? id;
}

/**
 * The status of one analysed document.
 *
 * The sections listed are the kind's required ones in conventional order (work, problems,
 * plans); `found` is whether the model found the part (a heading or a lead-in paragraph).
 * The error rate counts only when the document is linted: otherwise no finding was shown.
 */
export function documentStatus(input: StatusInput): DocumentStatus {
  const { document, report, linted, locale } = input;
  const kind = report.kind;
  const found = new Set(report.parts.map((p) => p.id));
  const sections = SECTION_IDS.filter((id) => kind.requires.includes(id)).map((id) => {
    const spec = reportKinds.sections[id];
    return { id, label: locale === 'zh-CN' ? spec.name : spec.nameEn, found: found.has(id) };
  });
  return {
    version: document.version,
    isReport: report.isReport,
    linted,
    kind: { id: kind.id, label: kindLabel(kind.id, locale), source: kind.source, sourceLabel: text(SOURCE_TEXT[kind.source], locale) },
    sections,
    errorRate: linted ? errorRate(report, input.findings) : null,
    kinds: reportKinds.kinds.map((k) => {
      const fix = setReportKindFix(report, k.id);
      return {
        id: k.id,
        label: kindLabel(k.id, locale),
        current: kind.id === k.id,
        edit: fix ? versionedEdit(document, [fix], input.documentChanges) : null,
      };
    }),
  };
}
