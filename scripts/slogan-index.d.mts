/** Where the build writes slogan-canonical's index. */
export const SLOGAN_INDEX_PATH: string;
/** SHA-1 of the files the index is built from. */
export function sourceDigest(): string;
/** The digest the generated file records, or null when there is none. */
export function generatedDigest(): string | null;
/** Builds the index from rules/data/slogans.yaml and writes SLOGAN_INDEX_PATH. */
export function writeSloganIndex(): Promise<void>;
