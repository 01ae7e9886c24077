import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, runProcess, tempProject, type BinRun } from './generator-run.js';
import { repoRoot } from './paths.js';

/** The bin's bundle and its source map, whose `sources` name every file the bundle holds. */
export const bundlePath = join(repoRoot, 'dist', 'bin', 'cli.bundle.cjs');

/** Project-relative paths of the files inside the bin's bundle (from its source map). */
export function bundleInputs(): string[] {
  const map = JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')) as { sources: string[] };
  // The map's sources are relative to dist/bin/.
  return map.sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
}

/**
 * Run the bin and record every module the process loads: ES modules through a resolve hook,
 * CommonJS ones (Node's own loader) from require.cache when the process exits. Returns their URLs.
 */
export async function modulesLoadedBy(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ run: BinRun; loaded: string[] }> {
  const dir = tempProject();
  const record = join(dir, 'modules.txt');
  const hook = join(dir, 'record-hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(record)}, result.url + '\\n');\n  return result;\n}\n`,
  );
  const preload = join(dir, 'record-modules.cjs');
  writeFileSync(
    preload,
    `const { appendFileSync } = require('node:fs');\nconst { pathToFileURL } = require('node:url');\nrequire('node:module').register(${JSON.stringify(pathToFileURL(hook).href)});\n` +
      `process.on('exit', () => appendFileSync(${JSON.stringify(record)}, Object.keys(require.cache).map((path) => pathToFileURL(path).href + '\\n').join('')));\n`,
  );
  writeFileSync(record, '');
  const run = await runProcess(process.execPath, ['--require', preload, binPath, ...args], { cwd: repoRoot, stdin: 'closed', env });
  return {
    run,
    loaded: readFileSync(record, 'utf8')
      .split('\n')
      .filter((url) => url !== ''),
  };
}
