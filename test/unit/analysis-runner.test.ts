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
import { analyzeDocument, DocumentMemory, hydrateOutline } from '../../server/lsp/analysis';
import { type AnalysisTask, InThreadRunner } from '../../server/lsp/analysis-runner';
import { pickThread } from '../../server/lsp/worker-runner';
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

describe('incremental analyses (DocumentMemory, pickThread)', () => {
  it('an analysis started from the last one of the document equals a fresh one', () => {
    const memory = new DocumentMemory(2);
    const files = readdirSync(CORPUS).filter((f) => /^r\d+-.*\.md$/.test(f)).slice(0, 2);
    for (const file of files) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const uri = `file:///${file}`;
      analyzeDocument({ uri, text, configs: [], locale: 'zh-CN' }, undefined, memory);
      // A keystroke in the middle, then its undo.
      const at = text.indexOf('\n', text.length >> 1);
      for (const next of [text.slice(0, at) + '党' + text.slice(at), text]) {
        const kept = memory.get(uri);
        assert.ok(kept, 'the last analysis is kept');
        assert.deepEqual(analyzeDocument({ uri, text: next, configs: [], locale: 'zh-CN' }, undefined, memory), analyzeDocument({ text: next, configs: [], locale: 'zh-CN' }));
        assert.equal(memory.get(uri)?.text, next);
      }
    }
    // Two documents at most: a third drops the least recently analysed.
    analyzeDocument({ uri: 'file:///third.md', text: '一、主要工作\n', configs: [], locale: 'zh-CN' }, undefined, memory);
    assert.equal(memory.get(`file:///${files[0]}`), undefined);
    assert.ok(memory.get('file:///third.md'));
  });

  it('sends a document to its home thread while that is free, else to a free one, never waiting', () => {
    const homes = new Map<string, number>();
    const threads = [
      { id: 1, currentUsage: 0 },
      { id: 2, currentUsage: 0 },
    ];
    assert.equal(pickThread('a', homes, threads)?.id, 1);
    threads[0].currentUsage = 1;
    assert.equal(pickThread('b', homes, threads)?.id, 2, 'b to the free thread');
    threads[0].currentUsage = 0;
    threads[1].currentUsage = 0;
    assert.equal(pickThread('b', homes, threads)?.id, 2, 'b home again, though thread 1 is free too');
    assert.equal(pickThread('a', homes, threads)?.id, 1);
    threads[0].currentUsage = 1;
    assert.equal(pickThread('a', homes, threads)?.id, 2, 'a busy home is not waited for');
    assert.equal(homes.get('a'), 2);
    threads[1].currentUsage = 1;
    assert.equal(pickThread('c', homes, threads), null, 'every thread busy: the task waits');
    assert.equal(pickThread(undefined, homes, [{ id: 3, currentUsage: 0 }])?.id, 3, 'a fix run has no home');
  });
});
