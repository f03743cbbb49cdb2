/**
 * The language status items (the `{}` in the status bar beside “Markdown”): what the
 * server made of the active report — its kind and where that came from, the required
 * sections found ✓/✗, the error rate per 10,000 characters — from the server's
 * `partyReport/documentStatus` request (server/lsp/requests.ts), asked again when the
 * active editor, its text or its diagnostics change (the server answers from the analysis
 * it already made for that version). The kind item's command, 设置报告类型, writes the
 * chosen kind to the front matter (`报告类型:`) with the edit the server sent: one
 * undoable edit in the editor.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector } from 'vscode-languageclient';
import { DOCUMENT_STATUS_REQUEST, type DocumentStatus, type DocumentStatusParams } from '../server/lsp/requests';
import { message } from './messages';

/** Quiet time after typing before the status is asked for again, in ms. */
const REFRESH_DEBOUNCE_MS = 300;

interface ClientAccess {
  /** The running client, or an error the command shows. */
  running(): BaseLanguageClient;
  /** Runs a command body, showing a failure as an error message. */
  reportErrors(body: () => Promise<void>): Promise<void>;
}

/**
 * The three items' texts for one status (pure, so it reads as a table): the kind with
 * its source; the sections with ✓/✗; the error rate. Items that do not apply are null.
 */
export function statusTexts(status: DocumentStatus | null): {
  kind: { text: string; detail: string };
  sections: { text: string; detail: string; missing: boolean } | null;
  rate: { text: string; detail: string } | null;
} {
  if (!status) return { kind: { text: message('statusNotChecked'), detail: message('statusNotCheckedDetail') }, sections: null, rate: null };
  if (!status.isReport && !status.linted) {
    return { kind: { text: message('statusNotReport'), detail: message('statusNotReportDetail') }, sections: null, rate: null };
  }
  const found = status.sections.filter((s) => s.found).length;
  const sections = status.sections.length
    ? {
        text: status.sections.map((s) => `${s.found ? '✓' : '✗'} ${s.label}`).join('  '),
        detail: message('statusSections', found, status.sections.length),
        missing: found < status.sections.length,
      }
    : null;
  const rate = status.errorRate
    ? {
        text: message('statusRate', status.errorRate.perTenThousand.toFixed(2)),
        detail: message('statusRateDetail', status.errorRate.weightedErrors, status.errorRate.characters.toLocaleString()),
      }
    : null;
  return { kind: { text: status.kind.label, detail: status.kind.sourceLabel }, sections, rate };
}

/**
 * Creates the status items for `selector` and the 设置报告类型 command, and keeps them up
 * to date with the active editor.
 *
 * @returns a function that asks for the status again (soon): call it once the client runs
 */
export function registerStatusItems(context: vscode.ExtensionContext, access: ClientAccess, selector: DocumentSelector): () => void {
  // vscode-languageclient's DocumentSelector is VS Code's (plain filters); the cast only bridges the two packages' types.
  const vsSelector = selector as vscode.DocumentSelector;
  const kindItem = vscode.languages.createLanguageStatusItem('partyReport.kind', vsSelector);
  kindItem.name = message('statusKindName');
  kindItem.command = { title: message('statusSetKind'), command: 'partyReport.setReportKind' };
  let sectionsItem: vscode.LanguageStatusItem | undefined;
  let rateItem: vscode.LanguageStatusItem | undefined;
  context.subscriptions.push(kindItem, { dispose: () => (sectionsItem?.dispose(), rateItem?.dispose()) });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const show = (status: DocumentStatus | null) => {
    const texts = statusTexts(status);
    kindItem.text = texts.kind.text;
    kindItem.detail = texts.kind.detail;
    if (texts.sections) {
      sectionsItem ??= vscode.languages.createLanguageStatusItem('partyReport.sections', vsSelector);
      sectionsItem.name = message('statusSectionsName');
      sectionsItem.text = texts.sections.text;
      sectionsItem.detail = texts.sections.detail;
      sectionsItem.severity = texts.sections.missing ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    } else {
      sectionsItem?.dispose();
      sectionsItem = undefined;
    }
    if (texts.rate) {
      rateItem ??= vscode.languages.createLanguageStatusItem('partyReport.errorRate', vsSelector);
      rateItem.name = message('statusRateName');
      rateItem.text = texts.rate.text;
      rateItem.detail = texts.rate.detail;
    } else {
      rateItem?.dispose();
      rateItem = undefined;
    }
  };

  const refresh = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || vscode.languages.match(vsSelector, document) === 0) return;
    const ticket = ++asked;
    let status: DocumentStatus | null = null;
    try {
      const client = access.running();
      const params: DocumentStatusParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
      status = await client.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, params);
    } catch {
      // Not running yet (or restarting): the next change asks again.
      return;
    }
    // A later request (another editor, a newer version) has the last word.
    if (ticket === asked) show(status);
  };

  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
  };

  const activeUri = () => vscode.window.activeTextEditor?.document.uri.toString();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => later()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === activeUri()) later();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = activeUri();
      if (uri && e.uris.some((u) => u.toString() === uri)) later();
    }),
    { dispose: () => timer && clearTimeout(timer) },
    vscode.commands.registerCommand('partyReport.setReportKind', () => access.reportErrors(() => setKind(access, refresh))),
  );
  kindItem.text = '…';
  later();
  return later;
}

/**
 * 设置报告类型: a quick pick of the report kinds (the current one marked); the chosen
 * kind is written to the front matter with the server's edit for this version.
 */
async function setKind(access: ClientAccess, refresh: () => Promise<void>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(message('notMarkdown'));
    return;
  }
  const client = access.running();
  const params: DocumentStatusParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) } };
  const status = await client.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, params);
  if (!status) {
    void vscode.window.showInformationMessage(message('statusNotCheckedDetail'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    status.kinds.map((k) => ({ label: k.label, description: k.current ? message('statusCurrentKind') : undefined, choice: k })),
    { placeHolder: message('statusPickKind') },
  );
  if (!picked) return;
  if (!picked.choice.edit) {
    void vscode.window.showWarningMessage(message('statusTomlFrontMatter'));
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(picked.choice.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(message('statusKindEditFailed'));
    return;
  }
  await refresh();
}
