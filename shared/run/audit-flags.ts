/**
 * The flags of an audit command line and the combinations it refuses, checked before anything is
 * read; a module of its own, so the option declarations and the bin read them without the audit.
 */
import type { FailOn } from '../audit/rules.js';
import { RunStop } from './run-stop.js';

export const FAIL_ON_VALUES = ['error', 'warning', 'never'] as const satisfies readonly FailOn[];

/** The flags of an audit command line, as given. */
export interface AuditFlags {
  readonly json: boolean;
  /** --sarif, as typed. */
  readonly sarif?: string;
  readonly failOn?: unknown;
  readonly enforce: boolean;
  readonly base?: string;
  readonly installHook: boolean;
  readonly fix: boolean;
}

/** Check the flags before anything is read: the --fail-on value, and the flags that do not go together. */
export function checkAuditFlags(flags: AuditFlags): FailOn {
  const failOn = flags.failOn ?? 'error';
  if (typeof failOn !== 'string' || !(FAIL_ON_VALUES as readonly string[]).includes(failOn))
    throw new RunStop(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}; found ${JSON.stringify(failOn)}. Nothing was written.`);
  const given = (value: string | undefined): boolean => value !== undefined && value !== '';
  if (flags.installHook && (flags.enforce || flags.fix || flags.json || given(flags.sarif)))
    throw new RunStop('--install-hook only installs the hook; run it on its own. Nothing was written.');
  if (flags.enforce && flags.fix) throw new RunStop('--enforce checks, --fix repairs: run them separately. Nothing was written.');
  if (given(flags.base) && !flags.enforce) throw new RunStop('--base is the ref of --enforce; add --enforce. Nothing was written.');
  return failOn as FailOn;
}
