/**
 * The server's analysis as plain data (server/lsp/analysis.ts) and the in-thread runner
 * (server/lsp/analysis-runner.ts): what a worker sends back survives a structured clone and
 * gives the editor features the same answers as the whole report; a burst of versions of
 * one document runs only the last.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildReport } from '../../rules/model/report';
import type { Rule } from '../../rules/types';
import { analyzeDocument, hydrateOutline } from '../../server/lsp/analysis';
import { type AnalysisTask, InThreadRunner } from '../../server/lsp/analysis-runner';
import { foldingRanges } from '../../server/lsp/folding';
import { hoverAt } from '../../server/lsp/hover';
import { documentSymbols } from '../../server/lsp/symbols';
import { ROOT } from '../support/paths';

const CORPUS = join(ROOT, 'test', 'corpus');

const task = (uri: string, version: number, text: string): AnalysisTask => ({ uri, version, text, configs: [], locale: 'zh-CN', budgetMs: 5000 });

describe('server analysis as plain data', () => {
  const files = readdirSync(CORPUS).filter((f) => /^r\d+-.*\.md$/.test(f)).slice(0, 4);

  for (const file of files) {
    it(`${file}: outline, folding and hover from the cloned result equal those of the whole report`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const document = TextDocument.create('file:///r.md', 'markdown', 1, text);
      const output = structuredClone(analyzeDocument({ text, configs: [], locale: 'zh-CN' }));
      const outline = hydrateOutline(text, output.outline);
      const report = buildReport(text);
      assert.ok(report.sections.length > 0, 'the corpus report has sections');
      assert.deepEqual(documentSymbols(outline, document), documentSymbols(report, document));
      assert.deepEqual(foldingRanges(outline), foldingRanges(report));
      const heading = report.sections[0].heading;
      assert.deepEqual(hoverAt(outline, output.checks, heading.start, 'zh-CN'), hoverAt(report, [], heading.start, 'zh-CN'));
    });
  }
});

describe('InThreadRunner', () => {
  /** A rule that records the texts it was run on. */
  const seen: string[] = [];
  const recorder: Rule = {
    id: 'recorder',
    meta: {
      family: 'wording',
      severity: 'warning',
      fixable: false,
      description: { 'zh-CN': '记录', en: 'records' },
      messages: { seen: { 'zh-CN': '见', en: 'seen' } },
    },
    check: (report) => {
      seen.push(report.text);
      return [{ messageId: 'seen', start: 0, end: 1 }];
    },
  };

  beforeEach(() => {
    seen.length = 0;
  });

  it('runs only the last of a burst of versions; the others end cancelled', async () => {
    const runner = new InThreadRunner([recorder]);
    const outcomes = await Promise.all([1, 2, 3].map((v) => runner.analyze(task('untitled:a', v, `v${v}`))));
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['cancelled', 'cancelled', 'done'],
    );
    assert.deepEqual(seen, ['v3']);
    const last = outcomes[2];
    assert.ok(last.kind === 'done' && last.value.findings[0].ruleId === 'recorder');
  });

  it('keeps documents apart, and cancel(uri) drops a pending run', async () => {
    const runner = new InThreadRunner([recorder]);
    const a = runner.analyze(task('untitled:a', 1, 'a'));
    const b = runner.analyze(task('untitled:b', 1, 'b'));
    runner.cancel('untitled:a');
    assert.equal((await a).kind, 'cancelled');
    assert.equal((await b).kind, 'done');
    assert.deepEqual(seen, ['b']);
  });

  it('fix: the text after the automatic fixes, apart from the analysis of the same document', async () => {
    const runner = new InThreadRunner();
    const text = '一、主要工作\n党员共17名,其中女党员5名。\n';
    const [analysis, fixed] = await Promise.all([runner.analyze(task('untitled:f', 1, text)), runner.fix(task('untitled:f', 1, text))]);
    assert.equal(analysis.kind, 'done');
    assert.ok(fixed.kind === 'done');
    assert.notEqual(fixed.value, text, 'the half-width comma was fixed');
    assert.ok(fixed.value.includes('，'));
  });
});
