// Data files under rules/data are imported as their parsed data (a YAML mapping): the
// bundles' esbuild plugin and test/support/yaml-hook.mjs both use scripts/yaml-data.mjs.
// Loaders read them through rules/data/yaml-data.ts, which also takes YAML text (tests').
declare module '*.yaml' {
  const data: { readonly [key: string]: unknown };
  export default data;
}
