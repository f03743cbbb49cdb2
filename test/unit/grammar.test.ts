/**
 * The TextMate grammar injected into Markdown (syntaxes/party-report.injection.tmLanguage.json),
 * run through the engine VS Code runs (vscode-textmate + vscode-oniguruma) on top of VS Code's
 * own Markdown grammar (markdown-basics' markdown.tmLanguage.json, as the tm-grammars package
 * ships it), so the injection selector and the tie-breaking with Markdown's rules are real.
 *
 * Seeds are read by path and addressed by line number; short tokens are named to say which.
 * The grammar mirrors the model: on every seed it must scope exactly the structural markers,
 * 一是 items and quantities that `buildReport` finds. One known difference: a number inside a
 * quotation longer than 12 characters is a quantity to the model but stays part of the
 * string here (no seed has one).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { IGrammar, StateStack } from 'vscode-textmate';
// The data file as the bundles import it: its parsed value (scripts/yaml-data.mjs).
import quantitiesText from '../../rules/data/quantities.yaml';
import { buildReport } from '../../rules/model/report';
import { itShared, ROOT, readSeeds } from '../support/paths';

const require = createRequire(import.meta.url);
// Both are CommonJS bundles flagged __esModule: a default import differs between mocha's
// require() path and Node's ESM loader, require() does not.
const oniguruma: typeof import('vscode-oniguruma') = require('vscode-oniguruma');
const textmate: typeof import('vscode-textmate') = require('vscode-textmate');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'party-report.injection.tmLanguage.json');
const INJECTION = 'party-report.injection';
const HOSTS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'text.html.derivative': require.resolve('tm-grammars/grammars/html-derivative.json'),
  'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'), // front matter needs it
  [INJECTION]: GRAMMAR_PATH,
};

const MARKER = 'entity.name.section.marker.party-report';
const ORDINAL = 'markup.bold.ordinal.party-report';
const QUOTED = 'string.quoted.double.party-report';
const TITLE_MARKS = 'string.quoted.other.title.party-report';
const QUANTITY = 'constant.numeric.quantity.party-report';
const NUMBER = 'meta.number.party-report';
const QUALIFIER = 'meta.qualifier.party-report';
const UNIT = 'meta.unit.party-report';
const heading = (level: number) => `markup.heading.level-${level}.party-report`;

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}
/** One tokenized line: its text, its offset in the document, and its tokens. */
interface Line {
  text: string;
  offset: number;
  tokens: Token[];
}

let wasm: Promise<void> | undefined;

async function loadMarkdown(inject: boolean): Promise<IGrammar> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  await wasm;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    // Languages embedded in fenced code (source.js, source.yaml, …) are not needed: unknown.
    loadGrammar: async (scopeName: string) =>
      HOSTS[scopeName] ? textmate.parseRawGrammar(readFileSync(HOSTS[scopeName], 'utf8'), HOSTS[scopeName]) : null,
    getInjections: (scopeName: string) => (inject && scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the Markdown host grammar loads');
  return grammar;
}

