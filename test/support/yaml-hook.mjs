// Lets mocha (through tsx) import rules/data/*.yaml as text, as esbuild's text loader does.
import { register } from 'node:module';
register('./yaml-loader.mjs', import.meta.url);
