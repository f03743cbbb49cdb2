/**
 * The web extension's bundles (scripts/browser-bundles.mjs) build for the browser without
 * Chromium: no Node built-in reached from either entry, nothing left to load at run time
 * but `vscode` (given by the web extension host), the rules' YAML data and pinyin-pro
 * inside the server bundle, and the disk-reading modules left out. The bundles running
 * in a browser is the e2e tier's (test/e2e/browser.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { browserBundles, browserCommon } from '../../scripts/browser-bundles.mjs';
// @ts-expect-error -- a plain .mjs helper without types (as in notices.test.ts)
import { bundledPackages } from '../../scripts/bundled-packages.mjs';
import { utf8Length } from '../../server/lsp/files';
import { ROOT } from '../support/paths';

/** Builds one browser bundle in memory; its metafile. */
async function bundle(outfile: string): Promise<Metafile> {
  const result = await build({ ...browserCommon, ...browserBundles[outfile], outfile: join(ROOT, outfile), absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map((w) => w.text), []);
  return result.metafile;
}

/** The modules an output still loads at run time (external imports). */
function externals(meta: Metafile): string[] {
  return Object.entries(meta.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .flatMap(([, out]) => out.imports.filter((i) => i.external).map((i) => i.path));
}

const DISK_MODULES = ['server/config-files.ts', 'server/ignore-files.ts', 'server/node-files.ts', 'server/lsp/workspace-diagnostics.ts', 'fast-glob'];

describe('the browser bundles (vscode.dev, github.dev)', function () {
  this.timeout(120_000);

  it('the manifest’s `browser` entry is the client bundle the build writes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string; main: string };
    assert.equal(pkg.browser, './dist/browser/client.cjs');
    assert.ok(Object.keys(browserBundles).includes(pkg.browser.slice(2)));
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!dist\/browser\/\*\.js$/m);
    assert.match(ignore, /^!dist\/browser\/\*\.cjs$/m);
  });

  it('the language server bundle: no node: import, nothing external, the YAML data and pinyin-pro inside, no disk reading', async () => {
    const meta = await bundle('dist/browser/server.js');
    const inputs = Object.keys(meta.inputs);
    assert.deepEqual(externals(meta), []);
    assert.deepEqual(inputs.filter((i) => i.startsWith('node:')), []);
    for (const data of ['rules/data/report-kinds.yaml', 'rules/data/slogans.yaml', 'rules/data/common-words.yaml']) {
      assert.ok(inputs.some((i) => i.endsWith(data)), `${data} is not bundled`);
    }
    assert.ok(inputs.some((i) => i.includes('pinyin-pro')), 'pinyin-pro is not bundled');
    assert.ok(inputs.some((i) => i.endsWith('server/server.ts')), 'not the same server core');
    assert.deepEqual(inputs.filter((i) => DISK_MODULES.some((m) => i.includes(m))), []);
    // Config and ignore files come from the client instead, read by the same code as on disk.
    for (const shared of ['server/lsp/workspace-files.ts', 'server/lsp/ignore-rules.ts', 'node_modules/ignore/']) {
      assert.ok(inputs.some((i) => i.includes(shared)), `${shared} is not bundled`);
    }
  });

  it('bundles no package the Node bundles lack, so THIRD_PARTY_NOTICES.md (read from dist/*.js.map) covers it', () => {
    const names = (dir: string): string[] => bundledPackages(dir).map((p: { name: string }) => p.name);
    const node = new Set(names(join(ROOT, 'dist')));
    const browser = names(join(ROOT, 'dist', 'browser'));
    assert.ok(browser.includes('pinyin-pro'), 'dist/browser is not built');
    assert.deepEqual(browser.filter((n) => !node.has(n)), []);
  });

  it('the client bundle loads only `vscode` and uses the browser language client', async () => {
    const meta = await bundle('dist/browser/client.cjs');
    assert.deepEqual([...new Set(externals(meta))], ['vscode']);
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.some((i) => i.includes('vscode-languageclient/lib/browser/')));
    assert.deepEqual(inputs.filter((i) => i.includes('vscode-languageclient/lib/node/') || i.startsWith('node:')), []);
  });
});

describe('utf8Length (the size limit without Buffer)', () => {
  it('counts UTF-8 bytes as Buffer.byteLength does, lone surrogates as U+FFFD', () => {
    const samples = ['', 'abc', '党建报告', 'é', '𠀀x', '\uD800', 'a\uDC00b', '\uD800\uD800\uDC00', `${'工作总结'.repeat(1000)}😀`];
    for (const s of samples) assert.equal(utf8Length(s), Buffer.byteLength(s), JSON.stringify(s));
  });
});
