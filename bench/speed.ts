/**
 * The speed bench: one table, measured side by side in one run (a shared machine is noisy, so
 * only figures taken together mean anything), medians of BENCH_RUNS runs (default 5; 3 for the
 * heavy rows), CPU time and wall time of whole processes:
 *
 *   - bare `node -e 0` (the floor); one spec through continuum-gen's fast path: re-run with
 *     nothing changed, into an empty folder, and the first run after a build (no code cache);
 *     the same through yeoman-environment (what `yo continuum:command` runs);
 *   - Hygen and Plop doing the same eight-file job from their own templates (bench/hygen,
 *     bench/plop): the bench checks that all three write byte-identical files;
 *   - the 352 host command names in one batch, and regenerated with nothing changed (no file
 *     may be written), with the batch's peak memory;
 *   - audit and reverse of trees of 352 and 5,000 commands, each in a process of its own, and the
 *     TypeScript parser alone over their Types files (what reverse cannot go below).
 *
 *   npm run bench                 # prints the table
 *   npm run bench -- --readme     # and writes it into README.md's performance section
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProjectConfig } from '../shared/config/project-config.js';
import { specFileName } from '../shared/model/naming.js';
import { serialiseSpec } from '../shared/spec/canonical-spec.js';
import { recordsRoot } from '../shared/write/record.js';
import { benchNames, specFor } from './bench-specs.js';
import { namesFor, readByAuditAndReverse, writeCommandTree } from './command-tree.js';
import { Meter, median, sideBySide, timeToFirstQuestion, type Job, type Measured } from './measure.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const HEAVY_RUNS = Math.min(RUNS, 3);
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 1);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const bin = join(repo, 'dist', 'bin', 'continuum-gen.cjs');
const requireHere = createRequire(import.meta.url);
const hygenBin = join(dirname(requireHere.resolve('hygen/package.json')), 'dist', 'bin.js');
const plopBin = join(dirname(requireHere.resolve('plop/package.json')), 'bin', 'plop.js');
const scratch = mkdtempSync(join(tmpdir(), 'continuum-bench-'));

/** An empty folder under the scratch folder, emptied again by each call of the returned function. */
function folder(label: string): { path: string; empty: () => void } {
  const path = join(scratch, label);
  const empty = (): void => {
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path, { recursive: true });
  };
  empty();
  return { path, empty };
}

