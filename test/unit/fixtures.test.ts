/**
 * Rule fixtures: test/fixtures/<rule-id>/*.md, expectations inline.
 *
 * - `<!-- {rule-id} -->` at the end of a line: one finding of the rule starts on that line
 *   (repeat the token for several). Every other line must stay quiet.
 * - `<!-- config: {...} -->`: the rule's options for this file.
 * - `<!-- dictionary: {...} -->`: the project dictionary for this file (config keys
 *   `accept` and `slogans`, validated as a config file is; docs/dictionary.md).
 * - `<name>.fixed.md` beside `<name>.md`: the text after fixing every fixable finding of
 *   the rule; linting it again finds nothing fixable.
 * - `<!-- seed NNN: 3, 9x2 -->` (or `-` for none): the lines of ../shared/seeds/NNN_*.txt the
 *   rule reports (`9x2`: two findings on line 9). All other seed lines are correct and must stay quiet; each rule's
 *   fixtures must speak for all five seeds.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, validateConfig } from '../../rules/engine/config';
import { lint, lintAndFix } from '../../rules/engine/lint';
import { rules } from '../../rules/index';
import type { Rule } from '../../rules/types';
import { FIXTURES, itShared, readSeeds } from '../support/paths';

const seeds = readSeeds();

/** The configs a fixture is linted with: the rule at its severity with the file's options, and its dictionary. */
function configsOf(text: string, rule: Rule, options: Record<string, unknown>): Config[] {
  return [{ ...dictionaryOf(text), rules: { [rule.id]: [rule.meta.severity, options] } }];
}

function findingLines(text: string, rule: Rule, options: Record<string, unknown>): number[] {
  const result = lint(text, { rules: [rule], configs: configsOf(text, rule, options) });
  assert.deepEqual(result.failures, [], `rule ${rule.id} threw`);
  return result.findings.map((f) => result.report.lines.lineAt(f.start) + 1);
}

function expectedLines(text: string, ruleId: string): number[] {
  const token = `{${ruleId}}`;
  return text.split(/\r\n|\n|\r/).flatMap((line, i) => Array(line.split(token).length - 1).fill(i + 1) as number[]);
}

/** `9` → [9]; `3x12` → twelve findings on line 3. */
function countedLine(item: string): number[] {
  const [line, times = '1'] = item.split('x');
  return Array(Number(times)).fill(Number(line)) as number[];
}

function optionsOf(text: string): Record<string, unknown> {
  const m = /<!--\s*config:\s*(\{.*?\})\s*-->/.exec(text);
  return m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
}

function dictionaryOf(text: string): Config {
  const m = /<!--\s*dictionary:\s*(\{.*?\})\s*-->/.exec(text);
  if (!m) return {};
  const config = validateConfig(JSON.parse(m[1]), 'fixture dictionary', rules.map((r) => r.id));
  return { accept: config.accept, slogans: config.slogans };
}

describe('rule fixtures', () => {
  const dirs = readdirSync(FIXTURES).filter((d) => rules.some((r) => r.id === d));

  it('every rule has a fixture folder', () => {
    assert.deepEqual(rules.map((r) => r.id).filter((id) => !dirs.includes(id)), []);
  });

  for (const dir of dirs) {
    const rule = rules.find((r) => r.id === dir)!;
    const files = readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));
    describe(dir, () => {
      const seedClaims = new Map<string, number[]>();
      for (const file of files) {
        const text = readFileSync(join(FIXTURES, dir, file), 'utf8');
        for (const m of text.matchAll(/<!--\s*seed (\d{3}):\s*([-\dx,\s]+?)\s*-->/g)) {
          seedClaims.set(m[1], m[2].trim() === '-' ? [] : m[2].split(/[,\s]+/).flatMap(countedLine));
        }
        const options = optionsOf(text);

        it(`${file}: reports exactly the marked lines`, () => {
          assert.deepEqual(findingLines(text, rule, options), expectedLines(text, rule.id));
        });

        const fixedPath = join(FIXTURES, dir, file.replace(/\.md$/, '.fixed.md'));
        if (existsSync(fixedPath)) {
          it(`${file}: fixing gives ${file.replace(/\.md$/, '.fixed.md')}, and nothing fixable remains`, () => {
            const configs = configsOf(text, rule, options);
            const fixed = lintAndFix(text, { rules: [rule], configs });
            assert.equal(fixed.output, readFileSync(fixedPath, 'utf8'));
            assert.deepEqual(lint(fixed.output, { rules: [rule], configs }).findings.filter((f) => f.fix), []);
          });
        }
      }

      itShared('says which seed lines it reports, and stays quiet on all the others', () => {
        assert.deepEqual([...seedClaims.keys()].sort(), seeds.map((s) => s.id), 'fixtures must name every seed');
        for (const seed of seeds) {
          assert.deepEqual(findingLines(seed.text, rule, {}), seedClaims.get(seed.id), `seed ${seed.id}`);
        }
      });
    });
  }
});
