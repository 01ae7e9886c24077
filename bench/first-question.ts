/**
 * How long `continuum-gen command` takes to show the wizard's first question in a terminal (a
 * pseudo-terminal through util-linux `script`), through the bin's own wizard and through the
 * Yeoman path (`CONTINUUM_GEN_PATH=yeoman`, what `yo continuum:command` also pays), against bare
 * `node -e ''`. Medians of BENCH_RUNS runs (default 5), measured side by side.
 *
 *   npm run bench:first-question
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInTerminal } from '../test/support/terminal.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bin = fileURLToPath(new URL('../bin/continuum-gen.cjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'continuum-bench-first-question-'));
writeFileSync(join(scratch, '.yo-rc.json'), '{ "generator-continuum": {} }\n');

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function firstQuestionMs(env: Record<string, string>): Promise<number> {
  const run = await runInTerminal(process.execPath, [bin, 'command', `--draft=${join(scratch, 'bench.draft.json')}`], {
    cwd: scratch,
    env,
    steps: [{ waitFor: /Command name/, send: '\x03' }],
  });
  return run.seenAtMs[0];
}

function bareNodeMs(): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const wizard: number[] = [];
const yeoman: number[] = [];
const bare: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(bareNodeMs());
  wizard.push(await firstQuestionMs({}));
  yeoman.push(await firstQuestionMs({ CONTINUUM_GEN_PATH: 'yeoman' }));
}
rmSync(scratch, { recursive: true, force: true });
const ms = (value: number): string => `${Math.round(value)} ms`;
console.log(`first question, continuum-gen's wizard: ${ms(median(wizard))} (bare node -e '': ${ms(median(bare))})`);
console.log(
  `first question, the Yeoman path:        ${ms(median(yeoman))} (${(median(yeoman) / median(wizard)).toFixed(1)}x the wizard's)`,
);