/** Every file under dir with its content and modification time. */
function snapshot(dir: string): Map<string, { content: string; mtimeMs: number }> {
  const out = new Map<string, { content: string; mtimeMs: number }>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), { content: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

const sameFiles = (a: Map<string, { content: string }>, b: Map<string, { content: string }>): boolean =>
  a.size === b.size && [...a].every(([path, { content }]) => b.get(path)?.content === content);
const unchangedSince = (before: Map<string, { mtimeMs: number }>, dir: string): number => {
  const after = snapshot(dir);
  return [...before].filter(([path, { mtimeMs }]) => after.get(path)?.mtimeMs !== mtimeMs).length;
};

const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
const times = (value: number): string => `${value.toFixed(1)}x`;
const problems: string[] = [];
const check = (ok: boolean, problem: string): void => void (ok || problems.push(problem));

function machine(): string {
  let os = `${platform()} ${release()}`;
  try {
    os = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // not Linux: the kernel's name will do
  }
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os}, load average ${loadavg()[0].toFixed(1)} at the start`;
}

interface Row {
  readonly what: string;
  readonly cpu?: string;
  readonly cpuRatio?: string;
  readonly wall: string;
  readonly wallRatio?: string;
  readonly notes: string;
}

const row = (m: Measured, floor: Measured | undefined, notes: string, what = m.job.label): Row => ({
  what,
  cpu: ms(m.cpuMs),
  cpuRatio: floor ? times(m.cpuMs / floor.cpuMs) : '',
  wall: ms(m.wallMs),
  wallRatio: floor ? times(m.wallMs / floor.wallMs) : '',
  notes,
});

/** What the one-spec rows measured that the targets and the batch rows compare with. */
interface OneSpecRun {
  readonly rows: Row[];
  readonly floor: Measured;
  readonly rerun: Measured;
  readonly fresh: Measured;
  readonly hygenFresh: Measured;
}

/** 1. One spec (eight files), every tool side by side. */
function benchOneSpec(meter: Meter): OneSpecRun {
  const specs = folder('spec');
  const spec = join(specs.path, 'chat-send.json');
  writeFileSync(spec, serialiseSpec({ ...specFor('chat/send', 1), environment: 'server' }));
  const command = (cwd: string): string[] => [bin, 'command', `--spec=${spec}`, `--cwd=${cwd}`];
  const [cgFresh, cgRerun, cgCold, yoRerun, hyFresh, hyRerun, plFresh, plRerun, coldCache] = [
    'cg-fresh',
    'cg-rerun',
    'cg-cold',
    'yo-rerun',
    'hy-fresh',
    'hy-rerun',
    'pl-fresh',
    'pl-rerun',
    'cold-cache',
  ].map(folder);
  const hygen = {
    args: [hygenBin, 'command', 'new', '--name', 'chat/send'],
    env: { HYGEN_TMPLS: join(repo, 'bench', 'hygen', '_templates') },
  };
  const plop = (dest: string): string[] => [
    plopBin,
    '--plopfile',
    join(repo, 'bench', 'plop', 'plopfile.js'),
    '--dest',
    dest,
    'command',
    'chat/send',
  ];
  const floorJob: Job = { label: 'bare `node -e 0` (the floor)', args: ['-e', '0'] };
  const jobs: Job[] = [
    floorJob,
    { label: 'continuum-gen, one spec re-run (fast path)', args: command(cgRerun.path) },
    { label: 'continuum-gen, one spec into an empty folder', args: command(cgFresh.path), before: cgFresh.empty },
    {
      label: 'continuum-gen, first run after a build (no code cache yet)',
      args: command(cgCold.path),
      env: { NODE_COMPILE_CACHE: coldCache.path },
      before: coldCache.empty,
    },
    {
      label: 'Hygen, the same eight files into an empty folder',
      args: hygen.args,
      env: hygen.env,
      cwd: hyFresh.path,
      before: hyFresh.empty,
    },
    { label: 'Hygen, re-run (`unless_exists`)', args: hygen.args, env: hygen.env, cwd: hyRerun.path },
    { label: 'Plop, the same eight files into an empty folder', args: plop(plFresh.path), before: plFresh.empty },
    { label: 'Plop, re-run (`skipIfExists`)', args: plop(plRerun.path) },
  ];
  const yeomanJob: Job = {
    label: 'yeoman-environment path (`yo continuum:command`), re-run',
    args: command(yoRerun.path),
    env: { CONTINUUM_GEN_PATH: 'yeoman' },
  };
  // Warm-up: the re-run folders get their files, the code cache is written.
  for (const job of [jobs[1], jobs[5], jobs[7], jobs[3], yeomanJob]) meter.run(job);
  meter.run(jobs[2]);
  const rerunBefore = snapshot(cgRerun.path);
  const [floor, rerun, fresh, cold, hyF, hyR, plF, plR] = sideBySide(meter, jobs, RUNS);
  const [yeoman] = sideBySide(meter, [yeomanJob], HEAVY_RUNS);
  check(unchangedSince(rerunBefore, cgRerun.path) === 0, 'the continuum-gen re-run wrote files');
  checkSameEightFiles(cgFresh.path, hyFresh.path, plFresh.path);
  const rows = [
    row(floor, undefined, ''),
    row(
      rerun,
      floor,
      `8 files and the record identical, none written; ${times(hyF.cpuMs / rerun.cpuMs)} less CPU than Hygen's eight files`,
    ),
    row(fresh, floor, '8 files created, and the generation record'),
    row(cold, floor, 'compiles the bundle and writes the code cache'),
    row(yeoman, floor, `the fast path is ${times(yeoman.wallMs / rerun.wallMs)} faster`),
    row(hyF, floor, "8 files, byte-identical to continuum-gen's"),
    row(hyR, floor, '8 files skipped (not compared)'),
    row(plF, floor, "8 files, byte-identical to continuum-gen's"),
    row(plR, floor, '8 files skipped (not compared)'),
  ];
  return { rows, floor, rerun, fresh, hygenFresh: hyF };
}

/**
 * continuum-gen also writes its generation record (the base of its three-way merges), which the
 * scaffolders have no counterpart of: the eight files are compared without it.
 */
