/**
 * The command line run in-process through main(argv, io): output formats, exit codes,
 * file problems, config, --fix and locale (design.md, "The command line").
 */
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { itShared, ROOT, SEEDS } from '../support/paths';
import { EXAMPLES, type JsonFile, run, runJson, tempDir } from './helpers';

const DUTY = join(EXAMPLES, '述职报告示例.md');
const SUMMARY = join(EXAMPLES, '工作总结示例.md');
const CLEAN = join(EXAMPLES, 'clean-report.md');
const SEED_002 = join(SEEDS, '002_a6f31e7c84c24bc8.txt');
const SEED_004 = join(SEEDS, '004_21a9a8910d8ea9fd.txt');

function fileOf(json: JsonFile[], path: string): JsonFile {
  const file = json.find((f) => f.filePath === path);
  assert.ok(file, `no result for ${path} in ${json.map((f) => f.filePath).join(', ')}`);
  return file;
}

function ruleIds(file: JsonFile): string[] {
  return [...new Set(file.messages.map((m) => m.ruleId))].sort() as string[];
}

describe('cli: usage', () => {
  it('--help prints usage on stdout and exits 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /party-report lint/);
    assert.match(r.stdout, /--format stylish\|json/);
    assert.equal(r.stderr, '');
    assert.match(run(['lint', '-h'], { env: { LANG: 'en_US.UTF-8' } }).stdout, /^Usage: party-report lint/);
  });

  it('--version prints the package version', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  for (const [argv, pattern] of [
    [[], /缺少命令/],
    [['lint'], /没有指定要检查的文件/],
    [['check', 'x.md'], /未知命令 “check”/],
    [['lint', '--fxi', 'x.md'], /--fxi/],
    [['lint', '--format', 'xml', 'x.md'], /未知的输出格式 “xml”/],
    [['lint', '--config'], /--config/],
    [['lint', '--locale=en', '--bogus', 'x.md'], /bad arguments: .*--bogus/],
  ] as [string[], RegExp][]) {
    it(`exits 2 with a message for: ${argv.join(' ') || '(nothing)'}`, () => {
      const r = run(argv);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
      assert.match(r.stderr, /party-report --help/);
    });
  }
});

