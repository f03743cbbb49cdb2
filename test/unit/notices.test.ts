/**
 * The bundles in dist/ carry other people's code; their licences ask that the notices ship
 * with it. THIRD_PARTY_NOTICES.md lists every bundled package at the version installed
 * (scripts/third-party-notices.mjs writes it from the bundles' source maps). `npm test` builds
 * before mocha runs, so dist/ is the one the user would get.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { bundledPackages } from '../../scripts/bundled-packages.mjs';

describe('third-party notices (THIRD_PARTY_NOTICES.md)', () => {
  const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');
  const listed = [...notices.matchAll(/^### (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  const bundled: string[] = bundledPackages(join(ROOT, 'dist')).map(({ name, dir }: { name: string; dir: string }) =>
    `${name} ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}`);

  it('reads packages from every bundle in dist/', () => {
    const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js.map'));
    assert.ok(bundles.length >= 3, `bundles with source maps: ${bundles.join(', ')}`);
    assert.ok(bundled.some((p) => p.startsWith('unified ')), 'unified is bundled');
  });

  it('lists every bundled package at its installed version, and no other (else run scripts/third-party-notices.mjs)', () => {
    assert.deepEqual(bundled.filter((p) => !listed.includes(p)), [], 'bundled but not listed');
    assert.deepEqual(listed.filter((p) => !bundled.includes(p)), [], 'listed but not bundled');
  });
});
