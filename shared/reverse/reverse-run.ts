import type { PlannedFile } from '../adapters/adapter.js';
import { indexedProjectTraits, type TraitCatalog } from '../adapters/trait-only/trait-catalog.js';
import type { ProjectConfig } from '../config/project-config.js';
import { specFileName } from '../model/naming.js';
import { serialiseSpec } from '../spec/canonical-spec.js';
import type { CommandSpecV2 } from '../spec/command-spec.js';
import { normaliseSpec } from './normalise-spec.js';
import type { ReversedCommand } from './reverse-engineer.js';
import type { SpecIndex } from './spec-index.js';
import { formatWarning, type ReverseWarning, type ReverseWarningKind } from './warnings.js';

/** Why a command read from code gets no spec file in this run. */
export type SkipReason = 'has-spec' | 'unreadable' | 'duplicate' | 'not-a-command';

export interface SkippedCommand {
  readonly folder: string;
  readonly name?: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

export interface SpecFilePlan {
  /** Spec files to write: the existing spec's file when one has the command's name, else `<specs>/<name-with-dashes>.json`. */
  readonly files: readonly (PlannedFile & { readonly name: string; readonly folder: string })[];
  readonly skipped: readonly SkippedCommand[];
}

/**
 * Decide which spec file each reversed command goes to. A spec is matched by its `name` field, so
 * a command whose spec lives under another file name updates that file (through the conflict
 * rules) instead of gaining a second spec; `missingOnly` leaves such commands alone.
 */
export function planSpecFiles(
  results: readonly ReversedCommand[],
  existing: SpecIndex,
  config: ProjectConfig,
  options: { readonly missingOnly?: boolean } = {},
): SpecFilePlan {
  const files: (PlannedFile & { name: string; folder: string })[] = [];
  const skipped: SkippedCommand[] = [];
  const byPath = new Map<string, string>();
  let traits: TraitCatalog | undefined;
  for (const result of results) {
    if (result.status === 'not-a-command') {
      skipped.push({
        folder: result.folder,
        reason: 'not-a-command',
        detail: 'its Types file has no static accessor, params or result (shared types, not a command)',
      });
      continue;
    }
    if (result.status !== 'reversed' || !result.spec) {
      skipped.push({ folder: result.folder, reason: 'unreadable', detail: 'no Types file could be read' });
      continue;
    }
    const name = result.spec.name;
    const current = existing.byName.get(name);
    if (current && options.missingOnly) {
      skipped.push({ folder: result.folder, name, reason: 'has-spec', detail: `already has a spec: ${current.file}` });
      continue;
    }
    const path = current?.file ?? `${config.roots.specs}/${specFileName(name)}`;
    const claimedBy = byPath.get(path);
    if (claimedBy !== undefined) {
      skipped.push({ folder: result.folder, name, reason: 'duplicate', detail: `${path} is already planned for ${claimedBy}` });
      continue;
    }
    byPath.set(path, `${name} (${result.folder})`);
    // A spec that says what the code says is left as written (its defaults, its order, its v1 form).
    const same =
      current !== undefined && sameCommand(current.spec, result.spec, config, (traits ??= indexedProjectTraits(existing, config)));
    files.push({ path, content: same ? current.text : serialiseSpec(result.spec), name, folder: result.folder });
  }
  return { files, skipped };
}

/** Do two specs generate the same command (compared in the normalised form the round trip is judged in)? */
function sameCommand(existing: unknown, reversed: CommandSpecV2, config: ProjectConfig, traits: TraitCatalog | undefined): boolean {
  try {
    return JSON.stringify(normaliseSpec(existing, config, traits)) === JSON.stringify(normaliseSpec(reversed, config, traits));
  } catch {
    return false;
  }
}

/** What happened to one planned file, seen on disk before and after the run. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept';

export interface RunSummaryInput {
  readonly read: number;
  readonly skipped: readonly SkippedCommand[];
  readonly outcomes: readonly WriteOutcome[];
  readonly warnings: readonly ReverseWarning[];
  /** Nothing was written (--stdout or --dry-run): say "to write" instead of "written". */
  readonly nothingWritten?: boolean;
}

/** The summary table printed at the end of a run (read, written, skipped, warnings by kind). */
export function formatRunSummary(input: RunSummaryInput): string {
  const count = (outcome: WriteOutcome): number => input.outcomes.filter((o) => o === outcome).length;
  const skippedBy = (reason: SkipReason): number => input.skipped.filter((s) => s.reason === reason).length;
  const written = count('created') + count('updated');
  const byKind = new Map<ReverseWarningKind, number>();
  for (const warning of input.warnings) byKind.set(warning.kind, (byKind.get(warning.kind) ?? 0) + 1);
  const detail = (parts: [string, number][]): string => {
    const shown = parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`);
    return shown.length > 0 ? `  (${shown.join(', ')})` : '';
  };
  const rows: [string, number, string][] = [
    ['commands read', input.read, ''],
    [
      input.nothingWritten ? 'specs to write' : 'specs written',
      input.nothingWritten ? input.outcomes.length : written,
      input.nothingWritten
        ? ''
        : detail([
            ['new', count('created')],
            ['updated', count('updated')],
          ]),
    ],
    ['specs unchanged', input.nothingWritten ? 0 : count('unchanged'), ''],
    [
      'skipped',
      input.skipped.length + (input.nothingWritten ? 0 : count('kept')),
      detail([
        ['already have a spec', skippedBy('has-spec')],
        ['unreadable', skippedBy('unreadable')],
        ['duplicate name', skippedBy('duplicate')],
        ['not a command', skippedBy('not-a-command')],
        ['kept on conflict', input.nothingWritten ? 0 : count('kept')],
      ]),
    ],
    ['warnings', input.warnings.length, ''],
    ...[...byKind.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([kind, n]): [string, number, string] => [`  ${kind}`, n, '']),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return ['Reverse summary', ...rows.map(([label, n, extra]) => `  ${label.padEnd(width)}  ${String(n).padStart(4)}${extra}`)].join('\n');
}

/** Every warning of a run, one line each, in folder order. */
export function formatRunWarnings(results: readonly ReversedCommand[]): string[] {
  return results.flatMap((r) => r.warnings.map(formatWarning));
}
