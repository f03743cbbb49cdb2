// The ESM half of test/support/yaml-hook.mjs: a rules/data YAML file is its parsed data,
// as scripts/yaml-data.mjs makes it in the bundles.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { yamlModule } from '../../scripts/yaml-data.mjs';

export async function load(url, context, nextLoad) {
  if (url.endsWith('.yaml')) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: yamlModule(text, fileURLToPath(url), 'esm'), shortCircuit: true };
  }
  return nextLoad(url, context);
}