describe('cli: stylish output', () => {
  it('prints each file, its findings as line:col severity message rule, and a summary', () => {
    const r = run(['lint', 'examples']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    // Paths relative to the working folder, sorted; the clean report is not listed at all.
    const headers = lines.filter((l) => l.startsWith('examples'));
    assert.deepEqual(headers, ['examples/工作总结示例.md', 'examples/述职报告示例.md']);
    assert.ok(!r.stdout.includes('clean-report'));
    const rows = lines.filter((l) => /^\s+\d+:\d+\s/.test(l));
    assert.ok(rows.length >= 10, r.stdout);
    for (const row of rows) assert.match(row, /^ {2,}\d+:\d+ {2}(错误|警告|信息|提示) {2,}\S.* {2}[a-z-]+$/);
    // The stray ” in 村”两委” on line 7 of the 述职报告 (column 6: "一是配强村" is 5 characters).
    assert.ok(rows.some((r) => /^\s+7:6\s+错误\s+.*quote-pairing$/.test(r)), r.stdout);
    const summary = lines.find((l) => l.startsWith('✖'));
    const errors = rows.filter((l) => /^\s+\d+:\d+ {2}错误 /.test(l)).length;
    const warnings = rows.filter((l) => /^\s+\d+:\d+ {2}警告 /.test(l)).length;
    assert.equal(summary, `✖ ${rows.length} 个问题（${errors} 个错误，${warnings} 个警告）`);
    assert.match(r.stdout, /其中 \d+ 个问题可以用 --fix 自动修复/);
  });

  it('shows related places under a finding', () => {
    const r = run(['lint', 'examples/工作总结示例.md']);
    // The gap 二、→四、 points back at 二、 on line 19.
    assert.match(r.stdout, /27:4 {2}错误 .*numbering-sequence\n\s+↳ 19:4 {2}上一个序号“二、”/);
  });

  it('prints nothing for a clean report and exits 0', () => {
    const r = run(['lint', 'examples/clean-report.md']);
    assert.deepEqual(r, { code: 0, stdout: '', stderr: '' });
  });

  it('colours only for a terminal without NO_COLOR', () => {
    assert.ok(!run(['lint', SUMMARY]).stdout.includes('\u001b['));
    assert.ok(run(['lint', SUMMARY], { tty: true }).stdout.includes('\u001b[31m'));
    assert.ok(!run(['lint', SUMMARY], { tty: true, env: { NO_COLOR: '1' } }).stdout.includes('\u001b['));
    assert.ok(run(['lint', SUMMARY], { env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b['));
  });

  it('--quiet shows errors only (the exit code still counts them)', () => {
    const r = run(['lint', '--quiet', 'examples']);
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('警告  '), r.stdout);
    assert.match(r.stdout, /个问题（\d+ 个错误，0 个警告）/);
  });

  itShared('lints the seeds: the 004 quote error is shown at line 9', () => {
    const r = run(['lint', SEEDS]);
    assert.equal(r.code, 1, r.stderr);
    // Outside the working folder, paths are absolute.
    assert.ok(r.stdout.includes(`${SEED_004}\n`));
    assert.match(r.stdout, /\n\s+9:\d+ {2}错误 .*quote-pairing\n/);
  });
});

describe('cli: json output', () => {
  it('prints one array in the ESLint shape with LSP severity names', () => {
    const r = runJson([SUMMARY, CLEAN]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.deepEqual(
      r.json.map((f) => f.filePath),
      [CLEAN, SUMMARY].sort(),
    );
    const clean = fileOf(r.json, CLEAN);
    assert.deepEqual(clean, { filePath: CLEAN, messages: [], errorCount: 0, warningCount: 0, errorRate: { characters: 700, weightedErrors: 0, perTenThousand: 0 } });
    const summary = fileOf(r.json, SUMMARY);
    for (const m of summary.messages) {
      assert.deepEqual(
        Object.keys(m).filter((k) => !['fix', 'relatedInformation'].includes(k)),
        ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'],
      );
      assert.ok(['error', 'warning', 'information', 'hint'].includes(m.severity));
      assert.ok(m.line >= 1 && m.column >= 1);
      assert.ok(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column));
    }
    assert.equal(summary.errorCount, summary.messages.filter((m) => m.severity === 'error').length);
    assert.equal(summary.warningCount, summary.messages.filter((m) => m.severity === 'warning').length);
    for (const id of ['numbering-sequence', 'numbering-style', 'placeholder', 'quote-pairing']) {
      assert.ok(ruleIds(summary).includes(id), `${id} in ${ruleIds(summary).join(', ')}`);
    }
  });

  it('gives fix ranges as 0-based UTF-16 offsets into the file', () => {
    const text = readFileSync(SUMMARY, 'utf8');
    const style = fileOf(runJson([SUMMARY]).json, SUMMARY).messages.filter((m) => m.ruleId === 'numbering-style');
    assert.ok(style.length >= 2);
    for (const m of style) {
      assert.ok(m.fix);
      const [start, end] = m.fix.range;
      const lineStart = text.split('\n').slice(0, m.line - 1).join('\n').length + (m.line > 1 ? 1 : 0);
      assert.equal(start, lineStart + m.column - 1);
      // What the fix replaces is the non-standard marker itself: "(二)" or "1、".
      assert.match(text.slice(start, end), /^(\(二\)|\d、)$/);
    }
  });

  it('includes related places with their own line and column', () => {
    const gap = fileOf(runJson([SUMMARY]).json, SUMMARY).messages.find((m) => m.ruleId === 'numbering-sequence');
    assert.ok(gap?.relatedInformation, 'numbering-sequence should link the previous number');
    assert.deepEqual(
      gap.relatedInformation.map(({ line, column }) => ({ line, column })),
      [{ line: 19, column: 4 }],
    );
    assert.equal(typeof gap.relatedInformation[0].message, 'string');
  });

  it('counts columns in UTF-16 code units (an astral character counts two)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'astral.md');
      writeFileSync(file, '第一行\n𠀀XX村\n');
      const placeholder = fileOf(runJson([file]).json, file).messages.find((m) => m.ruleId === 'placeholder');
      assert.deepEqual(
        placeholder && [placeholder.line, placeholder.column, placeholder.endLine, placeholder.endColumn],
        [2, 3, 2, 5],
      );
    } finally {
      cleanup();
    }
  });

  itShared('seed 004: a quote-pairing error at line 9; seed 002: no placeholder finding', () => {
    const r = runJson([SEED_002, SEED_004]);
    const seed004 = fileOf(r.json, SEED_004);
    const quote = seed004.messages.filter((m) => m.ruleId === 'quote-pairing');
    assert.ok(quote.some((m) => m.line === 9 && m.severity === 'error'), JSON.stringify(quote));
    assert.ok(seed004.errorCount >= 1);
    assert.equal(r.code, 1);
    const seed002 = fileOf(r.json, SEED_002);
    assert.deepEqual(
      seed002.messages.filter((m) => m.ruleId === 'placeholder'),
      [],
    );
  });

  itShared('lints all five seeds without a rule failing', () => {
    const r = runJson([SEEDS]);
    assert.equal(r.json.length, 5);
    assert.equal(r.stderr, '');
    assert.ok(r.json.every((f) => f.messages.every((m) => !m.fatal)));
  });
});

describe('cli: paths', () => {
  it('expands directories to *.md, *.markdown and *.txt, skipping node_modules and dot folders', () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const sub of ['a', 'a/b', 'node_modules/pkg', '.git', '.hidden']) mkdirSync(join(dir, sub), { recursive: true });
      const lintable = ['a/one.md', 'a/b/two.markdown', 'three.txt', 'FOUR.MD'];
      for (const f of [...lintable, 'a/notes.rtf', 'node_modules/pkg/README.md', '.git/x.md', '.hidden/y.md']) {
        writeFileSync(join(dir, f), '正文。\n');
      }
      const r = runJson([dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        r.json.map((f) => f.filePath),
        lintable.map((f) => join(dir, f)).sort(),
      );
    } finally {
      cleanup();
    }
  });

  it('expands globs relative to the working folder, deduplicates and sorts', () => {
    const r = runJson(['examples/*.md', 'examples/clean-report.md', 'examples', '**/examples/clean-*.md']);
    assert.deepEqual(
      r.json.map((f) => f.filePath),
      [CLEAN, SUMMARY, DUTY].sort(),
    );
    assert.equal(r.stderr, '');
  });

  it('lints a file named outright whatever its extension', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, '草稿.docx.txt.bak');
      writeFileSync(file, '请XX同志补充。\n');
      const r = runJson([file]);
      assert.deepEqual(ruleIds(fileOf(r.json, file)), ['placeholder']);
    } finally {
      cleanup();
    }
  });

  it('a missing path: the other files are still linted, exit 2, the path named on stderr', () => {
    const r = run(['lint', 'examples/没有这个文件.md', 'examples/工作总结示例.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^party-report: examples\/没有这个文件\.md: 找不到这个文件或目录$/m);
    assert.match(r.stdout, /examples\/工作总结示例\.md\n/);
    assert.match(r.stdout, /✖ \d+ 个问题/);
  });

  it('a glob that matches nothing is reported and exits 2', () => {
    const r = run(['lint', 'examples/*.rst', CLEAN]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /examples\/\*\.rst: 没有匹配的 \*\.md、\*\.markdown、\*\.txt 或 \*\.docx 文件/);
  });
});

