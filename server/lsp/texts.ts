/**
 * The server's own user-facing strings (window messages and log lines), in the client's
 * locale. Rule messages come from the rules; these are the server's.
 */
import { formatMessage } from '../../rules/engine/messages';
import type { Locale, Localized } from '../../rules/types';

export const TEXTS = {
  configFileError: {
    'zh-CN': '党建报告助手：配置文件有误，已按无配置文件检查。{detail}',
    en: 'Party report: the config file has an error and was ignored. {detail}',
  },
  settingsError: {
    'zh-CN': '党建报告助手：设置 partyReport.rules 有误，已忽略该设置。{detail}',
    en: 'Party report: the setting partyReport.rules is invalid and was ignored. {detail}',
  },
  ruleFailed: {
    'zh-CN': '规则 {rule} 检查 {uri} 时出错，已跳过该规则（其余规则照常检查）：{error}',
    en: 'Rule {rule} failed on {uri} and was skipped (the other rules still ran): {error}',
  },
  tooLarge: {
    'zh-CN': '文档大小 {size} MB，超过上限 {limit} MB，未作检查（可在设置 partyReport.maxDocumentSize 中调整）',
    en: 'Document is {size} MB, over the {limit} MB limit, and was not checked (setting partyReport.maxDocumentSize)',
  },
  analysisTimeout: {
    'zh-CN': '本文档的检查超过时限 {limit} 秒，已停止，未作完整检查（可在设置 partyReport.analysisTimeout 中调高时限）',
    en: 'Checking this document took longer than the {limit} s limit and was stopped: it was not fully checked (raise the limit with the setting partyReport.analysisTimeout)',
  },
  // The workspace lint (workspace/diagnostic) progress.
  workspaceLint: { 'zh-CN': '检查工作区中的所有报告', en: 'Linting all reports in the workspace' },
  workspaceLintFile: { 'zh-CN': '{done}/{total}：{file}', en: '{done}/{total}: {file}' },
  handlerFailed: {
    'zh-CN': '处理 {what} 时出错：{error}',
    en: 'Error while handling {what}: {error}',
  },
  // Code action titles ({old}/{new} arrive quoted).
  fixReplace: { 'zh-CN': '将{old}改为{new}', en: 'Replace {old} with {new}' },
  fixInsert: { 'zh-CN': '插入{new}', en: 'Insert {new}' },
  fixDelete: { 'zh-CN': '删除{old}', en: 'Delete {old}' },
  fixProblem: { 'zh-CN': '修复此问题（{rule}）', en: 'Fix this problem ({rule})' },
  fixAllOfRule: { 'zh-CN': '修复本文档中所有 {rule} 问题', en: 'Fix all {rule} problems in this document' },
  disableNextLine: { 'zh-CN': '禁用此行的 {rule} 检查', en: 'Disable {rule} for this line' },
  addToDictionary: { 'zh-CN': '将“{word}”加入项目词典', en: 'Add “{word}” to the project dictionary' },
  fixAll: { 'zh-CN': '修复所有可自动修复的问题（党建报告助手）', en: 'Fix all auto-fixable problems (party-report)' },
  // Inserting a missing required section (code action and 插入章节).
  insertSection: { 'zh-CN': '插入缺少的章节“{section}”', en: 'Insert the missing section "{section}"' },
  insertAllSections: { 'zh-CN': '插入全部缺少的章节（{sections}）', en: 'Insert all missing sections ({sections})' },
  insertSectionDetail: { 'zh-CN': '插入为“{heading}”', en: 'Inserted as "{heading}"' },
  // Said by both the insert-section action and completion.
  renumbered: { 'zh-CN': '其后章节顺延：{list}', en: 'Later sections are renumbered: {list}' },
  sectionRequired: { 'zh-CN': '{kind}的必备章节，本报告缺少', en: 'Required in a {kind}; this report lacks it' },
  sectionOptional: { 'zh-CN': '{template}中的章节，本报告没有', en: 'A section of the {template} template; this report has none' },
  // Completion.
  completionItem: { 'zh-CN': '序数项', en: 'Ordinal item' },
  completionAfter: { 'zh-CN': '{what}，接“{after}”', en: '{what}, after "{after}"' },
  completionFirst: { 'zh-CN': '{what}，本级第一个序号', en: '{what}, the first of its level here' },
  completionFirstItem: { 'zh-CN': '序数项，列举的第一项', en: 'Ordinal item, the first of a list' },
  completionMissingDetail: { 'zh-CN': '缺少的必备章节：{section}', en: 'Missing required section: {section}' },
  completionMissing: {
    'zh-CN': '本报告（{kind}）缺少必备章节“{section}”，插入到此处。',
    en: 'This report ({kind}) lacks the required section "{section}"; it goes here.',
  },
  completionRenumbered: { 'zh-CN': '“{old}”改为“{new}”', en: '"{old}" becomes "{new}"' },
  completionSkeleton: { 'zh-CN': '报告模板（{kind}）', en: 'Report template ({kind})' },
  completionSlogan: { 'zh-CN': '规范提法', en: 'Canonical formulation' },
  sloganSource: { 'zh-CN': '出处：{source}', en: 'Source: {source}' },
  sloganParts: { 'zh-CN': '内容：', en: 'Parts:' },
  // The language status item (partyReport/documentStatus): where the report kind came from.
  kindFromConfig: { 'zh-CN': '依据：配置文件 reportKind', en: 'From: the config file (reportKind)' },
  kindFromFrontmatter: { 'zh-CN': '依据：front matter“报告类型”', en: 'From: the front matter (报告类型)' },
  kindFromTitle: { 'zh-CN': '依据：标题', en: 'From: the title' },
  kindFromPreamble: { 'zh-CN': '依据：开头段落', en: 'From: the opening paragraph' },
  kindFromDefault: { 'zh-CN': '依据：默认（未识别出报告类型）', en: 'From: the default (no kind recognised)' },
} satisfies Record<string, Localized>;

export type TextId = keyof typeof TEXTS;

/** Renders server text `id` in `locale`, filling `{name}` from `data`. */
export function text(id: TextId, locale: Locale, data: Record<string, string | number> = {}): string {
  return formatMessage(TEXTS[id], locale, data);
}

/** An error as one log string: its stack where there is one, so the log says where. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
