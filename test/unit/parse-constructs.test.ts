/**
 * A text that cannot hold a literal autolink (no `@`, character reference, `www.`, `http://`, `https://`) is
 * parsed without remark-gfm's literal-autolink constructs and transform, and one that cannot
 * hold a table (no `|`, no `:` beside a `-`) without the table construct (rules/model/parse.ts,
 * issue #14). The tree must be the one the full processor (remark-parse + remark-gfm +
 * remark-frontmatter, as the library ships them) gives, for every document: fixtures, the
 * project corpus, the seeds, and edge cases where ASCII words, digits, near-links and
 * near-tables meet Chinese text and the other GFM constructs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../rules/model/parse';
import { FIXTURES, readSeeds, ROOT } from '../support/paths';

const library = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** ASCII runs, digits, dots and colons beside Chinese text and GFM constructs, none a link. */
const EDGES = [
  '全年发展党员12名，培训x期，2023.5.1召开会议',
  'ww.example.cn 与 www 和 http:/a 和 https//b 和 ftp://c.cn',
  'user at example.cn；a_b-c+d.e 与 mail：example.cn',
  '~~删除线~~ 与 [^1] 脚注\n\n[^1]: 注释 abc.def',
  '- [ ] 任务 v1.2\n- [x] 完成 A.B.C',
  '| 项目 | 数量 |\n| --- | --- |\n| abc.cn | 12 |',
  '[链接 www](/path) 和 ![图 img.png](a.png) 与 <span>x.y</span>',
  '`code.example.cn` 和 **加粗abc.cn** 与 *x*y.z*',
  'line one abc  \nline two def\\\nthree',
  '---\ntitle: report.v2\n---\n正文abc.def',
  '标题\n---\n正文\n\n一、工作情况\n- - -\n数量\n--',
  '单列表头\n:-\n第一行',
  '表头\n-:\n\n表头\n :-: \n行',
  '时间：2023年\n-\n比例：1:2',
  '名称 | 数量\n--- | ---\n党员 | 12',
  '学习清单&主题党日 与 A&B 和 &；',
  '联系 dangban&#64;example.cn 与 &#x77;ww.example.cn 和 &commat;',
];

function texts(): string[] {
  const out = [...EDGES];
  for (const rule of readdirSync(FIXTURES)) for (const name of readdirSync(join(FIXTURES, rule))) if (name.endsWith('.md')) out.push(readFileSync(join(FIXTURES, rule, name), 'utf8'));
  const corpus = join(ROOT, 'test', 'corpus');
  for (const name of readdirSync(corpus)) if (name.endsWith('.md')) out.push(readFileSync(join(corpus, name), 'utf8'));
  for (const seed of readSeeds()) out.push(seed.text);
  return out;
}

describe('parse: texts without literal autolinks or tables', function () {
  this.timeout(60_000);

  it('give the full processor’s tree, for every fixture, corpus report, seed and edge case', () => {
    const all = texts();
    const noLinks = all.filter((t) => !/@|&[#0-9a-z]|www\.|https?:\/\//i.test(t));
    const noTables = all.filter((t) => !/\||:[ \t]*-|-[ \t]*:/.test(t));
    assert.ok(noLinks.length > 100 && noTables.length > 100, `${noLinks.length} documents without link marks, ${noTables.length} without table marks`);
    for (const text of all) assert.deepEqual(parseMarkdown(text), library.parse(text) as Root, JSON.stringify(text.slice(0, 40)));
  });

  it('still read a table of one column without pipes', () => {
    assert.deepEqual(
      parseMarkdown('单列表头\n:-\n第一行').children.map((c) => c.type),
      ['table'],
    );
  });

  it('still read literal autolinks where the text holds them', () => {
    const tree = parseMarkdown('联系邮箱 dangban@example.cn，网址 www.example.cn 和 https://example.cn/a');
    const links: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) links.push(node.url);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    assert.deepEqual(links, ['mailto:dangban@example.cn', 'http://www.example.cn', 'https://example.cn/a']);
  });
});
