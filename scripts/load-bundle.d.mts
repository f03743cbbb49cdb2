/** Bundles `entryPoint` in memory (CommonJS, as shipped), runs it and returns its exports. */
export function loadBundle(entryPoint: string): Promise<Record<string, unknown>>;
