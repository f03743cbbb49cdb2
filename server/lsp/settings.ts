/**
 * The editor settings of the `partyReport` section, as the server reads them from
 * `workspace/configuration` (or, for clients without it, from `didChangeConfiguration`).
 */

/** The `partyReport.*` settings the server uses (`trace.server` is the client's own). */
export interface Settings {
  /** `partyReport.enable`: false turns every diagnostic and symbol off. */
  enable: boolean;
  /** `partyReport.lintAllMarkdown`: lint Markdown documents that do not read as reports. */
  lintAllMarkdown: boolean;
  /**
   * `partyReport.rules`, unvalidated: rule id → severity, `'off'` or boolean. Validated
   * with the engine's `validateConfig` before use, since users type it by hand.
   */
  rules: unknown;
  /**
   * `partyReport.maxDocumentSize`, in MB of UTF-8: a larger document is not linted (one
   * information diagnostic says so) so a huge paste cannot stall the editor.
   */
  maxDocumentSize: number;
  /**
   * `partyReport.analysisTimeout`, in seconds: the time one document's analysis may take;
   * past it the analysis is stopped and one information diagnostic says the document was
   * not fully checked (server/lsp/worker-runner.ts).
   */
  analysisTimeout: number;
}

/** The defaults of package.json's `contributes.configuration`. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, lintAllMarkdown: false, rules: undefined, maxDocumentSize: 5, analysisTimeout: 5 });

/**
 * Reads a `partyReport` settings object as a client sent it. Missing or mistyped values
 * fall back to their defaults, so a hand-edited settings.json never breaks the server.
 *
 * @param value the object for the `partyReport` section (any JSON value, or null/undefined)
 */
export function normalizeSettings(value: unknown): Settings {
  const raw = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    lintAllMarkdown: typeof raw.lintAllMarkdown === 'boolean' ? raw.lintAllMarkdown : DEFAULT_SETTINGS.lintAllMarkdown,
    rules: raw.rules,
    maxDocumentSize:
      typeof raw.maxDocumentSize === 'number' && raw.maxDocumentSize > 0 ? raw.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    analysisTimeout:
      typeof raw.analysisTimeout === 'number' && raw.analysisTimeout > 0 ? raw.analysisTimeout : DEFAULT_SETTINGS.analysisTimeout,
  };
}
