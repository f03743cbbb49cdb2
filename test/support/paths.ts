/** Where tests find the project, its fixtures and the shared seeds (never copied in). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

/** The five real reports: `{ id: '000', file, text }`, in file order. */
export function readSeeds(): { id: string; file: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, 3), file: join(SEEDS, f), text: readFileSync(join(SEEDS, f), 'utf8') }));
}
