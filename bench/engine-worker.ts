/**
 * One engine run in a process of its own, for the bench (its peak memory is the process's):
 *
 *   node dist/bench/engine-worker.js audit|reverse <project folder>
 *
 * Prints {"ms": <time of the run itself>, "commands": <how many>, "ok": <round trip / counts as expected>}.
 */
import { join } from 'node:path';
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
  throw new Error(`usage: engine-worker audit|reverse <folder> (got ${what})`);
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
