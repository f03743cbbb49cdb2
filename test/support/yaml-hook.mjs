// Lets mocha (through tsx) import rules/data/*.yaml as text, as esbuild's text loader does.
// mocha 12 loads test files with require() first (Node's require(esm)), so both module
// systems need the hook: a CommonJS extension and an ESM load hook.
import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';

Module._extensions['.yaml'] = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
register('./yaml-loader.mjs', import.meta.url);
