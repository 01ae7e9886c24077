/**
 * One engine run in a process of its own, for the bench (its peak memory is the process's):
 *
 *   node dist/bench/engine-worker.js audit|reverse|parse <project folder>
 *
 * `parse` is reverse's floor: the TypeScript parser alone over every command's Types file, as reverse
 * parses them (the same options), with nothing read from the trees it builds.
 *
 * Prints {"ms": <time of the run itself>, "commands": <how many>, "ok": <round trip / counts as expected>}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultProjectConfig } from '../shared/config/project-config.js';

const [what, dir] = process.argv.slice(2);
const config = defaultProjectConfig;

async function main(): Promise<{ ms: number; commands: number; ok: boolean; note: string }> {
  if (what === 'audit') {
    const { runAudit } = await import('../shared/audit/audit.js');
    const start = performance.now();
    const result = runAudit({ projectRoot: dir, config });
    const ms = performance.now() - start;
    // The tree is generated and complete: every command is found, and nothing is wrong with it.
    return { ms, commands: result.metrics.commands, ok: result.findings.length === 0, note: `${result.findings.length} findings` };
  }
  if (what === 'reverse') {
    const { ReverseEngineer } = await import('../shared/reverse/reverse-engineer.js');
    const start = performance.now();
    const engine = new ReverseEngineer({ projectRoot: dir, config });
    const results = engine.reverseAll(engine.discover(join(dir, config.roots.commands)));
    const ms = performance.now() - start;
    const reversed = results.filter((r) => r.status === 'reversed').length;
    return { ms, commands: results.length, ok: reversed === results.length, note: `${reversed} reversed` };
  }
  if (what === 'parse') {
    const { parseSource } = await import('../shared/reverse/syntax.js');
    const texts = typesFiles(join(dir, config.roots.commands)).map((path) => [path, readFileSync(path, 'utf8')] as const);
    const start = performance.now();
    const statements = texts.reduce((sum, [path, text]) => sum + parseSource(path, text).statements.length, 0);
    const ms = performance.now() - start;
    const kib = texts.reduce((sum, [, text]) => sum + text.length, 0) / 1024;
    return { ms, commands: texts.length, ok: statements > 0, note: `${texts.length} Types files, ${kib.toFixed(0)} KiB (read beforehand)` };
  }
  throw new Error(`usage: engine-worker audit|reverse|parse <folder> (got ${what})`);
}

/** Every `shared/*Types.ts` under the folder: one per command in the bench's trees. */
function typesFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('Types.ts') && basename(entry.parentPath) === 'shared')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
