/**
 * Entry point of the language server (bundled to dist/server.js):
 * `node dist/server.js --stdio` or `--node-ipc` (as the VS Code client starts it).
 */
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from './node-files';
import { startServer } from './server';
import { WorkerRunner } from './lsp/worker-runner';
import { FramingWatch } from './lsp/framing';
import { describeError } from './lsp/texts';

const connection = createConnection(ProposedFeatures.all);

// Whatever slips past the handlers' guards is logged, not fatal: one bad document must
// not take the editor's diagnostics down with it.
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeError(reason)}`));

// Analyses run in worker threads (dist/analysis-worker.js beside this bundle), with a time budget;
// config and ignore files are read from disk.
startServer(connection, { files: nodeFiles(), runner: new WorkerRunner({ filename: join(__dirname, 'analysis-worker.js') }) });

// Over stdio a broken frame leaves the server deaf (server/lsp/framing.ts): say so and
// exit, so that the client restarts it. Exit status 1: not a requested shutdown.
if (process.argv.includes('--stdio')) {
  const watch = new FramingWatch((reason) => {
    const message = `party-report: 收到的消息格式错误，语言服务器退出以便客户端重新启动 (broken message framing, exiting so the client restarts the server): ${reason}`;
    process.stderr.write(`${message}\n`);
    try {
      connection.console.error(message);
    } catch {
      // The connection may already be unusable; stderr has the message.
    }
    // A moment for the log line to leave through stdout before the process ends.
    setTimeout(() => process.exit(1), 100);
    process.stdin.pause();
  });
  process.stdin.on('data', (chunk: Buffer | string) => watch.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
}
