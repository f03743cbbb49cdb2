// Data files under rules/data are imported as their text: esbuild's `text` loader in the
// bundles, test/support/yaml-hook.mjs under mocha.
declare module '*.yaml' {
  const text: string;
  export default text;
}
