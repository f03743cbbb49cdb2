/**
 * Entry point of the language server (bundled to dist/server.js):
 * `node dist/server.js --stdio` or `--node-ipc` (as the VS Code client starts it).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { describeError } from './lsp/texts';

const connection = createConnection(ProposedFeatures.all);

// Whatever slips past the handlers' guards is logged, not fatal: one bad document must
// not take the editor's diagnostics down with it.
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeError(reason)}`));

startServer(connection);
