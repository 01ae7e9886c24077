import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '../adapters/adapter.js';
import type { ProjectConfig } from '../config/project-config.js';
import { shippedSpecsDir } from '../package-root.js';
import type { CommandSpecV2 } from '../spec/command-spec.js';
import { serialiseSpec } from '../spec/canonical-spec.js';

/** The example `init` copies beside the trait specs: a server command with types, an enum and a record, no name the host uses. */
export const INIT_EXAMPLE_SPEC = 'vhsm-encrypt.json';

export interface InitSpecPlan {
  /** Spec files to write (absent, or identical to what is there). */
  readonly files: readonly PlannedFile[];
  /** Project paths that exist with other content: the user's, kept as they are. */
  readonly kept: readonly string[];
}

/** A shipped spec as a project holds it: canonical v2, without the $schema that points into the package. */
function projectCopyOf(path: string): string {
  const { $schema: _schema, ...spec } = JSON.parse(readFileSync(path, 'utf8')) as CommandSpecV2;
  return serialiseSpec(spec);
}

/**
 * The specs `init` copies into the project's specs folder: every shipped trait spec (into
 * traits/) and one example spec. A file that already exists with other content is the user's and
 * is kept, never overwritten.
 */
export function planInitSpecs(config: ProjectConfig, read: (path: string) => string | undefined): InitSpecPlan {
  const traitsDir = join(shippedSpecsDir, 'traits');
  const shipped = [
    ...readdirSync(traitsDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ from: join(traitsDir, name), to: `${config.roots.specs}/traits/${name}` })),
    { from: join(shippedSpecsDir, INIT_EXAMPLE_SPEC), to: `${config.roots.specs}/${INIT_EXAMPLE_SPEC}` },
  ];
  const files: PlannedFile[] = [];
  const kept: string[] = [];
  for (const { from, to } of shipped) {
    const content = projectCopyOf(from);
    const current = read(to);
    if (current === undefined || current === content) files.push({ path: to, content });
    else kept.push(to);
  }
  return { files, kept };
}

/** The three commands a user runs next, with the paths init created. */
export function initNextSteps(config: ProjectConfig): string[] {
  const example = `${config.roots.specs}/${INIT_EXAMPLE_SPEC}`;
  const lines = [
    [`continuum-gen command --spec=${example} --dry-run`, 'what one spec generates (nothing is written)'],
    ['continuum-gen command', 'the wizard: a new command from questions (or yo continuum:command)'],
    ['continuum-gen audit', "how the project's commands conform (specs, accessors, drift)"],
  ];
  const width = Math.max(...lines.map(([command]) => command.length));
  return ['Next:', ...lines.map(([command, what]) => `  ${command.padEnd(width)}  # ${what}`)];
}
