/**
 * The error rate per 10,000 characters (万字差错率): its weights as data, its arithmetic, and
 * the CLI's use of it (stylish line, JSON, SARIF, --max-error-rate, --sort error-rate).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorRate, errorWeights, weightOf } from '../../rules/engine/error-rate';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';
import { run, tempDir } from './helpers';

// 36 characters of prose, one placeholder (a character error, 1) and one 顿号 between quoted
// items (a punctuation error, 0.5).
const DRAFT = '# 某村2024年工作总结\n\n组织党员学习XX次，开展“三会一课”、“主题党日”活动。\n';
const CLEAN = '# 某村2024年工作总结\n\n组织党员学习12次，开展“三会一课”“主题党日”活动。\n';

describe('error rate per 10,000 characters', () => {
  it('gives every rule a class, and the classes the weights of the issue (3, 2, 1, 0.5)', () => {
    assert.deepEqual(rules.map((r) => r.id).filter((id) => !(id in errorWeights.rules)), []);
    assert.deepEqual(
      Object.fromEntries(Object.entries(errorWeights.classes).map(([id, c]) => [id, c.weight])),
      { political: 3, knowledge: 2, character: 1, punctuation: 0.5 },
    );
    assert.equal(weightOf('slogan-canonical'), 3);
    assert.equal(weightOf('total-breakdown'), 2);
    assert.equal(weightOf('placeholder'), 1);
    assert.equal(weightOf('quote-pairing'), 0.5);
    assert.equal(weightOf('not-a-rule'), 0);
  });

  it('weighs error and warning findings, counts characters without spaces and Markdown marks outside prose', () => {
    const result = lint(DRAFT);
    const counted = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const rate = errorRate(result.report, result.findings);
    assert.equal(rate.characters, [...DRAFT.replace(/\s/g, '')].length);
    assert.equal(rate.weightedErrors, counted.reduce((sum, f) => sum + weightOf(f.ruleId), 0));
    assert.equal(rate.perTenThousand, Math.round((rate.weightedErrors / rate.characters) * 1e6) / 100);
    assert.ok(rate.weightedErrors >= 1.5);
  });

  it('does not count code, HTML comments or front matter, and counts an astral character once', () => {
    const result = lint('---\n报告类型: 工作总结\n---\n\n𠀀字\n\n<!-- 注释 -->\n\n```\ncode\n```\n');
    assert.equal(errorRate(result.report, []).characters, 2);
  });

  it('is 0 for an empty text', () => {
    assert.deepEqual(errorRate(lint('').report, []), { characters: 0, weightedErrors: 0, perTenThousand: 0 });
  });
});

describe('cli: error rate', () => {
  function inDir(files: Record<string, string>) {
    const t = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(t.dir, name), text);
    return t;
  }

  it('stylish: a line under each file with findings; json and sarif: the figures per file', () => {
    const { dir, cleanup } = inDir({ 'draft.md': DRAFT });
    try {
      const stylish = run(['lint', 'draft.md'], { cwd: dir });
      assert.match(stylish.stdout, /^draft\.md\n {2}万字差错率 \d+\.\d{2}（\d+ 字，加权差错 [\d.]+）\n/);
      const json = JSON.parse(run(['lint', '--format', 'json', 'draft.md'], { cwd: dir }).stdout);
      assert.ok(json[0].errorRate.perTenThousand > 0);
      const sarif = JSON.parse(run(['lint', '--format', 'sarif', 'draft.md'], { cwd: dir }).stdout);
      assert.deepEqual(sarif.runs[0].artifacts[0].properties.errorRate, json[0].errorRate);
      assert.match(run(['lint', '--locale', 'en', 'draft.md'], { cwd: dir }).stdout, /error rate \d+\.\d{2} per 10,000 characters/);
    } finally {
      cleanup();
    }
  });

  it('--max-error-rate: exit 1 above it, 0 at or under it, with only warnings', () => {
    const { dir, cleanup } = inDir({ 'draft.md': DRAFT });
    try {
      const json = JSON.parse(run(['lint', '--format', 'json', 'draft.md'], { cwd: dir }).stdout);
      const rate: number = json[0].errorRate.perTenThousand;
      assert.equal(json[0].errorCount, 0, 'the draft has warnings only');
      assert.equal(run(['lint', '--max-error-rate', String(rate - 1), 'draft.md'], { cwd: dir }).code, 1);
      assert.equal(run(['lint', '--max-error-rate', String(rate), 'draft.md'], { cwd: dir }).code, 0);
      assert.equal(run(['lint', 'draft.md'], { cwd: dir }).code, 0);
    } finally {
      cleanup();
    }
  });

  it('--sort error-rate: the worst report first; a bad value is a usage error', () => {
    const { dir, cleanup } = inDir({ 'a-clean.md': CLEAN, 'b-draft.md': DRAFT });
    try {
      const byPath = JSON.parse(run(['lint', '--format', 'json', 'a-clean.md', 'b-draft.md'], { cwd: dir }).stdout);
      assert.deepEqual(byPath.map((f: { filePath: string }) => f.filePath.slice(-10)), ['a-clean.md', 'b-draft.md']);
      const byRate = JSON.parse(run(['lint', '--format', 'json', '--sort', 'error-rate', 'a-clean.md', 'b-draft.md'], { cwd: dir }).stdout);
      assert.deepEqual(byRate.map((f: { filePath: string }) => f.filePath.slice(-10)), ['b-draft.md', 'a-clean.md']);
      assert.equal(run(['lint', '--sort', 'size', 'a-clean.md'], { cwd: dir }).code, 2);
      assert.equal(run(['lint', '--max-error-rate', 'high', 'a-clean.md'], { cwd: dir }).code, 2);
    } finally {
      cleanup();
    }
  });
});
