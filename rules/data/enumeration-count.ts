/**
 * The vocabulary of `enumeration-count`, parsed once from rules/data/enumeration-count.yaml
 * (bundled as text by esbuild). Kept as data so users extend the lists, not code.
 */
import { parse } from 'yaml';
import enumerationCountText from './enumeration-count.yaml';

export interface EnumerationCountData {
  /** Measure characters of a “N个一” item (套, 张, 次…). */
  oneMeasures: string;
  /** Words that introduce a list after a count or slogan, longest first (`：`, `，即`). */
  introducers: readonly string[];
  /** How many Han characters may name a slogan's activity before its introducer. */
  sloganNounsMax: number;
  listUnits: readonly string[];
  placeUnits: readonly string[];
  placeNouns: readonly string[];
  creationVerbs: readonly string[];
  namedUnits: readonly string[];
}

function strings(raw: Record<string, unknown>, key: string): string[] {
  const value = raw[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error(`rules/data/enumeration-count.yaml: "${key}" must be a list of non-empty strings`);
  }
  return value as string[];
}

function load(text: string): EnumerationCountData {
  const raw = parse(text) as Record<string, unknown>;
  if (typeof raw.one_measures !== 'string' || raw.one_measures.length === 0) {
    throw new Error('rules/data/enumeration-count.yaml: "one_measures" must be a string of measure characters');
  }
  if (typeof raw.slogan_nouns_max !== 'number') {
    throw new Error('rules/data/enumeration-count.yaml: "slogan_nouns_max" must be a number');
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    oneMeasures: raw.one_measures,
    introducers: strings(raw, 'introducers').sort(byLength),
    sloganNounsMax: raw.slogan_nouns_max,
    listUnits: strings(raw, 'list_units'),
    placeUnits: strings(raw, 'place_units'),
    placeNouns: strings(raw, 'place_nouns').sort(byLength),
    creationVerbs: strings(raw, 'creation_verbs'),
    namedUnits: strings(raw, 'named_units'),
  };
}

/** The data of rules/data/enumeration-count.yaml; throws at load on malformed data. */
export const enumerationCountData: EnumerationCountData = load(enumerationCountText);
