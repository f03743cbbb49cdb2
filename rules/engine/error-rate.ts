/**
 * The error rate per 10,000 characters (万字差错率): a report's findings weighed by class
 * (rules/data/error-weights.yaml: political wording 3, knowledge or logic 2, a character 1,
 * punctuation 0.5, after 《图书质量管理规定》 2004 and its 差错认定细则) and divided by its
 * length in ten-thousands of characters, so reviewers can sort a batch of reports by one
 * figure. Only findings of severity error or warning count.
 */
import { type DataSource, dataOf } from '../data/yaml-data';
import text from '../data/error-weights.yaml';
import type { Report } from '../model/report';
import type { Finding, Localized } from '../types';

export type ErrorClass = 'political' | 'knowledge' | 'character' | 'punctuation';

export interface ErrorWeights {
  classes: Record<ErrorClass, { weight: number; label: Localized }>;
  /** Each rule id's class. */
  rules: Record<string, ErrorClass>;
}

/** A report's error rate and what it is made of. */
export interface ErrorRate {
  /** Characters counted: code points other than whitespace, outside code, HTML, front matter and link targets. */
  characters: number;
  /** Sum of the weights of the counted findings. */
  weightedErrors: number;
  /** `weightedErrors` per 10,000 characters, rounded to two decimals; 0 for an empty text. */
  perTenThousand: number;
}

const CLASS_IDS: readonly ErrorClass[] = ['political', 'knowledge', 'character', 'punctuation'];

function load(source: DataSource): ErrorWeights {
  const raw = dataOf(source) as { classes?: Record<string, { weight?: unknown; 'zh-CN'?: unknown; en?: unknown }>; rules?: Record<string, unknown> };
  const classes = {} as ErrorWeights['classes'];
  for (const id of CLASS_IDS) {
    const c = raw.classes?.[id];
    if (!c || typeof c.weight !== 'number' || !(c.weight >= 0) || typeof c['zh-CN'] !== 'string' || typeof c.en !== 'string') {
      throw new Error(`rules/data/error-weights.yaml: class ${id} needs a weight ≥ 0 and zh-CN and en labels`);
    }
    classes[id] = { weight: c.weight, label: { 'zh-CN': c['zh-CN'], en: c.en } };
  }
  const rules: Record<string, ErrorClass> = {};
  for (const [rule, cls] of Object.entries(raw.rules ?? {})) {
    if (!CLASS_IDS.includes(cls as ErrorClass)) throw new Error(`rules/data/error-weights.yaml: rule ${rule} has unknown class ${String(cls)}`);
    rules[rule] = cls as ErrorClass;
  }
  return { classes, rules };
}

/** The weights of rules/data/error-weights.yaml. */
export const errorWeights: ErrorWeights = load(text);

/** The weight of one finding of `ruleId` (0 for a rule without a class, e.g. another tool's). */
export function weightOf(ruleId: string): number {
  const cls = errorWeights.rules[ruleId];
  return cls ? errorWeights.classes[cls].weight : 0;
}

/**
 * The error rate of a linted report.
 *
 * @param report the report the findings were made on (its text and opaque spans)
 * @param findings the findings; those of severity information or hint are not counted
 */
export function errorRate(report: Pick<Report, 'text' | 'opaque'>, findings: readonly Finding[]): ErrorRate {
  const characters = countCharacters(report);
  let weightedErrors = 0;
  for (const f of findings) if (f.severity === 'error' || f.severity === 'warning') weightedErrors += weightOf(f.ruleId);
  weightedErrors = Math.round(weightedErrors * 100) / 100;
  const perTenThousand = characters === 0 ? 0 : Math.round((weightedErrors / characters) * 1e6) / 100;
  return { characters, weightedErrors, perTenThousand };
}

/**
 * Code points that are not whitespace, outside code, HTML, front matter and URLs.
 * The opaque spans are sorted and never overlap, so one cursor walks them beside the text
 * (a lookup per character cost a binary search each: a tenth of a millisecond per seed,
 * paid by every file of a thousand-file CLI run).
 */
function countCharacters(report: Pick<Report, 'text' | 'opaque'>): number {
  const { text, opaque } = report;
  const spans = opaque.spans;
  let count = 0;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < spans.length && spans[next].end <= i) next++;
    const span = spans[next];
    if (span && span.start <= i && span.kind !== 'table' && span.kind !== 'image') {
      i = span.end - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff) continue;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
    count++;
  }
  return count;
}
