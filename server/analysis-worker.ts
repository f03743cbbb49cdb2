/**
 * The analysis worker's task (bundled to dist/analysis-worker.js; piscina's own worker
 * script, dist/worker.js, loads it in each thread of the language server's pool — see
 * server/lsp/worker-runner.ts). Pure: the rule core over plain data, no LSP.
 */
import { type AnalysisRequest, analyzeDocument, analyzeWire, DocumentMemory, fixDocument, type WireReply, type WireRequest } from './lsp/analysis';

/** One task as the pool sends it. */
export type WorkerTask = { op: 'analyze'; request: WireRequest } | { op: 'fix'; request: AnalysisRequest };

/**
 * A short report of our own, linted once when the thread starts (piscina loads this module
 * before it reports the thread ready): a first lint in a fresh thread takes several times
 * longer than the next (compiling the rules, building lazy tables), and a thread that
 * replaces a terminated one should answer its first document as fast as any other.
 */
const WARM_UP = [
  '# 2026年上半年党建工作总结',
  '',
  '一、主要工作',
  '（一）加强理论学习。全年组织集中学习12次，其中专题研讨4次、辅导报告8次。',
  '（二）夯实基层组织。一是规范组织生活；二是发展党员3名。',
  '二、存在的问题',
  '学习成效转化不够。',
  '三、下一步工作计划',
  '继续加强理论学习，党员参学率同比提高5%。',
  '',
].join('\n');
try {
  analyzeDocument({ text: WARM_UP, configs: [], locale: 'zh-CN' });
} catch {
  // Only a warm-up: a real task reports its own error.
}

/**
 * This thread's last analysis of each of its recent documents: the pool sends a document's
 * analyses to the thread that ran the last one while it is free (worker-runner.ts), so a
 * keystroke re-parses only the blocks it touched. Lost with the thread when it is terminated.
 */
const memory = new DocumentMemory();

/** Runs one task; the pool's worker script calls the default export. */
export default function runTask(task: WorkerTask): WireReply | string {
  return task.op === 'analyze' ? analyzeWire(task.request, memory) : fixDocument(task.request);
}
