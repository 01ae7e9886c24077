import { loadGrammars } from '../support/code-markers.js';
import { removeHostProjects } from '../support/host-project.js';
import { removeRustCrates } from '../support/rust-project.js';
import { describeReport, fuzz } from './fuzz.js';

/**
 * `npm run fuzz`: the fuzz property on a random seed (FUZZ_SEED to replay one) with FUZZ_RUNS
 * specs (default 400); failing specs are minimised and printed, ready for VALID_SHAPES in valid-specs-compile.test.ts.
 */
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 400);
await loadGrammars();
process.stdout.write(`continuum fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${runs} specs\n`);
try {
  const report = fuzz(seed, runs, { minimise: 3 });
  process.stdout.write(`${describeReport(report)}\n`);
  process.exitCode = report.outcome.failures.size === 0 ? 0 : 1;
} finally {
  removeHostProjects();
  removeRustCrates();
}
