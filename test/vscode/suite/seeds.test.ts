/**
 * The extension in a real VS Code (the extension host, the real `vscode` API): each seed
 * opened as Markdown gets the diagnostics the CLI reports and the fixtures claim, an
 * outline of its `一、` sections, hovers on them, and working quick fixes and fix-all.
 * Waits on VS Code's events with a deadline, never a fixed sleep. Edits are never saved:
 * each test reverts the documents it changed.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type CliMessage, cliFixed, cliMessages, levelOneHeadingLines, localeOf, readSeeds, type Seed, seedClaims } from './expected';

const SOURCE = 'party-report';
const EXTENSION_ID = 'party-report.party-report';
/** Deadline for VS Code to show what the server computed (first one includes its start). */
const WAIT_MS = 30_000;

const seeds = readSeeds();
const claims = seedClaims();
const locale = localeOf(vscode.env.language);

function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  return list.length
    ? list.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ')
    : 'none';
}

/**
 * Resolves with `uri`'s party-report diagnostics once `done` holds for them, checking now
 * and on every `onDidChangeDiagnostics` for `uri`; rejects after `timeoutMs`.
 */
function waitForDiagnostics(
  uri: vscode.Uri,
  done: (list: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): void => {
      const list = ours(uri);
      if (!done(list)) return;
      cleanup();
      resolve(list);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${what} within ${timeoutMs} ms; diagnostics seen: ${describeDiagnostics(ours(uri))}`));
    }, timeoutMs);
    function cleanup(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

const SEVERITY: Record<CliMessage['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A comparable line per diagnostic: rule, range (0-based), severity, message. */
function keyOfDiagnostic(d: vscode.Diagnostic): string {
  const { start, end } = d.range;
  return `${ruleOf(d)} ${start.line}:${start.character}-${end.line}:${end.character} s${d.severity} ${d.message}`;
}

function keyOfCli(m: CliMessage): string {
  return `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} s${SEVERITY[m.severity]} ${m.message}`;
}

function sameMultiset(expected: readonly CliMessage[]): (list: vscode.Diagnostic[]) => boolean {
  const want = expected.map(keyOfCli).sort().join('\n');
  return (list) => list.map(keyOfDiagnostic).sort().join('\n') === want;
}

/** Opens `seed` from its own path as a Markdown document in an editor. */
async function openSeed(seed: Seed): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument(vscode.Uri.file(seed.file));
  if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Throws away unsaved edits to `document` (the seeds are never written). */
async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `${document.uri.fsPath} still has unsaved edits after revert`);
}

function applyCliFix(text: string, fix: NonNullable<CliMessage['fix']>): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Inserts an empty line before 0-based `line` of the seed's (never saved) document. */
async function openSeedWithBlankLine(seed: Seed, line: number): Promise<vscode.TextEditor> {
  const document = await openSeed(seed);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), '\n');
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  return vscode.window.showTextDocument(document, { preview: false });
}

async function complete(editor: vscode.TextEditor, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  return list.items;
}

/** Accepts `item` as the editor does: its additional edits (below it here) and its snippet or text. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, position: vscode.Position): Promise<void> {
  if (item.additionalTextEdits?.length) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, item.additionalTextEdits);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
  }
  const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? new vscode.Range(position, position));
  const text = item.insertText ?? labelOf(item);
  const snippet = typeof text === 'string' ? new vscode.SnippetString(text.replace(/[$}\\]/g, '\\$&')) : text;
  assert.equal(await editor.insertSnippet(snippet, range), true);
}

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('party-report in a real VS Code', function () {
  this.timeout(120_000);

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) await revert(document);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the fixtures make claims about every seed', () => {
    assert.deepEqual([...claims.keys()].sort(), seeds.map((s) => s.id));
  });

  for (const seed of seeds) {
    describe(`seed ${seed.id}`, () => {
      it('shows exactly the CLI’s findings as diagnostics: rule ids, ranges, severities, messages', async () => {
        const expected = cliMessages(seed.text, locale);
        assert.ok(expected.length > 0, 'every seed has findings');
        const document = await openSeed(seed);
        const diagnostics = await waitForDiagnostics(document.uri, sameMultiset(expected), `diagnostics equal to the CLI's ${expected.length}`);
        for (const d of diagnostics) {
          const target = typeof d.code === 'object' ? d.code.target.toString() : '';
          assert.match(target, new RegExp(`/docs/rules/${ruleOf(d)}\\.md$`), 'the code links the rule’s page');
        }
      });

      it('reports on the lines the fixtures claim, rule by rule', async () => {
        const document = await openSeed(seed);
        const wanted = claims.get(seed.id)!;
        const total = [...wanted.values()].reduce((n, lines) => n + lines.length, 0);
        const diagnostics = await waitForDiagnostics(document.uri, (list) => list.length === total, `${total} diagnostics`);
        const seen = new Map<string, number[]>();
        for (const d of diagnostics) seen.set(ruleOf(d), [...(seen.get(ruleOf(d)) ?? []), d.range.start.line + 1]);
        for (const [rule, lines] of wanted) {
          assert.deepEqual((seen.get(rule) ?? []).sort((a, b) => a - b), [...lines].sort((a, b) => a - b), `${rule} on seed ${seed.id}`);
        }
        for (const rule of seen.keys()) assert.ok(wanted.has(rule), `${rule} reports on seed ${seed.id} but its fixtures make no claim`);
      });

      it('outlines its sections: every 一、 line is a top-level symbol', async () => {
        const document = await openSeed(seed);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        assert.ok(Array.isArray(symbols), 'a symbol list');
        const headings = levelOneHeadingLines(seed.text);
        const topLines = symbols.map((s) => s.selectionRange.start.line);
        for (const line of headings) {
          assert.ok(topLines.includes(line), `line ${line + 1} (${document.lineAt(line).text.slice(0, 12)}…) is a top-level symbol; top-level lines: ${topLines.map((l) => l + 1)}`);
        }
        for (const symbol of flatten(symbols)) {
          assert.ok(symbol.name.trim(), 'a symbol has a name');
          assert.ok(symbol.range.contains(symbol.selectionRange), `${symbol.name}: range holds its selection range`);
          for (const child of symbol.children) assert.ok(symbol.range.contains(child.range), `${child.name} lies inside ${symbol.name}`);
          const lineText = document.lineAt(symbol.selectionRange.start.line).text;
          assert.ok(lineText.includes(symbol.name.slice(0, 2)), `${symbol.name} is named after its line: ${lineText.slice(0, 20)}`);
        }
      });

      const headingLine = levelOneHeadingLines(seed.text)[0];
      if (headingLine !== undefined) {
        it('hover on a 一、 heading says its level and the standard', async () => {
          const document = await openSeed(seed);
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            new vscode.Position(headingLine, 1),
          );
          const text = hovers
            .flatMap((h) => h.contents)
            .map((c) => (typeof c === 'string' ? c : c.value))
            .join('\n');
          assert.match(text, locale === 'en' ? /Level 1 heading/ : /一级标题/);
          assert.match(text, /GB\/T 9704/);
        });
      }

      const fixable = cliMessages(seed.text, locale).filter((m) => m.fix);
      if (fixable.length) {
        it('a preferred quick fix applied through the code action API changes the text as the CLI’s fix says', async () => {
          const target = fixable[0];
          const document = await openSeed(seed);
          const before = cliMessages(seed.text, locale);
          await waitForDiagnostics(document.uri, sameMultiset(before), 'the first diagnostics');
          const range = new vscode.Range(target.line - 1, target.column - 1, target.endLine - 1, target.endColumn - 1);
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            range,
            vscode.CodeActionKind.QuickFix.value,
          );
          // The command's CodeActions carry no diagnostics (VS Code drops them in the
          // conversion): the one preferred fix at the finding's range is the finding's.
          const preferred = actions.filter((a) => a.isPreferred && a.kind?.value === 'quickfix');
          assert.equal(preferred.length, 1, `one preferred quick fix at ${JSON.stringify(range)}; got: ${actions.map((a) => a.title).join(' | ')}`);
          const action = preferred[0];
          assert.ok(action.edit, `${action.title} has an edit`);
          assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'the edit applies');
          const fixed = applyCliFix(seed.text, target.fix!);
          assert.equal(document.getText(), fixed, 'the text after the quick fix');
          await waitForDiagnostics(document.uri, sameMultiset(cliMessages(fixed, locale)), 'diagnostics of the fixed text');
        });

        it('source.fixAll.partyReport leaves the text the CLI’s --fix leaves', async () => {
          const document = await openSeed(seed);
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            new vscode.Range(0, 0, document.lineCount, 0),
            'source.fixAll.partyReport',
          );
          const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.partyReport');
          assert.ok(fixAll?.edit, `a fix-all action; got: ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
          assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true, 'the edit applies');
          const fixed = cliFixed(seed.text);
          assert.equal(document.getText(), fixed, 'the text after fix-all');
          await waitForDiagnostics(document.uri, sameMultiset(cliMessages(fixed, locale)), 'diagnostics of the fixed text');
        });
      }
    });
  }

  describe('completion at a line start (seed 000)', () => {
    const seed = seeds.find((s) => s.id === '000')!;

    it('on a new line after 五是…, 六是 before 1., preselected, and accepting it writes 六是', async () => {
      const editor = await openSeedWithBlankLine(seed, 11);
      const position = new vscode.Position(11, 0);
      const items = await complete(editor, position);
      const ours = items.filter((i) => ['六是', '1.'].includes(labelOf(i)));
      assert.deepEqual(ours.map(labelOf), ['六是', '1.'], `items: ${items.map(labelOf).join(' ')}`);
      assert.equal(ours[0].preselect, true);
      await accept(editor, ours[0], position);
      assert.match(editor.document.lineAt(11).text, /^六是/);
    });

    it('on a new line closing 一、, the missing 存在的问题 as 二、 renumbering the plans to 三、; accepted, required-sections is satisfied', async () => {
      const editor = await openSeedWithBlankLine(seed, 17);
      const position = new vscode.Position(17, 0);
      const items = await complete(editor, position);
      const section = items.find((i) => labelOf(i) === '二、存在的问题和不足');
      assert.ok(section, `items: ${items.map(labelOf).join(' ')}`);
      assert.ok(section.insertText instanceof vscode.SnippetString, 'a snippet');
      await accept(editor, section, position);
      const text = editor.document.getText();
      assert.match(text, /\n二、存在的问题和不足\n一是【待补充：具体问题及表现】。\n二是【待补充：具体问题及表现】。\n三是【待补充：具体问题及表现】。\n三、下半年工作计划\n/);
      await waitForDiagnostics(editor.document.uri, (list) => !list.some((d) => ruleOf(d) === 'required-sections'), 'required-sections going quiet');
    });
  });
});