describe('cli: files that cannot be read', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('a GBK file: named on stderr as not UTF-8, others still linted, exit 2', () => {
    const gbk = join(dir, 'gbk.md');
    // 你好，XX村 in GBK: a real-looking draft saved by an old editor.
    writeFileSync(gbk, Buffer.concat([Buffer.from('c4e3bac3a3ac', 'hex'), Buffer.from('XX'), Buffer.from('b4e5', 'hex')]));
    copyFileSync(SUMMARY, join(dir, 'ok.md'));
    const r = run(['lint', dir], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^party-report: gbk\.md: 不是 UTF-8 编码（可能是 GBK）/m);
    assert.match(r.stdout, /^ok\.md$/m);
    assert.ok(!r.stdout.includes('gbk.md'));
    const en = run(['lint', '--locale', 'en', gbk], { cwd: dir });
    assert.match(en.stderr, /gbk\.md: not UTF-8 \(GBK\?\)/);
  });

  it('a binary file is refused', () => {
    const bin = join(dir, 'image.md');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = run(['lint', bin], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /image\.md: 是二进制文件/);
  });

  it('a UTF-16 file is refused with its encoding named', () => {
    const file = join(dir, 'utf16.md');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、工作情况\n', 'utf16le')]));
    const r = run(['lint', file], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /utf16\.md: 是 UTF-16 编码/);
  });

  it('an unreadable file is refused', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    const file = join(dir, 'secret.md');
    writeFileSync(file, '正文\n');
    chmodSync(file, 0o000);
    const r = run(['lint', file], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /secret\.md: 无法读取：没有访问权限（EACCES）/);
  });

  it('json: a file that could not be read appears with a fatal message, as ESLint reports a parse failure', () => {
    // Choice: ESLint's way. The file is in the array with one message
    // { ruleId: null, fatal: true, severity: 'error', message } and errorCount 1 (no line:
    // there is no text to point into); the same message goes to stderr.
    const gbk = join(dir, 'gbk.md');
    writeFileSync(gbk, Buffer.from('c4e3bac3', 'hex'));
    const missing = join(dir, 'missing.md');
    const r = runJson([gbk, missing, CLEAN]);
    assert.equal(r.code, 2);
    assert.deepEqual(fileOf(r.json, gbk), {
      filePath: gbk,
      messages: [{ ruleId: null, fatal: true, severity: 'error', message: '不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8' }],
      errorCount: 1,
      warningCount: 0,
    });
    assert.equal(fileOf(r.json, missing).messages[0].fatal, true);
    assert.deepEqual(fileOf(r.json, CLEAN).messages, []);
    assert.match(r.stderr, /gbk\.md/);
    assert.match(r.stderr, /missing\.md/);
  });

  it('an empty file has no findings', () => {
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '');
    const r = runJson([empty]);
    assert.equal(r.code, 0);
    assert.deepEqual(fileOf(r.json, empty).messages, []);
  });

  it('a UTF-8 BOM is not part of the text: positions are as without it', () => {
    const plain = join(dir, 'plain.md');
    const bom = join(dir, 'bom.md');
    writeFileSync(plain, '第一行\n请XX补充\n');
    writeFileSync(bom, '\uFEFF第一行\n请XX补充\n');
    const r = runJson([plain, bom]);
    const strip = (f: JsonFile) => f.messages;
    assert.deepEqual(strip(fileOf(r.json, bom)), strip(fileOf(r.json, plain)));
    assert.equal(fileOf(r.json, bom).messages.find((m) => m.ruleId === 'placeholder')?.column, 2);
  });
});

