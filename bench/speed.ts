/**
 * Speed of continuum-gen, measured side by side in one run (machines are noisy: only ratios
 * measured together mean anything). Prints medians of BENCH_RUNS runs (default 5):
 *
 *   1. one full-stack command from a spec through the bin's fast path, against bare `node -e ''`
 *      (the floor) and against the same run through yeoman-environment;
 *   2. 350 specs (bench/data/continuum-command-names.txt) in one batch process, against 350
 *      separate bin runs (a sample of 100 timed once and scaled; BENCH_SEPARATE=all times all);
 *   3. the same batch again with nothing changed: every file identical, no file written;
 *   4. the peak memory (max RSS) of the batch process.
 *
 *   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specFileName } from '../shared/model/naming.js';
import { serialiseSpec } from '../shared/spec/canonical-spec.js';
import { benchNames, specFor } from './bench-specs.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bin = fileURLToPath(new URL('../bin/continuum-gen.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'continuum-bench-speed-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one process run, in milliseconds; throws if it fails. */
function timeRun(args: readonly string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return elapsed;
}

function freshDir(label: string): string {
  const dir = join(scratch, `${label}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under dir with its modification time, to prove a run wrote nothing. */
function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return out;
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;
const rows: string[][] = [];
const row = (...cells: string[]): void => void rows.push(cells);

function main(): void {
  console.log(`generator-continuum speed bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), median of ${RUNS} runs\n`);

  // 1. One full-stack command.
  const specDir = freshDir('specs');
  const fullStack = join(specDir, 'chat-send.json');
  writeFileSync(fullStack, serialiseSpec({ ...specFor('chat/send', 1), environment: 'both' }));
  const floor = median(Array.from({ length: RUNS }, () => timeRun(['-e', ''])));
  const fast = median(Array.from({ length: RUNS }, () => timeRun([bin, 'command', `--spec=${fullStack}`, `--cwd=${freshDir('one')}`])));
  const yeoman = median(Array.from({ length: RUNS }, () => timeRun([bin, 'command', `--spec=${fullStack}`, `--cwd=${freshDir('one-yo')}`], { CONTINUUM_GEN_PATH: 'yeoman' })));
  row('one full-stack spec, bin fast path', fmt(fast), `${ratio(fast, floor)} the node floor`);
  row("bare node -e '' (the floor)", fmt(floor), '');
  row('one full-stack spec, yeoman-environment path', fmt(yeoman), `fast path is ${ratio(yeoman, fast)} faster`);

  // 2. 350 specs: one batch process against one process per spec.
  const names = benchNames();
  const batchSpecs = freshDir('batch-specs');
  names.forEach((name, n) => writeFileSync(join(batchSpecs, specFileName(name)), serialiseSpec(specFor(name, n))));
  const batchTimes: number[] = [];
  let batchTarget = '';
  for (let i = 0; i < RUNS; i++) {
    batchTarget = freshDir('batch');
    batchTimes.push(timeRun([bin, 'command', `--spec=${batchSpecs}`, `--cwd=${batchTarget}`]));
  }
  const batch = median(batchTimes);
  // Separate runs cost ~0.2 s each: by default an evenly spaced sample is timed and scaled to all
  // of them (BENCH_SEPARATE=all times every one), which keeps the whole bench under two minutes.
  const sampleSize = process.env.BENCH_SEPARATE === 'all' ? names.length : Math.min(100, names.length);
  const sample = Array.from({ length: sampleSize }, (_, i) => names[Math.floor((i * names.length) / sampleSize)]);
  const separateTarget = freshDir('separate');
  const separateStart = performance.now();
  for (const name of sample) timeRun([bin, 'command', `--spec=${join(batchSpecs, specFileName(name))}`, `--cwd=${separateTarget}`]);
  const perRun = (performance.now() - separateStart) / sample.length;
  const separate = perRun * names.length;
  const how = sampleSize === names.length ? 'all timed' : `${sampleSize} timed, scaled`;
  row(`${names.length} specs, one batch process`, fmt(batch), `${ratio(separate, batch)} faster than separate runs`);
  row(`${names.length} specs, ${names.length} separate bin runs`, fmt(separate), `${fmt(perRun)} a run (${how})`);

  // 3. Regenerate with nothing changed: all identical, nothing written.
  const before = mtimes(batchTarget);
  const unchanged = median(Array.from({ length: RUNS }, () => timeRun([bin, 'command', `--spec=${batchSpecs}`, `--cwd=${batchTarget}`])));
  const after = mtimes(batchTarget);
  const rewritten = [...before].filter(([path, time]) => after.get(path) !== time).length;
  row(`${names.length} specs regenerated, nothing changed`, fmt(unchanged), `${rewritten} of ${before.size} files written`);

  // 4. Peak memory of the batch process (GNU time's maximum resident set size).
  const memoryTarget = freshDir('memory');
  const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'command', `--spec=${batchSpecs}`, `--cwd=${memoryTarget}`], { encoding: 'utf8' });
  const maxRssKb = Number(/(\d+)\s*$/.exec(timed.stderr.trim())?.[1] ?? NaN);
  row(`${names.length} specs, peak memory of the batch`, Number.isFinite(maxRssKb) ? `${(maxRssKb / 1024).toFixed(0)} MiB` : 'unknown (/usr/bin/time missing)', '');

  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2]}`);
  console.log('\nTargets: single spec within 4x the floor; batch under 5 s and at least 20x faster than separate runs; no file written when nothing changed.');
  if (rewritten > 0) process.exitCode = 1;
}

try {
  main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
