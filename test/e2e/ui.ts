/**
 * Tier 2: the packaged extension through code-server's UI, as a user drives it, with
 * Playwright in headless Chromium. Each step saves a screenshot under test-results/e2e/
 * (NN-name.png); a failing step names itself and keeps a screenshot of where it failed.
 *
 * The seeds are copied at run time into a temporary workspace (never into the project),
 * so that saving there, to read back what an edit did, cannot touch ../shared/seeds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { reportKinds } from '../../rules/data/index';
import { buildReport } from '../../rules/model/report';
import { readSeeds, ROOT } from '../support/paths';
import { type Chromium, type CodeServer, launchChromium, openWorkbench, quickOpen, startCodeServer, stopCodeServer } from './lib/code-server';
import { StepError, steps, type TierResult } from './lib/report';

/** The seed whose problems, hover and quick fix are driven (few findings, all fixable). */
const PROBLEMS_SEED = '002';
/** The seed whose completion is driven: a new line after its 五是… gets 六是. */
const COMPLETION_SEED = '000';
const UI_WAIT_MS = 30_000;

/**
 * Reports for the workspace lint, written here for the test: each has one placeholder (XX)
 * and its three required sections. `drafts/` is ignored by the workspace's
 * `.partyreportignore`, so `branch-d.md` must never reach the Problems panel.
 */
const WORKSPACE_REPORTS = ['reports/branch-a.md', 'reports/branch-b.md', 'reports/team/branch-c.md', 'reports/drafts/branch-d.md'];
/**
 * A config with a misspelt rule id, in a folder of its own (no report lies under it, so the
 * other steps' CLI runs never read it): the schema the extension contributes
 * (jsonValidation) must underline the id.
 */
const MISSPELT_CONFIG = 'config-demo/.partyreportrc.json';
const MISSPELT_RULE = 'quote-pairng';
const WORKSPACE_REPORT = '# 2024年第一党支部工作总结\n\n一、主要工作\n\n全年召开支部党员大会XX次。\n\n二、存在的问题\n\n学习不够深入。\n\n三、下一步工作计划\n\n继续加强学习。\n';

interface CliMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  fix?: { range: [number, number]; text: string };
}

function cliMessages(file: string, locale: string): CliMessage[] {
  return cliLint(file, locale).messages;
}

/** The CLI's JSON result for one file (its messages and its error rate). */
function cliLint(file: string, locale: string): { messages: CliMessage[]; errorRate: { perTenThousand: number } } {
  const result = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '--locale', locale, file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`party-report lint exited ${result.status}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { messages: CliMessage[]; errorRate: { perTenThousand: number } }[])[0];
}

/** Resolves once `file`'s text satisfies `done`, checking now and on every change to it. */
function waitForFileText(file: string, done: (text: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      // A file the step waits to be created reads as empty until then.
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (!done(text)) return;
      cleanup();
      resolve(text);
    };
    const watcher = watch(dirname(file), check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: not within ${UI_WAIT_MS} ms`));
    }, UI_WAIT_MS);
    function cleanup(): void {
      watcher.close();
      clearTimeout(timer);
    }
    check();
  });
}

/** The text of each row of the Problems panel (the file's row first), whitespace folded. */
function problemRows(page: Page): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts().then((texts) => texts.map((t) => t.replace(/\s+/g, ' ')));
}

/**
 * Waits until the Problems panel has a row for each of `messages` (its message, rule id
 * and position) and no other problem row; Playwright polls the page for it.
 */
