/**
 * Hostile and unlucky input for the built CLI (issue #15), each case in a scratch folder
 * and run as a user runs it: `node dist/cli.js lint …`. Every case must end with a clear
 * message, the right exit status and no stack trace.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineTable } from '../../rules/model/lines';
import type { Finding } from '../../rules/types';
import { CHANGED_SINCE_READ, writeFileAtomic } from '../../server/cli/files';
import { escapeControls, formatStylish } from '../../server/cli/format-stylish';
import { run } from './helpers';
import { ROOT } from '../support/paths';

const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs the built CLI in `cwd` with a clean environment (Chinese messages). */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}, asNobody = false) {
  // As root, permission bits stop nothing: `setpriv` drops to nobody to see EACCES.
  const [command, prefix] = asNobody ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
  const result = spawnSync(command, [...prefix, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
  return result;
}

/** No JavaScript stack trace or Node banner in what a user sees. */
export function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+\(.*:\d+:\d+\)$/m, text.slice(0, 2000));
  assert.doesNotMatch(text, /Node\.js v\d+|RangeError|TypeError|Error: [A-Z]+:/, text.slice(0, 2000));
}

describe('cli: hostile input (issue #15)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-hostile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('deep nesting', () => {
    const cases: Record<string, string> = {
      "'>' × 5000": `一、工作情况\n${'>'.repeat(5000)} 党员共17名\n`,
      "'- ' × 4000": `一、工作情况\n${'- '.repeat(4000)}党员共17名\n`,
      "'- ' × 10000": `一、工作情况\n${'- '.repeat(10000)}党员共17名\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: linted like any report (exit 0 or 1, no crash)`, () => {
        writeFileSync(join(dir, 'deep.md'), text);
        const r = spawnCli(['lint', '--format', 'json', 'deep.md'], dir);
        assertNoStackTrace(r.stderr);
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
        const json = JSON.parse(r.stdout) as { filePath: string }[];
        assert.equal(json.length, 1);
      });
    }
  });

  describe('paths', () => {
    const REPORT = '一、工作情况\n党员共17名。\n';
    const asRoot = process.getuid?.() === 0;
    /** Root can still test permissions as nobody when `setpriv` (util-linux) is there. */
    const canDrop = asRoot && spawnSync('setpriv', ['--version']).status === 0;

    it('ENOTDIR, ELOOP and ENAMETOOLONG: the path and the error in words, exit 2, the other file still linted', () => {
      writeFileSync(join(dir, 'f.md'), REPORT);
      symlinkSync('loop.md', join(dir, 'loop.md'));
      const long = `${'长'.repeat(2000)}.md`;
      const r = spawnCli(['lint', '--format', 'json', 'f.md/x.md', 'loop.md', long, 'f.md'], dir);
      assertNoStackTrace(r.stderr);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^party-report: f\.md\/x\.md: 无法访问：路径中有一部分不是目录（ENOTDIR）$/m);
      assert.match(r.stderr, /^party-report: loop\.md: 无法访问：符号链接形成循环（ELOOP）$/m);
      assert.match(r.stderr, /^party-report: 长+…长+\.md: 无法访问：路径或文件名过长（ENAMETOOLONG）$/m);
      const json = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean }[] }[];
      const linted = json.find((f) => f.filePath === join(dir, 'f.md'));
      assert.ok(linted && !linted.messages.some((m) => m.fatal), 'f.md was linted');
      assert.equal(json.filter((f) => f.messages.some((m) => m.fatal)).length, 3);
    });

    it('speaks English about path errors under LANG=en_US.UTF-8', () => {
      writeFileSync(join(dir, 'f.md'), REPORT);
      const r = spawnCli(['lint', 'f.md/x.md'], dir, { LANG: 'en_US.UTF-8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^party-report: f\.md\/x\.md: cannot be accessed: a part of the path is not a directory \(ENOTDIR\)$/m);
    });

    it('a link to its own folder: each file linted once', () => {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs', 'a.md'), REPORT);
      symlinkSync('.', join(dir, 'docs', 'self'));
      symlinkSync('..', join(dir, 'docs', 'up'));
      const r = spawnCli(['lint', '--format', 'json', 'docs'], dir);
      assertNoStackTrace(r.stderr);
      const json = JSON.parse(r.stdout) as { filePath: string }[];
      assert.deepEqual(json.map((f) => f.filePath), [join(dir, 'docs', 'a.md')]);
    });

    it('two loop links and a glob over them: ends, each file once', () => {
      mkdirSync(join(dir, 'g'));
      writeFileSync(join(dir, 'g', 'a.md'), REPORT);
      symlinkSync('../g', join(dir, 'g', 'l1'));
      symlinkSync('../g', join(dir, 'g', 'l2'));
      symlinkSync('l1', join(dir, 'g', 'l3'));
      for (const args of [['g'], ['**/*.md']]) {
        const r = spawnCli(['lint', '--format', 'json', ...args], dir);
        assertNoStackTrace(r.stderr);
        const json = JSON.parse(r.stdout) as { filePath: string }[];
        assert.deepEqual(json.map((f) => f.filePath), [join(dir, 'g', 'a.md')], args.join(' '));
      }
    });

    it('EACCES: a file inside an unsearchable folder and an unlistable folder are named', function () {
      // Root ignores permission bits: without setpriv to drop to nobody there is no EACCES to see.
      if (asRoot && !canDrop) this.skip();
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'closed'));
      writeFileSync(join(dir, 'closed', 'a.md'), REPORT);
      mkdirSync(join(dir, 'unlisted'));
      writeFileSync(join(dir, 'f.md'), REPORT);
      chmodSync(join(dir, 'closed'), 0o000);
      chmodSync(join(dir, 'unlisted'), 0o300); // writable and searchable, not readable
      try {
        chmodSync(join(dir, 'f.md'), 0o644);
        const r = spawnCli(['lint', 'closed/a.md', 'unlisted', 'f.md'], dir, {}, canDrop);
        assertNoStackTrace(r.stderr);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /closed\/a\.md: 无法访问：没有访问权限（EACCES）/);
        assert.match(r.stderr, /unlisted: 无法访问：没有访问权限（EACCES）/);
        assert.match(r.stdout, /^f\.md$/m);
      } finally {
        chmodSync(join(dir, 'closed'), 0o700);
        chmodSync(join(dir, 'unlisted'), 0o700);
      }
    });
  });

  describe('config files', () => {
    const REPORT = '一、工作情况\n党员共17名。\n';
    const bomb = () => {
      let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
      for (let i = 0; i < 9; i++) text += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]\n`;
      return text;
    };
    const cases: [string, (path: string) => void, RegExp][] = [
      ['a link to /dev/zero', (path) => symlinkSync('/dev/zero', path), /不是普通文件，未读取 \(not a regular file; not read\)/],
      ['a FIFO', (path) => execFileSync('mkfifo', [path]), /不是普通文件，未读取/],
      ['an alias bomb', (path) => writeFileSync(path, bomb()), /\.partyreportrc\.yaml:2: .*别名/],
      ['a file over the size cap', (path) => writeFileSync(path, `# ${'x'.repeat(300 * 1024)}\n`), /配置文件过大/],
      ['an option of the wrong type', (path) => writeFileSync(path, 'rules:\n  numbering-style: ["warning", {"allowSkipLevel": "yes"}]\n'), /\.partyreportrc\.yaml:2: 规则 numbering-style 的选项 allowSkipLevel 应为 boolean/],
    ];
    for (const [name, make, message] of cases) {
      it(`${name} as .partyreportrc.yaml: a message naming the file, exit 2, no hang`, () => {
        writeFileSync(join(dir, 'a.md'), REPORT);
        make(join(dir, '.partyreportrc.yaml'));
        const r = spawnCli(['lint', 'a.md'], dir);
        assertNoStackTrace(r.stderr);
        assert.equal(r.status, 2, r.stderr);
        assert.ok(r.stderr.includes(join(dir, '.partyreportrc.yaml')), r.stderr);
        assert.match(r.stderr, message);
      });
    }

    it('--config /dev/zero: refused at once', () => {
      writeFileSync(join(dir, 'a.md'), REPORT);
      const r = spawnCli(['lint', '--config', '/dev/zero', 'a.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^party-report: \/dev\/zero: 配置文件不是普通文件/m);
    });
  });

  describe('--fix that loses nothing', () => {
    /** A report with a fixable finding (a stray ” that opens a quotation). */
    const FIXABLE = readFileSync(join(ROOT, 'examples', '述职报告示例.md'), 'utf8');

    it('refuses a read-only file (mode and text kept), writes the others, says why in a summary, exit 2', () => {
      writeFileSync(join(dir, 'a.md'), FIXABLE);
      writeFileSync(join(dir, 'b.md'), FIXABLE);
      writeFileSync(join(dir, 'c.md'), FIXABLE);
      chmodSync(join(dir, 'b.md'), 0o444);
      const r = spawnCli(['lint', '--fix', '.'], dir);
      assertNoStackTrace(r.stderr);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), FIXABLE);
      assert.equal(statSync(join(dir, 'b.md')).mode & 0o777, 0o444);
      assert.notEqual(readFileSync(join(dir, 'a.md'), 'utf8'), FIXABLE);
      assert.notEqual(readFileSync(join(dir, 'c.md'), 'utf8'), FIXABLE, 'the file after the refused one is still fixed');
      assert.match(r.stderr, /^party-report: b\.md: 文件只读，未写回修复$/m);
      assert.match(r.stderr, /^party-report: --fix：写回 2 个文件，跳过 1 个（只读 1 个）$/m);
    });

    it('does not write through a link out of the folder given, unless --follow-symlinks', () => {
      mkdirSync(join(dir, 'tree'));
      mkdirSync(join(dir, 'outside'));
      writeFileSync(join(dir, 'outside', 'target.md'), FIXABLE);
      symlinkSync(join(dir, 'outside', 'target.md'), join(dir, 'tree', 'link.md'));
      let r = spawnCli(['lint', '--fix', 'tree'], dir, { LANG: 'en_US.UTF-8' });
      assert.equal(r.status, 2);
      assert.equal(readFileSync(join(dir, 'outside', 'target.md'), 'utf8'), FIXABLE);
      assert.match(r.stderr, /tree\/link\.md: is a link out of the tree given \(.*outside\/target\.md\); the fixes were not written \(add --follow-symlinks/);
      assert.match(r.stderr, /^party-report: --fix: wrote 0 files, skipped 1 \(link out of the tree 1\)$/m);
      r = spawnCli(['lint', '--fix', '--follow-symlinks', 'tree'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.notEqual(readFileSync(join(dir, 'outside', 'target.md'), 'utf8'), FIXABLE);
      assert.match(r.stderr, /写回 1 个文件/);
    });

    it('an absolute glob: its fixed folders are the tree, so its files are written', () => {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs', 'a.md'), FIXABLE);
      const r = spawnCli(['lint', '--fix', `${join(dir, 'docs')}/*.md`], ROOT);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.notEqual(readFileSync(join(dir, 'docs', 'a.md'), 'utf8'), FIXABLE);
      assert.match(r.stderr, /写回 1 个文件/);
    });

    it('a file given outright through a link beside it is written (its folder is the tree)', () => {
      writeFileSync(join(dir, 'target.md'), FIXABLE);
      symlinkSync('target.md', join(dir, 'link.md'));
      const r = spawnCli(['lint', '--fix', 'link.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.notEqual(readFileSync(join(dir, 'target.md'), 'utf8'), FIXABLE);
    });

    it('writeFileAtomic leaves a file that changed after it was read, and no temp file', () => {
      const file = join(dir, 'a.md');
      writeFileSync(file, '读取时的内容');
      const read = Buffer.from('读取时的内容');
      writeFileSync(file, '用户刚保存的内容');
      assert.throws(() => writeFileAtomic(file, '修复后的内容', false, read), { code: CHANGED_SINCE_READ });
      assert.equal(readFileSync(file, 'utf8'), '用户刚保存的内容');
      assert.deepEqual(readdirSync(dir), ['a.md']);
      writeFileAtomic(file, '修复后的内容', false, Buffer.from('用户刚保存的内容'));
      assert.equal(readFileSync(file, 'utf8'), '修复后的内容');
    });
  });

  describe('safe output', () => {
    it('stylish prints 150,000 findings of one file (no spread of every row into Math.max)', () => {
      const text = '党'.repeat(150_000);
      const findings: Finding[] = Array.from({ length: 150_000 }, (_, i) => ({
        ruleId: 'duplicate-char',
        severity: 'warning',
        message: `第 ${i} 处`,
        start: i,
        end: i + 1,
      }));
      const out = formatStylish([{ filePath: join(dir, 'big.md'), findings, lines: new LineTable(text) }], {
        locale: 'zh-CN',
        color: false,
        cwd: dir,
        showFixable: true,
      });
      assert.match(out, /^✖ 150000 个问题（0 个错误，150000 个警告）$/m);
      assert.match(out, /^ {2}1:150000 {2}警告 {2}第 149999 处 +duplicate-char$/m);
    });

    it('control characters of a report and of a file name reach the terminal escaped', () => {
      const name = 'a\u001b[2J.md';
      writeFileSync(join(dir, name), '一、工作\u001b]0;pwned\u0007情况\u009b31m\u202e\n');
      const r = run(['lint', name], { cwd: dir });
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(r.stdout + r.stderr), JSON.stringify(r.stdout));
      assert.match(r.stdout, /^a\\x1B\[2J\.md$/m);
      assert.ok(r.stdout.includes('一、工作\\x1B]0;pwned\\x07情况\\x9B31m\\u{202E}'), r.stdout);
      assert.equal(escapeControls('党员\t17名'), '党员\\x0917名');
    });
  });
});