function checkSameEightFiles(continuumDir: string, hygenDir: string, plopDir: string): void {
  const records = `${recordsRoot(defaultProjectConfig)}/`;
  const oneSpec = snapshot(continuumDir);
  const eight = new Map([...oneSpec].filter(([path]) => !path.startsWith(records)));
  check(
    oneSpec.size === 9 && eight.size === 8,
    `continuum-gen wrote ${oneSpec.size} files (${eight.size} without its record), not 8 and a record`,
  );
  check(sameFiles(eight, snapshot(hygenDir)), 'Hygen did not write the same eight files as continuum-gen');
  check(sameFiles(eight, snapshot(plopDir)), 'Plop did not write the same eight files as continuum-gen');
}

/** The wizard: how long until its first question is on the screen (undefined: not measured). */
async function benchWizard(): Promise<{ readonly row: Row; readonly wizardMs: number | undefined }> {
  const wizard = folder('wizard');
  const waits: number[] = [];
  for (let i = 0; i < HEAVY_RUNS; i++) {
    const elapsed = await timeToFirstQuestion([bin, 'command'], wizard.path);
    if (elapsed !== undefined) waits.push(elapsed);
  }
  const wizardMs = waits.length > 0 ? median(waits) : undefined;
  return {
    wizardMs,
    row: {
      what: "the wizard's first question (`continuum-gen command` in a terminal)",
      wall: wizardMs !== undefined ? ms(wizardMs) : 'not measured',
      notes: wizardMs !== undefined ? 'until its first question is on the screen' : 'needs `script` (util-linux)',
    },
  };
}

/** 2. The host's 352 command names in one batch, fresh and regenerated with nothing changed. */
function benchBatch(
  meter: Meter,
  names: readonly string[],
  oneSpecFresh: Measured,
): { readonly rows: Row[]; readonly fresh: Measured; readonly rerun: Measured } {
  const batchSpecs = folder('batch-specs');
  names.forEach((name, n) => writeFileSync(join(batchSpecs.path, specFileName(name)), serialiseSpec(specFor(name, n))));
  const batchRerun = folder('batch-rerun');
  const batch = (cwd: string): string[] => [bin, 'command', `--spec=${batchSpecs.path}`, `--cwd=${cwd}`];
  // Each fresh batch into a folder never used before: one emptied just before (3,285 files deleted)
  // makes the next run's system time grow run after run (ext4), which no user's first run pays.
  let freshRuns = 0;
  let freshFolder = '';
  const freshBatch = {
    label: `${names.length} specs, one batch into an empty folder`,
    get args(): string[] {
      return batch(freshFolder);
    },
    before: (): void => void (freshFolder = folder(`batch-fresh-${++freshRuns}`).path),
  };
  meter.run({ label: 'batch warm-up', args: batch(batchRerun.path) });
  const batchBefore = snapshot(batchRerun.path);
  const [bFresh, bRerun] = sideBySide(
    meter,
    [freshBatch, { label: `${names.length} specs regenerated, nothing changed`, args: batch(batchRerun.path) }],
    HEAVY_RUNS,
  );
  const written = unchangedSince(batchBefore, batchRerun.path);
  check(written === 0, `the unchanged batch wrote ${written} files`);
  const rows = [
    row(
      bFresh,
      undefined,
      `${batchBefore.size.toLocaleString('en')} files; peak memory ${bFresh.maxRssMiB.toFixed(0)} MiB; ${times((oneSpecFresh.wallMs * names.length) / bFresh.wallMs)} faster than ${names.length} separate runs (estimated from one)`,
    ),
    row(
      bRerun,
      undefined,
      `${written} of ${batchBefore.size.toLocaleString('en')} files written; peak memory ${bRerun.maxRssMiB.toFixed(0)} MiB`,
    ),
  ];
  return { rows, fresh: bFresh, rerun: bRerun };
}

/** One engine run (audit or reverse of a tree) as its worker measured it inside its process. */
interface EngineRun {
  readonly runMs: number;
  readonly perCommandMs: number;
  readonly maxRssMiB: number;
}

interface TreeRuns {
  readonly rows: Row[];
  readonly setupMs: number;
  readonly small: { readonly count: number; readonly audit: EngineRun; readonly reverse: EngineRun; readonly parse: EngineRun };
  readonly large: { readonly audit: EngineRun; readonly reverse: EngineRun; readonly parse: EngineRun };
}

