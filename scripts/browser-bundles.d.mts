import type { BuildOptions } from 'esbuild';

/** esbuild options for each browser bundle, by output file. */
export const browserBundles: Record<string, BuildOptions>;
/** Options shared by both browser bundles. */
export const browserCommon: BuildOptions;