describe('cli: config', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('--config with broken YAML exits 2 naming the file, and lints nothing', () => {
    const config = join(dir, 'broken.yaml');
    writeFileSync(config, 'rules:\n  placeholder: [off\n');
    const r = run(['lint', '--config', config, SUMMARY]);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(config), r.stderr);
    assert.equal(r.stdout, '');
  });

  it('--config with a missing file exits 2 naming it', () => {
    const r = run(['lint', '--config', join(dir, 'nope.yaml'), SUMMARY]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.yaml: 无法读取配置文件/);
  });

  it('--config with an unknown rule exits 2 naming the rule', () => {
    const config = join(dir, 'typo.json');
    writeFileSync(config, '{"rules": {"placeholders": "off"}}');
    const r = run(['lint', '-c', config, SUMMARY]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /typo\.json.*placeholders/);
  });

  it('--config turning a rule off removes its findings', () => {
    const config = join(dir, 'quiet.yaml');
    writeFileSync(config, 'rules:\n  placeholder: off\n  quote-pairing: warning\n');
    const before = fileOf(runJson([DUTY]).json, DUTY);
    assert.ok(before.messages.some((m) => m.ruleId === 'placeholder'));
    const r = runJson(['--config', config, DUTY]);
    const after = fileOf(r.json, DUTY);
    assert.ok(!after.messages.some((m) => m.ruleId === 'placeholder'));
    assert.ok(after.messages.filter((m) => m.ruleId === 'quote-pairing').every((m) => m.severity === 'warning'));
    // The exit code follows the configured severities, not the defaults.
    assert.ok(before.errorCount > after.errorCount);
    assert.equal(r.code, after.errorCount > 0 ? 1 : 0);
  });

  it('honours the project dictionary of the nearest .partyreportrc: accepted words quiet, project variants reported and fixed', () => {
    const report = ['# 某中学党总支2024年党建工作总结', '', '一、主要工作', '青年教师陈了了牵头“不忘初心、牢记师命”师德宣讲。', '会议通过了了全年计划，围绕“不忘初心、牢记师名”开展学习。', ''].join('\n');
    mkdirSync(join(dir, 'school'));
    writeFileSync(join(dir, 'school', 'a.md'), report);
    writeFileSync(join(dir, 'b.md'), report);
    writeFileSync(
      join(dir, 'school', '.partyreportrc.yaml'),
      '# 项目词典\naccept: [陈了了]\nslogans:\n  - canonical: 不忘初心、牢记师命\n    source: 某中学师德建设实施方案（2024年）\n    variants: [不忘初心、牢记师名]\n',
    );
    const r = runJson([dir]);
    const lines = (file: JsonFile, rule: string) => file.messages.filter((m) => m.ruleId === rule).map((m) => m.line);
    const school = fileOf(r.json, join(dir, 'school', 'a.md'));
    const plain = fileOf(r.json, join(dir, 'b.md'));
    // 陈了了 is accepted; the 了了 of line 5 is not covered by it.
    assert.deepEqual(lines(school, 'duplicate-char'), [5]);
    assert.deepEqual(lines(plain, 'duplicate-char'), [4, 5]);
    // 牢记师命 is the school's own wording; 牢记师名 its listed misspelling.
    assert.deepEqual(lines(school, 'slogan-canonical'), [5]);
    assert.match(school.messages.find((m) => m.ruleId === 'slogan-canonical')!.message, /应为“不忘初心、牢记师命”（某中学/);
    assert.deepEqual(lines(plain, 'slogan-canonical'), [4]);
    assert.equal(run(['lint', '--fix', join(dir, 'school', 'a.md')]).code !== 2, true);
    assert.match(readFileSync(join(dir, 'school', 'a.md'), 'utf8'), /围绕“不忘初心、牢记师命”开展学习/);
  });

  it("each file's nearest .partyreportrc applies to it alone", () => {
    mkdirSync(join(dir, 'relaxed'));
    writeFileSync(join(dir, 'relaxed', '.partyreportrc.yml'), 'rules:\n  placeholder: false\n');
    copyFileSync(DUTY, join(dir, 'relaxed', 'a.md'));
    copyFileSync(DUTY, join(dir, 'b.md'));
    const r = runJson([dir]);
    assert.ok(!fileOf(r.json, join(dir, 'relaxed', 'a.md')).messages.some((m) => m.ruleId === 'placeholder'));
    assert.ok(fileOf(r.json, join(dir, 'b.md')).messages.some((m) => m.ruleId === 'placeholder'));
  });

  it('a broken .partyreportrc: its files are not linted, others are, exit 2, one message', () => {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', '.partyreportrc.json'), '{"rules": {');
    copyFileSync(DUTY, join(dir, 'bad', 'a.md'));
    copyFileSync(DUTY, join(dir, 'bad', 'b.md'));
    copyFileSync(DUTY, join(dir, 'ok.md'));
    const r = runJson([dir]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n').filter((l) => l.includes('.partyreportrc.json')).length, 1, r.stderr);
    assert.equal(fileOf(r.json, join(dir, 'bad', 'a.md')).messages[0].fatal, true);
    assert.ok(fileOf(r.json, join(dir, 'ok.md')).messages.length > 0);
  });
});

describe('cli: --fix', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('rewrites the file atomically, then a second run finds nothing fixable', () => {
    const file = join(dir, '述职.md');
    copyFileSync(DUTY, file);
    chmodSync(file, 0o640);
    const original = readFileSync(file, 'utf8');
    const inode = statSync(file).ino;
    const r = run(['lint', '--fix', file], { cwd: dir });
    const fixed = readFileSync(file, 'utf8');
    assert.notEqual(fixed, original);
    assert.ok(fixed.includes('村“两委”'), 'the stray ” quotes are turned into “');
    assert.ok(!fixed.includes('##paidbegin##'));
    // Written to a temp file and renamed over the original: a new inode, the same mode,
    // and no temp file left behind.
    assert.notEqual(statSync(file).ino, inode);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['述职.md']);
    // What remains is printed; no "--fix" hint after fixing.
    assert.match(r.stdout, /required-sections/);
    assert.ok(!r.stdout.includes('quote-pairing'));
    assert.ok(!r.stdout.includes('--fix'));
    const remainingErrors = fileOf(runJson([file]).json, file).errorCount;
    assert.equal(r.code, remainingErrors > 0 ? 1 : 0);

    const again = runJson([file]);
    assert.deepEqual(
      fileOf(again.json, file).messages.filter((m) => m.fix),
      [],
    );
    const third = run(['lint', '--fix', file], { cwd: dir });
    assert.equal(readFileSync(file, 'utf8'), fixed);
    assert.equal(third.stdout, r.stdout);
  });

  it('leaves a file with nothing to fix untouched (same inode)', () => {
    const file = join(dir, 'clean.md');
    copyFileSync(CLEAN, file);
    const inode = statSync(file).ino;
    const r = run(['lint', '--fix', file]);
    assert.equal(r.code, 0);
    assert.equal(statSync(file).ino, inode);
    assert.equal(readFileSync(file, 'utf8'), readFileSync(CLEAN, 'utf8'));
  });

  it('keeps a UTF-8 BOM and CRLF line ends', () => {
    const file = join(dir, 'bom.md');
    const text = readFileSync(SUMMARY, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, `\uFEFF${text}`);
    run(['lint', '--fix', file]);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const fixed = bytes.subarray(3).toString('utf8');
    assert.ok(fixed.includes('### （二）强化队伍建设'));
    assert.ok(fixed.includes('\r\n1.理论学习'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line still ends with CRLF');
  });

  it('never touches files that could not be read', () => {
    const gbk = join(dir, 'gbk.md');
    const bytes = Buffer.concat([Buffer.from('(二)', 'ascii'), Buffer.from('c4e3bac3', 'hex')]);
    writeFileSync(gbk, bytes);
    const r = run(['lint', '--fix', gbk]);
    assert.equal(r.code, 2);
    assert.deepEqual(readFileSync(gbk), bytes);
  });

  it('writes through a symbolic link to its target, keeping the link', function () {
    const target = join(dir, 'target.md');
    const link = join(dir, 'link.md');
    copyFileSync(SUMMARY, target);
    try {
      symlinkSync(target, link);
    } catch {
      this.skip();
    }
    run(['lint', '--fix', link]);
    assert.ok(readFileSync(target, 'utf8').includes('（二）强化队伍建设'));
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(link, 'utf8'), readFileSync(target, 'utf8'));
  });

  it('json after --fix reports what remains, with offsets into the fixed text', () => {
    const file = join(dir, 'summary.md');
    copyFileSync(SUMMARY, file);
    const r = runJson(['--fix', file]);
    const fixed = readFileSync(file, 'utf8');
    const remaining = fileOf(r.json, file).messages;
    assert.ok(!remaining.some((m) => m.ruleId === 'numbering-style'));
    const quote = remaining.find((m) => m.ruleId === 'quote-pairing');
    assert.ok(quote);
    assert.equal(fixed.split('\n')[quote.line - 1][quote.column - 1], '“');
    assert.equal(r.code, 1);
  });
});

