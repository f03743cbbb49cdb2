/**
 * The data the rules read, parsed once from the YAML files beside this module (bundled as
 * text by esbuild). Kept as data so users and later rules extend lists, not code.
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
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
  /** Lines that match a lead-in yet are only a closing sentence (a pledge), no section. */
  closings: RegExp[];
  /**
   * The section's head words as one pattern (see `compileHeads`): matches a title whose head
   * names this section (工作中的不足, 差距与短板). Null when the data gives none.
   */
  heads: RegExp | null;
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

/**
 * A genre (文种) of document that is not a report draft of any kind: named by the title's
 * last words (`title`, each anchored with `$`), unless one of `unless` finds the title; or,
 * with no title naming anything, by one of the body's first lines (`openings`: a speech's
 * salutation, a 党课's own words, a task list's lead).
 */
export interface GenreSpec {
  id: string;
  nameEn: string;
  title: RegExp[];
  unless: RegExp[];
  openings: RegExp[];
  /**
   * A web page's byline on one of the first lines (`作者：`, `来源：`, `发布时间：`): the text is
   * a page of this genre unless its title names a report document (`bylinesUnless`).
   */
  bylines: RegExp[];
  /** Title words that keep a bylined text a report (`工作总结`, `述职报告` posted on a site). */
  bylinesUnless: RegExp[];
}

export interface ReportKindsData {
  sections: Record<SectionId, SectionSpec>;
  kinds: KindSpec[];
  /** Other genres a title may name (方案, 通知, 公报, 讲话, 会议新闻, 调研报告…), tried before the kinds. */
  genres: GenreSpec[];
  defaultKind: string;
}

interface RawHeads {
  words: string[];
  before?: string[];
  tails?: string[];
  verbs?: string[];
}
interface RawSection {
  name: string;
  name_en: string;
  patterns: string[];
  exclude?: string[];
  lead_ins?: string[];
  closings?: string[];
  heads?: RawHeads[];
}
interface RawKind {
  id: string;
  name_en: string;
  title: string[];
  preamble: string[];
  requires: SectionId[];
}
interface RawGenre {
  id: string;
  name_en: string;
  title: string[];
  unless?: string[];
  openings?: string[];
  bylines?: string[];
  bylines_unless?: string[];
}

