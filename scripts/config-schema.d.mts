// Types of scripts/config-schema.mjs for the tests (TypeScript reads no .mjs here).
export declare const VALIDATOR_PATH: string;
export declare const SCHEMA_PATH: string;
export declare const AJV_OPTIONS: Record<string, unknown>;
export declare function renderConfigSchema(): Promise<Record<string, unknown>>;
export declare function writeConfigSchema(): Promise<Record<string, unknown>>;
