/**
 * Report templates (报告模板), parsed and checked once from rules/data/templates.yaml
 * (bundled as text by esbuild): the standard structure of each report kind, read by
 * completion, the section-inserting code action and commands, and the static snippets.
 *
 * Template text is parsed here into `Piece`s (literal text and tab stops); rendering to a
 * snippet or to plain text is rules/authoring/render.ts. The loader throws on a mistake,
 * naming the file and template, so a bad edit fails the build and the tests instead of
 * reaching a writer.
 */
import { type DataSource, dataOf } from './yaml-data';
import type { Localized } from '../types';
import { reportKinds, SECTION_IDS, type SectionId } from './index';
import templatesText from './templates.yaml';

/** The snippet variable for the current year, the one variable a placeholder may name. */
export const YEAR_VARIABLE = 'CURRENT_YEAR';

/**
 * A tab stop. `choices` holds its default first (one entry for a plain placeholder, several
 * for a choice of conventional wordings). A named tab stop (`{{@unit}}`) carries its name:
 * every occurrence of one name in a template is one tab stop. `variable` marks a default
 * that is the current year.
 */
export interface Slot {
  choices: readonly string[];
  name?: string;
  variable?: typeof YEAR_VARIABLE;
}

/** Literal text, or a tab stop. */
export type Piece = string | Slot;

/** A parsed template string: `'关于{{@task}}的汇报'` → `['关于', {…}, '的汇报']`. */
export type TemplateText = readonly Piece[];

/** A （一） subsection: its title and its body (a paragraph or 一是… items). */
export interface TemplateSubsection {
  /** The default title, offered as a tab stop. */
  title: string;
  body: TemplateText | null;
  items: readonly TemplateText[];
}

/** A top-level section (一、) of a template. */
export interface TemplateSection {
  /** The required section of rules/data/report-kinds.yaml it stands for. */
  part: SectionId;
  /** Its usual titles, the default first; each is recognised as `part` by the model. */
  titles: readonly string[];
  lead: TemplateText | null;
  subsections: readonly TemplateSubsection[];
  /** 一是、二是… lines (the numbers are added when rendering). */
  items: readonly TemplateText[];
  close: TemplateText | null;
}

export interface ReportTemplate {
  /** A stable ASCII id (`duty-report`): request parameters and snippet names use it. */
  id: string;
  /** The Chinese name shown to writers: 党组织书记抓基层党建工作述职报告. */
  name: string;
  nameEn: string;
  /** The report kind of rules/data/report-kinds.yaml this template writes. */
  kind: string;
  /** An ASCII snippet prefix (pinyin), beside the Chinese name. */
  prefix: string;
  description: Localized;
  /** Among templates of one kind, the one whose pattern finds the report's title wins. */
  match: readonly RegExp[];
  title: TemplateText;
  preamble: TemplateText;
  sections: readonly TemplateSection[];
}

export interface TemplatesData {
  templates: readonly ReportTemplate[];
}

const FILE = 'rules/data/templates.yaml';

interface RawSubsection {
  title?: unknown;
  body?: unknown;
  items?: unknown;
}
interface RawSection {
  part?: unknown;
  titles?: unknown;
  lead?: unknown;
  subsections?: unknown;
  items?: unknown;
  close?: unknown;
}
interface RawTemplate {
  id?: unknown;
  name?: unknown;
  name_en?: unknown;
  kind?: unknown;
  prefix?: unknown;
  description?: unknown;
  description_en?: unknown;
  match?: unknown;
  placeholders?: unknown;
  title?: unknown;
  preamble?: unknown;
  sections?: unknown;
}

function fail(where: string, what: string): never {
  throw new Error(`${FILE}: ${where}: ${what}`);
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'must be a non-empty string');
  return value;
}

function strList(value: unknown, where: string, allowEmpty = false): string[] {
  if (value === undefined || value === null) {
    if (allowEmpty) return [];
    fail(where, 'is missing');
  }
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    fail(where, 'must be a list of non-empty strings');
  }
  return value as string[];
}

function placeholderMap(value: unknown, where: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) fail(where, 'must be a mapping of names to default texts');
  const map: Record<string, string> = {};
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(where, `placeholder name ${JSON.stringify(name)} must be ASCII letters, digits or _`);
    map[name] = str(text, `${where}.${name}`);
  }
  return map;
}

/** Characters a literal, default or choice may not hold: they would break snippet syntax or the parse. */
const FORBIDDEN = /[{}\r\n]/;

/**
 * Parses one template string.
 *
 * @param placeholders the named placeholders in scope (template's over file's)
 * @throws Error naming `where` on unbalanced braces, an empty tab stop or choice, an
 *   unknown `{{@name}}`, or a line break
 */
export function parseTemplateText(source: string, placeholders: Record<string, string>, where: string): TemplateText {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    const literal = source.slice(at, open === -1 ? source.length : open);
    if (FORBIDDEN.test(literal)) fail(where, `stray brace or line break in ${JSON.stringify(source)}`);
    if (literal) pieces.push(literal);
    if (open === -1) break;
    const close = source.indexOf('}}', open + 2);
    if (close === -1) fail(where, `unclosed {{ in ${JSON.stringify(source)}`);
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('@')) {
      const name = inner.slice(1);
      const value = placeholders[name];
      if (value === undefined) fail(where, `unknown placeholder {{@${name}}} (define it under placeholders)`);
      pieces.push(value === `$${YEAR_VARIABLE}` ? { choices: [String(new Date().getFullYear())], name, variable: YEAR_VARIABLE } : { choices: [value], name });
    } else {
      const choices = inner.split('|');
      if (choices.some((c) => c.trim() === '' || FORBIDDEN.test(c))) fail(where, `empty or broken tab stop {{${inner}}}`);
      pieces.push({ choices });
    }
    at = close + 2;
  }
  if (pieces.length === 0) fail(where, 'is empty');
  return pieces;
}

