/**
 * The bundles' Markdown parse makes mdast-util-from-markdown's compiler and micromark's
 * merged constructs once, not at every parse (scripts/from-markdown-once.mjs; issue #14). The patched parse, as bundled, must give
 * the library's tree for every document, in any order: the per-document state (hard breaks,
 * references, list values, fenced code) must not leak from one document into the next.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../rules/model/parse';
import { loadBundle } from '../../scripts/load-bundle.mjs';
import { FIXTURES, ROOT } from '../support/paths';

/** Documents that end inside the constructions whose state the compiler keeps between events. */
const EDGES = [
  '第一行\\',
  '第一行  ',
  '[链接][参考',
  '1. 第一项',
  '3) 第三项\n4) 第四项',
  '```js\n代码',
  '~~~\n',
  '&amp;&#x4e00;&copy',
  '标题\n===',
  '[a]: http://example.com "标题"\n[a]',
  '| 表头 | 列 |\n| --- | --- |\n| 1 | 2 |',
  '---\ntitle: x\n---\n正文',
];

function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const rule of readdirSync(FIXTURES)) {
    for (const name of readdirSync(join(FIXTURES, rule))) if (name.endsWith('.md')) texts.push(readFileSync(join(FIXTURES, rule, name), 'utf8'));
  }
  return texts;
}

describe('parse: the bundled compiler made once', function () {
  this.timeout(60_000);

  it('is patched into the bundles', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli-main.js'), 'utf8');
    assert.match(bundle, /function compilerOnce\(options\)/);
    assert.match(bundle, /function constructsOnce\(extensions\)/);
  });

  it('gives the library’s tree for every fixture and edge case, each after every other', async () => {
    const bundled = (await loadBundle('rules/model/parse.ts')) as { parseMarkdown: (text: string) => Root };
    const texts = [...EDGES, ...fixtureTexts()];
    assert.ok(texts.length > 100, `${texts.length} documents`);
    // Each edge case right before every document, and the documents in order.
    for (const edge of EDGES) {
      for (const text of [...texts.slice(0, 40), ...EDGES]) {
        bundled.parseMarkdown(edge);
        assert.deepEqual(bundled.parseMarkdown(text), parseMarkdown(text), `${JSON.stringify(text.slice(0, 40))} after ${JSON.stringify(edge)}`);
      }
    }
    for (const text of texts) assert.deepEqual(bundled.parseMarkdown(text), parseMarkdown(text), JSON.stringify(text.slice(0, 40)));
  });
});
