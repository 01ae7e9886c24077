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
  ranFastPath(): boolean;
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

/** Write the cache atomically, then remove the stale ones of the same file (other builds, other Nodes). */
function saveCodeCache(folder: string, family: string, name: string, data: Buffer): void {
  const temporary = path.join(folder, `.${name}.${process.pid}`);
  fs.writeFileSync(temporary, data, { mode: 0o600 });
  fs.renameSync(temporary, path.join(folder, name));
  for (const stale of fs.readdirSync(folder))
    if (stale.startsWith(family) && stale !== name) fs.rmSync(path.join(folder, stale), { force: true });
}

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

/**
 * Compile a CommonJS module's source with V8's code cache kept in a file: what Node 22's compile
 * cache does. The cache is made after the run, so it holds the functions the run compiled too; a
 * file that V8 rejects (another Node, another build) is replaced. Any trouble with the cache only
 * makes the run slower.
 */
function compileWithCodeCache(file: string, source: string, stats: fs.Stats, worthKeeping: () => boolean = () => true): ModuleWrapper {
  // One cache per file of an install (its folder); a rebuilt file has another size, time or
  // inode, so it never meets the cache of the old one.
  const family = `continuum-gen-${fs.statSync(path.dirname(file)).ino}-${path.basename(file)}-`;
  const name = `${family}${process.versions.v8}-${process.arch}-${stats.ino}-${stats.size}-${Math.round(stats.mtimeMs)}.cache`;
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
        if (worthKeeping()) saveCodeCache(into, family, name, script.createCachedData());
      } catch {
        // A full or read-only temp folder: the next run compiles again.
      }
    });
  }
  return script.runInThisContext() as ModuleWrapper;
}

/**
 * The bundle, from the code cache. Only a fast-path run writes it: the cache holds the functions
 * the writing run compiled, and a `--help` or a Yeoman-path run would leave the fast path's out.
 */
function requireBundle(file: string): Cli {
  const fd = fs.openSync(file, 'r');
  const stats = fs.fstatSync(fd);
  const source = fs.readFileSync(fd, 'utf8');
  fs.closeSync(fd);
  const cjs = { exports: {} as Cli };
  compileWithCodeCache(file, source, stats, () => cjs.exports.ranFastPath()).call(
    cjs.exports,
    cjs.exports,
    Module.createRequire(file),
    cjs,
    file,
    path.dirname(file),
  );
  return cjs.exports;
}

/**
 * The largest CommonJS files a run may load, the TypeScript compiler and ts-morph (audit,
 * reverse), compiled from the code cache too: about two thirds of their start-up. Neither calls import().
 */
const LARGE_DEPENDENCIES = [/[\\/]@ts-morph[\\/]common[\\/]dist[\\/]typescript\.js$/, /[\\/]ts-morph[\\/]dist[\\/]ts-morph\.js$/];

function cacheLargeDependencies(): void {
  type Compile = (this: NodeJS.Module, content: string, filename: string) => unknown;
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const compile = prototype._compile;
  prototype._compile = function (content, filename) {
    if (!LARGE_DEPENDENCIES.some((pattern) => pattern.test(filename))) return compile.call(this, content, filename);
    return compileWithCodeCache(filename, content, fs.statSync(filename)).call(
      this.exports,
      this.exports,
      Module.createRequire(filename),
      this,
      filename,
      path.dirname(filename),
    );
  };
}

function loadCli(): Cli {
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  // Node's own loader when it caches (22.1+), when the cache is turned off, and under
  // --enable-source-maps (only its loader maps stack traces back to the TypeScript sources).
  if (enableCompileCache || process.env.NODE_DISABLE_COMPILE_CACHE || (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) {
    enableCompileCache?.();
    return require(BUNDLE) as Cli;
  }
  cacheLargeDependencies();
  return requireBundle(BUNDLE);
}

const cli = loadCli();
cli.useImporter((url) => import(url));
void cli.runCli(process.argv.slice(2));