/** 3. Audit and reverse at the host's size and at 5,000 commands, each run in a fresh process. */
function benchTrees(meter: Meter, hostCount: number): TreeRuns {
  const setupStart = performance.now();
  const trees = [hostCount, 5000].map((count) => {
    const tree = folder(`tree-${count}`);
    writeCommandTree(tree.path, namesFor(count), (file) => (readByAuditAndReverse(file) ? file.content : undefined));
    return { count, path: tree.path };
  });
  const setupMs = performance.now() - setupStart;
  const worker = join(here, 'engine-worker.js');
  const engineJobs = (path: string, count: number): Job[] =>
    (['audit', 'reverse', 'parse'] as const).map((what) => ({
      label:
        what === 'parse'
          ? `TypeScript's parser alone over the ${count.toLocaleString('en')} commands' Types files (reverse's floor)`
          : `\`${what}\` of ${count.toLocaleString('en')} commands`,
      args: [worker, what, path],
    }));
  // The 5,000-command runs take seconds each: LARGE_RUNS of them (default 1), to stay under two minutes.
  const engine = [
    ...sideBySide(meter, engineJobs(trees[0].path, trees[0].count), HEAVY_RUNS),
    ...sideBySide(meter, engineJobs(trees[1].path, trees[1].count), LARGE_RUNS),
  ];
  const rows: Row[] = [];
  const perCommand = new Map<string, EngineRun>();
  for (const m of engine) {
    const results = m.samples.map((s) => JSON.parse(s.stdout) as { ms: number; commands: number; ok: boolean; note: string });
    const runMs = median(results.map((r) => r.ms));
    const { commands, ok, note } = results[0];
    check(ok, `${m.job.label}: ${note}`);
    perCommand.set(m.job.label, { runMs, perCommandMs: runMs / commands, maxRssMiB: m.maxRssMiB });
    rows.push({
      what: m.job.label,
      wall: ms(runMs),
      notes: `${(runMs / commands).toFixed(2)} ms a command (${Math.round((commands / runMs) * 1000).toLocaleString('en')}/s), ${note}; process: ${ms(m.wallMs)}, peak memory ${m.maxRssMiB.toFixed(0)} MiB${m.samples.length === 1 ? '; one run' : ''}`,
    });
  }
  const measuredRun = (job: Job): EngineRun => perCommand.get(job.label)!;
  const [audit352, reverse352, parse352] = engineJobs(trees[0].path, trees[0].count).map(measuredRun);
  const [audit5000, reverse5000, parse5000] = engineJobs(trees[1].path, trees[1].count).map(measuredRun);
  return {
    rows,
    setupMs,
    small: { count: trees[0].count, audit: audit352, reverse: reverse352, parse: parse352 },
    large: { audit: audit5000, reverse: reverse5000, parse: parse5000 },
  };
}

