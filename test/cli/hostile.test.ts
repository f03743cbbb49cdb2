/**
 * Hostile and unlucky input for the built CLI (issue #15), each case in a scratch folder
 * and run as a user runs it: `node dist/cli.js lint …`. Every case must end with a clear
 * message, the right exit status and no stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs the built CLI in `cwd` with a clean environment (Chinese messages). */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
  return result;
}

/** No JavaScript stack trace or Node banner in what a user sees. */
export function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+\(.*:\d+:\d+\)$/m, text.slice(0, 2000));
  assert.doesNotMatch(text, /Node\.js v\d+|RangeError|TypeError|Error: [A-Z]+:/, text.slice(0, 2000));
}

describe('cli: hostile input (issue #15)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-hostile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('deep nesting', () => {
    const cases: Record<string, string> = {
      "'>' × 5000": `一、工作情况\n${'>'.repeat(5000)} 党员共17名\n`,
      "'- ' × 4000": `一、工作情况\n${'- '.repeat(4000)}党员共17名\n`,
      "'- ' × 10000": `一、工作情况\n${'- '.repeat(10000)}党员共17名\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: linted like any report (exit 0 or 1, no crash)`, () => {
        writeFileSync(join(dir, 'deep.md'), text);
        const r = spawnCli(['lint', '--format', 'json', 'deep.md'], dir);
        assertNoStackTrace(r.stderr);
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
        const json = JSON.parse(r.stdout) as { filePath: string }[];
        assert.equal(json.length, 1);
      });
    }
  });
});
