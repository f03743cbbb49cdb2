/**
 * `--format sarif`: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format,
 * the format GitHub code scanning, GitLab and most CI dashboards read) with one run.
 *
 * - `tool.driver.rules`: every rule with its description in the output's locale (both
 *   locales under `properties.descriptions`), its docs page as `helpUri`, its default
 *   level and family.
 * - Positions are 1-based lines and columns in UTF-16 code units, stated once for the run
 *   (`columnKind: "utf16CodeUnits"`, SARIF 2.1.0 §3.14.17); `charOffset`/`charLength`
 *   count the same units from the start of the text without its BOM.
 * - A finding's fix is a SARIF `fix` (§3.55) replacing its region.
 * - `partialFingerprints["partyReport/v1"]` stays the same when lines above a finding are
 *   added or removed: a hash of the rule, the finding's own text and its line's text, and
 *   the occurrence of that triple in the file.
 * - A file that could not be linted is a tool execution notification, and makes
 *   `executionSuccessful` false.
 * - Each linted file is an `artifacts` entry whose `properties.errorRate` holds its error
 *   rate per 10,000 characters (rules/engine/error-rate.ts).
 */
// node:crypto is required at the first fingerprint: loading it costs every other format ≈10 ms (issue #14).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createHash: typeof import('node:crypto').createHash = (...args) => (require('node:crypto') as typeof import('node:crypto')).createHash(...args);
import { pathToFileURL } from 'node:url';
import type { LineTable } from '../../rules/model/lines';
import type { Finding, Locale, Rule, Severity } from '../../rules/types';
import { ruleDocUrl } from '../rule-docs';
import { displayPath, type FileResult, oneBased } from './results';

/** SARIF's `level` for each LSP severity (SARIF 2.1.0 §3.27.10; hints are notes too). */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  locale: Locale;
  /** The working folder: files under it are named relative to `%SRCROOT%`. */
  cwd: string;
  rules: readonly Rule[];
  toolVersion: string;
}

/** A region of a text as SARIF states it. */
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

/**
 * Builds the SARIF log of `results`.
 *
 * @returns a plain object ready for `JSON.stringify` (SARIF 2.1.0, one run)
 */
export function toSarif(results: readonly FileResult[], options: SarifOptions): Record<string, unknown> {
  const { locale, cwd, rules } = options;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const srcroot = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  const artifacts: Record<string, unknown>[] = [];

  for (const file of results) {
    const artifact = artifactLocation(file.filePath, cwd);
    if (file.fatal !== undefined || !file.lines) {
      notifications.push({
        level: 'error',
        message: { text: file.fatal ?? '' },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
      continue;
    }
    const lines = file.lines;
    if (file.errorRate) artifacts.push({ location: artifact, properties: { errorRate: { ...file.errorRate } } });
    const seen = new Map<string, number>();
    for (const finding of file.findings) {
      const region = regionOf(lines, finding.start, finding.end);
      const result: Record<string, unknown> = {
        ruleId: finding.ruleId,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
        partialFingerprints: { 'partyReport/v1': fingerprint(lines, finding, seen) },
      };
      const index = ruleIndex.get(finding.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (finding.related?.length) {
        result.relatedLocations = finding.related.map((place, id) => ({
          id,
          message: { text: place.message },
          physicalLocation: { artifactLocation: artifact, region: regionOf(lines, place.start, place.end) },
        }));
      }
      if (finding.fix) {
        const { start, end, text } = finding.fix;
        result.fixes = [
          {
            description: { text: text === '' ? describeDeletion(locale) : describeReplacement(locale, text) },
            artifactChanges: [
              {
                artifactLocation: artifact,
                replacements: [{ deletedRegion: regionOf(lines, start, end), insertedContent: { text } }],
              },
            ],
          },
        ];
      }
      sarifResults.push(result);
    }
  }

  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'party-report',
            fullName: locale === 'en' ? 'party-report (Party-building report linter)' : '党建报告助手 (party-report)',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: 'https://github.com/party-report/party-report',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.meta.description[locale] },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.meta.severity] },
              properties: {
                tags: [rule.meta.family],
                descriptions: { 'zh-CN': rule.meta.description['zh-CN'], en: rule.meta.description.en },
                fixable: rule.meta.fixable,
              },
            })),
          },
        },
        language: locale,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: srcroot } },
        // Each linted file with its error rate per 10,000 characters (万字差错率).
        artifacts,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
}

/** Renders the SARIF log, newline-terminated. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}

/** A file relative to `%SRCROOT%` when under the working folder, else its absolute file URI. */
function artifactLocation(filePath: string, cwd: string): Record<string, string> {
  const shown = displayPath(filePath, cwd);
  if (shown === filePath) return { uri: pathToFileURL(filePath).href };
  // A relative reference, each segment percent-encoded as a URI needs (spaces, Han).
  return { uri: shown.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function regionOf(lines: LineTable, start: number, end: number): Region {
  const s = oneBased(lines, start);
  const e = oneBased(lines, end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: start, charLength: end - start };
}

/** `rule\0finding text\0line text` hashed, with its occurrence number among equal triples. */
function fingerprint(lines: LineTable, finding: Finding, seen: Map<string, number>): string {
  const line = lines.lineAt(finding.start);
  const text = lines.text;
  const key = `${finding.ruleId}\0${text.slice(finding.start, finding.end)}\0${text.slice(lines.start(line), lines.end(line)).trim()}`;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

function describeDeletion(locale: Locale): string {
  return locale === 'en' ? 'Delete the text' : '删除';
}

function describeReplacement(locale: Locale, text: string): string {
  return locale === 'en' ? `Replace with "${text}"` : `改为“${text}”`;
}
