/**
 * Build steps of the bin's start-up, after tsc. (1) The listing of the sub-generators' names and
 * summaries (dist/generators/sub-generators.json), so that the Yeoman path imports only the one it
 * runs. (2) Bundle the bin's CLI and its fast path (bin/cli.ts and everything it imports, npm
 * packages included) into one CommonJS module, dist/bin/cli.bundle.cjs, with a source map, so a
 * spec-driven run loads two modules instead of ~170. The lazily imported paths (the Yeoman
 * path, the MCP server, the agent commands) stay outside: they load tsc's output from dist/bin/.
 * (3) The fast path of reverse and audit (bin/tree-path.ts) in an ES module of its own,
 * dist/bin/tree.bundle.mjs, loaded only by those runs: this package's code in one file, the npm
 * packages (ts-morph, the TypeScript compiler) loaded from node_modules as they are. (4) The second
 * thread of a large audit (shared/audit/reverse-worker.ts) beside it, dist/bin/reverse-worker.js, where
 * the tree bundle's `new URL('./reverse-worker.js', import.meta.url)` finds it.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Imported only on the runs that need them, from the files tsc writes next to the bundle. */
const LAZY = ['./yeoman-path.js', './mcp-server.js', './agent-commands.js', './wizard-path.js'];

/** The validators build-validators.ts wrote, inside the bundle instead of read from dist/ at run time. */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(bundle) {
    bundle.onLoad({ filter: /shared[\\/]spec[\\/]precompiled-validators\.ts$/ }, () => ({
      contents: `export function readPrecompiledValidators() { return require(${JSON.stringify(join(root, 'dist', 'shared', 'spec', 'precompiled-validators.cjs'))}); }`,
      loader: 'js',
    }));
  },
};

/**
 * fdir's CommonJS build: its ES module build looks for picomatch with a require() of its own
 * when it loads (an optional dependency tinyglobby never uses), which loads a second picomatch
 * from node_modules on every run.
 */
const fdirCommonJs = {
  name: 'fdir-commonjs',
  setup(bundle) {
    bundle.onResolve({ filter: /^fdir$/ }, (args) => ({ path: createRequire(join(args.resolveDir, 'index.js')).resolve('fdir') }));
  },
};

const { writeSubGeneratorListing } = await import(new URL('../dist/generators/_shared/sub-generators.js', import.meta.url).href);
await writeSubGeneratorListing();

await build({
  absWorkingDir: root,
  entryPoints: ['bin/cli.ts'],
  outfile: 'dist/bin/cli.bundle.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: LAZY,
  plugins: [precompiledValidators, fdirCommonJs],
  // The map points at the sources on disk instead of carrying them: small to read, and traces
  // under --enable-source-maps still name the source file and line.
  sourcemap: true,
  sourcesContent: false,
  // The sources locate the package from their own URL; in the bundle that is the bundle's.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
  entryPoints: ['bin/tree-path.ts'],
  outfile: 'dist/bin/tree.bundle.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
  entryPoints: ['shared/audit/reverse-worker.ts'],
  outfile: 'dist/bin/reverse-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
