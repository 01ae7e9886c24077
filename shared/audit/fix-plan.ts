import { posix } from 'node:path';
import type { PlannedFile } from '../adapters/adapter.js';
import type { ProjectConfig } from '../config/project-config.js';
import { planSpecFiles } from '../reverse/reverse-run.js';
import type { SourceReader } from '../reverse/source-reader.js';
import { formatWarning } from '../reverse/warnings.js';
import type { AuditResult } from './audit.js';
import { insertStaticAccessor } from './fix-accessor.js';

export interface PlannedFix extends PlannedFile {
  readonly kind: 'accessor' | 'spec';
  readonly command: string;
  /** One line for the log: what the fix does. */
  readonly summary: string;
}

export interface FixPlan {
  /** Files to write through the conflicter: Types files with their accessor (rewrites), new specs. */
  readonly files: readonly PlannedFix[];
  /** Fixes that were tried and refused, each with why: never guessed. */
  readonly refused: readonly string[];
  /** What reverse warned while reading the commands that get a spec (the spec keeps what it could not express). */
  readonly warnings: readonly string[];
}

/**
 * What `--fix` repairs, and only that: a missing static accessor (inserted in the generated
 * shape, see fix-accessor.ts) and a missing spec (written from the code by reverse, as
 * `continuum-gen reverse` would). Every other finding needs a decision and is left to the report.
 */
export function planFixes(result: AuditResult, projectRoot: string, config: ProjectConfig, reader: SourceReader): FixPlan {
  const files: PlannedFix[] = [];
  const refused: string[] = [];
  const byFolder = new Map(result.reversed.map((r) => [r.folder, r]));
  for (const finding of result.findings) {
    if (finding.ruleId !== 'CG002-missing-accessor' || finding.folder === undefined || finding.command === undefined) continue;
    const text = reader.readFile(posix.join(projectRoot, finding.file));
    if (text === undefined) {
      refused.push(`${finding.file}: cannot be read`);
      continue;
    }
    const fix = insertStaticAccessor({
      typesFile: finding.file,
      text,
      name: finding.command,
      reversed: byFolder.get(finding.folder)?.spec,
      config,
    });
    if ('problem' in fix) refused.push(`static accessor of ${finding.command}: ${fix.problem}`);
    else
      files.push({
        kind: 'accessor',
        command: finding.command,
        path: finding.file,
        content: fix.content,
        summary: `${finding.file}: static accessor ${fix.className} inserted (executes ${JSON.stringify(finding.command)})`,
      });
  }
  const missing = new Set(result.commands.filter((c) => c.spec === undefined).map((c) => c.folder));
  const reversed = result.reversed.filter((r) => missing.has(r.folder));
  const specs = planSpecFiles(reversed, result.specIndex, config, { missingOnly: true });
  for (const file of specs.files)
    files.push({
      kind: 'spec',
      command: file.name,
      path: file.path,
      content: file.content,
      summary: `${file.path}: spec of ${file.name} written from ${file.folder} (reverse)`,
    });
  for (const skipped of specs.skipped)
    if (skipped.reason !== 'has-spec')
      refused.push(
        `spec of ${skipped.name ?? skipped.folder}: ${skipped.detail}; run \`continuum-gen reverse ${skipped.folder}\` once it is readable, or write the spec by hand`,
      );
  const warnings = reversed
    .filter((r) => specs.files.some((f) => f.folder === r.folder))
    .flatMap((r) => r.warnings.filter((w) => w.kind !== 'missing-accessor').map(formatWarning));
  return { files, refused, warnings };
}
