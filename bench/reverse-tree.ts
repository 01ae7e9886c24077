/**
 * Benchmark of the reverse generator at the host's scale and beyond: a tree of ~350 commands (the
 * names in bench/data/continuum-command-names.txt, a copy of ../shared/data), then one of 5,000
 * (the same names with generated variants, bench/command-tree.ts), is generated with the engine
 * into a temp folder, then reversed in one process with one ReverseEngineer per run. Prints the
 * time and the cost per command at both sizes (it should be flat), and checks that every command
 * round-trips.
 *
 *   npm run bench:reverse
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultProjectConfig } from '../shared/config/project-config.js';
import { normaliseSpec } from '../shared/reverse/normalise-spec.js';
import { ReverseEngineer } from '../shared/reverse/reverse-engineer.js';
import type { CommandSpecV2 } from '../shared/spec/command-spec.js';
import { benchNames, specFor } from './bench-specs.js';
import { namesFor, writeCommandTree } from './command-tree.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function bench(names: readonly string[], runCount: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-bench-reverse-'));
  try {
    const specs = new Map<string, CommandSpecV2>(names.map((name, n) => [name, specFor(name, n)]));
    const generateStart = performance.now();
    writeCommandTree(dir, names, (file) => (file.path.startsWith(`${defaultProjectConfig.roots.specs}/`) ? undefined : file.content));
    const generateMs = performance.now() - generateStart;

    // Each run is a fresh engine, as one `continuum-gen reverse` run is; the first run also pays
    // for warming up the parser. The machine may be shared: report every run, and its CPU time.
    const runs: { wallMs: number; cpuMs: number }[] = [];
    let results: ReturnType<ReverseEngineer['reverseAll']> = [];
    for (let run = 0; run < runCount; run++) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      const engine = new ReverseEngineer({ projectRoot: dir, config: defaultProjectConfig });
      results = engine.reverseAll(engine.discover(join(dir, defaultProjectConfig.roots.commands)));
      const cpu = process.cpuUsage(cpuStart);
      runs.push({ wallMs: performance.now() - wallStart, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
    const median = sorted[Math.floor(sorted.length / 2)];

    const mismatches = results.filter((r) => {
      const original = r.spec && specs.get(r.spec.name);
      return (
        !original ||
        JSON.stringify(normaliseSpec(r.spec, defaultProjectConfig)) !== JSON.stringify(normaliseSpec(original, defaultProjectConfig))
      );
    });
    const warnings = results.reduce((sum, r) => sum + r.warnings.length, 0);
    const lines = [
      `generated ${names.length} commands in ${Math.round(generateMs)} ms (setup, not measured)`,
      `reversed ${results.length} commands in ${Math.round(runs[0].wallMs)} ms (first run, cold parser; ${Math.round(runs[0].cpuMs)} ms CPU), one process, one engine per run`,
      `runs: ${runs.map((r) => `${Math.round(r.wallMs)} ms (${Math.round(r.cpuMs)} ms CPU)`).join(', ')}; median ${Math.round(median.wallMs)} ms = ${(median.wallMs / results.length).toFixed(2)} ms per command`,
      `round trip: ${results.length - mismatches.length}/${results.length} equal after normalisation, ${warnings} warnings`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (mismatches.length > 0 || results.length !== names.length) {
      process.stderr.write(`round trip failed for: ${mismatches.map((m) => m.folder).join(', ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bench(benchNames(), RUNS);
// The second point, to show the cost per command stays flat (one run: the tree takes a while to generate).
bench(namesFor(5000), 1);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
