import type { ReversedCommand } from '../reverse/reverse-engineer.js';
import type { SpecFilePlan } from '../reverse/reverse-run.js';
import type { V1MigrationPlan } from '../reverse/migrate-v1-folder.js';

/** reverse's part of a run result: each folder's inferred spec and warnings, and what got no spec file. */
export function reverseResultFields(results: readonly ReversedCommand[], plan: SpecFilePlan): Record<string, unknown> {
  const specFileOf = new Map(plan.files.map((f) => [f.folder, f.path]));
  return {
    reversed: results.map((r) => ({
      folder: r.folder,
      status: r.status,
      ...(specFileOf.has(r.folder) ? { specFile: specFileOf.get(r.folder) } : {}),
      ...(r.spec ? { spec: r.spec } : {}),
      warnings: r.warnings.map((w) => ({
        kind: w.kind,
        file: w.file,
        ...(w.line === undefined ? {} : { line: w.line }),
        message: w.message,
      })),
    })),
    skipped: plan.skipped.map((s) => ({
      folder: s.folder,
      ...(s.name === undefined ? {} : { name: s.name }),
      reason: s.reason,
      detail: s.detail,
    })),
  };
}

/** reverse --from-v1's part of a run result. */
export function migrationResultFields(plan: V1MigrationPlan): Record<string, unknown> {
  return {
    migration: {
      v1: plan.files.map((f) => f.path),
      alreadyV2: [...plan.alreadyV2],
      failed: plan.failed.map((f) => ({ file: f.file, problems: [...f.problems] })),
    },
  };
}
