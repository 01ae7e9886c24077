import type { ProjectConfig } from '../config/project-config.js';
import { generateCommand } from '../engine.js';
import { SpecError } from '../errors.js';
import { serialiseSpec } from '../spec/canonical-spec.js';
import type { ReversedCommand } from './reverse-engineer.js';
import { formatWarning, needsReview, type ReverseWarningKind } from './warnings.js';

/** How one command migrates: its spec says what the code says, a person must decide something, or it cannot be migrated. */
export type MigrationStatus = 'exact' | 'needs-review' | 'failed';

export interface MigrationEntry {
  readonly folder: string;
  readonly name?: string;
  readonly status: MigrationStatus;
  /** Why (needs review, failed): each warning or generation problem, located. */
  readonly reasons: readonly string[];
  /** The kinds of those reasons, for the tally. */
  readonly kinds: readonly string[];
}

export interface MigrationReport {
  readonly entries: readonly MigrationEntry[];
  readonly counts: Readonly<Record<MigrationStatus, number>>;
  /** Reasons by kind, over every command that needs review or failed. */
  readonly byKind: ReadonlyMap<string, number>;
}

/**
 * The migration report of a reverse run over a tree: each command is exact (only informational
 * warnings, and its spec generates), needs review (a warning leaves a decision to a person), or
 * failed (no Types file could be read, or the spec does not generate: the problems are listed).
 */
export function migrationReport(results: readonly ReversedCommand[], config: ProjectConfig): MigrationReport {
  const entries: MigrationEntry[] = [];
  for (const result of results) {
    if (result.status === 'not-a-command') continue;
    if (result.status === 'failed' || !result.spec) {
      const reasons = result.warnings.length > 0 ? result.warnings.map(formatWarning) : [`${result.folder}: no Types file could be read`];
      entries.push({
        folder: result.folder,
        status: 'failed',
        reasons,
        kinds: result.warnings.length > 0 ? result.warnings.map((w) => w.kind) : ['unreadable'],
      });
      continue;
    }
    const spec = result.spec;
    let problems: string[] = [];
    try {
      generateCommand({ specText: serialiseSpec(spec), specFile: `${result.folder} (reversed)`, config });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      problems = error.issues.map(
        (i) =>
          `${result.folder}: the spec does not generate: ${i.pointer} ${i.message}${i.expected !== undefined ? ` (expected ${i.expected})` : ''}`,
      );
    }
    const review = result.warnings.filter(needsReview);
    const status: MigrationStatus = problems.length > 0 ? 'failed' : review.length > 0 ? 'needs-review' : 'exact';
    entries.push({
      folder: result.folder,
      name: spec.name,
      status,
      reasons: [...problems, ...review.map(formatWarning)],
      kinds: [...problems.map(() => 'does-not-generate'), ...review.map((w): ReverseWarningKind => w.kind)],
    });
  }
  const counts: Record<MigrationStatus, number> = { exact: 0, 'needs-review': 0, failed: 0 };
  const byKind = new Map<string, number>();
  for (const entry of entries) {
    counts[entry.status]++;
    for (const kind of entry.kinds) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return { entries, counts, byKind };
}

/** The report as printed at the end of `reverse` on a tree: the counts, then what needs a person. */
export function formatMigrationReport(report: MigrationReport): string {
  const { counts } = report;
  const total = counts.exact + counts['needs-review'] + counts.failed;
  const pct = (n: number): string => (total === 0 ? '' : ` (${Math.round((100 * n) / total)}%)`);
  const lines = [
    'Migration report',
    `  exact         ${String(counts.exact).padStart(4)}${pct(counts.exact)}  the spec says what the code says; regenerating keeps it`,
    `  needs review  ${String(counts['needs-review']).padStart(4)}${pct(counts['needs-review'])}  a person decides what the warnings name`,
    `  failed        ${String(counts.failed).padStart(4)}${pct(counts.failed)}  no spec, or one that does not generate`,
  ];
  if (report.byKind.size > 0) {
    lines.push(
      '  reasons',
      ...[...report.byKind]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([kind, n]) => `    ${kind.padEnd(20)} ${String(n).padStart(4)}`),
    );
  }
  for (const status of ['needs-review', 'failed'] as const) {
    const entries = report.entries.filter((e) => e.status === status);
    if (entries.length === 0) continue;
    lines.push(status === 'failed' ? 'Failed:' : 'Needs a person:');
    for (const entry of entries) {
      lines.push(`  ${entry.name ?? entry.folder} (${entry.folder})`);
      for (const reason of entry.reasons) lines.push(`    ${reason}`);
    }
  }
  return lines.join('\n');
}
