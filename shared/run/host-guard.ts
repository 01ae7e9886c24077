import { checkHost, notAHostWarning } from '../config/project-root.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { SpecRun } from './spec-run.js';

/** The flag that lets a run create the host's shared files in a folder that does not look like a host. */
export const ALLOW_NON_HOST_FLAG = 'allow-non-host';

export interface HostGuardOutcome {
  /** A line to print before writing (the folder does not look like a Continuum checkout). */
  readonly warning?: string;
  /** Why the run must stop with nothing written (undefined: go on). */
  readonly refusal?: string;
}

/**
 * Check a planned run against its target folder. Any run into a folder that does not look like
 * a Continuum checkout gets a warning; one that would create the host's shared files (mod.rs,
 * RustCoreIPC.ts) from nothing there is refused unless --allow-non-host says it is meant.
 */
export function guardHost(
  run: SpecRun,
  options: { root: string; config: ProjectConfig; exists: (path: string) => boolean; allowNonHost: boolean },
): HostGuardOutcome {
  const check = checkHost(options.root, options.config);
  const warning = notAHostWarning(options.root, check);
  if (check.looksLikeHost || options.allowNonHost) return { warning };
  const fresh = run.edited.filter((path) => !options.exists(path));
  if (fresh.length === 0) return { warning };
  const refusal = [
    `${options.root} does not look like a Continuum checkout, and this run would create the host's shared file${fresh.length === 1 ? '' : 's'} from nothing instead of editing ${fresh.length === 1 ? 'it' : 'them'}; nothing was written:`,
    ...fresh.map((path) => `  new ${path}`),
    `Run from the root of the host checkout (or \`continuum-gen init\` there first), or pass --${ALLOW_NON_HOST_FLAG} to create ${fresh.length === 1 ? 'it' : 'them'} here.`,
  ].join('\n');
  return { refusal };
}
