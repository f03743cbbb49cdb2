/**
 * What crosses the worker boundary per keystroke (server/lsp/analysis-delta.ts): the edit
 * one way, the changed part of the output the other. Over random edit sequences of long
 * reports, the output the main thread decodes must equal a full analysis of the same text,
 * field for field (what a structured clone of it would give), and a one-character edit must
 * send only a few elements.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type AnalysisOutput, analyzeDocument, analyzeWire, DocumentMemory, type WireRequest } from '../../server/lsp/analysis';
import { applyOutput, applyTextEdit, type OutputDelta, sameShifted, shifted, textEdit } from '../../server/lsp/analysis-delta';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

const CORPUS = join(ROOT, 'test', 'corpus');
const reports = readdirSync(CORPUS)
  .filter((f) => /^r\d+-.*\.md$/.test(f))
  .slice(0, 8)
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));
/** Project corpus reports under numbered parts with a table each: headings, sections, items and checks to move. */
const LONG = reports
  .map((text, n) => `# 第${n + 1}部分\n\n${text}\n\n| 支部 | 党员 |\n| --- | ---: |\n| 一支部 | ${10 + n} |\n| 合计 | ${10 + n} |\n`)
  .join('\n');

const INSERTS = ['党', '1', '，', '\n', '\n\n', '## 三、新的一节\n', '（二）', '一是', '12名', '“', '|', '- ', '😀', '\ud83d', ''];

/** One edit of `text`: mostly short inserts and deletes, sometimes a longer delete. */
const edit = (text: string) =>
  fc
    .record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }) }),
      insert: fc.constantFrom(...INSERTS),
    })
    .map(({ at, remove, insert }) => {
      const start = Math.floor(at * text.length);
      return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
    });

/** A document and `n` versions, each an edit of the one before. */
function versions(n: number): fc.Arbitrary<string[]> {
  let arb: fc.Arbitrary<string[]> = fc.constant([LONG]);
  for (let i = 0; i < n; i++) arb = arb.chain((texts) => edit(texts[texts.length - 1]).map((next) => [...texts, next]));
  return arb;
}

/** The two ends of the boundary: the worker's memory and the main thread's last output, as worker-runner.ts keeps them. */
class Boundary {
  readonly memory = new DocumentMemory();
  private held: { id: number; text: string; output: AnalysisOutput } | undefined;
  private lastId = 0;
  /** Elements sent in the last delta (null for a whole output). */
  sent: number | null = null;

  analyze(text: string): AnalysisOutput {
    const id = ++this.lastId;
    const base = this.held;
    const request: WireRequest = { uri: 'file:///r.md', id, configs: [], locale: 'zh-CN' };
    if (base) Object.assign(request, { base: base.id, edit: textEdit(base.text, text) });
    else request.text = text;
    // Across the boundary as piscina sends it.
    const reply = structuredClone(analyzeWire(structuredClone(request), this.memory));
    if (reply.kind === 'need-text') assert.fail('the worker holds the base');
    const output = reply.kind === 'output' ? reply.output : applyOutput(base!.output, reply.delta);
    this.sent = reply.kind === 'delta' ? countSent(reply.delta) : null;
    this.held = { id, text, output };
    return output;
  }
}

function countSent(delta: OutputDelta): number {
  const o = delta.outline;
  return [delta.findings, delta.checks, o.headings, o.sections, o.items, o.parts, o.opaque].reduce((n, d) => n + d.middle.length, 0);
}

/** A full analysis as the main thread would receive it whole. */
const full = (text: string) => structuredClone(analyzeDocument({ text, configs: [], locale: 'zh-CN' }));

describe('analysis deltas across the worker boundary', function () {
  this.timeout(120000);

  it('decodes to the full analysis after every edit of random sequences', () => {
    fc.assert(
      fc.property(versions(4), (texts) => {
        const boundary = new Boundary();
        for (const text of texts) assert.deepEqual(boundary.analyze(text), full(text));
      }),
      { numRuns: 12 },
    );
  });

  it('sends a few elements and no text for a character typed into a paragraph', () => {
    const boundary = new Boundary();
    const before = full(LONG);
    boundary.analyze(LONG);
    const at = LONG.indexOf('。', LONG.length / 2);
    const typed = `${LONG.slice(0, at)}党${LONG.slice(at)}`;
    assert.deepEqual(boundary.analyze(typed), full(typed));
    const total = before.findings.length + before.checks.length + before.outline.headings.length + before.outline.sections.length + before.outline.items.length;
    assert.ok(total > 300, `a long report (${total} elements)`);
    assert.ok(boundary.sent !== null && boundary.sent <= 10, `sent ${boundary.sent} elements of ${total}`);
  });

  it('asks for the whole text when its thread does not hold the base, and sends the output whole', () => {
    const memory = new DocumentMemory();
    const request: WireRequest = { uri: 'file:///r.md', id: 2, base: 1, edit: { start: 0, end: 0, text: '党' }, configs: [], locale: 'zh-CN' };
    assert.deepEqual(analyzeWire(request, memory), { kind: 'need-text' });
    const reply = analyzeWire({ ...request, text: `党${LONG}` }, memory);
    assert.equal(reply.kind, 'output');
    assert.deepEqual(structuredClone(reply.kind === 'output' && reply.output), full(`党${LONG}`));
  });

  it('moves only start, end and line, and compares null, nested arrays and keys', () => {
    const shift = { from: 10, by: 2, afterLine: 1, lines: 1 };
    const a = { line: 2, start: 12, end: 9, depth: null, children: [11, 12], related: [{ start: 10, end: 20, message: 'x' }] };
    const b = shifted(a, shift);
    assert.deepEqual(b, { line: 3, start: 14, end: 9, depth: null, children: [11, 12], related: [{ start: 12, end: 22, message: 'x' }] });
    assert.ok(sameShifted(a, b, shift));
    assert.ok(!sameShifted(a, { ...b, depth: 0 }, shift));
    assert.ok(!sameShifted(a, { ...b, extra: 1 }, shift), 'a key more');
    assert.ok(!sameShifted({ ...a, extra: undefined }, b, shift), 'a key less, even if undefined');
    assert.ok(!sameShifted(a, a, shift), 'the same object moved is not itself');
    assert.ok(!sameShifted({ m: new Map([[1, 2]]) }, { m: new Map([[1, 3]]) }, shift), 'a Map is never read as {}');
    assert.ok(!sameShifted(new Set([1]), new Set([2]), shift), 'nor a Set');
    assert.ok(sameShifted(Object.assign(Object.create(null), { x: 1 }), { x: 1 }, shift), 'a null-prototype object is plain data');
    assert.equal(applyTextEdit('abcdef', textEdit('abcdef', 'abXYef')), 'abXYef');
  });
});
