/**
 * The engine: build the report once, run every enabled rule over it, and turn problems
 * into findings. A rule that throws is reported and skipped; the others still run.
 */
import { rules as allRules } from '../index';
import type { ParsedText } from '../model/incremental';
import { buildReportSpliced, type Report } from '../model/report';
import { BlockRules } from './block-rules';
import type { Check, Finding, Locale, Problem, Rule, RuleContext, Severity } from '../types';
import { effectiveRule, projectDictionary, type Config, type EffectiveRule } from './config';
import { disabledRegions, isDisabled } from './disable';
import { applyFixes } from './fixes';
import { formatMessage } from './messages';

export interface LintOptions {
  /** Configs in increasing precedence (file, then editor settings). */
  configs?: readonly Config[];
  locale?: Locale;
  /** The rules to run; defaults to the full ordered list of `rules/index.ts`. */
  rules?: readonly Rule[];
  /**
   * The report (or text and mdast) of an earlier version of the same document: only the
   * blocks the edit touched are parsed again (rules/model/incremental.ts). The result is
   * the same as without it, finding for finding.
   */
  previous?: ParsedText;
}

/** A rule that threw: the engine's report of it, so callers can log it with the rule id. */
export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  report: Report;
  findings: Finding[];
  failures: RuleFailure[];
  /** Checks the rules made, passed and failed, in document order (for hover). */
  checks: Check[];
  /**
   * How many block-scoped rules ran on the edited region alone (the rest of their problems
   * reused from `previous`); 0 without `previous` or where the edit was parsed in full.
   * For tests and the benchmark.
   */
  regionRules: number;
}

/**
 * Lints `text`.
 *
 * @returns findings sorted by start offset (UTF-16), each with its rule's effective
 *   severity and a message in `options.locale` (default zh-CN); rules that threw are in
 *   `failures`, never thrown
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const configs = options.configs ?? [];
  const locale = options.locale ?? 'zh-CN';
  const kind = [...configs].reverse().find((c) => c.reportKind)?.reportKind;
  const { report, splice } = buildReportSpliced(text, { kind, previous: options.previous });
  const regions = disabledRegions(text, report.lines);
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const checks: Check[] = [];
  const context = contextOf(configs);
  const blocks = new BlockRules(report, splice, context, kind);
  for (const rule of options.rules ?? allRules) {
    const setting = configs.length === 0 ? defaultSetting(rule) : effectiveRule(rule.id, rule.meta.severity, rule.meta.defaultOptions, configs);
    if (setting.severity === 'off') continue;
    let problems;
    try {
      const frozen = Object.freeze(setting.options);
      problems = rule.meta.scope === 'block' ? blocks.check(rule, frozen) : rule.check(report, frozen, context);
      if (rule.checkDocument) problems = rule.checkDocument(report, frozen, context, problems);
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
      continue;
    }
    for (const p of problems) {
      if (regions.length > 0 && isDisabled(regions, rule.id, p.start)) continue;
      if (p.passed) {
        checks.push(passedCheck(rule, p, locale));
        continue;
      }
      const message = render(rule, p.messageId, locale, p.data);
      checks.push({ ruleId: rule.id, ok: false, message, start: p.start, end: p.end });
      // A problem's own severity stands where the rule is at its default (types.ts `Problem`).
      const severity = p.severity !== undefined && setting.severity === rule.meta.severity ? p.severity : (setting.severity as Severity);
      const finding: Finding = { ruleId: rule.id, severity, message, start: p.start, end: p.end };
      if (p.fix) finding.fix = { ...p.fix };
      if (p.related?.length) {
        finding.related = p.related.map((r) => ({ start: r.start, end: r.end, message: render(rule, r.messageId, locale, r.data) }));
      }
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  checks.sort((a, b) => a.start - b.start || a.end - b.end);
  return { report, findings, failures, checks, regionRules: blocks.reused };
}

const EMPTY_CONTEXT: RuleContext = Object.freeze({ dictionary: projectDictionary([]) });
const contexts = new WeakMap<readonly Config[], RuleContext>();

/**
 * The rules' context for `configs`: the project dictionary merged once per configs array
 * (the server keeps one array per analysis, so keystrokes reuse it).
 */
function contextOf(configs: readonly Config[]): RuleContext {
  if (!configs.some((c) => c.accept?.length || c.slogans?.length)) return EMPTY_CONTEXT;
  let context = contexts.get(configs);
  if (!context) contexts.set(configs, (context = Object.freeze({ dictionary: projectDictionary(configs) })));
  return context;
}

const defaults = new WeakMap<Rule, EffectiveRule>();

/** A rule's own severity and (frozen) default options, worked out once per rule. */
function defaultSetting(rule: Rule): EffectiveRule {
  let setting = defaults.get(rule);
  if (!setting) {
    setting = effectiveRule(rule.id, rule.meta.severity, rule.meta.defaultOptions, []);
    Object.freeze(setting.options);
    defaults.set(rule, setting);
  }
  return setting;
}

/** The rule's message `messageId` in `locale`, or the id itself where the rule has no such message. */
function render(rule: Rule, messageId: string, locale: Locale, data: Problem['data']): string {
  const template = rule.meta.messages[messageId];
  return template ? formatMessage(template, locale, data) : messageId;
}

/**
 * A check that held. Hover shows only the few under the cursor, so its message is rendered
 * on first read: most are never read, and a report makes hundreds of them.
 */
function passedCheck(rule: Rule, p: Problem, locale: Locale): Check {
  let message: string | undefined;
  return {
    ruleId: rule.id,
    ok: true,
    start: p.start,
    end: p.end,
    get message() {
      message ??= render(rule, p.messageId, locale, p.data);
      return message;
    },
  };
}

/**
 * Lints and fixes until nothing fixable remains (at most `maxPasses` rounds, since one
 * fix can reveal another; overlapping fixes wait for the next round).
 *
 * @returns the fixed text and the findings that remain on it
 */
export function lintAndFix(text: string, options: LintOptions = {}, maxPasses = 10): LintResult & { output: string; changed: boolean } {
  let current = text;
  let result = lint(current, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes).text;
    if (next === current) break;
    current = next;
    result = lint(current, options);
  }
  return { ...result, output: current, changed: current !== text };
}
