/**
 * The data the rules read, parsed once from the YAML files beside this module (bundled as
 * text by esbuild). Kept as data so users and later rules extend lists, not code.
 */
import { parse } from 'yaml';
import placeholdersText from './placeholders.yaml';
import reportKindsText from './report-kinds.yaml';

/** One required section: its display names and how to recognise it. */
export interface SectionSpec {
  id: SectionId;
  name: string;
  nameEn: string;
  patterns: RegExp[];
  exclude: RegExp[];
  /** Paragraph openings that start this section without a heading. */
  leadIns: RegExp[];
}

export type SectionId = 'work' | 'problems' | 'plans';

/** The required sections in their conventional order (standards.md: work, problems, plans). */
export const SECTION_IDS: readonly SectionId[] = ['work', 'problems', 'plans'];

export interface KindSpec {
  id: string;
  nameEn: string;
  title: RegExp[];
  preamble: RegExp[];
  requires: SectionId[];
}

export interface ReportKindsData {
  sections: Record<SectionId, SectionSpec>;
  kinds: KindSpec[];
  defaultKind: string;
}

interface RawSection {
  name: string;
  name_en: string;
  patterns: string[];
  exclude?: string[];
  lead_ins?: string[];
}
interface RawKind {
  id: string;
  name_en: string;
  title: string[];
  preamble: string[];
  requires: SectionId[];
}

const regexps = (list: string[] | undefined, where: string): RegExp[] =>
  (list ?? []).map((source) => {
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`rules/data/${where}: bad pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  });

function loadReportKinds(text: string): ReportKindsData {
  const raw = parse(text) as { sections: Record<SectionId, RawSection>; kinds: RawKind[]; default_kind: string };
  const sections = {} as Record<SectionId, SectionSpec>;
  for (const id of SECTION_IDS) {
    const s = raw.sections[id];
    if (!s) throw new Error(`rules/data/report-kinds.yaml: section "${id}" is missing`);
    sections[id] = {
      id,
      name: s.name,
      nameEn: s.name_en,
      patterns: regexps(s.patterns, `report-kinds.yaml sections.${id}.patterns`),
      exclude: regexps(s.exclude, `report-kinds.yaml sections.${id}.exclude`),
      leadIns: regexps(s.lead_ins, `report-kinds.yaml sections.${id}.lead_ins`),
    };
  }
  const kinds = raw.kinds.map((k) => {
    const unknown = (k.requires ?? []).find((id) => !(id in sections));
    if (unknown !== undefined) throw new Error(`rules/data/report-kinds.yaml: kind "${k.id}" requires unknown section "${unknown}"`);
    return {
      id: k.id,
      nameEn: k.name_en,
      title: regexps(k.title, `report-kinds.yaml kinds.${k.id}.title`),
      preamble: regexps(k.preamble, `report-kinds.yaml kinds.${k.id}.preamble`),
      requires: k.requires ?? [],
    };
  });
  return { sections, kinds, defaultKind: raw.default_kind };
}

/** Report kinds and their sections (rules/data/report-kinds.yaml). */
export const reportKinds: ReportKindsData = loadReportKinds(reportKindsText);

/** One placeholder pattern of rules/data/placeholders.yaml. */
export interface PlaceholderPattern {
  id: string;
  pattern: RegExp;
  fix?: 'delete';
}

export interface PlaceholdersData {
  patterns: PlaceholderPattern[];
  /** Characters after which a lone `*` is a redaction of a name: `*村`. */
  nameSuffixes: string;
}

function loadPlaceholders(text: string): PlaceholdersData {
  const raw = parse(text) as { patterns: { id: string; pattern: string; fix?: 'delete' }[]; name_suffixes: string };
  return {
    patterns: raw.patterns.map((p) => ({
      id: p.id,
      pattern: new RegExp(regexps([p.pattern], `placeholders.yaml ${p.id}`)[0].source, 'gu'),
      ...(p.fix ? { fix: p.fix } : {}),
    })),
    nameSuffixes: raw.name_suffixes,
  };
}

/** Placeholder patterns (rules/data/placeholders.yaml). */
export const placeholders: PlaceholdersData = loadPlaceholders(placeholdersText);
