/**
 * The V8 code cache of the CLI's bundle (scripts/code-cache.mjs writes
 * dist/cli-main.js.cache; server/bundle-cache.ts loads the bundle through it; issue #14):
 * taken for the bytes it was made from, and otherwise left aside without a word: the bundle
 * then loads and lints as without a cache.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import * as bundleCache from '../../server/bundle-cache';
import { createHash } from 'node:crypto';
import { buildIdOf, ID_LENGTH, requireBundle } from '../../server/bundle-cache';
import { ROOT } from '../support/paths';
import { tempDir } from './helpers';

const BUNDLE = join(ROOT, 'dist', 'cli-main.js');
const EXAMPLE = join(ROOT, 'examples', '述职报告示例.md');

type CliBundle = typeof import('../../server/cli');

/** Lints the example with a bundle's `main`: its JSON output. */
function lintWith(cli: CliBundle): unknown {
  let out = '';
  const status = cli.main(['lint', '--format', 'json', EXAMPLE], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {}, cwd: ROOT });
  assert.equal(typeof status, 'number');
  return (JSON.parse(out) as { messages: unknown }[]).map((f) => f.messages);
}

describe('cli: the code cache of dist/cli-main.js', function () {
  this.timeout(60_000);
  let cleanup = () => {};
  let dir = '';
  let expected: unknown;

  before(function () {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build (npm test does)`);
    ({ dir, cleanup } = tempDir());
    copyFileSync(BUNDLE, join(dir, 'cli-main.js'));
    expected = lintWith(requireBundle(join(dir, 'cli-main.js')) as CliBundle);
  });
  after(() => cleanup());

  /** A fresh copy of the bundle in the temp folder (a new path: loaded anew), with `cache` beside it. */
  function copyWith(name: string, cache: Buffer | null, bytes = readFileSync(BUNDLE)): string {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    if (cache) writeFileSync(`${file}.cache`, cache);
    return file;
  }

  it('is written by the build for the bundle as built, and taken', () => {
    const cache = readFileSync(`${BUNDLE}.cache`);
    const bytes = readFileSync(BUNDLE);
    const id = buildIdOf(bytes);
    const built = bytes.subarray(0, bytes.lastIndexOf('\n// party-report build '));
    assert.equal(id, createHash('sha1').update(built).digest('hex'), "the bundle's last line names its SHA-1");
    assert.equal(cache.toString('latin1', 0, ID_LENGTH), id, 'the cache names the same build');
    const cli = requireBundle(copyWith('taken.js', cache)) as CliBundle;
    assert.equal(bundleCache.lastLoad, 'cached');
    assert.deepEqual(lintWith(cli), expected);
  });

  it('is left aside for other bytes than it was made from, or when absent', () => {
    const cache = readFileSync(`${BUNDLE}.cache`);
    const edited = Buffer.concat([readFileSync(BUNDLE), Buffer.from('// edited\n')]);
    const cli = requireBundle(copyWith('edited.js', cache, edited)) as CliBundle;
    assert.equal(bundleCache.lastLoad, 'no-cache');
    assert.deepEqual(lintWith(cli), expected);
    const otherBuild = Buffer.from(readFileSync(BUNDLE).toString('latin1').replace(/[0-9a-f]{40}\n$/, `${'0'.repeat(40)}\n`), 'latin1');
    requireBundle(copyWith('other-build.js', cache, otherBuild));
    assert.equal(bundleCache.lastLoad, 'no-cache');
    const none = requireBundle(copyWith('none.js', null)) as CliBundle;
    assert.equal(bundleCache.lastLoad, 'no-cache');
    assert.deepEqual(lintWith(none), expected);
  });

  it('is refused by V8 when its data is damaged, and the bundle compiled as without one', () => {
    const cache = Buffer.from(readFileSync(`${BUNDLE}.cache`));
    for (let i = ID_LENGTH; i < ID_LENGTH + 64; i++) cache[i] ^= 0xff;
    const cli = requireBundle(copyWith('damaged.js', cache)) as CliBundle;
    assert.equal(bundleCache.lastLoad, 'rejected');
    assert.deepEqual(lintWith(cli), expected);
  });

  it('lets the built program load the Word reader, which the bundle requires lazily', async () => {
    const doc = new Document({ sections: [{ children: ['某村党支部2024年工作总结', '一、主要工作', '全年开展学习12次。'].map((t) => new Paragraph(t)) }] });
    const file = join(dir, 'draft.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'convert', file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.split('\n')[0], '某村党支部2024年工作总结');
  });
});
