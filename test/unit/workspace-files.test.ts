/**
 * The browser server's config and ignore files (server/lsp/workspace-files.ts): pushed by
 * the client as URIs, looked up as the Node server looks them up on disk — the nearest
 * config at or above the document up to its workspace folder, ignore files by git's rules —
 * and refused with the same errors (too large, not UTF-8, invalid with its line).
 */
import assert from 'node:assert/strict';
import { ConfigError } from '../../rules/engine/config';
import { MAX_CONFIG_BYTES } from '../../server/lsp/files';
import type { WorkspaceFileContent } from '../../server/lsp/requests';
import { parentUri, WorkspaceFiles } from '../../server/lsp/workspace-files';

const ROOT = 'vscode-vfs://github/party-report/demo';

function filesWith(files: WorkspaceFileContent[]): WorkspaceFiles {
  const workspace = new WorkspaceFiles();
  workspace.receive({ complete: true, files });
  return workspace;
}

/** The rule settings of a document's configs (`[]` with none); `folder` null: no workspace folder. */
function rulesOf(workspace: WorkspaceFiles, uri: string, folder: string | null = ROOT): unknown {
  const path = workspace.pathOf(uri) as string;
  return workspace.configs(path, folder ?? undefined).map((c) => c.rules);
}

describe('browser server: workspace files pushed by the client', () => {
  it('walks URI folders up to the authority, not above it', () => {
    assert.equal(parentUri(`${ROOT}/docs/a.md`), `${ROOT}/docs`);
    assert.equal(parentUri('vscode-vfs://github/owner'), 'vscode-vfs://github');
    assert.equal(parentUri('vscode-vfs://github'), null);
    assert.equal(parentUri('untitled:Untitled-1'), null);
    assert.equal(parentUri('file:///home/a.md'), 'file:///home');
    assert.equal(parentUri('file://'), null);
  });

  it('takes the nearest config at or above the document, YAML or JSON, and none above the workspace folder', () => {
    const workspace = filesWith([
      { uri: `${ROOT}/.partyreportrc.json`, text: '{ "rules": { "placeholder": "off" } }' },
      { uri: `${ROOT}/team/.partyreportrc.yaml`, text: 'rules:\n  duplicate-char: off\n' },
      { uri: 'vscode-vfs://github/party-report/.partyreportrc.json', text: '{ "rules": { "quote-style": "off" } }' },
    ]);
    assert.deepEqual(rulesOf(workspace, `${ROOT}/a.md`), [{ placeholder: 'off' }]);
    assert.deepEqual(rulesOf(workspace, `${ROOT}/team/sub/b.md?ref=main#L3`), [{ 'duplicate-char': 'off' }]);
    // The repository's parent is outside the workspace folder: its config does not apply…
    const outside = filesWith([{ uri: 'vscode-vfs://github/party-report/.partyreportrc.json', text: '{ "rules": { "quote-style": "off" } }' }]);
    assert.deepEqual(rulesOf(outside, `${ROOT}/a.md`), []);
    // …but with no workspace folder the search goes up to the authority, as on disk to `/`.
    assert.deepEqual(rulesOf(outside, `${ROOT}/a.md`, null), [{ 'quote-style': 'off' }]);
  });

  it('refuses a broken, too large or non-UTF-8 config with the file (and line) named', () => {
    const config = `${ROOT}/.partyreportrc.yaml`;
    const cases: [WorkspaceFileContent, RegExp][] = [
      [{ uri: config, text: 'rules:\n  no-such-rule: off\n' }, /partyreportrc\.yaml:2: .*no-such-rule/u],
      [{ uri: config, text: 'rules: [\n' }, /partyreportrc\.yaml/u],
      [{ uri: config, error: 'tooLarge' }, /配置文件过大.*larger than 256 KB/u],
      [{ uri: config, text: `# ${'长'.repeat(MAX_CONFIG_BYTES / 3)}\nrules: {}\n` }, /larger than 256 KB/u],
      [{ uri: config, error: 'notUtf8' }, /不是 UTF-8 编码 \(not UTF-8\)/u],
      [{ uri: config, error: 'unreadable' }, /无法读取配置文件/u],
    ];
    for (const [file, message] of cases) {
      const workspace = filesWith([file]);
      assert.throws(() => workspace.configs(`${ROOT}/a.md`, ROOT), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    }
  });

  it('applies ignore files by git’s rules: nested, negation, folders, percent-encoded names', () => {
    const workspace = filesWith([
      { uri: `${ROOT}/.partyreportignore`, text: '# 草稿不检查\ndrafts/\narchive/*.md\n!archive/keep.md\n' },
      { uri: `${ROOT}/team/.partyreportignore`, text: '旧版总结.md\n' },
    ]);
    const ignored = (path: string): boolean => workspace.ignores(`${ROOT}/${path}`, ROOT);
    assert.equal(ignored('a.md'), false);
    assert.equal(ignored('drafts/b.md'), true);
    assert.equal(ignored('archive/old.md'), true);
    assert.equal(ignored('archive/keep.md'), false);
    assert.equal(ignored(`team/${encodeURIComponent('旧版总结.md')}`), true);
    assert.equal(ignored(`team/${encodeURIComponent('新版总结.md')}`), false);
  });

  it('gives the dictionary quick fix the nearest config with its text, else a new one at the workspace folder', () => {
    const workspace = filesWith([{ uri: `${ROOT}/team/.partyreportrc.yaml`, text: 'dictionary:\n  accept: [甲]\n' }]);
    assert.deepEqual(workspace.dictionaryTarget(`${ROOT}/team/a.md`, ROOT), { path: `${ROOT}/team/.partyreportrc.yaml`, uri: `${ROOT}/team/.partyreportrc.yaml`, text: 'dictionary:\n  accept: [甲]\n' });
    assert.deepEqual(workspace.dictionaryTarget(`${ROOT}/other/b.md`, ROOT), { path: `${ROOT}/.partyreportrc.json`, uri: `${ROOT}/.partyreportrc.json`, text: null });
    const broken = filesWith([{ uri: `${ROOT}/.partyreportrc.json`, error: 'notUtf8' }]);
    assert.equal(broken.dictionaryTarget(`${ROOT}/a.md`, ROOT), null, 'a config that was not read is not written');
  });

  it('takes changes: a changed file replaces the old one, a deleted one is gone, a full list forgets the rest', () => {
    const config = `${ROOT}/.partyreportrc.json`;
    const workspace = filesWith([{ uri: config, text: '{ "rules": { "placeholder": "off" } }' }]);
    workspace.receive({ complete: false, files: [{ uri: config, text: '{ "rules": { "placeholder": "warning" } }' }] });
    assert.deepEqual(rulesOf(workspace, `${ROOT}/a.md`), [{ placeholder: 'warning' }]);
    workspace.receive({ complete: false, files: [{ uri: config }] });
    assert.deepEqual(rulesOf(workspace, `${ROOT}/a.md`), []);
    workspace.receive({ complete: false, files: [{ uri: config, text: '{}' }, { uri: `${ROOT}/.partyreportignore`, text: '*.md\n' }] });
    assert.equal(workspace.ignores(`${ROOT}/a.md`, ROOT), true);
    workspace.receive({ complete: true, files: [] });
    assert.equal(workspace.ignores(`${ROOT}/a.md`, ROOT), false);
    assert.deepEqual(rulesOf(workspace, `${ROOT}/a.md`), []);
  });
});
