#!/usr/bin/env node
/**
 * The entry of continuum-gen: it runs the CLI from its bundle (dist/bin/cli.bundle.cjs, built by
 * scripts/bundle.mjs), keeping the compiled code between runs: Node's compile cache where the
 * running Node has it (22.1+), else V8's code cache in a file of its own. CommonJS, so that a run
 * starts without Node's ESM loader. Nothing else happens here.
 */
import Module = require('node:module');
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import vm = require('node:vm');

interface Cli {
  useImporter(importer: (url: string) => Promise<unknown>): void;
  runCli(argv: string[]): Promise<never>;
}

const BUNDLE = path.join(__dirname, 'cli.bundle.cjs');

/** The folder for the code cache: Node's NODE_COMPILE_CACHE if set, else one of this user's own in the temp folder. */
function cacheFolder(): string | undefined {
  const folder = process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), `continuum-gen-code-cache-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Code from a file that someone else can write is never run.
  const stats = fs.lstatSync(folder);
  const ours = stats.isDirectory() && (process.getuid === undefined || stats.uid === process.getuid()) && (stats.mode & 0o022) === 0;
  return ours ? folder : undefined;
}

/** Write the cache atomically, then remove the stale ones of this install (other builds, other Nodes). */
function saveCodeCache(folder: string, install: string, name: string, data: Buffer): void {
  const temporary = path.join(folder, `.${name}.${process.pid}`);
  fs.writeFileSync(temporary, data, { mode: 0o600 });
  fs.renameSync(temporary, path.join(folder, name));
  for (const stale of fs.readdirSync(folder)) if (stale.startsWith(install) && stale !== name) fs.rmSync(path.join(folder, stale), { force: true });
}

/**
 * require(file) with V8's code cache kept in a file: what Node 22's compile cache does. The cache
 * is made after the run, so it holds the functions the run compiled too; a file that V8 rejects
 * (another Node, another build) is replaced. Any trouble with the cache only makes the run slower.
 */
function requireWithCodeCache(file: string): Cli {
  const fd = fs.openSync(file, 'r');
  const stats = fs.fstatSync(fd);
  const source = fs.readFileSync(fd, 'utf8');
  fs.closeSync(fd);
  // One install (its folder) keeps one cache; a rebuilt bundle has another size, time or inode,
  // so it never meets the cache of the old one.
  const install = `continuum-gen-${fs.statSync(path.dirname(file)).ino}-`;
  const name = `${install}${process.versions.v8}-${process.arch}-${stats.ino}-${stats.size}-${Math.round(stats.mtimeMs)}.cache`;
  let folder: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    folder = cacheFolder();
    if (folder) cachedData = fs.readFileSync(path.join(folder, name));
  } catch {
    cachedData = undefined;
  }
  // No import() in there (Node 20 loses its callback with cached code): the entry lends its own.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (folder && (cachedData === undefined || script.cachedDataRejected)) {
    const into = folder;
    process.once('exit', () => {
      try {
        saveCodeCache(into, install, name, script.createCachedData());
      } catch {
        // A full or read-only temp folder: the next run compiles again.
      }
    });
  }
  const cjs = { exports: {} as Cli };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  wrapper.call(cjs.exports, cjs.exports, Module.createRequire(file), cjs, file, path.dirname(file));
  return cjs.exports;
}

function loadCli(): Cli {
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  // Node's own loader when it caches (22.1+), when the cache is turned off, and under
  // --enable-source-maps (only its loader maps stack traces back to the TypeScript sources).
  if (enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE || (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) {
    enableCompileCache?.();
    return require(BUNDLE) as Cli;
  }
  return requireWithCodeCache(BUNDLE);
}

const cli = loadCli();
cli.useImporter((url) => import(url));
void cli.runCli(process.argv.slice(2));
