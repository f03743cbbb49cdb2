/**
 * The built program, spawned as a user or CI runs it: `node dist/cli.js lint …`
 * (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { itShared, ROOT, SEEDS } from '../support/paths';
import type { JsonFile } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function spawnCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A clean environment: no inherited LANG, NO_COLOR or FORCE_COLOR.
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  assert.equal(result.error, undefined);
  return result;
}

describe('cli: the built dist/cli.js', () => {
  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build (npm test does)`);
  });

  it('starts with a shebang so it works as the package bin', () => {
    assert.match(readFileSync(CLI, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node/);
  });

  it('--version prints the package version and exits 0', () => {
    const r = spawnCli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  itShared('lint --format json on the seeds: valid JSON on stdout, exit 1, seed 004 line 9 quote error', () => {
    const r = spawnCli(['lint', '--format', 'json', SEEDS]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout) as JsonFile[];
    assert.equal(json.length, 5);
    const seed004 = json.find((f) => f.filePath.endsWith('004_21a9a8910d8ea9fd.txt'));
    assert.ok(seed004?.messages.some((m) => m.ruleId === 'quote-pairing' && m.line === 9));
  });

  it('stylish on examples with a missing path: stdout has the findings, stderr the path, exit 2', () => {
    const r = spawnCli(['lint', 'examples', 'examples/missing.md']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /examples\/missing\.md: 找不到这个文件或目录/);
    assert.match(r.stdout, /^examples\/述职报告示例\.md$/m);
    assert.match(r.stdout, /^✖ \d+ 个问题（\d+ 个错误，\d+ 个警告）$/m);
    assert.ok(!r.stdout.includes('\u001b['), 'no colour when stdout is a pipe');
  });

  it('exits 0 on a clean report and speaks English under LANG=en_US.UTF-8', () => {
    assert.equal(spawnCli(['lint', 'examples/clean-report.md']).status, 0);
    const r = spawnCli(['lint', 'examples/述职报告示例.md'], { LANG: 'en_US.UTF-8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
  });

  it('exits 2 on bad usage', () => {
    const r = spawnCli(['lint', '--format', 'xml', 'examples']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /xml/);
  });
});