function tokenize(grammar: IGrammar, text: string): Line[] {
  const lines: Line[] = [];
  let stack: StateStack = textmate.INITIAL;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const result = grammar.tokenizeLine(lineText, stack);
    stack = result.ruleStack;
    const tokens = result.tokens.map((t) => ({ text: lineText.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
    lines.push({ text: lineText, offset, tokens });
    offset += raw.length + 1;
  }
  return lines;
}

const scopesAt = (line: Line, column: number): string[] => line.tokens.find((t) => t.start <= column && column < t.end)?.scopes ?? [];

/** Asserts that `needle` (its `nth` occurrence on the line) carries `scope` exactly: every character, and neither neighbour. */
function assertSpan(line: Line, needle: string, scope: string, nth = 0): void {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = line.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `“${needle}” is on the line`);
  for (let c = at; c < at + needle.length; c++) assert.ok(scopesAt(line, c).includes(scope), `“${needle}” column ${c - at} has ${scope}: ${scopesAt(line, c).join(' ')}`);
  if (at > 0) assert.ok(!scopesAt(line, at - 1).includes(scope), `${scope} starts at “${needle}”`);
  if (at + needle.length < line.text.length) assert.ok(!scopesAt(line, at + needle.length).includes(scope), `${scope} ends after “${needle}”`);
}

/** Asserts that every character of `needle` carries `scope` (which may go on past it). */
function assertIn(line: Line, needle: string, scope: string): void {
  const at = line.text.indexOf(needle);
  assert.ok(at >= 0, `“${needle}” is on the line`);
  for (let c = at; c < at + needle.length; c++) assert.ok(scopesAt(line, c).includes(scope), `“${needle}” column ${c - at} has ${scope}`);
}

/** Asserts that no character of `needle` carries any scope of this grammar starting with `prefix`. */
function assertNotScoped(line: Line, needle: string, prefix: string): void {
  const at = line.text.indexOf(needle);
  assert.ok(at >= 0, `“${needle}” is on the line`);
  for (let c = at; c < at + needle.length; c++) {
    const found = scopesAt(line, c).filter((s) => s.startsWith(prefix) && s.endsWith('.party-report'));
    assert.deepEqual(found, [], `“${needle}” column ${c - at} is not ${prefix}…`);
  }
}

/** Quantity spans as document offsets. Adjacent quantities (35岁以下47名) split where a second number starts. */
function grammarQuantities(lines: Line[]): string[] {
  const before = new Set(Object.keys(quantityData.qualifiers_before));
  const spans: string[] = [];
  for (const line of lines) {
    let current: { start: number; end: number; hasNumber: boolean } | null = null;
    const flush = () => {
      if (current) spans.push(`${line.offset + current.start}-${line.offset + current.end}`);
      current = null;
    };
    for (const t of line.tokens) {
      if (!t.scopes.includes(QUANTITY)) {
        flush();
        continue;
      }
      const isNumber = t.scopes.includes(NUMBER);
      const opensNext = isNumber || (t.scopes.includes(QUALIFIER) && before.has(t.text));
      if (current && current.end === t.start && !(opensNext && current.hasNumber)) {
        current.end = t.end;
        current.hasNumber ||= isNumber;
      } else {
        flush();
        current = { start: t.start, end: t.end, hasNumber: isNumber };
      }
    }
    flush();
  }
  return spans;
}

/** Document-offset spans of the tokens carrying `scope`, each with `tag(token)` appended. */
function spansOf(lines: Line[], scope: string, tag: (t: Token) => string = () => ''): string[] {
  return lines.flatMap((line) => line.tokens.filter((t) => t.scopes.includes(scope)).map((t) => `${line.offset + t.start}-${line.offset + t.end}${tag(t)}`));
}

const quantityData = quantitiesText as unknown as {
  measures: string[];
  qualifiers_before: Record<string, string>;
  qualifiers_after: Record<string, string>;
  not_counts_after: string[];
  slogan_tails: string[];
  words_ending_in_qualifier: string[];
  numeral_terms: string[];
};

/** A Markdown document written for this test: code, comments, front matter and host syntax around report text. */
const SAMPLE = [
  '---',
  '报告类型: 工作总结 17名',
  '---',
  '',
  '统一是我们的目标，唯一是这条路，不二是那条路。',
  '2023年7月收入增长1.3亿，投资1.3亿元。',
  '',
  '```text',
  '一、代码里的17名和“引号”',
  '```',
  '',
  '    一、缩进代码里的17名',
  '',
  '文字 `17名` 和 <!-- 17名 --> 结束。',
  '# 一、标题共17名',
  '**一、加粗标题**后文',
  '一、标题后**加粗**文字',
  '1. 有序列表里的17名',
  '',
  '| 项目 | 数量 |',
  '| --- | --- |',
  '| 党员 | 17名 |',
  '',
  '（1）第四级标题',
  '(一)半角括号的二级标题',
  '1、顿号的三级标题',
  '1.3亿元不是标题',
  '2023.不是标题',
  '（二）强化组织建设，一是建强班子。二是抓好队伍。',
  '　　一、全角空格缩进的标题',
].join('\n');

describe('grammar (TextMate injection into Markdown)', function () {
  let injected: IGrammar;
  let plain: IGrammar;
  const seeds = readSeeds();
  const seed = (id: string) => {
    const s = seeds.find((x) => x.id === id);
    assert.ok(s, `seed ${id} exists`);
    return tokenize(injected, s.text);
  };

  before(async () => {
    injected = await loadMarkdown(true);
    plain = await loadMarkdown(false);
  });

  it('is contributed as an injection into Markdown and is valid JSON', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    const entry = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION);
    assert.ok(entry, 'package.json contributes.grammars names the injection');
    assert.equal(join(ROOT, entry.path), GRAMMAR_PATH);
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.equal(grammar.scopeName, INJECTION);
    // No `L:` prefix: Markdown's own rules must win ties at a line start (see the host test).
    assert.match(grammar.injectionSelector, /^text\.html\.markdown /);
  });

  itShared('scopes structural markers at the line head, also behind scraping residue', () => {
    assertSpan(seed('000')[1], '一、', MARKER);
    assertIn(seed('000')[1], '一、工作', heading(1));
    assertSpan(seed('003')[4], '（一）', MARKER);
    assertIn(seed('003')[4], '（一）', heading(2));
    const residue = seed('003')[6];
    assert.ok(residue.text.startsWith('##paidbegin##（二）'));
    assertSpan(residue, '（二）', MARKER);
    assertNotScoped(residue, '##paidbegin##', '');
    assertSpan(seed('002')[2], '1.', MARKER);
    assertIn(seed('002')[2], '1.', heading(3));
    assertSpan(seed('001')[0], '一、', MARKER); // behind a leading space
  });

  itShared('scopes a heading up to its first 。 (a run-in heading), not the body after it', () => {
    const line = seed('001')[1];
    const stop = line.text.indexOf('。');
    for (let c = 0; c <= stop; c++) assert.ok(scopesAt(line, c).includes(heading(2)), `column ${c} is in the heading`);
    assert.ok(!scopesAt(line, stop + 1).includes(heading(2)));
    assertSpan(line, '一是', ORDINAL);
  });

  itShared('scopes 一是 items at a clause boundary', () => {
    assertSpan(seed('000')[6], '一是', ORDINAL);
    assertSpan(seed('004')[3], '一是', ORDINAL);
    const lines = tokenize(injected, SAMPLE);
    const line = lines.find((l) => l.text.startsWith('统一是'));
    assert.ok(line);
    for (const word of ['统一是', '唯一是', '不二是']) assertNotScoped(line, word, 'markup.bold.ordinal');
    const runIn = lines.find((l) => l.text.startsWith('（二）强化'));
    assert.ok(runIn);
    assertSpan(runIn, '一是', ORDINAL); // after a comma, inside the heading
    assertSpan(runIn, '二是', ORDINAL); // after the 。 that ends it
  });

  itShared('scopes quoted formulations and 书名号 titles', () => {
    const line = seed('000')[0];
    assertSpan(line, '“两个确立”', QUOTED);
    assertSpan(line, '“两个维护”', QUOTED);
    assertSpan(seed('002')[12], '《党支部工作条例》', TITLE_MARKS);
    assert.ok(scopesAt(line, line.text.indexOf('“两个确立”')).includes('punctuation.definition.string.begin.party-report'));
  });

  itShared('scopes quantities: number, qualifier, measure word', () => {
    const line = seed('003')[16];
    assertSpan(line, '17名', QUANTITY);
    assert.ok(scopesAt(line, line.text.indexOf('17名')).includes(NUMBER));
    assert.ok(scopesAt(line, line.text.indexOf('17名') + 2).includes(UNIT));
    assertSpan(seed('004')[11], '58.7％', QUANTITY);
    assertSpan(seed('002')[3], '87.9%', QUANTITY);
    const approx = seed('003')[7];
    assertSpan(approx, '2.5万余人', QUANTITY);
    assert.ok(scopesAt(approx, approx.text.indexOf('2.5万余人') + 4).includes(QUALIFIER));
    assert.ok(scopesAt(approx, approx.text.indexOf('2.5万余人') + 3).includes('meta.scale.party-report'));
    assertSpan(seed('000')[3], '40余次', QUANTITY);
    assertSpan(seed('002')[6], '1.3亿元', QUANTITY);
  });

  itShared('leaves dates, bare magnitudes and numbers-as-names unscoped', () => {
    assertNotScoped(seed('000')[0], '2023年', 'constant.numeric');
    const line = tokenize(injected, SAMPLE).find((l) => l.text.startsWith('2023年7月'));
    assert.ok(line);
    assertNotScoped(line, '2023年', 'constant.numeric');
    assertNotScoped(line, '1.3亿，', 'constant.numeric'); // no measure word: not a quantity
    assertSpan(line, '1.3亿元', QUANTITY);
    assertNotScoped(seed('000')[0], '两个确立', 'constant.numeric');
  });

  it('colours nothing inside code, comments or front matter', () => {
    const lines = tokenize(injected, SAMPLE);
    const find = (start: string) => {
      const line = lines.find((l) => l.text.startsWith(start));
      assert.ok(line, start);
      return line;
    };
    const fenced = find('一、代码');
    assert.ok(scopesAt(fenced, 0).some((s) => s.startsWith('markup.fenced_code')));
    for (const needle of ['一、', '17名', '“引号”']) assertNotScoped(fenced, needle, '');
    assertNotScoped(find('    一、缩进'), '17名', '');
    assertNotScoped(find('    一、缩进'), '一、', '');
    const inline = find('文字 `17名`');
    assertNotScoped(inline, '`17名`', '');
    assert.ok(scopesAt(inline, inline.text.indexOf('<!--') + 5).includes('comment.block.html'));
    for (let c = inline.text.indexOf('<!--'); c < inline.text.indexOf('-->'); c++) {
      assert.deepEqual(scopesAt(inline, c).filter((s) => s.endsWith('.party-report')), []);
    }
    assertNotScoped(find('报告类型'), '17名', '');
  });

  it('scopes inside # headings, emphasis and tables, and every marker level and form', () => {
    const lines = tokenize(injected, SAMPLE);
    const find = (start: string) => {
      const line = lines.find((l) => l.text.startsWith(start));
      assert.ok(line, start);
      return line;
    };
    const atx = find('# 一、标题');
    assertSpan(atx, '一、', MARKER);
    assertSpan(atx, '共17名', QUANTITY);
    assert.ok(scopesAt(atx, 2).includes('markup.heading.markdown'));
    assertSpan(find('**一、加粗'), '一、', MARKER);
    assertSpan(find('| 党员'), '17名', QUANTITY);
    for (const [start, marker, level] of [['（1）', '（1）', 4], ['(一)', '(一)', 2], ['1、', '1、', 3], ['　　一、', '一、', 1]] as const) {
      assertSpan(find(start), marker, MARKER);
      assertIn(find(start), marker, heading(level));
    }
    assertNotScoped(find('1.3亿元不是'), '1.', 'entity.name.section');
    assertNotScoped(find('2023.不是'), '2023.', 'entity.name.section');
  });

  it('leaves every Markdown scope as the host grammar gives it (paragraphs, lists, emphasis, headings)', () => {
    for (const [name, text] of [...seeds.map((s) => [`seed ${s.id}`, s.text] as const), ['sample', SAMPLE] as const]) {
      const withInjection = tokenize(injected, text);
      const without = tokenize(plain, text);
      withInjection.forEach((line, i) => {
        for (let c = 0; c < line.text.length; c++) {
          const host = scopesAt(line, c).filter((s) => !s.endsWith('.party-report'));
          assert.deepEqual(host, scopesAt(without[i], c), `${name} line ${i + 1} column ${c}`);
        }
      });
    }
    // The ordered list keeps its list marker; the bold after a heading stays bold.
    const lines = tokenize(injected, SAMPLE);
    const list = lines.find((l) => l.text.startsWith('1. 有序'));
    assert.ok(list && scopesAt(list, 0).includes('punctuation.definition.list.begin.markdown'));
    const bold = lines.find((l) => l.text.startsWith('一、标题后'));
    assert.ok(bold && scopesAt(bold, bold.text.indexOf('加粗')).includes('markup.bold.markdown'));
    assertSpan(bold, '一、', MARKER);
  });

  itShared('agrees with the model on every seed: markers and their levels, 一是 items, quantities', () => {
    for (const s of seeds) {
      const report = buildReport(s.text);
      const lines = tokenize(injected, s.text);
      const level = (t: Token) => `:${/level-(\d)/.exec(t.scopes.find((x) => x.startsWith('markup.heading.level-')) ?? '')?.[1]}`;
      assert.deepEqual(
        spansOf(lines, MARKER, level),
        report.headings.filter((h) => h.marker).map((h) => `${h.marker!.start}-${h.marker!.end}:${h.marker!.level}`),
        `seed ${s.id} markers`,
      );
      assert.deepEqual(spansOf(lines, ORDINAL), report.items.map((i) => `${i.start}-${i.end}`), `seed ${s.id} 一是 items`);
      assert.deepEqual(grammarQuantities(lines), report.quantities.map((q) => `${q.start}-${q.end}`), `seed ${s.id} quantities`);
    }
  });

  it('agrees with the quantity layer on its whole vocabulary (rules/data/quantities.yaml)', () => {
    const d = quantityData;
    const text = [
      ...d.measures.map((m) => `开展3${m}活动。`),
      ...d.measures.map((m) => `覆盖20余${m}。`),
      ...Object.keys(d.qualifiers_before).map((q) => `参加${q}300人。`),
      ...Object.keys(d.qualifiers_after).map((q) => `占比90%${q}，党员40名${q}。`),
      ...d.not_counts_after.map((w) => `荣获3${w}，十三${w}。`),
      ...d.slogan_tails.map((t) => `做到两个${t}，三个${t}。`),
      ...d.words_ending_in_qualifier.map((w) => `${w}13份。`),
      ...d.numeral_terms.map((w) => `${w}3个，${w}。`),
      '2023年7月，12345年，2023余年，1.3亿，1.3亿元，30余万元，十万元村，10万元以上村，百万村3个，千场党课。',
      '第一次会议，十三届四次、五次全会，编号XL-07件，G20个，3A级，一个村，两次，十七名，一千人，3个百分点。',
    ].join('\n');
    const expected = buildReport(text).quantities.map((q) => `${q.start}-${q.end}`);
    assert.ok(expected.length > 2 * d.measures.length, 'the vocabulary yields quantities to compare');
    assert.deepEqual(grammarQuantities(tokenize(injected, text)), expected);
  });

  it('scopes a miswritten top-level marker (`四，存在问题`) exactly where the model takes one, and not in prose', () => {
    const text = [
      '一，基本情况',
      '二 主要做法和成效',
      '三：存在的问题 <!-- 注 -->',
      '四，今后打算。',
      '一，是加强学习，二是抓好队伍',
      '一 二 三',
      '五，是什么',
      '六，四项工作',
      `七，${'很长的标题'.repeat(7)}`,
      '## 八，标题在井号后',
    ].join('\n');
    const lines = tokenize(injected, text);
    const model = buildReport(text).headings.filter((h) => h.marker).map((h) => `${h.marker!.start}-${h.marker!.end}`);
    assert.deepEqual(spansOf(lines, MARKER), model);
    assert.equal(model.length, 4, 'lines 1–3 and 10 are headings; the others are prose');
    assertIn(lines[0], '一，', heading(1));
    assertNotScoped(lines[4], '一，', 'entity.name.section');
  });

  it('leaves numerals in a series at the line head (`一、二、三号楼`, `二、三季度，…`) unscoped, as the model reads them', () => {
    const text = [
      '一、二、三号楼分别有党员12名、9名、15名。',
      '二、三季度，全镇新发展党员4名。',
      '一、二年级由同一名辅导员负责，三年级另设。',
      '三、四季度工作打算',
      '四、三级联动，织密服务网络',
      '五、五月份主要工作。一是抓学习。',
    ].join('\n');
    const lines = tokenize(injected, text);
    const model = buildReport(text).headings.filter((h) => h.marker).map((h) => `${h.marker!.start}-${h.marker!.end}`);
    assert.deepEqual(spansOf(lines, MARKER), model);
    assert.equal(model.length, 3, 'lines 4–6 are headings; the numeral series are prose');
    assertNotScoped(lines[0], '一、', 'entity.name.section');
    assertIn(lines[3], '三、', heading(1));
  });

  it('stays linear on pathological lines', () => {
    const lines = [
      '“'.repeat(20000),
      '《'.repeat(20000),
      '一是'.repeat(10000),
      '，一是'.repeat(6000),
      '1'.repeat(20000),
      '一'.repeat(20000),
      '约'.repeat(20000),
      '3万余'.repeat(6000),
      '3名'.repeat(10000),
      '##a##'.repeat(4000),
      '（一）'.repeat(6000),
      `一、${'文'.repeat(20000)}`,
      `${' '.repeat(3)}${'#'.repeat(6)} ${'##a##'.repeat(4000)}`,
    ];
    const result = tokenize(injected, lines.join('\n'));
    assert.equal(result.length, lines.length);
  });

  it('documents every scope it uses in README.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const names = new Set<string>();
    JSON.stringify(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')), (key, value) => {
      if (key === 'name' && typeof value === 'string') for (const n of value.split(' ')) names.add(n.replace(/level-\d/, 'level-N'));
      return value;
    });
    for (const name of names) if (name.endsWith('.party-report')) assert.ok(readme.includes(name), `README.md documents ${name}`);
  });
});
