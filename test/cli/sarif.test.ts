/**
 * `--format sarif`: the output validates against the SARIF 2.1.0 JSON schema (the OASIS
 * schema as shipped in @microsoft/jest-sarif, draft-04, read with ajv-draft-04), and says
 * what code-scanning dashboards need: rules with help links, levels, UTF-16 columns,
 * fixes, fingerprints that survive lines added above a finding.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../rules/index';
import { run, tempDir } from './helpers';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only the u flag rejects.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
/** The schema's verdict (without narrowing the log's type, as ajv's type guard would). */
const isValidSarif = (data: unknown): boolean => validate(data);

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is read as plain JSON here */
type Json = any;

const REPORT = [
  '某村党支部2024年党建工作总结',
  '一、主要工作',
  '组织党员学习XX次，开展“三会一课”、“主题党日”活动。',
  '全村共有党员30名，其中男党员18名、女党员10名。',
  '二、存在的问题',
  '学习不够深入。',
  '三、下一步打算',
  '继续加强学习。',
  '',
].join('\n');

function sarifOf(files: Record<string, string>, extra: string[] = []): { code: number; log: Json; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = run(['lint', '--format', 'sarif', ...extra, ...Object.keys(files)], { cwd: dir });
  return { code: r.code, log: JSON.parse(r.stdout), dir, cleanup };
}

describe('cli: sarif output', () => {
  it('validates against the SARIF 2.1.0 schema, findings, fixes and an unreadable file included', () => {
    const { code, log, cleanup } = sarifOf({ 'report.md': REPORT, 'binary.md': '\u0000\u0001\u0002' });
    try {
      assert.equal(code, 2);
      assert.ok(isValidSarif(log), JSON.stringify(validate.errors, null, 2));
      assert.ok(log.runs[0].results.length >= 3);
    } finally {
      cleanup();
    }
  });

  it('describes every rule once, with its help page, level and both languages', () => {
    const { log, cleanup } = sarifOf({ 'report.md': REPORT });
    try {
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'party-report');
      assert.deepEqual(driver.rules.map((r: Json) => r.id), rules.map((r) => r.id));
      const placeholder = driver.rules.find((r: Json) => r.id === 'placeholder');
      assert.match(placeholder.helpUri, /docs\/rules\/placeholder\.md$/);
      assert.equal(placeholder.defaultConfiguration.level, 'warning');
      assert.equal(placeholder.shortDescription.text, rules.find((r) => r.id === 'placeholder')!.meta.description['zh-CN']);
      assert.ok(placeholder.properties.descriptions.en.length > 0);
      for (const result of log.runs[0].results) {
        assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      }
    } finally {
      cleanup();
    }
  });

  it('states UTF-16 columns for the run, and counts an astral character as two', () => {
    const { log, cleanup } = sarifOf({ 'astral.md': '第一行\n𠀀XX村\n' });
    try {
      const run0 = log.runs[0];
      assert.equal(run0.columnKind, 'utf16CodeUnits');
      const result = run0.results.find((r: Json) => r.ruleId === 'placeholder');
      const { region, artifactLocation } = result.locations[0].physicalLocation;
      assert.deepEqual([region.startLine, region.startColumn, region.endLine, region.endColumn], [2, 3, 2, 5]);
      assert.deepEqual([region.charOffset, region.charLength], [6, 2]);
      assert.deepEqual(artifactLocation, { uri: 'astral.md', uriBaseId: '%SRCROOT%' });
      assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    } finally {
      cleanup();
    }
  });

  it('carries a fix as a SARIF fix replacing the finding’s region', () => {
    const { log, cleanup } = sarifOf({ 'report.md': REPORT });
    try {
      const result = log.runs[0].results.find((r: Json) => r.ruleId === 'quoted-series-separator');
      assert.ok(result, 'a quoted-series-separator finding');
      const replacement = result.fixes[0].artifactChanges[0].replacements[0];
      const { charOffset, charLength } = replacement.deletedRegion;
      assert.equal(REPORT.slice(charOffset, charOffset + charLength), '、');
      assert.equal(replacement.insertedContent.text, '');
    } finally {
      cleanup();
    }
  });

  it('keeps fingerprints when lines are added above, and tells equal findings apart', () => {
    const twice = REPORT.replace('学习不够深入。', '学习XX不够深入，XX。');
    const before = sarifOf({ 'report.md': twice });
    const after = sarifOf({ 'report.md': `前言一行\n\n${twice}` });
    try {
      const prints = (log: Json) =>
        log.runs[0].results.filter((r: Json) => r.ruleId === 'placeholder').map((r: Json) => r.partialFingerprints['partyReport/v1']);
      const a = prints(before.log);
      assert.ok(a.length >= 3);
      assert.equal(new Set(a).size, a.length, 'each finding its own fingerprint');
      assert.deepEqual(prints(after.log), a);
    } finally {
      before.cleanup();
      after.cleanup();
    }
  });

  it('reports a file it could not read as a failed execution, not a result', () => {
    const { log, cleanup } = sarifOf({ 'binary.md': '\u0000\u0001\u0002' });
    try {
      const invocation = log.runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'binary.md');
      assert.deepEqual(log.runs[0].results, []);
    } finally {
      cleanup();
    }
  });

  it('speaks English with --locale en, and says so in the run', () => {
    const { log, cleanup } = sarifOf({ 'report.md': REPORT }, ['--locale', 'en']);
    try {
      assert.equal(log.runs[0].language, 'en');
      const placeholder = log.runs[0].tool.driver.rules.find((r: Json) => r.id === 'placeholder');
      assert.equal(placeholder.shortDescription.text, rules.find((r) => r.id === 'placeholder')!.meta.description.en);
    } finally {
      cleanup();
    }
  });
});
