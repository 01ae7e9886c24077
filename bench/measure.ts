/**
 * Measuring processes side by side: each run's wall time, and the CPU time (user + system) and
 * peak memory that every Node process of the run reports when it exits (a --require'd reporter,
 * passed down through NODE_OPTIONS so child processes report too).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  readonly stdout: string;
}

export interface Job {
  readonly label: string;
  /** Node arguments (the script and its own), run with process.execPath. */
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Called before every run (a fresh folder, a file to touch); returns nothing. */
  readonly before?: () => void;
}

export class Meter {
  private readonly reporter: string;
  private readonly report: string;

  constructor(scratch: string) {
    this.reporter = join(scratch, 'report-usage.cjs');
    this.report = join(scratch, 'usage.txt');
    writeFileSync(
      this.reporter,
      "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').appendFileSync(process.env.BENCH_USAGE_FILE, `${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\\n`); });\n",
    );
  }

  /** One run of a job; throws with its output when it fails. */
  run(job: Job): Sample {
    job.before?.();
    rmSync(this.report, { force: true });
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', `--require=${this.reporter}`].join(' ').trim();
    const start = performance.now();
    const run = spawnSync(process.execPath, job.args, {
      cwd: job.cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...job.env, NODE_OPTIONS: nodeOptions, BENCH_USAGE_FILE: this.report },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (run.status !== 0) throw new Error(`${job.label}: exit ${run.status}\n${run.stderr}${run.stdout}`);
    const usages = existsSync(this.report)
      ? readFileSync(this.report, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ').map(Number))
      : [];
    if (usages.length === 0) throw new Error(`${job.label}: no process reported its usage`);
    return {
      wallMs,
      cpuMs: usages.reduce((sum, [cpuUs]) => sum + cpuUs, 0) / 1000,
      maxRssMiB: Math.max(...usages.map(([, rssKb]) => rssKb)) / 1024,
      stdout: run.stdout,
    };
  }
}

/**
 * How long a command takes to print its first question in a terminal (`script` gives it one):
 * the time until a `?` appears on the screen; the process is killed then. Undefined when the
 * machine has no `script` (util-linux) or no question came within 30 s.
 */
export function timeToFirstQuestion(args: readonly string[], cwd: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', [process.execPath, ...args].map(shellQuote).join(' '), '/dev/null'], {
      cwd,
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    let screen = '';
    const end = (elapsed: number | undefined): void => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(elapsed);
    };
    const timer = setTimeout(() => end(undefined), 30_000);
    child.on('error', () => end(undefined));
    child.stdout!.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      if (screen.includes('?')) end(performance.now() - start);
    });
  });
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Measured {
  readonly job: Job;
  readonly samples: Sample[];
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
}

/**
 * Run every job `runs` times, round-robin (one run of each, then the next round), so that a
 * change in the machine's load falls on all of them alike; medians per job.
 */
export function sideBySide(meter: Meter, jobs: readonly Job[], runs: number): Measured[] {
  const samples = jobs.map((): Sample[] => []);
  for (let round = 0; round < runs; round++) jobs.forEach((job, i) => samples[i].push(meter.run(job)));
  return jobs.map((job, i) => ({
    job,
    samples: samples[i],
    wallMs: median(samples[i].map((s) => s.wallMs)),
    cpuMs: median(samples[i].map((s) => s.cpuMs)),
    maxRssMiB: Math.max(...samples[i].map((s) => s.maxRssMiB)),
  }));
}
