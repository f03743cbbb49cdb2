/**
 * The built program on many files and on large ones (issues #14 and #15): the pool of worker
 * threads gives the same output as linting one file at a time, in path order; a file over
 * the time budget (`--timeout`) is reported as not fully checked, with exit 2, and the other
 * files are still linted; `--fix` through the pool writes, and refuses, as it does alone.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../support/paths';
import { type JsonFile, tempDir } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function spawnCli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.error, undefined);
  return result;
}

/** A report of about `bytes` bytes: the project's example report, repeated. */
function bigReport(bytes: number): string {
  const one = readFileSync(join(ROOT, 'examples', '述职报告示例.md'), 'utf8');
  return one.repeat(Math.ceil(bytes / Buffer.byteLength(one)));
}

describe('cli: many files on all cores, and the time budget per file', function () {
  this.timeout(180_000);

  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build (npm test does)`);
  });

  for (const format of ['json', 'stylish', 'sarif']) {
    it(`the pool's ${format} output, stderr and exit code are those of one file at a time`, () => {
      const pooled = spawnCli(['lint', '--format', format, '--jobs', '2', FIXTURES]);
      const alone = spawnCli(['lint', '--format', format, '--jobs', '1', FIXTURES]);
      assert.equal(pooled.status, alone.status);
      assert.equal(pooled.stderr, alone.stderr);
      assert.equal(pooled.stdout, alone.stdout);
      if (format === 'json') {
        const paths = (JSON.parse(pooled.stdout) as JsonFile[]).map((f) => f.filePath);
        assert.ok(paths.length > 50, `${paths.length} files`);
        assert.deepEqual(paths, [...paths].sort(), 'in path order');
      }
    });
  }

  it('a file over the budget is reported as not fully checked, exit 2; the other files are linted', () => {
    const { dir, cleanup } = tempDir();
    try {
      const small = '某镇2024年党建工作总结\n一、主要工作及成效\n全年开展集中学习12次。\n二，存在的问题\n';
      for (const name of ['a.md', 'b.md', 'y.md', 'z.md']) writeFileSync(join(dir, name), small);
      writeFileSync(join(dir, 'big.md'), bigReport(3_000_000));
      const r = spawnCli(['lint', '--format', 'json', '--timeout', '1', dir]);
      assert.equal(r.status, 2, r.stderr);
      const json = JSON.parse(r.stdout) as JsonFile[];
      assert.deepEqual(json.map((f) => f.filePath.slice(dir.length + 1)), ['a.md', 'b.md', 'big.md', 'y.md', 'z.md']);
      const big = json[2].messages;
      assert.equal(big.length, 1);
      assert.equal(big[0].fatal, true);
      assert.match(big[0].message, /检查超过时限 1 秒.*未完成检查.*--timeout/);
      for (const file of [json[0], json[1], json[3], json[4]]) {
        assert.ok(!file.messages.some((m) => m.fatal), `${file.filePath} was linted`);
        assert.ok(file.messages.some((m) => m.ruleId === 'numbering-style'), `${file.filePath} has its finding`);
      }
      assert.match(r.stderr, /big\.md: 检查超过时限/);
    } finally {
      cleanup();
    }
  });

  it('one large file alone runs in a worker under the budget too (in English with --locale en)', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'big.md'), bigReport(3_000_000));
      const r = spawnCli(['lint', '--locale', 'en', '--timeout', '1', join(dir, 'big.md')]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /big\.md: not fully checked: the analysis took over 1 s and was stopped; raise the budget with --timeout/);
    } finally {
      cleanup();
    }
  });

  it('--fix through the pool writes what fixing one file at a time writes, and still refuses a link out of the tree', () => {
    const { dir, cleanup } = tempDir();
    try {
      const source = readFileSync(join(FIXTURES, 'numbering-style', 'loose-top.md'), 'utf8');
      const fixed = readFileSync(join(FIXTURES, 'numbering-style', 'loose-top.fixed.md'), 'utf8');
      const tree = join(dir, 'tree');
      mkdirSync(tree);
      for (const name of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']) writeFileSync(join(tree, name), source);
      writeFileSync(join(dir, 'outside.md'), source);
      symlinkSync(join(dir, 'outside.md'), join(tree, 'link.md'));
      const r = spawnCli(['lint', '--fix', '--jobs', '2', tree]);
      assert.equal(r.status, 2, 'a file was not written');
      for (const name of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']) assert.equal(readFileSync(join(tree, name), 'utf8'), fixed, name);
      assert.equal(readFileSync(join(dir, 'outside.md'), 'utf8'), source, 'the file outside the tree is untouched');
      assert.match(r.stderr, /link\.md: 是指向检查范围以外/);
      assert.match(r.stderr, /--fix：写回 5 个文件，跳过 1 个/);
    } finally {
      cleanup();
    }
  });

  it('a folder of two files (the threads started early, then not used) is linted here, as one file at a time', () => {
    const { dir, cleanup } = tempDir();
    try {
      const report = readFileSync(join(ROOT, 'examples', '述职报告示例.md'), 'utf8');
      writeFileSync(join(dir, 'a.md'), report);
      writeFileSync(join(dir, 'b.md'), report.replace('一、', '二、'));
      const early = spawnCli(['lint', '--format', 'json', '--jobs', '2', dir]);
      const alone = spawnCli(['lint', '--format', 'json', '--jobs', '1', dir]);
      assert.equal(early.status, alone.status);
      assert.equal(early.stderr, alone.stderr);
      assert.equal(early.stdout, alone.stdout);
      assert.equal((JSON.parse(early.stdout) as JsonFile[]).length, 2);
    } finally {
      cleanup();
    }
  });

  it('refuses a bad --timeout or --jobs with exit 2', () => {
    for (const args of [['--timeout', 'soon'], ['--timeout', '-1'], ['--jobs', '0'], ['--jobs', '1.5']]) {
      const r = spawnCli(['lint', ...args, 'examples']);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, new RegExp(args[0]));
    }
  });
});
