/** The CLI's file layer and formatting helpers, without running the CLI. */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, expandPaths, readTextFile, writeFileAtomic } from '../../server/cli/files';
import { displayWidth } from '../../server/cli/format-stylish';
import { displayPath } from '../../server/cli/results';
import { tempDir } from './helpers';

describe('cli files: decoding', () => {
  it('takes UTF-8, strips and remembers a BOM', () => {
    assert.deepEqual(decodeText(Buffer.from('一、工作情况\n')), { ok: true, text: '一、工作情况\n', bom: false });
    assert.deepEqual(decodeText(Buffer.from('\uFEFF一、工作\n')), { ok: true, text: '一、工作\n', bom: true });
    // Only the first BOM is a BOM.
    assert.deepEqual(decodeText(Buffer.from('\uFEFF\uFEFFx')), { ok: true, text: '\uFEFFx', bom: true });
  });

  it('refuses GBK, binary and UTF-16', () => {
    assert.deepEqual(decodeText(Buffer.from('c4e3bac3', 'hex')), { ok: false, kind: 'not-utf8' });
    assert.deepEqual(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])), { ok: false, kind: 'binary' });
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0x4e])), { ok: false, kind: 'utf16' });
    assert.deepEqual(decodeText(Buffer.from([0xfe, 0xff, 0x4e, 0x00])), { ok: false, kind: 'utf16' });
  });

  it('only sniffs the first 8 KB for NUL bytes', () => {
    const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    assert.equal(decodeText(late).ok, true);
  });

  it('an empty file is empty text', () => {
    assert.deepEqual(decodeText(new Uint8Array()), { ok: true, text: '', bom: false });
  });
});

describe('cli files: reading and writing', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('reports a missing file and a folder, and refuses files over 10 MB', () => {
    assert.deepEqual(readTextFile(join(dir, 'none.md')), { ok: false, kind: 'missing' });
    assert.deepEqual(readTextFile(dir), { ok: false, kind: 'not-a-file' });
    const big = join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    assert.equal((readTextFile(big) as { kind: string }).kind, 'too-large');
  });

  it('writeFileAtomic replaces the content, adds the BOM back, leaves no temp file', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'old');
    writeFileAtomic(file, '新', true);
    assert.deepEqual(readTextFile(file), { ok: true, text: '新', bom: true });
    assert.deepEqual(readdirSync(dir), ['a.md']);
  });

  it('writeFileAtomic throws and cleans up when the folder is gone', () => {
    assert.throws(() => writeFileAtomic(join(dir, 'no', 'a.md'), 'x', false), { code: 'ENOENT' });
  });
});

describe('cli files: expanding paths', () => {
  it('reports missing paths and globs without matches separately', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'a.md'), '');
      writeFileSync(join(dir, '报告(1).md'), '');
      const e = expandPaths(['a.md', 'gone.md', '*.rst', '报告(1).md', './a.md'], dir);
      assert.deepEqual(e.files, [join(dir, 'a.md'), join(dir, '报告(1).md')]);
      assert.deepEqual(e.problems, [
        { path: 'gone.md', kind: 'missing' },
        { path: '*.rst', kind: 'no-match' },
      ]);
    } finally {
      cleanup();
    }
  });
});

describe('cli: display helpers', () => {
  it('displayWidth counts CJK and full-width forms as two columns', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('警告'), 4);
    assert.equal(displayWidth('（一）'), 6);
    assert.equal(displayWidth('“两委”'), 6);
  });

  it('displayPath is relative inside the working folder, absolute outside', () => {
    assert.equal(displayPath('/a/b/c.md', '/a'), 'b/c.md');
    assert.equal(displayPath('/x/c.md', '/a'), '/x/c.md');
    assert.equal(displayPath('/a/..c.md', '/a'), '..c.md');
  });
});

describe('cli files: UTF-16 without a BOM (issue #15)', () => {
  const report = '一、工作情况\n今年共发展党员17名，其中女性5名。\n';
  const bigEndian = (le: Buffer) => {
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    return be;
  };

  it('names UTF-16LE and UTF-16BE without a BOM as UTF-16, not binary', () => {
    const le = Buffer.from(report, 'utf16le');
    assert.deepEqual(decodeText(le), { ok: false, kind: 'utf16' });
    assert.deepEqual(decodeText(bigEndian(le)), { ok: false, kind: 'utf16' });
  });

  it('names a one-line pure-Chinese UTF-16 file (no NUL byte at all) as UTF-16', () => {
    const le = Buffer.from('今年共发展党员十七名，其中女性五名。', 'utf16le');
    assert.ok(!le.includes(0));
    assert.deepEqual(decodeText(le), { ok: false, kind: 'utf16' });
  });

  it('still calls GBK GBK and binary binary', () => {
    // 一、工作情况 in GBK, and ASCII with a stray byte: both invalid UTF-8, neither UTF-16.
    assert.deepEqual(decodeText(Buffer.from('d2bba1a2b9a4d7f7c7e9bff60a', 'hex')), { ok: false, kind: 'not-utf8' });
    assert.deepEqual(decodeText(Buffer.from('abcdefgh\xe9ijkl', 'latin1')), { ok: false, kind: 'not-utf8' });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    assert.deepEqual(decodeText(png), { ok: false, kind: 'binary' });
  });
});
