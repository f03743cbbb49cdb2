/**
 * The client's own messages, in VS Code's display language (zh-* → Chinese, else
 * English). The manifest's strings are localised by package.nls*.json; rule messages and
 * the server's labels come from the server in its locale.
 */
import * as vscode from 'vscode';

const MESSAGES = {
  pickKind: { zh: '选择报告类型', en: 'Choose the kind of report' },
  pickSection: { zh: '选择要插入的章节', en: 'Choose the section to insert' },
  required: { zh: '必备', en: 'required' },
  noSection: { zh: '本报告已包含模板中的全部章节', en: 'This report already has every section of its template' },
  notMarkdown: { zh: '请先打开一份 Markdown 报告', en: 'Open a Markdown report first' },
  notRunning: { zh: '党建报告助手的语言服务器未运行', en: 'The party-report language server is not running' },
  editFailed: { zh: '文档已更改，未能插入章节，请重试', en: 'The document changed; the section was not inserted. Try again' },
  failed: { zh: '党建报告助手：{0}', en: 'Party report: {0}' },
  // The language status items (client/status.ts).
  statusKindName: { zh: '党建报告：报告类型', en: 'Party report: report kind' },
  statusSectionsName: { zh: '党建报告：必备章节', en: 'Party report: required sections' },
  statusRateName: { zh: '党建报告：万字差错率', en: 'Party report: error rate' },
  statusSetKind: { zh: '设置报告类型', en: 'Set the report kind' },
  statusNotReport: { zh: '未识别为报告', en: 'Not read as a report' },
  statusNotReportDetail: {
    zh: '标题、开头或 front matter 未写明报告类型；设置报告类型即按报告检查',
    en: 'No report kind in the title, the opening or the front matter; set one to check it as a report',
  },
  statusNotChecked: { zh: '未检查', en: 'Not checked' },
  statusNotCheckedDetail: { zh: '文档过大、已被忽略或检查已关闭', en: 'Too large, ignored, or checking is off' },
  statusSections: { zh: '必备章节 {0}/{1}', en: 'Required sections {0}/{1}' },
  statusRate: { zh: '万字差错率 {0}', en: 'Errors per 10,000 characters: {0}' },
  statusRateDetail: { zh: '加权差错 {0}，计 {1} 字', en: 'Weighted errors {0} in {1} characters' },
  statusCurrentKind: { zh: '当前', en: 'current' },
  statusPickKind: { zh: '选择报告类型（写入 front matter“报告类型”）', en: 'Choose the report kind (written to the front matter as 报告类型)' },
  statusTomlFrontMatter: {
    zh: '本文档的 front matter 为 TOML 格式，请改用 YAML（---）后再设置报告类型',
    en: 'This document has TOML front matter; use YAML (---) to set the report kind',
  },
  statusKindEditFailed: { zh: '文档已更改，未能设置报告类型，请重试', en: 'The document changed; the kind was not set. Try again' },
} as const;

export type MessageId = keyof typeof MESSAGES;

/** Whether VS Code's display language is Chinese. */
export function isChinese(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

/** Message `id` in VS Code's display language, `{0}`, `{1}`… filled from `args`. */
export function message(id: MessageId, ...args: (string | number)[]): string {
  const template = isChinese() ? MESSAGES[id].zh : MESSAGES[id].en;
  return args.reduce<string>((text, arg, i) => text.replace(`{${i}}`, String(arg)), template);
}
