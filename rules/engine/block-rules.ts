/**
 * Block-scoped rules after an edit: a rule whose `meta.scope` is `'block'` finds its problems
 * in a top-level block from that block's text alone, so after an incremental re-parse it is
 * run only on the re-parsed region (a report of the region's text, `buildReport` on its
 * slice), and its problems elsewhere are the previous version's, moved with the text after
 * the edit. The result is what a run on the whole report gives (test/unit/incremental.test.ts
 * compares the two on random edits).
 *
 * Why a region stands alone: it is whole top-level blocks with a blank line (or the text's
 * start or end) on each side (rules/model/incremental.ts), so a rule that reads only lines,
 * opaque spans, quantities and the mdast within a block sees in the region's own report
 * exactly what it saw there in the whole one. A rule reading anything document-wide (the
 * title, the kind, sections, items, lists, other lines) must not claim the scope.
 *
 * The problems are kept per report (a WeakMap: they go with it), keyed by the options and
 * dictionary the rule ran with; any difference, a previous run that threw, or no splice,
 * and the rule runs on the whole report.
 */
import type { Point } from 'unist';
import type { Root } from 'mdast';
import { buildReport, type Report } from '../model/report';
import type { Splice } from '../model/splice';
import type { Problem, Rule, RuleContext } from '../types';

interface Remembered {
  /** The options and dictionary the problems were found with. */
  key: string;
  problems: readonly Problem[];
}

const remembered = new WeakMap<Report, Map<string, Remembered>>();

/**
 * Runs block-scoped rules for one lint: on the splice's region where the previous version's
 * problems can be reused, else on the whole report; either way remembers the problems for
 * the next version.
 */
export class BlockRules {
  private region: Report | null | undefined;
  private readonly mine = new Map<string, Remembered>();
  private contextKey: string | undefined;
  /** How many rules took the region path (for tests and the benchmark). */
  reused = 0;

  /**
   * @param report the new version's report
   * @param splice where it was spliced from the previous report, or null (built in full)
   * @param context the rules' context (its dictionary is part of the key)
   * @param kind the config's report kind, handed to the region's report as to the whole
   */
  constructor(
    private readonly report: Report,
    private readonly splice: Splice | null,
    private readonly context: RuleContext,
    private readonly kind: string | undefined,
  ) {
    remembered.set(report, this.mine);
  }

  /**
   * `rule.check` on the report, its problems in the region found again and the rest reused
   * where possible. Throws where the rule throws on the whole report.
   */
  check(rule: Rule, options: Readonly<Record<string, unknown>>): Problem[] {
    const key = this.keyOf(options);
    const before = this.splice ? remembered.get(this.splice.previous)?.get(rule.id) : undefined;
    let problems: Problem[] | null = null;
    if (before && before.key === key) {
      // The same text again (a re-lint after a settings change that kept this rule's options):
      // the previous problems as they were. There is no region to re-run, and a region made of
      // the first line alone would not be whole blocks (a table's header row read as prose).
      problems = this.splice!.previous.text === this.report.text ? [...before.problems] : this.spliced(rule, options, before.problems);
    }
    if (problems) this.reused++;
    else problems = rule.check(this.report, options, this.context);
    this.mine.set(rule.id, { key, problems });
    return problems;
  }

  /** The rule's problems from the region's report and the previous ones, or null if the region run threw. */
  private spliced(rule: Rule, options: Readonly<Record<string, unknown>>, old: readonly Problem[]): Problem[] | null {
    const splice = this.splice!;
    const { lines, text } = this.report;
    const prevLines = splice.previous.lines;
    // The region as whole lines with the line break after it: a rule that looks at whether a
    // next line exists (a fix taking a line with its break) sees the same as in the whole.
    const atEnd = splice.toLine + 1 >= lines.count;
    const regionEnd = atEnd ? text.length : lines.start(splice.toLine + 1);
    const oldRegionEnd = atEnd ? Infinity : prevLines.start(splice.oldToLine + 1);
    const region = this.regionReport(regionEnd);
    let found: Problem[];
    try {
      found = rule.check(region, options, this.context);
    } catch {
      // The whole report decides whether the rule throws (and the failure is reported as such).
      return null;
    }
    const { from, delta } = splice;
    // Not assuming the rule returns its problems sorted: the engine sorts findings, and two
    // problems at one place always lie on the same side of the region.
    const out: Problem[] = [];
    for (const p of old) if (p.start < from) out.push(p);
    const regionLength = regionEnd - from;
    for (const p of found) if (atEnd || p.start < regionLength) out.push(shiftProblem(p, from));
    for (const p of old) if (p.start >= oldRegionEnd) out.push(shiftProblem(p, delta));
    return out;
  }

  /** The report of the region's text, built once per lint for all the rules. */
  private regionReport(regionEnd: number): Report {
    if (this.region) return this.region;
    const splice = this.splice!;
    const text = this.report.text.slice(splice.from, regionEnd);
    // The blocks the re-parse made, not a parse of the slice: the slice ends with the line
    // break after the region, which an unclosed fence or comment at its end would take in,
    // where the whole document's parse (and so the whole report) ends them before it.
    const tree: Root | undefined = splice.region
      ? { type: 'root', children: [...splice.region], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } }
      : undefined;
    this.region = buildReport(text, { kind: this.kind, tree });
    return this.region;
  }

  /** The options and the dictionary, as one string to compare (the dictionary once per lint). */
  private keyOf(options: Readonly<Record<string, unknown>>): string {
    const d = this.context.dictionary;
    this.contextKey ??= d.accept.length === 0 && d.slogans.length === 0 ? '' : JSON.stringify(d);
    return `${JSON.stringify(options)}\u0000${this.contextKey}`;
  }
}

/** The point at the end of `text`, as micromark gives it for the root (1-based line and column). */
function endPoint(text: string): Point {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - text.lastIndexOf('\n'), offset: text.length };
}

/** A copy of `p` with its offsets (and its fix's and related places') moved `delta` code units. */
function shiftProblem(p: Problem, delta: number): Problem {
  if (delta === 0) return p;
  const moved: Problem = { ...p, start: p.start + delta, end: p.end + delta };
  if (p.fix) moved.fix = { ...p.fix, start: p.fix.start + delta, end: p.fix.end + delta };
  if (p.related) moved.related = p.related.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta }));
  return moved;
}