/** The issue's targets, each with what this run measured. */
function targetLines(
  one: OneSpecRun,
  batch: { readonly fresh: Measured; readonly rerun: Measured },
  batchSize: number,
  treeRuns: TreeRuns,
  wizardMs: number | undefined,
): string {
  const { floor, rerun, hygenFresh: hyF } = one;
  const { fresh: bFresh, rerun: bRerun } = batch;
  const { small, large } = treeRuns;
  const [audit352, reverse352, audit5000, reverse5000] = [small.audit, small.reverse, large.audit, large.reverse];
  const targets: [boolean, string][] = [
    [rerun.cpuMs <= 2 * floor.cpuMs, `one spec re-run within 2x the CPU of bare node: ${times(rerun.cpuMs / floor.cpuMs)}`],
    [rerun.cpuMs < hyF.cpuMs, `below Hygen's eight files: ${ms(rerun.cpuMs)} against ${ms(hyF.cpuMs)} of CPU`],
    [bFresh.wallMs < 1500, `the ${batchSize}-spec batch under 1.5 s: ${ms(bFresh.wallMs)}`],
    [bRerun.wallMs < 1500, `its unchanged regeneration under 1.5 s: ${ms(bRerun.wallMs)}`],
    [
      Math.max(bFresh.maxRssMiB, bRerun.maxRssMiB) < 150,
      `peak memory of the batch under 150 MiB: ${Math.max(bFresh.maxRssMiB, bRerun.maxRssMiB).toFixed(0)} MiB`,
    ],
    [
      audit5000.runMs < 4000,
      `audit of 5,000 commands under 4 s (1,250/s): ${ms(audit5000.runMs)} (${Math.round(5000_000 / audit5000.runMs)}/s; TypeScript's parser alone over its Types files: ${ms(large.parse.runMs)})`,
    ],
    [audit5000.maxRssMiB < 400, `peak memory of the 5,000 audit under 400 MiB: ${audit5000.maxRssMiB.toFixed(0)} MiB`],
    [
      reverse352.runMs < 500,
      `reverse of ${small.count} under 0.5 s: ${ms(reverse352.runMs)} (TypeScript's parser alone over its Types files: ${ms(small.parse.runMs)})`,
    ],
    [
      audit5000.perCommandMs <= 1.2 * audit352.perCommandMs && reverse5000.perCommandMs <= 1.2 * reverse352.perCommandMs,
      `cost per command flat from ${small.count} to 5,000: audit ${audit352.perCommandMs.toFixed(2)} -> ${audit5000.perCommandMs.toFixed(2)} ms, reverse ${reverse352.perCommandMs.toFixed(2)} -> ${reverse5000.perCommandMs.toFixed(2)} ms`,
    ],
    [
      wizardMs !== undefined && wizardMs < 1000,
      `the wizard's first question within 1 s: ${wizardMs === undefined ? 'not measured' : ms(wizardMs)}`,
    ],
  ];
  return targets.map(([met, what]) => `- ${met ? 'met' : '**missed**'}: ${what}`).join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const meter = new Meter(scratch);
  const one = benchOneSpec(meter);
  const wizard = await benchWizard();
  const names = benchNames();
  const batch = benchBatch(meter, names, one.fresh);
  const treeRuns = benchTrees(meter, names.length);
  const rows = [...one.rows, wizard.row, ...batch.rows, ...treeRuns.rows];
  const targets = targetLines(one, batch, names.length, treeRuns, wizard.wizardMs);

  const table = [
    '| what | CPU | vs. node | wall | vs. node | notes |',
    '|---|--:|--:|--:|--:|---|',
    ...rows.map((r) => `| ${r.what} | ${r.cpu ?? ''} | ${r.cpuRatio ?? ''} | ${r.wall} | ${r.wallRatio ?? ''} | ${r.notes} |`),
  ].join('\n');
  const total = (performance.now() - started) / 1000;
  // The command as run: run counts other than the defaults are part of it.
  const settings = [
    process.env.BENCH_RUNS && `BENCH_RUNS=${RUNS}`,
    process.env.BENCH_LARGE_RUNS && `BENCH_LARGE_RUNS=${LARGE_RUNS}`,
  ].filter(Boolean);
  const command = [...settings, 'npm run bench'].join(' ');
  const about = `Measured by \`${command}\` in one run of ${total.toFixed(0)} s on ${machine()}. Medians of ${RUNS} runs (${HEAVY_RUNS} for the yeoman-environment, wizard, batch and 352-command audit and reverse rows, ${LARGE_RUNS} for the 5,000-command ones), taken round-robin; CPU is user + system time of every process of a run; "vs. node" is the ratio to bare \`node -e 0\` in the same run. Audit and reverse times are the engine's run inside its process (trees generated beforehand in ${(treeRuns.setupMs / 1000).toFixed(0)} s, not measured).`;
  const report = `${about}\n\n${table}\n\nThe issue's targets in this run:\n\n${targets}`;
  process.stdout.write(`${report}\n`);
  if (process.argv.includes('--readme')) writeReadme(report);
  if (problems.length > 0) {
    process.stdout.write(`\nPROBLEMS:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

/** Replace what stands between the bench's markers in README.md. */
function writeReadme(section: string): void {
  const readme = join(repo, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const [begin, end] = ['<!-- bench:begin (npm run bench -- --readme) -->', '<!-- bench:end -->'];
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${begin} ... ${end} section`);
  writeFileSync(readme, `${text.slice(0, from + begin.length)}\n${section}\n${text.slice(to)}`);
  process.stdout.write('\nREADME.md: performance section rewritten\n');
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
