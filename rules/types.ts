/**
 * The contracts of the analysis core (see ARCHITECTURE.md). Nothing here knows of LSP.
 *
 * Offsets everywhere are absolute UTF-16 code-unit offsets into the source text (the unit
 * of JavaScript strings, of mdast `position.offset` and of LSP's default encoding);
 * `end` is exclusive.
 */
import type { Report } from './model/report';

/** LSP's severity names, also used by the CLI's JSON output and the config. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A user-facing string in every language we ship. zh-CN is the product's voice. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

/** The languages messages can be produced in. */
export type Locale = keyof Localized;

/** A text edit as data: replace `[start, end)` with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** Another place that bears on a finding (LSP `DiagnosticRelatedInformation`). */
export interface RelatedPlace {
  start: number;
  end: number;
  message: string;
}

/** What the engine returns: one problem at one place. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  related?: RelatedPlace[];
}

/** A related place as a rule states it, its message given by id like the problem's. */
export interface ProblemRelated {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string | number>;
}

/**
 * What a rule's `check` returns. The engine adds the rule id and severity and renders
 * `messageId` + `data` through the rule's `meta.messages` in the requested locale.
 */
export interface Problem {
  /**
   * True for a check that held: not a finding, but recorded (with its message) so hover can
   * show what was verified, not only what failed (number rules use this).
   */
  passed?: boolean;
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  fix?: Fix;
  related?: ProblemRelated[];
  /**
   * A severity for this problem in place of the rule's default, where the config leaves the
   * rule at its default (slogan-spacing: a quoted slogan separated another way is
   * information, a series formulation with a 顿号 replaced a warning, as slogan-canonical
   * reports a 顿号 dropped). A severity the config sets for the rule wins.
   */
  severity?: Severity;
}

export type RuleFamily = 'structure' | 'numbers' | 'wording';

export interface RuleMeta {
  family: RuleFamily;
  /** Severity when the config says nothing. */
  severity: Severity;
  /** Whether some of its problems carry a fix. */
  fixable: boolean;
  /** One line: what the rule checks. */
  description: Localized;
  /** Message templates by id; `{name}` is replaced from the problem's `data`. */
  messages: Record<string, Localized>;
  /** Default options; the config's options for the rule are merged over them. */
  defaultOptions?: Record<string, unknown>;
  /** What each option of `defaultOptions` does, for the config schema's descriptions. */
  optionDescriptions?: Record<string, Localized>;
  /**
   * What the rule's problems in a top-level block depend on. `'block'`: only that block's
   * text (its lines, opaque spans, quantities and mdast; nothing of the title, kind,
   * sections, items, lists or other blocks), so after an edit the engine runs it on the
   * re-parsed blocks alone and moves its other problems (rules/engine/block-rules.ts).
   * `'document'` (the default): run on the whole report every time.
   */
  scope?: 'block' | 'document';
}

/** A formulation of the project dictionary: an entry of rules/data/slogans.yaml, its core fields. */
export interface ProjectSlogan {
  canonical: string;
  source: string;
  variants?: string[];
}

/**
 * The project dictionary (config keys `accept:` and `slogans:`, docs/dictionary.md), merged
 * from every config that applies. Data only: rules never read files.
 */
export interface ProjectDictionary {
  /** Words and phrases slogan-canonical, duplicate-char and placeholder stay quiet on. */
  readonly accept: readonly string[];
  /** The project's own formulations, whose listed variants slogan-canonical reports. */
  readonly slogans: readonly Readonly<ProjectSlogan>[];
}

/** What the engine gives every rule besides the report and its options (frozen). */
export interface RuleContext {
  readonly dictionary: ProjectDictionary;
}

/** One rule: `rules/<family>/<id>.ts` exports one of these; `rules/index.ts` lists them. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  /**
   * Looks at the (frozen) report and returns its problems. Must not mutate anything, the mdast included;
   * may throw, in which case the engine reports the failure and runs the other rules.
   * `context` (always given by the engine; optional for callers timing a rule alone) holds
   * the project dictionary.
   */
  check(report: Report, options: Readonly<Record<string, unknown>>, context?: RuleContext): Problem[];
  /**
   * For a block-scoped rule, what depends on more than a block (slogan-canonical: a congress
   * dated by the title's year, a count made right by a word elsewhere): given the problems
   * `check` found (on the whole report, or the block path's, moved from the last version),
   * returns the rule's problems for the whole report — `problems` itself when nothing
   * changes, else a new list (dropping some, or new objects in their place; never mutating
   * them). Runs at every lint, so it must be cheap: it should look only at the problems
   * `check` marked for it. Same contract as `check` otherwise.
   */
  checkDocument?(report: Report, options: Readonly<Record<string, unknown>>, context: RuleContext | undefined, problems: readonly Problem[]): readonly Problem[];
}

/** A check a rule made at a place, passed or failed, for hover (`LintResult.checks`). */
export interface Check {
  ruleId: string;
  ok: boolean;
  message: string;
  start: number;
  end: number;
}
