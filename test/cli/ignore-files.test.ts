/** `.partyreportignore` in the CLI: what directories and globs expand to is filtered; a file named outright is not. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { IgnoreFiles } from '../../server/ignore-files';
import { run, runJson, tempDir } from './helpers';

/** A report with one placeholder finding, so a linted file always shows up in the JSON output. */
const REPORT = '# 2024年党支部工作总结\n\n一、主要工作\n\n会议由XX主持。\n';

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** The linted files of a JSON run, relative to `dir`, with `/` separators, sorted. */
function linted(dir: string, json: { filePath: string }[]): string[] {
  return json.map((f) => relative(dir, f.filePath).split('\\').join('/')).sort();
}

describe('cli: .partyreportignore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('leaves out an ignored folder and a glob, and keeps what a negation re-includes', () => {
    write(dir, {
      '.partyreportignore': '# drafts are not ready\ndrafts/\narchive/*.md\n!archive/keep.md\n',
      'a.md': REPORT,
      'drafts/b.md': REPORT,
      'archive/old.md': REPORT,
      'archive/keep.md': REPORT,
    });
    const result = runJson(['.'], { cwd: dir });
    assert.deepEqual(linted(dir, result.json), ['a.md', 'archive/keep.md']);
    assert.equal(result.stderr, '');
    const globbed = runJson(['**/*.md'], { cwd: dir });
    assert.deepEqual(linted(dir, globbed.json), ['a.md', 'archive/keep.md']);
  });

  it('reads nested ignore files, the deeper one having the last word', () => {
    write(dir, {
      '.partyreportignore': '*.md\n',
      'top.md': REPORT,
      'team/.partyreportignore': '!keep.md\n',
      'team/keep.md': REPORT,
      'team/other.md': REPORT,
      'team/sub/keep.md': REPORT,
    });
    // `keep.md` without a slash matches at any depth below team/, as in .gitignore.
    assert.deepEqual(linted(dir, runJson(['.'], { cwd: dir }).json), ['team/keep.md', 'team/sub/keep.md']);
  });

  it('cannot re-include a file inside an ignored folder, as git', () => {
    write(dir, {
      '.partyreportignore': 'drafts/\n!drafts/keep.md\n',
      'drafts/keep.md': REPORT,
      'drafts/.partyreportignore': '!keep.md\n',
      'ok.md': REPORT,
    });
    assert.deepEqual(linted(dir, runJson(['.'], { cwd: dir }).json), ['ok.md']);
  });

  it('lints an ignored file named on the command line, with a note on stderr', () => {
    write(dir, { '.partyreportignore': 'drafts/\n', 'drafts/b.md': REPORT });
    const result = runJson([join('drafts', 'b.md')], { cwd: dir });
    assert.deepEqual(linted(dir, result.json), ['drafts/b.md']);
    assert.equal(result.json[0].messages.length > 0, true);
    assert.match(result.stderr, /drafts[\\/]b\.md: .*\.partyreportignore/);
    const en = run(['lint', '--locale', 'en', join('drafts', 'b.md')], { cwd: dir });
    assert.match(en.stderr, /linted because it was named on the command line/);
  });

  it('says so when every matching file is ignored, without making it an error', () => {
    write(dir, { '.partyreportignore': '*.md\n', 'a.md': REPORT });
    const result = run(['lint', '--locale', 'en', '.'], { cwd: dir });
    assert.match(result.stderr, /every matching file is ignored by \.partyreportignore/);
    assert.equal(result.code, 0);
  });

  it('searches from the file upward, and no higher than the root it is given', () => {
    write(dir, { '.partyreportignore': 'ws/a.md\n', 'ws/a.md': REPORT, 'ws/.partyreportignore': 'b.md\n', 'ws/b.md': REPORT });
    const files = new IgnoreFiles();
    assert.equal(files.ignores(join(dir, 'ws', 'a.md'), dir), true);
    assert.equal(files.ignores(join(dir, 'ws', 'a.md'), join(dir, 'ws')), false);
    assert.equal(files.ignores(join(dir, 'ws', 'b.md'), join(dir, 'ws')), true);
    // A root that is not above the file: the search goes up to the file-system root.
    assert.equal(files.ignores(join(dir, 'ws', 'a.md'), join(dir, 'elsewhere')), true);
  });
});
