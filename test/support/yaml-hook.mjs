// Lets mocha (through tsx) import rules/data/*.yaml as their parsed data, as the bundles
// do (scripts/yaml-data.mjs, the esbuild plugin of scripts/build.mjs). mocha 12 loads test
// files with require() first (Node's require(esm)), so both module systems need the hook:
// a CommonJS extension and an ESM load hook.
import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { yamlModule } from '../../scripts/yaml-data.mjs';

Module._extensions['.yaml'] = (module, filename) => {
  module._compile(yamlModule(readFileSync(filename, 'utf8'), filename, 'cjs'), filename);
};
register('./yaml-loader.mjs', import.meta.url);