describe('cli: locale', () => {
  const en = /Placeholder|placeholder "/;
  it('--locale en gives English messages and summary', () => {
    const r = run(['lint', '--locale', 'en', DUTY]);
    assert.match(r.stdout, en);
    assert.match(r.stdout, /\d+:\d+ {2}(error|warning) /);
    assert.match(r.stdout, /^✖ \d+ problems \(\d+ errors?, \d+ warnings?\)$/m);
    assert.ok(!/[警错]告?  /.test(r.stdout));
  });

  it('follows LC_ALL, then LC_MESSAGES, then LANG; C or unset means Chinese', () => {
    assert.match(run(['lint', DUTY], { env: { LANG: 'en_US.UTF-8' } }).stdout, en);
    assert.match(run(['lint', DUTY], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } }).stdout, /占位符/);
    assert.match(run(['lint', DUTY], { env: { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB' } }).stdout, en);
    assert.match(run(['lint', DUTY], { env: { LANG: 'C' } }).stdout, /占位符/);
    assert.match(run(['lint', DUTY]).stdout, /占位符/);
    assert.match(run(['lint', '--locale', 'zh-CN', DUTY], { env: { LANG: 'en_US' } }).stdout, /占位符/);
  });

  it('json messages follow the locale too', () => {
    const r = runJson(['--locale', 'en', DUTY]);
    assert.ok(fileOf(r.json, DUTY).messages.every((m) => !/[\u4e00-\u9fff]{4}/.test(m.message.replace(/\([^)]*\)|“[^”]*”|"[^"]*"/g, ''))));
  });
});

describe('cli: exit codes', () => {
  it('0 without error findings, 1 with, 2 for trouble even when there are errors too', () => {
    assert.equal(run(['lint', CLEAN]).code, 0);
    const { dir, cleanup } = tempDir();
    try {
      const warningsOnly = join(dir, 'draft.md');
      writeFileSync(warningsOnly, '请XX同志补充。\n');
      const r = run(['lint', warningsOnly]);
      assert.match(r.stdout, /警告/);
      assert.equal(r.code, 0, 'warnings alone do not fail');
    } finally {
      cleanup();
    }
    assert.equal(run(['lint', SUMMARY]).code, 1);
    assert.equal(run(['lint', SUMMARY, 'no-such.md']).code, 2);
  });

  it('runs from the project root with relative paths', () => {
    assert.equal(run(['lint', 'examples/clean-report.md'], { cwd: ROOT }).code, 0);
  });
});
