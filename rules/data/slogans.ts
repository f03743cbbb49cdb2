/**
 * Canonical formulations (规范提法), parsed once from rules/data/slogans.yaml (bundled as
 * text by esbuild). Read by `slogan-canonical`; kept as data so users extend the list, not
 * code. The loader checks the data and throws on a mistake, naming the file and entry.
 */
import { parse } from 'yaml';
import slogansText from './slogans.yaml';

/** Forms shorter than this (UTF-16 code units) get no near-miss search by default. */
export const NEAR_MISS_MIN_LENGTH = 8;

/** One formulation of rules/data/slogans.yaml. */
export interface SloganEntry {
  /** The exact wording, punctuation included. */
  canonical: string;
  /** The document, report or standard the wording comes from. */
  source: string;
  /** Known wrong forms, each reported and fixed to `canonical` wherever it occurs. */
  variants: readonly string[];
  /** What a number-named formulation counts (两个确立 → its two 确立), in source order. */
  parts: readonly string[];
  /** Whether one-character misquotes of `canonical` are searched for. */
  nearMiss: boolean;
}

/** A phrase that is right as written though one character from an entry. */
export interface CorrectPhrase {
  phrase: string;
  source: string;
}

export interface SlogansData {
  entries: readonly SloganEntry[];
  correct: readonly CorrectPhrase[];
}

interface RawEntry {
  canonical?: unknown;
  source?: unknown;
  variants?: unknown;
  parts?: unknown;
  near_miss?: unknown;
}

const FILE = 'rules/data/slogans.yaml';

function strings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    throw new Error(`${FILE}: ${where} must be a list of non-empty strings`);
  }
  return value as string[];
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${FILE}: ${where} must be a non-empty string`);
  return value;
}

/**
 * Parses and checks the slogans data.
 *
 * @param source the YAML text of rules/data/slogans.yaml
 * @throws Error naming the file and entry when an entry lacks its canonical form or source,
 *   a canonical form repeats, a variant equals or lies inside a canonical form or correct
 *   phrase (its fix would then damage good text), or a variant is shorter than 2 characters
 */
export function loadSlogans(source: string): SlogansData {
  const raw = parse(source) as { entries?: RawEntry[]; correct?: { phrase?: unknown; source?: unknown }[] };
  if (!raw || !Array.isArray(raw.entries)) throw new Error(`${FILE}: "entries" must be a list`);
  const entries: SloganEntry[] = raw.entries.map((e, i) => {
    const canonical = text(e.canonical, `entries[${i}].canonical`);
    const where = `entry ${JSON.stringify(canonical)}`;
    if (e.near_miss !== undefined && typeof e.near_miss !== 'boolean') throw new Error(`${FILE}: ${where}: near_miss must be true or false`);
    return {
      canonical,
      source: text(e.source, `${where}: source`),
      variants: strings(e.variants, `${where}: variants`),
      parts: strings(e.parts, `${where}: parts`),
      nearMiss: e.near_miss ?? canonical.length >= NEAR_MISS_MIN_LENGTH,
    };
  });
  const correct: CorrectPhrase[] = (raw.correct ?? []).map((c, i) => ({
    phrase: text(c.phrase, `correct[${i}].phrase`),
    source: text(c.source, `correct[${i}].source`),
  }));

  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.canonical)) throw new Error(`${FILE}: entry ${JSON.stringify(e.canonical)} appears twice`);
    seen.add(e.canonical);
  }
  const good = [...entries.map((e) => e.canonical), ...correct.map((c) => c.phrase)];
  for (const e of entries) {
    for (const v of e.variants) {
      if (v.length < 2) throw new Error(`${FILE}: entry ${JSON.stringify(e.canonical)}: variant ${JSON.stringify(v)} is too short`);
      const inside = good.find((g) => g.includes(v));
      if (inside) {
        throw new Error(`${FILE}: entry ${JSON.stringify(e.canonical)}: variant ${JSON.stringify(v)} lies inside the correct ${JSON.stringify(inside)}`);
      }
    }
  }
  return { entries, correct };
}

/** The canonical formulations (rules/data/slogans.yaml). */
export const slogans: SlogansData = loadSlogans(slogansText);
