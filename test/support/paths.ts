/**
 * Where tests find the project, its fixtures and the shared seeds (never copied in).
 *
 * `../shared` (the five real seed reports, the dev corpus) sits beside the checkout in CI
 * and on the team's machines, but not in a plain `git clone`. Tests that read it use
 * `itShared` / `describeShared` (or loop over `readSeeds()`, which is then empty) so that
 * `npm test` passes in any clone; one line says what was skipped and why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SHARED = resolve(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');

/** Whether `../shared/seeds` is present beside the checkout. */
export const HAS_SEEDS = existsSync(SEEDS);

// Said once, though tsx may load this module both as ESM and as CommonJS.
const NOTE_KEY = Symbol.for('party-report.tests.seeds-absent-note');
if (!HAS_SEEDS && !(globalThis as Record<symbol, unknown>)[NOTE_KEY]) {
  (globalThis as Record<symbol, unknown>)[NOTE_KEY] = true;
  console.log(`  skipped: ${SEEDS} is absent, so the tests that read the seed reports are skipped (CI has it)`);
}

// Read from globalThis: the e2e harness (test/e2e/run.ts) imports this module outside mocha,
// where `it` and `describe` do not exist (and itShared/describeShared are not used).
const mocha = globalThis as { it?: Mocha.TestFunction; describe?: Mocha.SuiteFunction };

/** Mocha's `it` where the seeds are present, `it.skip` (reported as skipped) where not. */
export const itShared: Mocha.TestFunction = (HAS_SEEDS ? mocha.it : mocha.it?.skip) as Mocha.TestFunction;

/** Mocha's `describe` where the seeds are present, `describe.skip` where not. */
export const describeShared: Mocha.SuiteFunction = (HAS_SEEDS ? mocha.describe : mocha.describe?.skip) as Mocha.SuiteFunction;

/** The five real reports: `{ id: '000', file, text }`, in file order; `[]` where absent. */
export function readSeeds(): { id: string; file: string; text: string }[] {
  if (!HAS_SEEDS) return [];
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, 3), file: join(SEEDS, f), text: readFileSync(join(SEEDS, f), 'utf8') }));
}

/** The text of one seed file by name, or `''` where the seeds are absent (its tests skip). */
export function readSeed(name: string): string {
  return HAS_SEEDS ? readFileSync(join(SEEDS, name), 'utf8') : '';
}
