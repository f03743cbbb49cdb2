// The two browser bundles of the web extension (vscode.dev, github.dev): the client that
// the web extension host loads (the manifest's `browser`) and the language server that
// client starts in a web worker. platform 'browser': a Node built-in reached from either
// entry fails the build, so the bundles cannot read the disk; the rules' YAML data is
// bundled as text, as in the Node bundles. test/unit/browser-bundle.test.ts builds them.

/** esbuild options for each browser bundle, by output file. */
export const browserBundles = {
  'dist/browser/client.cjs': {
    entryPoints: ['client/browser.ts'],
    // The web extension host loads the main file as CommonJS, with `vscode` provided; it
    // would take a .js file for ESM, as package.json says "type": "module", hence .cjs.
    format: 'cjs',
    external: ['vscode'],
  },
  'dist/browser/server.js': {
    entryPoints: ['server/browser/main.ts'],
    // A classic worker script: no module system around it.
    format: 'iife',
    // A worker has no DOM: packages with a DOM build for `browser` (decode-named-character-
    // reference, under remark) list a `worker` build first, which this picks.
    conditions: ['worker'],
  },
};

/** Options shared by both browser bundles. */
export const browserCommon = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  // scripts/build.mjs puts its own YAML handling (loader, plugins) over this one, so the
  // data reaches the rules in the same shape as in the Node bundles; this one serves the
  // test that inspects what the bundles contain (test/unit/browser-bundle.test.ts).
  loader: { '.yaml': 'text' },
  charset: 'utf8',
  // Browsers have no `process`; code that tests `typeof process` stays correct without it.
  define: { 'process.env.NODE_ENV': '"production"' },
};
