/**
 * `party-report mcp`: the checks served to AI agents over the Model Context Protocol
 * (stdio transport, the official TypeScript SDK), so an agent that drafts a report can
 * lint, fix and start one the way a writer does in VS Code.
 *
 * Tools (each answers with JSON text and the same object as `structuredContent`):
 * - `lint`: `{ text | path, reportKind?, locale? }` → findings with rule ids, 1-based lines
 *   and UTF-16 columns, messages, fixes (`range` = 0-based UTF-16 offsets);
 * - `fix`: `{ text, reportKind?, locale? }` → the fixed text and the findings that remain;
 * - `template`: `{ kind }` (a template id or its Chinese name or kind) → the skeleton;
 * - `explain_rule`: `{ ruleId }` → the rule's documentation page (docs/rules/<id>.md).
 *
 * Bundled apart (dist/mcp.js) and loaded only by this command, so `lint` does not pay
 * for the SDK at start-up. A path is read like the CLI reads one (size cap, encodings) and
 * takes its folder's `.partyreportrc.*`; an error is a tool result with `isError`, never a
 * crash of the server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { renderSkeleton } from '../rules/authoring/render';
import { templates } from '../rules/data/templates';
import { type Config, ConfigError } from '../rules/engine/config';
import { lint, lintAndFix, type LintResult } from '../rules/engine/lint';
import { rules } from '../rules/index';
import type { Locale } from '../rules/types';
import pkg from '../package.json' with { type: 'json' };
import { readTextFile } from './cli/files';
import { type JsonMessage, toJsonMessage } from './cli/format-json';
import { describeReadProblem } from './cli/text';
import { configsFor } from './config-files';
import { ruleDocUrl } from './rule-docs';

/** One finding as the tools return it: the CLI's JSON message (server/cli/format-json.ts). */
export type McpFinding = JsonMessage;

const LOCALE = z.enum(['zh-CN', 'en']).optional().describe('Language of the messages (default zh-CN)');
const KIND = z.string().optional().describe('Report kind (报告类型), e.g. 述职报告 or 工作总结; inferred from the text when absent');

/**
 * Builds the MCP server with its four tools (not yet connected).
 *
 * @param cwd folder that relative `path` arguments are resolved against
 */
export function createMcpServer(cwd: string): McpServer {
  const server = new McpServer({ name: 'party-report', version: pkg.version });

  server.registerTool(
    'lint',
    {
      title: '检查报告 / Lint a report',
      description:
        'Checks a Party-building report draft (Markdown) for required sections, GB/T 9704 numbering, numbers that must agree, canonical formulations and punctuation. Give `text`, or `path` to a .md/.txt file.',
      inputSchema: { text: z.string().optional(), path: z.string().optional(), reportKind: KIND, locale: LOCALE },
    },
    async ({ text, path, reportKind, locale }) =>
      answer(() => {
        const source = sourceOf(text, path, cwd, locale ?? 'zh-CN');
        const result = lint(source.text, { configs: withKind(source.configs, reportKind), locale: locale ?? 'zh-CN' });
        return { path: source.path, findings: findingsOf(result) };
      }),
  );

  server.registerTool(
    'fix',
    {
      title: '自动修复 / Fix a report',
      description: 'Applies every safe automatic fix to a report draft and returns the fixed text and the findings that remain (which need a person).',
      inputSchema: { text: z.string(), reportKind: KIND, locale: LOCALE },
    },
    async ({ text, reportKind, locale }) =>
      answer(() => {
        const fixed = lintAndFix(text, { configs: withKind([], reportKind), locale: locale ?? 'zh-CN' });
        return { output: fixed.output, changed: fixed.changed, remaining: findingsOf(fixed) };
      }),
  );

  server.registerTool(
    'template',
    {
      title: '报告模板 / Report skeleton',
      description: `The standard structure of a report kind, as Markdown to fill in. Kinds: ${templates.templates.map((t) => `${t.id} (${t.name})`).join(', ')}.`,
      inputSchema: { kind: z.string().describe('A template id, its Chinese name or its report kind') },
    },
    async ({ kind }) =>
      answer(() => {
        const template = templates.templates.find((t) => t.id === kind || t.name === kind || t.kind === kind || t.nameEn === kind);
        if (!template) throw new ToolError(`unknown report kind "${kind}"; known: ${templates.templates.map((t) => t.id).join(', ')}`);
        return { id: template.id, name: template.name, kind: template.kind, text: renderSkeleton(template, { mode: 'plain' }).text };
      }),
  );

  server.registerTool(
    'explain_rule',
    {
      title: '规则说明 / Explain a rule',
      description: 'The documentation of one rule: what it checks, the standard behind it, examples and options.',
      inputSchema: { ruleId: z.string().describe(`One of: ${rules.map((r) => r.id).join(', ')}`) },
    },
    async ({ ruleId }) =>
      answer(() => {
        const rule = rules.find((r) => r.id === ruleId);
        if (!rule) throw new ToolError(`unknown rule "${ruleId}"`);
        const page = docsPage(rule.id);
        return {
          ruleId: rule.id,
          family: rule.meta.family,
          severity: rule.meta.severity,
          fixable: rule.meta.fixable,
          description: rule.meta.description,
          url: ruleDocUrl(rule.id),
          documentation: page ?? rule.meta.description['zh-CN'],
        };
      }),
  );
  return server;
}

/** Serves the tools on stdin/stdout until the client closes the stream. */
export async function serveMcp(cwd: string = process.cwd()): Promise<void> {
  const server = createMcpServer(cwd);
  await server.connect(new StdioServerTransport());
}

/** An error the tool reports to the agent as its result (`isError`), in words. */
class ToolError extends Error {}

async function answer(work: () => Record<string, unknown>) {
  try {
    const value = work();
    return { content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }], structuredContent: value };
  } catch (error) {
    const message = error instanceof ToolError || error instanceof ConfigError ? error.message : `internal error: ${String(error)}`;
    return { content: [{ type: 'text' as const, text: message }], isError: true };
  }
}

function sourceOf(text: string | undefined, path: string | undefined, cwd: string, locale: Locale): { text: string; path?: string; configs: Config[] } {
  if ((text === undefined) === (path === undefined)) throw new ToolError('give exactly one of `text` or `path`');
  if (text !== undefined) return { text, configs: [] };
  const full = resolve(cwd, path!);
  const read = readTextFile(full);
  if (!read.ok) throw new ToolError(`${full}: ${describeReadProblem(read.kind, locale, read.detail)}`);
  return { text: read.text, path: full, configs: configsFor(full) };
}

function withKind(configs: readonly Config[], reportKind: string | undefined): Config[] {
  return reportKind ? [...configs, { reportKind }] : [...configs];
}

function findingsOf(result: LintResult): McpFinding[] {
  return result.findings.map((f) => toJsonMessage(result.report.lines, f));
}

/** docs/rules/<id>.md beside the installed package (dist/ is one level down), if present. */
function docsPage(ruleId: string): string | null {
  // __dirname is the bundle's folder (dist/); the CommonJS bundle is the only way this runs.
  if (typeof __dirname !== 'string') return null;
  for (const base of [join(__dirname, '..'), join(__dirname, '..', '..')]) {
    const file = join(base, 'docs', 'rules', `${ruleId}.md`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return null;
}
