/**
 * The Word reader (server/docx.ts: mammoth, JSZip, xmldom — a quarter of the CLI's code) is
 * loaded only when a run meets a `.docx` file: the build makes it its own bundle,
 * dist/docx.js, beside dist/cli-main.js (scripts/build.mjs), so a run over Markdown files
 * neither reads nor compiles it (issue #14: start-up).
 */
import type * as Docx from '../docx';

let loaded: typeof Docx | undefined;

/** Whether a path names a Word draft: by its extension, as server/docx.ts's `isDocxPath`. */
export function isDocxPath(path: string): boolean {
  return /\.docx$/i.test(path);
}

/**
 * Loads the Word reader (once). In the bundle by `require` (CommonJS): dist/cli-main.js is
 * compiled through `vm.Script` with its code cache (server/bundle-cache.ts), where `import()`
 * would need an experimental loader; under tsx (ESM, no `require`) by `import()`.
 */
export async function loadDocx(): Promise<typeof Docx> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= typeof require === 'function' ? (require('../docx') as typeof Docx) : await import('../docx');
  return loaded;
}

/**
 * The Word reader, already loaded by `loadDocx` (every path that has a Word file's read
 * in hand has loaded it).
 * @throws Error when it was not loaded: a bug of the caller
 */
export function loadedDocx(): typeof Docx {
  if (!loaded) throw new Error('the Word reader was used before loadDocx()');
  return loaded;
}
