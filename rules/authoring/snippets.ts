/**
 * The static VS Code snippets (`contributes.snippets`, dist/snippets.json): every report
 * template's skeleton, and each required section of the default template with its number
 * as a choice. scripts/build.mjs writes them from the same data and renderer as the
 * server's completion, so they agree, and they work where the server is off.
 */
import { reportKinds, SECTION_IDS } from '../data/index';
import { templates } from '../data/templates';
import { renderSection, renderSkeleton } from './render';

/** One entry of a VS Code snippets file. */
export interface VscodeSnippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** How many top-level numbers a section snippet offers (一 … 六). */
const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'];

/**
 * The snippets, keyed by their name (shown in VS Code's snippet picker). The year is the
 * `CURRENT_YEAR` variable, resolved by VS Code when the snippet is inserted.
 *
 * @returns a JSON-serialisable object in the format of a VS Code snippets file
 */
export function vscodeSnippets(): Record<string, VscodeSnippet> {
  const snippets: Record<string, VscodeSnippet> = {};
  for (const t of templates.templates) {
    snippets[`报告模板：${t.name}`] = {
      prefix: [t.name, t.prefix],
      body: renderSkeleton(t, { mode: 'snippet', yearVariable: true }).text.replace(/\n$/, '').split('\n'),
      description: `${t.description['zh-CN']} / ${t.description.en}`,
    };
  }
  const base = templates.templates.find((t) => t.kind === reportKinds.defaultKind) ?? templates.templates[0];
  for (const part of SECTION_IDS) {
    const section = base.sections.find((s) => s.part === part);
    if (!section) continue;
    const spec = reportKinds.sections[part];
    const number = `\${1|${SECTION_NUMBERS.join(',')}|}、`;
    const body = number + renderSection(section, { marker: '', level: 1 }, { mode: 'snippet', yearVariable: true, firstTabStop: 2 }).text;
    snippets[`报告章节：${spec.name}`] = {
      prefix: [spec.name, `section-${part}`],
      body: body.split('\n'),
      description: `${spec.name}（${base.name}）/ ${spec.nameEn}`,
    };
  }
  return snippets;
}
