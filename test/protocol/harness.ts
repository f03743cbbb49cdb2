/**
 * A minimal LSP client for protocol tests: spawns the built server (`node dist/server.js
 * --stdio`), speaks JSON-RPC over its stdio, answers `workspace/configuration` from
 * `settings`, and records what the server sends so tests can wait for it (with a
 * timeout, never a fixed sleep).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClientCapabilities,
  ConfigurationRequest,
  createMessageConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type InitializeResult,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  type LogMessageParams,
  type MessageConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageNotification,
  type ShowMessageParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { ROOT } from '../support/paths';

export const SERVER_JS = join(ROOT, 'dist', 'server.js');

/**
 * How long a test waits for something the server should send. Every wait ends as soon as
 * the thing arrives, so this only bounds a failure: generous, because a loaded machine (CI
 * sharing its two cores) can take seconds to start a Node process.
 */
export const WAIT_MS = 15_000;

/** What the server has sent so far, by kind; `waitFor` watches these lists. */
export interface Received {
  publishes: PublishDiagnosticsParams[];
  logs: LogMessageParams[];
  shown: ShowMessageParams[];
  refreshes: number[];
}

export interface StartOptions {
  /** Advertise `textDocument.diagnostic` (pull). */
  pull: boolean;
  /** The `partyReport` settings served to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  locale?: string;
  /** Workspace folder URIs. */
  workspaceFolders?: string[];
  /** Advertise versioned `documentChanges` in workspace edits (default true, as VS Code). */
  documentChanges?: boolean;
  /** Advertise `window.workDoneProgress` (server-created progress; the test answers its create requests). */
  workDoneProgress?: boolean;
}

/** A running server and the client side of its connection. */
export class TestClient {
  readonly received: Received = { publishes: [], logs: [], shown: [], refreshes: [] };
  settings: Record<string, unknown>;
  /** What the spawned server wrote to stderr (nothing, normally: logs go over LSP). */
  stderr = '';
  initializeResult: InitializeResult | undefined;
  exitCode: number | null | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly conn: MessageConnection,
    readonly options: StartOptions,
    private readonly child?: ChildProcess,
  ) {
    this.settings = { ...options.settings };
    child?.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      child?.once('exit', (code) => {
        this.exitCode = code;
        this.notify();
        resolve(code);
      });
    });
    conn.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'partyReport' ? this.settings : null)),
    );
    conn.onRequest(DiagnosticRefreshRequest.type, () => {
      this.received.refreshes.push(Date.now());
      this.notify();
    });
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => this.record(this.received.publishes, p));
    conn.onNotification(LogMessageNotification.type, (p) => this.record(this.received.logs, p));
    conn.onNotification(ShowMessageNotification.type, (p) => this.record(this.received.shown, p));
    // Swallow the connection's own errors once the process is gone (after hooks kill it).
    conn.onError(() => undefined);
    conn.listen();
  }

  /** Spawns the built server (`node dist/server.js --stdio`) and initializes it. */
  static async start(options: StartOptions): Promise<TestClient> {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    return TestClient.initialize(new TestClient(conn, options, proc), options);
  }

  /**
   * Talks to a server running in this process over `conn` (see in-process.test.ts) and
   * initializes it. `processId` is null there, so the server never watches this process.
   */
  static attach(conn: MessageConnection, options: StartOptions): Promise<TestClient> {
    return TestClient.initialize(new TestClient(conn, options), options);
  }

  /** The spawned process; throws for an in-process server. */
  get proc(): ChildProcess {
    assert.ok(this.child, 'no process: the server runs in this process');
    return this.child;
  }

  private static async initialize(client: TestClient, options: StartOptions): Promise<TestClient> {
    const conn = client.conn;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: false },
        workspaceFolders: true,
        diagnostics: { refreshSupport: true },
        // As VS Code: resource operations come with documentChanges.
        workspaceEdit: options.documentChanges === false ? { documentChanges: false } : { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
        },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await withTimeout(
      conn.sendRequest(InitializeRequest.type, {
        processId: client.child ? process.pid : null,
        rootUri: folders[0] ?? null,
        workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
        capabilities,
        locale: options.locale ?? 'zh-CN',
      }),
      'initialize',
    );
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Replaces the served settings and tells the server (as VS Code's client does). */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { ...settings };
    return this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { partyReport: this.settings } });
  }

  /**
   * Resolves with the first value `probe` returns that is not undefined, re-probing on
   * every message from the server; rejects after `ms` with `what` in the message.
   */
  waitFor<T>(what: string, probe: () => T | undefined, ms = WAIT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The first publish for `uri` (and `version`, if given) after `from` publishes. */
  waitForPublish(uri: string, version?: number, from = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`publishDiagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () =>
      this.received.publishes.slice(from).find((p) => p.uri === uri && (version === undefined || p.version === version)),
    );
  }

  /** Resolves with the exit code when the process exits (within `ms`). */
  waitForExit(ms = WAIT_MS): Promise<number | null> {
    return withTimeout(this.exited, 'server exit', ms);
  }

  /** Kills the process if it still runs and closes the connection. */
  async dispose(): Promise<void> {
    const child = this.child;
    if (child && this.exitCode === undefined) {
      child.kill();
      await withTimeout(this.exited, 'server kill', WAIT_MS).catch(() => child.kill('SIGKILL'));
    }
    this.conn.dispose();
  }

  private record<T>(list: T[], item: T) {
    list.push(item);
    this.notify();
  }

  private notify() {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Rejects if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Servers started by a test and killed after it, whatever the test's outcome: call in a
 * `describe` body (it registers an `afterEach`), then `const client = await servers.start(…)`
 * in each test. One helper instead of a `let client` and an `afterEach` in every suite.
 */
export function serversPerTest(): { start(options: StartOptions): Promise<TestClient> } {
  const started: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((client) => client.dispose()));
  });
  return {
    async start(options) {
      const client = await TestClient.start(options);
      started.push(client);
      return client;
    },
  };
}