async function waitForProblems(page: Page, messages: readonly CliMessage[]): Promise<void> {
  const wanted = messages.map((m) => [m.message, m.ruleId, `Ln ${m.line}, Col ${m.column}`]);
  try {
    await page.waitForFunction(
      (want) => {
        // Runs in the page (no DOM types in this project's TypeScript config).
        const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
        const rows = Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText.replace(/\s+/g, ' '));
        return rows.length === want.length + 1 && want.every((parts) => rows.some((row) => parts.every((p) => row.includes(p))));
      },
      wanted,
      { timeout: UI_WAIT_MS },
    );
  } catch (error) {
    const rows = await problemRows(page);
    throw new Error(`the Problems panel shows:\n${rows.join('\n')}\nexpected ${messages.length} problems:\n${wanted.map((w) => w.join(' ')).join('\n')}\n${String(error)}`);
  }
}

/** Types `pattern` into the Problems panel's filter (empty: show all). */
async function filterProblems(page: Page, pattern: string): Promise<void> {
  await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill(pattern);
}

async function pressInEditor(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** Moves the cursor to 1-based `line`:`column` with Go to Line (Ctrl+G). */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
}

async function openFromExplorer(page: Page, name: string): Promise<Locator> {
  await page.getByRole('treeitem', { name }).first().click();
  const tab = page.locator('.tabs-container .tab', { hasText: name });
  await tab.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  return editor;
}

