/**
 * Doubled characters — which to suspect, which are right — parsed once from
 * rules/data/reduplication.yaml (bundled as text by esbuild). Read by `duplicate-char`. The loader checks the data and throws on a
 * mistake, naming the file and group.
 */
import { parse } from 'yaml';
import reduplicationText from './reduplication.yaml';

/** A list of the data file with its source. */
interface Group<T> {
  source: string;
  items: T;
}

/**
 * How a suspect's doubling is explained: a particle by a word on either side (目的|的,
 * 为了|了解), a suffix only by a word starting at the second character (县级|级别).
 */
export type SuspectKind = 'particle' | 'suffix';

export interface ReduplicationData {
  /** The characters whose doubling the rule reports unless explained, with their kind. */
  suspects: ReadonlyMap<string, SuspectKind>;
  /** Characters that are right doubled wherever they stand (常, 人, 村). */
  chars: ReadonlySet<string>;
  /** Words holding a doubled character (实实在在), or starting with a suspect (员额). */
  words: readonly string[];
  /** Known error shapes, compiled with the `g` and `u` flags; each match is exactly the doubled pair. */
  errors: readonly RegExp[];
}

const FILE = 'rules/data/reduplication.yaml';

function groups<T>(value: unknown, name: string, check: (items: unknown) => items is T): Group<T>[] {
  if (!Array.isArray(value)) throw new Error(`${FILE}: "${name}" must be a list of groups`);
  return value.map((g: { source?: unknown; items?: unknown }, i) => {
    if (typeof g?.source !== 'string' || g.source.trim() === '') throw new Error(`${FILE}: ${name}[${i}] needs a source`);
    if (!check(g.items)) throw new Error(`${FILE}: ${name}[${i}].items has the wrong shape`);
    return { source: g.source, items: g.items };
  });
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isHanOnly = (s: string) => /^\p{Script=Han}+$/u.test(s);

/**
 * Parses and checks the reduplication data.
 *
 * @param source the YAML text of rules/data/reduplication.yaml
 * @throws Error naming the file and group when a group lacks its source, a character list
 *   holds anything but Han characters, a suspect group has no valid kind, a word is shorter
 *   than 2 Han characters, or an error pattern does not compile
 */
export function loadReduplication(source: string): ReduplicationData {
  const raw = parse(source) as Record<string, unknown>;
  const suspects = new Map<string, SuspectKind>();
  for (const [i, g] of groups(raw.suspects, 'suspects', isString).entries()) {
    const kind = (raw.suspects as { kind?: unknown }[])[i].kind;
    if (kind !== 'particle' && kind !== 'suffix') throw new Error(`${FILE}: suspects[${i}].kind must be particle or suffix`);
    if (!isHanOnly(g.items)) throw new Error(`${FILE}: suspects "${g.source}" must hold Han characters only`);
    for (const c of g.items) suspects.set(c, kind);
  }
  const chars = new Set<string>();
  for (const g of groups(raw.chars, 'chars', isString)) {
    if (!isHanOnly(g.items)) throw new Error(`${FILE}: chars "${g.source}" must hold Han characters only`);
    for (const c of g.items) chars.add(c);
  }
  const words: string[] = [];
  for (const g of groups(raw.words, 'words', isStrings)) {
    for (const w of g.items) {
      if (w.length < 2 || !isHanOnly(w)) throw new Error(`${FILE}: word ${JSON.stringify(w)} must be 2 or more Han characters`);
      words.push(w);
    }
  }
  const errors = ((raw.errors ?? []) as { source?: unknown; pattern?: unknown }[]).map((e, i) => {
    if (typeof e.source !== 'string' || !e.source.trim()) throw new Error(`${FILE}: errors[${i}] needs a source`);
    if (typeof e.pattern !== 'string') throw new Error(`${FILE}: errors[${i}].pattern must be a string`);
    try {
      return new RegExp(e.pattern, 'gu');
    } catch (error) {
      throw new Error(`${FILE}: errors[${i}]: bad pattern ${JSON.stringify(e.pattern)}: ${(error as Error).message}`);
    }
  });
  return { suspects, chars, words, errors };
}

/** Legitimate doubled characters (rules/data/reduplication.yaml). */
export const reduplication: ReduplicationData = loadReduplication(reduplicationText);
