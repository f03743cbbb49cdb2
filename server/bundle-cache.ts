/**
 * Loads a CommonJS bundle of dist/ with the V8 code cache the build wrote beside it
 * (`<bundle>.cache`, scripts/code-cache.mjs), so a start of the CLI neither parses nor
 * compiles the bundle, nor the functions one lint runs (the cache is made after a lint of
 * the examples): issue #14, start-up. Node 20 has no `module.enableCompileCache()` (22.1+);
 * this works on every Node the package supports.
 *
 * Silent fallbacks, never an error of their own: without a cache file, or with one made for
 * another build of the bundle, the bundle is loaded by `require` as before; with a cache V8
 * refuses (another Node or V8 version, other V8 flags), V8 compiles the source as if there
 * were none. Which build a cache belongs to: the build ends the bundle with a line naming
 * its SHA-1 (`BUILD_LINE`), and the cache file starts with the same 40 characters; the
 * loader compares the two without hashing the bundle (or loading node:crypto) at each start.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** Characters of the build id (a SHA-1 in hex) at the start of a cache file. */
export const ID_LENGTH = 40;

/** The bundle's last line, as the build writes it: the id of this build of the bundle. */
export const BUILD_LINE = /\n\/\/ party-report build ([0-9a-f]{40})\n$/;

/** What the last `requireBundle` did, for tests and the benchmark: `cached` when V8 took the cache. */
export let lastLoad: 'cached' | 'rejected' | 'no-cache' | undefined;

/** The build id a bundle ends with (`BUILD_LINE`), or null. */
export function buildIdOf(bytes: Buffer): string | null {
  return BUILD_LINE.exec(bytes.subarray(Math.max(0, bytes.length - 80)).toString('latin1'))?.[1] ?? null;
}

/** The cache file of a bundle. */
export const cacheFileOf = (file: string): string => `${file}.cache`;

/**
 * Requires the CommonJS bundle `file` (an absolute path), through its code cache when there
 * is a valid one.
 *
 * @returns the bundle's `module.exports`
 * @throws what the bundle throws while it loads, as `require` would
 */
export function requireBundle(file: string): unknown {
  const cacheFile = cacheFileOf(file);
  // One buffer for both files, the cache read over the bundle's bytes once they are decoded:
  // a second fresh buffer of 2.3 MB was ≈560 page faults, ≈8 ms CPU of a start on this
  // machine (issue #14). The bundle is read between the two halves of the CommonJS wrapper,
  // so that decoding it gives the wrapped source as one flat string: `Module.wrap(source)`
  // would be a string V8 copies whole to flatten before compiling, 3.6 MB of fresh memory
  // (the bundle's text is two bytes a character, its Chinese), ≈900 page faults and ≈13 ms.
  let buffer: Buffer;
  let wrappedSize: number;
  let cacheSize: number;
  try {
    const size = statSync(file).size;
    cacheSize = statSync(cacheFile).size;
    wrappedSize = WRAP_HEAD.length + size + WRAP_TAIL.length;
    buffer = Buffer.allocUnsafe(Math.max(wrappedSize, cacheSize));
    WRAP_HEAD.copy(buffer, 0);
    readWhole(file, buffer, WRAP_HEAD.length, size);
    WRAP_TAIL.copy(buffer, WRAP_HEAD.length + size);
  } catch {
    lastLoad = 'no-cache';
    return createRequire(file)(file);
  }
  const id = buildIdOf(buffer.subarray(WRAP_HEAD.length, wrappedSize - WRAP_TAIL.length));
  if (id === null || cacheSize <= ID_LENGTH) {
    lastLoad = 'no-cache';
    return createRequire(file)(file);
  }
  const source = buffer.toString('utf8', 0, wrappedSize);
  try {
    readWhole(cacheFile, buffer, 0, cacheSize);
  } catch {
    lastLoad = 'no-cache';
    return createRequire(file)(file);
  }
  if (buffer.toString('latin1', 0, ID_LENGTH) !== id) {
    lastLoad = 'no-cache';
    return createRequire(file)(file);
  }
  const script = compileWrapped(file, source, buffer.subarray(ID_LENGTH, cacheSize));
  lastLoad = script.cachedDataRejected ? 'rejected' : 'cached';
  return run(script, file).exports;
}

/** The two halves of Node's CommonJS wrapper (`Module.wrap`), as bytes (they are ASCII). */
const [WRAP_HEAD, WRAP_TAIL] = Module.wrap('\0')
  .split('\0')
  .map((half) => Buffer.from(half, 'latin1'));

/**
 * Reads the `size` bytes of `file` into `buffer` at `offset`.
 *
 * @throws when the file cannot be read or is shorter than `size`
 */
function readWhole(file: string, buffer: Buffer, offset: number, size: number): void {
  const fd = openSync(file, 'r');
  try {
    for (let at = 0; at < size; ) {
      const n = readSync(fd, buffer, offset + at, size - at, at);
      if (n === 0) throw new Error(`${file}: shorter than its size`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The bundle's source wrapped as Node wraps a CommonJS module, compiled with `cachedData`
 * (undefined: none). Exported for scripts/code-cache.mjs, which makes the cache from the
 * same wrapping: V8 takes a cache only for the very source it was made from.
 */
export function compile(file: string, source: string, cachedData: Buffer | undefined): vm.Script {
  return compileWrapped(file, Module.wrap(source), cachedData);
}

/** `compile` of a source already wrapped (`Module.wrap`). */
function compileWrapped(file: string, wrapped: string, cachedData: Buffer | undefined): vm.Script {
  return new vm.Script(wrapped, {
    filename: file,
    cachedData,
    // No `importModuleDynamically`: Node 20 has it only as an experimental feature, so what
    // the bundle loads lazily it `require`s (server/cli/docx-lazy.ts); an `import()` run
    // would fail.
  });
}

/** Runs the compiled bundle as the module `file`: its own `require`, `module`, `__dirname`. */
export function run(script: vm.Script, file: string): NodeJS.Module {
  const mod = new Module(file) as NodeJS.Module & { paths: string[] };
  mod.filename = file;
  const require = createRequire(file);
  mod.paths = require.resolve.paths('x') ?? [];
  // Registered as `require` registers a module, so a later `require(file)` gets this one.
  require.cache[file] = mod;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, require, mod, file, dirname(file));
  mod.loaded = true;
  return mod;
}