export async function uiTier(vsix: string): Promise<TierResult> {
  const { step, outcomes, setPage } = steps('ui');
  const seeds = readSeeds();
  const problemsSeed = seeds.find((s) => s.id === PROBLEMS_SEED)!;
  const completionSeed = seeds.find((s) => s.id === COMPLETION_SEED)!;
  const work = mkdtempSync(join(tmpdir(), 'party-report-e2e-ui-'));
  const workspace = join(work, 'workspace');
  mkdirSync(workspace);
  const problemsName = `${PROBLEMS_SEED}.md`;
  const completionName = `${COMPLETION_SEED}.md`;
  const problemsFile = join(workspace, problemsName);
  const completionFile = join(workspace, completionName);
  copyFileSync(problemsSeed.file, problemsFile);
  copyFileSync(completionSeed.file, completionFile);
  for (const name of WORKSPACE_REPORTS) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    writeFileSync(join(workspace, name), WORKSPACE_REPORT);
  }
  writeFileSync(join(workspace, '.partyreportignore'), 'reports/drafts/\n');
  mkdirSync(join(workspace, dirname(MISSPELT_CONFIG)));
  writeFileSync(join(workspace, MISSPELT_CONFIG), `{\n  "rules": {\n    "${MISSPELT_RULE}": "off"\n  }\n}\n`);
  let server: CodeServer | undefined;
  let chromium: Chromium | undefined;
  try {
    const running = await step('start code-server with the packaged VSIX (--install-extension)', () =>
      startCodeServer({ name: 'ui', workspace, vsix: [vsix], settings: { 'workbench.editor.enablePreview': false } }),
    );
    server = running;
    const browser = await step('launch Chromium', () => launchChromium());
    chromium = browser;
    const page = await step('open the workbench', () => openWorkbench(browser.browser, running));
    setPage(page);
    await step('the explorer lists the seeds', () => page.getByRole('treeitem', { name: problemsName }).first().waitFor({ timeout: UI_WAIT_MS }), {
      screenshot: '01-workbench',
    });
    const locale = 'en';
    const expected = cliMessages(problemsFile, locale);

    await step(`open seed ${PROBLEMS_SEED}: squiggles appear`, async () => {
      await openFromExplorer(page, problemsName);
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first().waitFor({
        state: 'attached',
        timeout: UI_WAIT_MS,
      });
    }, { screenshot: '02-seed-open' });

    await step('the Problems panel lists every finding with its rule id, message and position', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await waitForProblems(page, expected);
    }, { screenshot: '03-problems' });

    const target = expected.find((m) => m.fix)!;
    if (!target) throw new StepError('pick a fixable finding', `seed ${PROBLEMS_SEED} has none`);

    await step(`clicking ${target.ruleId}'s row in the Problems panel puts the cursor on it`, async () => {
      await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: target.message })
        .filter({ hasText: `Ln ${target.line}, Col ${target.column}` })
        .first()
        .click();
      // The problem's range is selected, the cursor at its end: "Ln 1, Col 63 (1 selected)".
      await page.locator('.statusbar-item', { hasText: `Ln ${target.line}, Col ` }).filter({ hasText: 'selected' }).first().waitFor({ timeout: UI_WAIT_MS });
    });

    await step(`hovering ${target.ruleId}'s squiggle shows its message and rule`, async () => {
      const cursor = page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first();
      await cursor.waitFor({ state: 'attached', timeout: UI_WAIT_MS });
      const box = await cursor.boundingBox();
      if (!box) throw new Error('no cursor on screen');
      // The cursor stands just after the selected problem: point at the character before it.
      await page.mouse.move(box.x - 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover').filter({ hasText: target.message });
      await hover.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      const text = await hover.first().innerText();
      if (!text.includes(target.ruleId)) throw new Error(`the hover does not name ${target.ruleId}:\n${text}`);
    }, { screenshot: '04-hover' });

    await step('the light bulb offers the quick fix', async () => {
      await page.mouse.move(5, 5);
      await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
      // Focus the editor (Ctrl+1, the first editor group) and put the cursor at the
      // problem's start (Left ends the selection there): the light bulb follows the cursor.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('ArrowLeft');
      await page.locator('.statusbar-item', { hasText: `Ln ${target.line}, Col ${target.column}` }).first().waitFor({ timeout: UI_WAIT_MS });
      // In the gutter when the line has no room for it (codicon-gutter-lightbulb-auto-fix
      // for a preferred fix), else over the text.
      const bulb = page.locator('.monaco-editor [class*="codicon-gutter-lightbulb"]:visible, .monaco-editor .lightBulbWidget:visible').first();
      await bulb.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await bulb.click();
      const menu = page.locator('.action-widget');
      await menu.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    }, { screenshot: '05-light-bulb-menu' });

    await step('choosing it changes the text as the fix says (saved and read back)', async () => {
      const fix = target.fix!;
      const rows = page.locator('.action-widget .monaco-list-row');
      const titles = await rows.allInnerTexts();
      const index = titles.findIndex((t) => !t.includes(target.ruleId) && t.includes(fix.text || problemsSeed.text.slice(...fix.range)));
      if (index < 0) throw new Error(`no quick fix for ${target.ruleId} among: ${titles.join(' | ')}`);
      await rows.nth(index).click();
      await page.keyboard.press('Control+S');
      const fixed = problemsSeed.text.slice(0, fix.range[0]) + fix.text + problemsSeed.text.slice(fix.range[1]);
      await waitForFileText(problemsFile, (text) => text === fixed, 'the saved file is the seed with the fix applied');
      // The Problems panel has the findings of the fixed text, the fixed one gone.
      await waitForProblems(page, cliMessages(problemsFile, locale));
    }, { screenshot: '06-after-quick-fix' });

    await step(`completion on a new line of seed ${COMPLETION_SEED} after 五是… offers 六是 first`, async () => {
      await openFromExplorer(page, completionName);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, 12, 1);
      await pressInEditor(page, ['Enter', 'ArrowUp']);
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.suggest-widget');
      await widget.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      const first = widget.locator('.monaco-list-row').first();
      await first.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      const label = (await first.innerText()).trim();
      if (!label.startsWith('六是')) throw new Error(`first suggestion: ${label}`);
    }, { screenshot: '07-completion' });

    await step('accepting it writes 六是 on that line (saved and read back)', async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+S');
      await waitForFileText(completionFile, (text) => text.split('\n')[11]?.startsWith('六是') ?? false, 'line 12 starts with 六是');
    }, { screenshot: '08-completion-accepted' });

    await step('检查工作区中的所有报告 from the command palette fills the Problems panel with the unopened reports, not the ignored one', async () => {
      const input = await quickOpen(page, '>Lint all reports in the workspace', 'Lint all reports in the workspace', UI_WAIT_MS);
      await input.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
      // Only the workspace lint's files, so every row fits the (virtualised) list.
      await filterProblems(page, 'reports/**');
      const wanted = WORKSPACE_REPORTS.slice(0, 3).map((name) => name.split('/').pop()!);
      try {
        await page.waitForFunction(
          (names) => {
            const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
            const rows = Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText);
            return names.every((name) => rows.some((row) => row.includes(name))) && rows.filter((row) => row.includes('placeholder')).length >= names.length;
          },
          wanted,
          { timeout: UI_WAIT_MS },
        );
      } catch (error) {
        throw new Error(`the Problems panel shows:\n${(await problemRows(page)).join('\n')}\nexpected rows for ${wanted.join(', ')}\n${String(error)}`);
      }
      const rows = await problemRows(page);
      if (rows.some((row) => row.includes('branch-d.md'))) throw new Error(`the ignored report is in the Problems panel:\n${rows.join('\n')}`);
    }, { screenshot: '09-workspace-lint' });

    // The status items first: the dictionary step below writes a .partyreportrc.json at the
    // workspace root, which would change the findings the status figures are compared with.
    // The language status items (client/status.ts): what the server made of the report.
    // The expected figures come from the CLI, the same bundle of the rules as the server's.
    const statusText = readFileSync(problemsFile, 'utf8');
    const kind = buildReport(statusText).kind;
    const kindLabel = reportKinds.kinds.find((k) => k.id === kind.id)?.nameEn ?? kind.id;
    const rate = cliLint(problemsFile, locale).errorRate.perTenThousand.toFixed(2);
    const otherKind = reportKinds.kinds.find((k) => k.id !== kind.id)!;
    /** Everything the language status hover shows, one item a line. */
    const statusHoverText = () => page.locator('.hover-language-status').allInnerTexts().then((texts) => texts.join('\n'));

    await step(`the language status item on seed ${PROBLEMS_SEED} shows its kind (${kindLabel}), the required sections ✓/✗ and the error rate ${rate}`, async () => {
      await page.locator('.tabs-container .tab', { hasText: problemsName }).first().click();
      await page.keyboard.press('Escape');
      const item = page.locator('[id="status.languageStatus"]');
      await item.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await item.click();
      const hover = page.locator('.hover-language-status');
      await hover.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await page.waitForFunction(
        (want) => {
          const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
          const text = Array.from(document.querySelectorAll('.hover-language-status'), (e) => e.innerText).join('\n');
          return want.every((w) => text.includes(w));
        },
        [kindLabel, 'From: the', `Errors per 10,000 characters: ${rate}`, '✓'],
        { timeout: UI_WAIT_MS },
      ).catch(async (error: unknown) => {
        throw new Error(`the language status shows:\n${await statusHoverText()}\n${String(error)}`);
      });
    }, { screenshot: '10-language-status' });

    await step(`its “Set the report kind” link writes 报告类型: ${otherKind.id} to a new front matter (saved and read back)`, async () => {
      await page.locator('.hover-language-status').getByText('Set the report kind').first().click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: otherKind.nameEn }).first().click();
      await input.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
      await page.keyboard.press('Control+S');
      await waitForFileText(problemsFile, (text) => text === `---\n报告类型: ${otherKind.id}\n---\n\n${statusText}`, 'the file starts with the new front matter');
      // The item follows: the kind now comes from the front matter.
      const item = page.locator('[id="status.languageStatus"]');
      await item.click();
      await page.waitForFunction(
        (want) => {
          const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
          const text = Array.from(document.querySelectorAll('.hover-language-status'), (e) => e.innerText).join('\n');
          return want.every((w) => text.includes(w));
        },
        [otherKind.nameEn, 'From: the front matter'],
        { timeout: UI_WAIT_MS },
      ).catch(async (error: unknown) => {
        throw new Error(`the language status shows:\n${await statusHoverText()}\n${String(error)}`);
      });
    }, { screenshot: '11-language-status-kind-set' });

    await step(`a misspelt rule id in ${MISSPELT_CONFIG} is underlined by the contributed schema`, async () => {
      await page.getByRole('treeitem', { name: dirname(MISSPELT_CONFIG) }).first().click();
      await openFromExplorer(page, '.partyreportrc.json');
      await page.locator('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error').first().waitFor({
        state: 'attached',
        timeout: UI_WAIT_MS,
      });
      // VS Code's JSON service: "Property quote-pairng is not allowed." on the id. Filtered
      // by the id, so its row is not scrolled out of the (virtualised) list.
      await filterProblems(page, MISSPELT_RULE);
      try {
        await page.waitForFunction(
          (rule) => {
            const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
            return Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText).some((row) => row.includes(rule) && row.includes('Ln 3'));
          },
          MISSPELT_RULE,
          { timeout: UI_WAIT_MS },
        );
      } catch (error) {
        throw new Error(`the Problems panel shows:\n${(await problemRows(page)).join('\n')}\nexpected a row naming ${MISSPELT_RULE} on line 3\n${String(error)}`);
      }
    }, { screenshot: '12-config-schema' });

    const dictionaryReport = WORKSPACE_REPORTS[0];
    /** Waits until the Problems panel has a row of `file` and a row of `rule`. */
    const rowsOf = (file: string, rule: string) =>
      page.waitForFunction(
        ([name, id]) => {
          const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
          const rows = Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText);
          return rows.some((row) => row.includes(name)) && rows.some((row) => row.includes(id));
        },
        [file.split('/').pop()!, rule],
        { timeout: UI_WAIT_MS },
      );
    await step(`the quick fix “Add “XX” to the project dictionary” on ${dictionaryReport} creates .partyreportrc.json at the workspace root, and the finding goes`, async () => {
      await filterProblems(page, dictionaryReport);
      await rowsOf(dictionaryReport, 'placeholder');
      // Without the command palette's ">": Go to File.
      const input = await quickOpen(page, dictionaryReport.split('/').pop()!, dictionaryReport.split('/').pop()!, UI_WAIT_MS);
      await input.waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
      const line = WORKSPACE_REPORT.split('\n').findIndex((l) => l.includes('XX'));
      await goTo(page, line + 1, WORKSPACE_REPORT.split('\n')[line].indexOf('XX') + 1);
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      const titles = await rows.allInnerTexts();
      const index = titles.findIndex((t) => t.includes('Add “XX” to the project dictionary'));
      if (index < 0) throw new Error(`no dictionary action among: ${titles.join(' | ')}`);
      await rows.nth(index).click();
      const config = join(workspace, '.partyreportrc.json');
      await waitForFileText(config, (text) => text.includes('"XX"'), '.partyreportrc.json is written with XX');
      const written = JSON.parse(readFileSync(config, 'utf8')) as unknown;
      if (JSON.stringify(written) !== JSON.stringify({ accept: ['XX'] })) throw new Error(`.partyreportrc.json holds ${JSON.stringify(written)}`);
      // The server hears of the new config and lints again: the placeholder row is gone.
      try {
        await page.waitForFunction(
          (id) => {
            const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
            return !Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText).some((row) => row.includes(id));
          },
          'placeholder',
          { timeout: UI_WAIT_MS },
        );
      } catch (error) {
        throw new Error(`the Problems panel still shows:\n${(await problemRows(page)).join('\n')}\n${String(error)}`);
      }
    }, { screenshot: '13-dictionary' });

    return { tests: outcomes };
  } catch (error) {
    return { tests: outcomes, error: error instanceof StepError ? undefined : String(error) };
  } finally {
    await chromium?.close();
    if (server) await stopCodeServer(server, 'ui');
    rmSync(work, { recursive: true, force: true });
  }
}