function optionalText(value: unknown, placeholders: Record<string, string>, where: string): TemplateText | null {
  return value === undefined || value === null ? null : parseTemplateText(str(value, where), placeholders, where);
}

function textList(value: unknown, placeholders: Record<string, string>, where: string): TemplateText[] {
  return strList(value, where, true).map((s, i) => parseTemplateText(s, placeholders, `${where}[${i}]`));
}

function loadSection(raw: RawSection, placeholders: Record<string, string>, where: string): TemplateSection {
  const part = str(raw.part, `${where}.part`);
  if (!SECTION_IDS.includes(part as SectionId)) fail(`${where}.part`, `must be one of ${SECTION_IDS.join(', ')} (report-kinds.yaml sections)`);
  const titles = strList(raw.titles, `${where}.titles`);
  for (const t of titles) if (FORBIDDEN.test(t) || /[|,\\$]/.test(t)) fail(`${where}.titles`, `title ${JSON.stringify(t)} holds a brace, | , \\ or $`);
  if (raw.subsections !== undefined && !Array.isArray(raw.subsections)) fail(`${where}.subsections`, 'must be a list');
  const subsections = ((raw.subsections as RawSubsection[] | undefined) ?? []).map((s, i) => {
    const at = `${where}.subsections[${i}]`;
    const title = str(s.title, `${at}.title`);
    if (FORBIDDEN.test(title) || /[|,\\$]/.test(title)) fail(`${at}.title`, 'holds a brace, | , \\ or $');
    const body = optionalText(s.body, placeholders, `${at}.body`);
    const items = textList(s.items, placeholders, `${at}.items`);
    if (!body && items.length === 0) fail(at, 'needs a body or items (an empty subsection is what empty-section reports)');
    return { title, body, items };
  });
  const section: TemplateSection = {
    part: part as SectionId,
    titles,
    lead: optionalText(raw.lead, placeholders, `${where}.lead`),
    subsections,
    items: textList(raw.items, placeholders, `${where}.items`),
    close: optionalText(raw.close, placeholders, `${where}.close`),
  };
  if (!section.lead && section.subsections.length === 0 && section.items.length === 0 && !section.close) {
    fail(where, 'has no body (lead, subsections, items or close)');
  }
  return section;
}

/**
 * Parses and checks the templates data.
 *
 * @param source the YAML text of rules/data/templates.yaml
 * @throws Error naming the file and template when a field is missing or malformed, an id
 *   repeats, a template names a kind report-kinds.yaml does not define, a section names an
 *   unknown part, or a template's sections do not hold, in the conventional order (work,
 *   problems, plans), every section its kind requires
 */
export function loadTemplates(source: DataSource): TemplatesData {
  const raw = dataOf(source) as { placeholders?: unknown; templates?: RawTemplate[] } | null;
  if (!raw || !Array.isArray(raw.templates) || raw.templates.length === 0) throw new Error(`${FILE}: "templates" must be a non-empty list`);
  const shared = placeholderMap(raw.placeholders, 'placeholders');
  const seen = new Set<string>();
  const templates = raw.templates.map((t, i): ReportTemplate => {
    const id = str(t.id, `templates[${i}].id`);
    const where = `template "${id}"`;
    if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(where, 'id must be lower-case ASCII words joined by -');
    if (seen.has(id)) fail(where, 'appears twice');
    seen.add(id);
    const kind = str(t.kind, `${where}.kind`);
    const spec = reportKinds.kinds.find((k) => k.id === kind);
    if (!spec) fail(`${where}.kind`, `"${kind}" is not a kind of rules/data/report-kinds.yaml`);
    const placeholders = { ...shared, ...placeholderMap(t.placeholders, `${where}.placeholders`) };
    if (!Array.isArray(t.sections) || t.sections.length === 0) fail(`${where}.sections`, 'must be a non-empty list');
    const sections = (t.sections as RawSection[]).map((s, j) => loadSection(s, placeholders, `${where}.sections[${j}]`));
    const order = sections.map((s) => SECTION_IDS.indexOf(s.part));
    if (order.some((o, j) => j > 0 && o < order[j - 1])) fail(`${where}.sections`, `parts out of the conventional order ${SECTION_IDS.join(' < ')}`);
    const missing = spec.requires.filter((p) => !sections.some((s) => s.part === p));
    if (missing.length) fail(`${where}.sections`, `kind ${kind} requires ${missing.join(', ')} (report-kinds.yaml), which the template lacks`);
    const prefix = str(t.prefix, `${where}.prefix`);
    if (!/^[a-z]+$/.test(prefix)) fail(`${where}.prefix`, 'must be lower-case ASCII letters');
    return {
      id,
      name: str(t.name, `${where}.name`),
      nameEn: str(t.name_en, `${where}.name_en`),
      kind,
      prefix,
      description: { 'zh-CN': str(t.description, `${where}.description`), en: str(t.description_en, `${where}.description_en`) },
      match: strList(t.match, `${where}.match`, true).map((p) => {
        try {
          return new RegExp(p, 'u');
        } catch (error) {
          return fail(`${where}.match`, `bad pattern ${JSON.stringify(p)}: ${(error as Error).message}`);
        }
      }),
      title: parseTemplateText(str(t.title, `${where}.title`), placeholders, `${where}.title`),
      preamble: parseTemplateText(str(t.preamble, `${where}.preamble`), placeholders, `${where}.preamble`),
      sections,
    };
  });
  return { templates };
}

/** The report templates (rules/data/templates.yaml). */
export const templates: TemplatesData = loadTemplates(templatesText);
