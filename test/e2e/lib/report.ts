/**
 * Steps and results of the e2e tiers. A step is one named thing the harness checks; it
 * counts as a test. A failing step is reported by its name, screenshots the page it was
 * on (test-results/e2e/<tier>-FAILED-<step>.png) and ends its tier.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../support/paths';

/** Screenshots and logs of the e2e run (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');

export interface TestOutcome {
  title: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

export interface TierResult {
  tests: TestOutcome[];
  /** A failure outside any test (the suite could not load, say). */
  error?: string;
}

export interface StepOptions {
  /** Save a screenshot of the page after the step, as test-results/e2e/<name>.png. */
  screenshot?: string;
}

export type Step = <T>(name: string, fn: () => Promise<T>, options?: StepOptions) => Promise<T>;

/** A step's failure: its message names the step. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly reason: unknown,
  ) {
    super(`step "${step}" failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

function slug(text: string): string {
  return text.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Steps for one tier: `outcomes` collects them; `page` is screenshotted on failure. */
export function steps(tier: string): { step: Step; outcomes: TestOutcome[]; setPage(page: Page | undefined): void } {
  const outcomes: TestOutcome[] = [];
  let page: Page | undefined;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const step: Step = async (name, fn, options = {}) => {
    const started = Date.now();
    try {
      const value = await fn();
      if (options.screenshot && page) await page.screenshot({ path: join(RESULTS_DIR, `${options.screenshot}.png`) });
      outcomes.push({ title: `${tier} › ${name}`, ok: true, durationMs: Date.now() - started });
      return value;
    } catch (error) {
      let shot = '';
      if (page) {
        const file = join(RESULTS_DIR, `${tier}-FAILED-${slug(name)}.png`);
        shot = await page
          .screenshot({ path: file })
          .then(() => `\nscreenshot: ${file}`)
          .catch(() => '');
      }
      const failure = new StepError(name, error);
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outcomes.push({ title: `${tier} › ${name}`, ok: false, durationMs: Date.now() - started, error: `${failure.message}${shot}\n${detail}` });
      throw failure;
    }
  };
  return { step, outcomes, setPage: (p) => (page = p) };
}
