import fc from 'fast-check';
import { checkBatch, type BatchOutcome } from './fuzz-run.js';
import { named, specArbitrary, type FuzzSpec } from './spec-arbitrary.js';

/**
 * The fuzz loop: sample `runs` specs from a seed, compile them as one batch, and minimise each
 * failing one alone with fast-check's shrinker (its run is replayed from the seed and its index).
 * The CI test runs it on a fixed seed; `npm run fuzz` on a random one with more runs.
 */

export interface FuzzReport {
  readonly seed: number;
  readonly runs: number;
  readonly outcome: BatchOutcome;
  /** Each failing spec minimised: the spec to add to VALID_SHAPES in test/security/valid-specs-compile.test.ts, and why it fails. */
  readonly minimised: ReadonlyArray<{ readonly index: number; readonly spec: Record<string, unknown>; readonly failure: string }>;
}

export function fuzz(seed: number, runs: number, options: { readonly minimise?: number } = {}): FuzzReport {
  const specs = fc.sample(specArbitrary, { seed, numRuns: runs });
  const outcome = checkBatch(specs);
  const minimised: Array<{ index: number; spec: Record<string, unknown>; failure: string }> = [];
  const failing = [...outcome.failures.keys()].filter((k) => k >= 0).sort((a, b) => a - b);
  for (const index of failing.slice(0, options.minimise ?? 1)) {
    const result = fc.check(
      fc.property(specArbitrary, (spec: FuzzSpec) => checkBatch([spec]).failures.size === 0),
      { seed, path: String(index), numRuns: runs },
    );
    const counterexample = result.counterexample?.[0];
    // A failure that needs its batch (two specs that clash) does not fail alone: keep it as sampled.
    const spec = counterexample ?? specs[index];
    const alone = counterexample ? checkBatch([counterexample]).failures : outcome.failures;
    minimised.push({ index, spec: named(spec, 0), failure: [...alone.values()].flat().join('\n').slice(0, 3000) });
  }
  return { seed, runs, outcome, minimised };
}

export function describeReport(report: FuzzReport): string {
  const { outcome } = report;
  const lines = [
    `seed ${report.seed}, ${report.runs} specs: ${outcome.accepted} generated, ${outcome.refused.size} refused, ${outcome.failures.size} failing`,
    `seconds: ${Object.entries(outcome.seconds)
      .map(([stage, s]) => `${stage} ${s.toFixed(1)}`)
      .join(', ')}`,
  ];
  for (const [k, what] of outcome.failures) lines.push(`spec ${k}: ${what.join('\n').slice(0, 1500)}`);
  for (const m of report.minimised)
    lines.push(
      `minimised spec ${m.index} (add it to VALID_SHAPES in test/security/valid-specs-compile.test.ts):\n${JSON.stringify(m.spec)}\n${m.failure}`,
    );
  return lines.join('\n');
}