const regexps = (list: string[] | undefined, where: string): RegExp[] =>
  (list ?? []).map((source) => {
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`rules/data/${where}: bad pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  });

/**
 * One pattern from a section's head-word groups (report-kinds.yaml, `heads`). Per group:
 * a head word at the title's end, optionally coordinated with more of the group's words
 * or its tails (和/与/及/以及/、); right after the title start, 的, or one of `before`; and
 * for `before`, no verb of `verbs` earlier in the same phrase (no 的 or comma between).
 * A relative clause (查摆的问题) is not an object, so after 的 no verb is checked. The
 * groups are joined by `|`; every repeat is bounded by the title's end (`$`), so the
 * pattern stays linear in the title's length.
 *
 * @throws Error naming the data file and the group when a piece is not a valid pattern
 */
function compileHeads(groups: RawHeads[] | undefined, where: string): RegExp | null {
  if (!groups || groups.length === 0) return null;
  const alt = (list: string[]) => list.map((x) => `(?:${x})`).join('|');
  const sources = groups.map((g, i) => {
    if (!g.words?.length) throw new Error(`rules/data/${where}[${i}]: no words`);
    const words = alt(g.words);
    const joinable = alt([...g.words, ...(g.tails ?? [])]);
    const verbs = g.verbs?.length ? `(?<!(?:${alt(g.verbs)})[^的，,、]{0,8})` : '';
    const before = g.before?.length ? `|${verbs}(?:${alt(g.before)})` : '';
    return `(?:^|的${before})(?:${words})(?:(?:和|与|及|以及|、)(?:${joinable}))*$`;
  });
  return regexps([sources.map((x) => `(?:${x})`).join('|')], where)[0];
}

function loadReportKinds(text: DataSource): ReportKindsData {
  const raw = dataOf(text) as { sections: Record<SectionId, RawSection>; kinds: RawKind[]; genres?: RawGenre[]; default_kind: string };
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
      closings: regexps(s.closings, `report-kinds.yaml sections.${id}.closings`),
      heads: compileHeads(s.heads, `report-kinds.yaml sections.${id}.heads`),
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
  const genres = (raw.genres ?? []).map((g) => ({
    id: g.id,
    nameEn: g.name_en,
    title: regexps(g.title, `report-kinds.yaml genres.${g.id}.title`),
    unless: regexps(g.unless, `report-kinds.yaml genres.${g.id}.unless`),
    openings: regexps(g.openings, `report-kinds.yaml genres.${g.id}.openings`),
    bylines: regexps(g.bylines, `report-kinds.yaml genres.${g.id}.bylines`),
    bylinesUnless: regexps(g.bylines_unless, `report-kinds.yaml genres.${g.id}.bylines_unless`),
  }));
  return { sections, kinds, genres, defaultKind: raw.default_kind };
}

/** Report kinds and their sections (rules/data/report-kinds.yaml). */
export const reportKinds: ReportKindsData = loadReportKinds(reportKindsText);

/** One placeholder pattern of rules/data/placeholders.yaml. */
export interface PlaceholderPattern {
  id: string;
  pattern: RegExp;
  fix?: 'delete';
  /**
   * Tested alone, not inside the alternation of all patterns that settles most lines at once
   * (rules/wording/placeholder.ts): an alternation of many leading words.
   */
  alone?: true;
}

export interface PlaceholdersData {
  patterns: PlaceholderPattern[];
  /** Characters after which a lone `*` is a redaction of a name: `*村`. */
  nameSuffixes: string;
  /** Common surnames: one of them before 某 (王某某) anonymises a person. */
  surnames: string;
  /** Titles after which a surname-less 某某 is a person's name left open (某某同志). */
  mouTitles: readonly string[];
  /**
   * Nouns of a person after which a surname-less 某某 is a name left open (党员某某获评), and
   * titles of posts, put before a name as well as after (船长某某, 支部书记某某: `mou_posts`).
   */
  mouPersons: readonly string[];
  /** Two-character surnames (欧阳某某). */
  compoundSurnames: readonly string[];
  /** Words after which 某某同志 is anyone at all (称呼某某同志, 例如某某同志): no slot. */
  genericWords: readonly string[];
  /**
   * Function words of one character (的, 了, 和…) that end a phrase and are no surname in use:
   * 某某同志 right after one is a name's slot as after a word of two characters.
   */
  mouParticles: string;
  /**
   * Last characters of a body's name (站 of 农技站, 局, 所…): after Han text, one standing as a
   * word of one character before 某某同志 closes the body's name and is no surname.
   */
  mouUnits: string;
  /** Nouns that take a quoted name right before them (“某某”轮, “某某”服务队). */
  mouQuotedNouns: readonly string[];
  /** Markers a writer leaves in a draft for work still to do (TODO, FIXME, TBD): `{draft_markers}` in a pattern. */
  draftMarkers: readonly string[];
}

function loadPlaceholders(text: DataSource): PlaceholdersData {
  const raw = dataOf(text) as {
    patterns: { id: string; pattern: string; fix?: 'delete'; alone?: boolean }[];
    name_suffixes: string;
    surnames: string;
    mou_titles?: string[];
    mou_persons?: string[];
    mou_posts?: string[];
    compound_surnames?: string[];
    generic_words?: string[];
    mou_particles?: string;
    mou_units?: string;
    mou_quoted_nouns?: string[];
    draft_markers?: unknown;
  };
  const draftMarkers = wordList(raw.draft_markers, 'rules/data/placeholders.yaml', 'draft_markers');
  return {
    patterns: raw.patterns.map((p) => ({
      id: p.id,
      // `{surnames}` and `{name_suffixes}` in a pattern stand for those lists (inside a class),
      // `{draft_markers}` for an alternation of the markers (no group added).
      pattern: new RegExp(regexps([p.pattern.replaceAll('{surnames}', raw.surnames).replaceAll('{name_suffixes}', raw.name_suffixes).replaceAll('{draft_markers}', wordAlternation(draftMarkers))], `placeholders.yaml ${p.id}`)[0].source, 'gu'),
      ...(p.fix ? { fix: p.fix } : {}),
      ...(p.alone ? { alone: true as const } : {}),
    })),
    nameSuffixes: raw.name_suffixes,
    surnames: raw.surnames,
    mouTitles: raw.mou_titles ?? [],
    mouPersons: [...(raw.mou_persons ?? []), ...(raw.mou_posts ?? [])],
    compoundSurnames: raw.compound_surnames ?? [],
    genericWords: raw.generic_words ?? [],
    mouParticles: raw.mou_particles ?? '',
    mouUnits: raw.mou_units ?? '',
    mouQuotedNouns: raw.mou_quoted_nouns ?? [],
    draftMarkers,
  };
}

/** Placeholder patterns (rules/data/placeholders.yaml). */
export const placeholders: PlaceholdersData = loadPlaceholders(placeholdersText);
