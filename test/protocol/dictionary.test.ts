/**
 * The project dictionary's quick fix (“将“…”加入项目词典”) against the spawned server: the
 * workspace edit it sends creates `.partyreportrc.json` at the workspace root, or edits the
 * config that applies (a YAML file keeps its comments); applied here as the editor would,
 * the written config silences the finding once the server hears the file changed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  type CreateFile,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  type FullDocumentDiagnosticReport,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { TestClient, withTimeout } from './harness';

/** A report of our own with one doubled character (了了) and one placeholder (XX). */
const REPORT = ['# 某村党支部2024年工作总结', '', '一、主要工作', '会议通过了了全年工作计划。', '会议由XX主持。', ''].join('\n');

const YAML_CONFIG = [
  '# 本项目的检查配置',
  'rules:',
  '  quote-style: off # 引号由排版统一处理',
  'accept:',
  '  - 化化村 # 村名',
  '',
].join('\n');

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic');
  return (report as FullDocumentDiagnosticReport).items;
}

/** The dictionary action for the `rule` diagnostic of `uri`, and the diagnostic. */
async function dictionaryAction(client: TestClient, uri: string, rule: string, title: string): Promise<CodeAction | undefined> {
  const diagnostic = (await pull(client, uri)).find((d) => d.code === rule);
  assert.ok(diagnostic, `no ${rule} diagnostic`);
  const actions = (await withTimeout(
    client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
    'codeAction',
  )) as CodeAction[];
  return actions.find((a) => a.title === title);
}

/** `text` with `edits` applied, as an editor applies a TextDocumentEdit. */
function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), [...edits]);
}

describe('language server: the project dictionary quick fix', () => {
  let dir: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-dictionary-'));
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates .partyreportrc.json at the workspace root with the word, which then silences the finding', async () => {
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'a.md'), REPORT);
    const uri = pathToFileURL(join(dir, 'reports', 'a.md')).href;
    client = await TestClient.start({ pull: true, workspaceFolders: [pathToFileURL(dir).href] });
    await client.open(uri, REPORT);

    const action = await dictionaryAction(client, uri, 'duplicate-char', '将“了了”加入项目词典');
    assert.ok(action, 'no dictionary action');
    assert.equal(action.kind, 'quickfix');
    const configUri = pathToFileURL(join(dir, '.partyreportrc.json')).href;
    const [create, edit] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, configUri);
    assert.equal(edit.textDocument.uri, configUri);
    const content = applied('', edit.edits as TextEdit[]);
    assert.deepEqual(JSON.parse(content), { accept: ['了了'] });

    // Applied as the editor would, and the change announced: the finding is gone, the other stays.
    writeFileSync(join(dir, '.partyreportrc.json'), content);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Created }] });
    const codes = (await pull(client, uri)).map((d) => d.code);
    assert.ok(!codes.includes('duplicate-char'), `still reported: ${codes.join(', ')}`);
    assert.ok(codes.includes('placeholder'));
  });

  it('adds to the YAML config that applies, keeping its comments', async () => {
    writeFileSync(join(dir, '.partyreportrc.yaml'), YAML_CONFIG);
    writeFileSync(join(dir, 'a.md'), REPORT);
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    client = await TestClient.start({ pull: true, workspaceFolders: [pathToFileURL(dir).href] });
    await client.open(uri, REPORT);

    const action = await dictionaryAction(client, uri, 'placeholder', '将“XX”加入项目词典');
    assert.ok(action, 'no dictionary action');
    const changes = action.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(changes.length, 1, 'only an edit: the file exists');
    assert.equal(changes[0].textDocument.uri, pathToFileURL(join(dir, '.partyreportrc.yaml')).href);
    const after = applied(readFileSync(join(dir, '.partyreportrc.yaml'), 'utf8'), changes[0].edits as TextEdit[]);
    for (const comment of ['# 本项目的检查配置', '# 引号由排版统一处理', '# 村名']) assert.ok(after.includes(comment), `lost ${comment}:\n${after}`);
    assert.deepEqual(parse(after), { rules: { 'quote-style': 'off' }, accept: ['化化村', 'XX'] });
  });

  it('offers no dictionary action to a client that cannot create the config file', async () => {
    writeFileSync(join(dir, 'a.md'), REPORT);
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    client = await TestClient.start({ pull: true, documentChanges: false, workspaceFolders: [pathToFileURL(dir).href] });
    await client.open(uri, REPORT);
    const diagnostics = await pull(client, uri);
    const actions = (await withTimeout(
      client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }),
      'codeAction',
    )) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.deepEqual(actions.filter((a) => a.title.includes('项目词典')), []);
  });
});
