/**
 * Where each rule's documentation page lives (`docs/rules/<rule-id>.md`): the LSP
 * diagnostics' `codeDescription` and the SARIF output's `helpUri` both link it.
 */
const RULE_DOCS_BASE = 'https://github.com/party-report/party-report/blob/main/docs/rules/';

/** The URL of a rule's documentation page. */
export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}
