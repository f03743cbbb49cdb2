/**
 * `party-report mcp`: the built CLI serving MCP over stdio, driven by the official SDK's
 * own client (as an agent's host would start it), tool by tool.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ROOT } from '../support/paths';
import { tempDir } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

const DRAFT = [
  '某村党支部2024年党建工作总结',
  '一、主要工作',
  '组织党员学习XX次，开展“三会一课”、“主题党日”活动。',
  '二、存在的问题',
  '学习不够深入。',
  '三、下一步工作计划',
  '继续加强学习。',
  '',
].join('\n');

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

describe('cli: party-report mcp (Model Context Protocol over stdio)', function () {
  let client: Client;
  const { dir, cleanup } = tempDir();

  before(async () => {
    client = new Client({ name: 'party-report-test', version: '0.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: dir, stderr: 'pipe' }));
  });
  after(async () => {
    await client.close();
    cleanup();
  });

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

  it('lists the four tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['explain_rule', 'fix', 'lint', 'template']);
    for (const tool of tools) assert.equal(tool.inputSchema.type, 'object', tool.name);
  });

  it('lint: text → findings with rule ids, lines, UTF-16 columns, messages and fixes', async () => {
    const result = await call('lint', { text: DRAFT });
    assert.ok(!result.isError);
    const findings = (result.structuredContent as { findings: { ruleId: string; line: number; column: number; fix?: { range: [number, number]; text: string } }[] }).findings;
    const placeholder = findings.find((f) => f.ruleId === 'placeholder');
    assert.deepEqual(placeholder && [placeholder.line, placeholder.column], [3, 7]);
    const separator = findings.find((f) => f.ruleId === 'quoted-series-separator');
    assert.ok(separator?.fix);
    assert.equal(DRAFT.slice(...separator.fix.range), '、');
    assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
  });

  it('lint: a path relative to the server’s folder, with English messages on request', async () => {
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    const result = await call('lint', { path: 'draft.md', locale: 'en' });
    const content = result.structuredContent as { path: string; findings: { ruleId: string; message: string }[] };
    assert.equal(content.path, join(dir, 'draft.md'));
    assert.match(content.findings.find((f) => f.ruleId === 'placeholder')!.message, /[A-Za-z]/);
  });

  it('lint: a missing file or both text and path is an error result, and the server goes on', async () => {
    const missing = await call('lint', { path: 'nowhere.md' });
    assert.equal(missing.isError, true);
    assert.match(missing.content[0].text, /nowhere\.md/);
    const both = await call('lint', { text: DRAFT, path: 'draft.md' });
    assert.equal(both.isError, true);
    assert.ok(!(await call('lint', { text: DRAFT })).isError);
  });

  it('fix: the fixed text, and only findings without a fix remain', async () => {
    const result = await call('fix', { text: DRAFT });
    const content = result.structuredContent as { output: string; changed: boolean; remaining: { ruleId: string; fix?: unknown }[] };
    assert.equal(content.changed, true);
    assert.ok(content.output.includes('“三会一课”“主题党日”'));
    assert.ok(content.remaining.some((f) => f.ruleId === 'placeholder'));
    assert.ok(content.remaining.every((f) => !f.fix));
  });

  it('template: a report kind’s skeleton, which lints with no structure finding', async () => {
    const result = await call('template', { kind: '述职报告' });
    const text = (result.structuredContent as { text: string }).text;
    assert.match(text, /^二、.*问题/m);
    const lintResult = await call('lint', { text });
    const structure = (lintResult.structuredContent as { findings: { ruleId: string }[] }).findings.filter((f) =>
      ['required-sections', 'section-order', 'numbering-sequence', 'numbering-style'].includes(f.ruleId),
    );
    assert.deepEqual(structure, []);
    assert.equal((await call('template', { kind: '不存在' })).isError, true);
  });

  it('explain_rule: the rule’s docs page and link; an unknown id is an error result', async () => {
    const result = await call('explain_rule', { ruleId: 'quoted-series-separator' });
    const content = result.structuredContent as { documentation: string; url: string; fixable: boolean };
    assert.match(content.documentation, /^# quoted-series-separator/);
    assert.match(content.url, /docs\/rules\/quoted-series-separator\.md$/);
    assert.equal(content.fixable, true);
    assert.equal((await call('explain_rule', { ruleId: 'no-such-rule' })).isError, true);
  });
});
