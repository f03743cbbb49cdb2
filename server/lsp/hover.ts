/**
 * Hover on a heading or the title: what the model made of it — the heading's level
 * (GB/T 9704-2012 7.3.3) with the four levels' markers (`一、` › `（一）` › `1.` › `（1）`) and,
 * for a number written in a non-standard form, the standard one; the required part it
 * stands for; and the report kind with where that kind came from. Over the number itself
 * the hover's range is the number. Lets a writer see why a structure rule says what it says.
 * Elsewhere, hover lists the checks that passed at that place (a total that adds up), so
 * the writer sees what was verified; failed checks are diagnostics, which VS Code already
 * shows in the same hover.
 */
import { reportKinds } from '../../rules/data/index';
import type { ReportOutline, Section } from '../../rules/model/report';
import type { KindSource } from '../../rules/model/report';
import { LEVEL_SHAPES, type MarkerLevel } from '../../rules/model/markers';
import type { Check, Locale } from '../../rules/types';

/** What a hover shows and where: `[start, end)` in UTF-16 offsets, `markdown` its text. */
export interface HoverContent {
  start: number;
  end: number;
  markdown: string;
}

/** The names of the four structural levels (GB/T 9704-2012 7.3.3), for hover and completion. */
export const LEVEL_NAMES: Record<Locale, Record<MarkerLevel, string>> = {
  'zh-CN': { 1: '一级标题', 2: '二级标题', 3: '三级标题', 4: '四级标题' },
  en: { 1: 'Level 1 heading', 2: 'Level 2 heading', 3: 'Level 3 heading', 4: 'Level 4 heading' },
};

const KIND_SOURCES: Record<Locale, Record<KindSource, string>> = {
  'zh-CN': {
    config: '配置中的 reportKind',
    frontmatter: 'front matter 中的“报告类型”',
    title: '标题',
    preamble: '开头段落',
    default: '未能识别，按默认类型',
  },
  en: {
    config: 'reportKind in the config',
    frontmatter: 'the front matter’s 报告类型',
    title: 'the title',
    preamble: 'the opening paragraph',
    default: 'not recognised; the default kind',
  },
};

/**
 * Document text made inert in hover Markdown: a backslash before every character that
 * could open a construct inline (emphasis, code, links and images, HTML, entities,
 * strikethrough), line breaks and control characters as spaces. Without it a report's
 * `[text](command:…)` would be a link in the hover, its `<img>` HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\`*_[\]<>&~|]/g, '\\$&');
}

function kindLine(report: ReportOutline, locale: Locale): string {
  const { kind } = report;
  const spec = reportKinds.kinds.find((k) => k.id === kind.id) ?? reportKinds.genres.find((g) => g.id === kind.id);
  const source = KIND_SOURCES[locale][kind.source];
  return locale === 'zh-CN'
    ? `报告类型：${escapeMarkdown(kind.id)}（依据：${source}）`
    : `Report kind: ${escapeMarkdown(spec?.nameEn ?? kind.id)} (from ${source})`;
}

function sectionLines(report: ReportOutline, section: Section, locale: Locale): string[] {
  const lines: string[] = [];
  const marker = section.heading.marker;
  if (marker) {
    const shape = LEVEL_SHAPES[marker.level];
    lines.push(
      locale === 'zh-CN'
        ? `**${LEVEL_NAMES[locale][marker.level]}**（\`${shape}\`，GB/T 9704—2012 7.3.3）`
        : `**${LEVEL_NAMES[locale][marker.level]}** (\`${shape}\`, GB/T 9704-2012 7.3.3)`,
    );
    // The four levels in order, this one in bold: where the writer is in the hierarchy.
    const levels = ([1, 2, 3, 4] as const).map((l) => (l === marker.level ? `**\`${LEVEL_SHAPES[l]}\`**` : `\`${LEVEL_SHAPES[l]}\``)).join(' › ');
    lines.push(locale === 'zh-CN' ? `结构层次序数：${levels}` : `Structural levels: ${levels}`);
    if (!marker.standard) {
      lines.push(
        locale === 'zh-CN'
          ? `此处写作“${escapeMarkdown(marker.text)}”，规范写法为“${escapeMarkdown(marker.canonical)}”`
          : `Written "${escapeMarkdown(marker.text)}"; the standard form is "${escapeMarkdown(marker.canonical)}"`,
      );
    }
  }
  for (const part of report.parts) {
    if (part.via !== 'heading' || part.section !== section.index) continue;
    const spec = reportKinds.sections[part.id];
    lines.push(locale === 'zh-CN' ? `报告部分：${spec.name}` : `Report part: ${spec.nameEn} (${spec.name})`);
  }
  return lines;
}

/**
 * The hover at `offset` (UTF-16): a heading's or the title's model facts, plus the passed
 * `checks` whose range holds the offset. Null when there is nothing to say there.
 *
 * @param checks the lint result's checks (passed and failed; only passed ones are shown)
 */
export function hoverAt(report: ReportOutline, checks: readonly Check[], offset: number, locale: Locale): HoverContent | null {
  let found: HoverContent | null = null;
  const section = report.sections.find((s) => offset >= s.heading.start && offset <= s.heading.end);
  const title = report.title;
  if (section) {
    const lines = [...sectionLines(report, section, locale), kindLine(report, locale)];
    // On the number itself the hover is about the number: its range is the marker's.
    const marker = section.heading.marker;
    const [start, end] = marker && offset >= marker.start && offset <= marker.end ? [marker.start, marker.end] : [section.heading.start, section.heading.end];
    found = { start, end, markdown: lines.join('\n\n') };
  } else if (title && offset >= title.start && offset <= title.end) {
    found = { start: title.start, end: title.end, markdown: kindLine(report, locale) };
  }
  const passed = checks.filter((c) => c.ok && offset >= c.start && offset < c.end);
  if (passed.length) {
    // Messages quote the document: escaped. Loops rather than a spread of every check.
    const lines = passed.map((c) => `✓ ${escapeMarkdown(c.message)} (\`${c.ruleId}\`)`);
    let start = passed[0].start;
    let end = passed[0].end;
    for (const c of passed) {
      start = Math.min(start, c.start);
      end = Math.max(end, c.end);
    }
    found = found
      ? { start: Math.min(found.start, start), end: Math.max(found.end, end), markdown: `${found.markdown}\n\n${lines.join('\n\n')}` }
      : { start, end, markdown: lines.join('\n\n') };
  }
  return found;
}
