import type { AuditContext } from './context.js';
import type { AuditFinding, AuditLocation } from './findings.js';

export type Severity = 'error' | 'warning' | 'note';

/** What a rule hands over for each violation: where, the message, and the finding's other facts. */
export type Report = (
  at: AuditLocation,
  message: string,
  extra?: Partial<Omit<AuditFinding, 'ruleId' | 'severity' | 'file' | 'line' | 'message'>>,
) => void;

/**
 * One audit rule, as an ESLint rule is: its metadata and a `check` over the tree's context (built
 * once per run). The id never changes once released (`CG<number>-<name>`; reports, SARIF and
 * dashboards key on it); a retired rule keeps its number.
 */
export interface AuditRule<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  /** `command`: about one command folder; `tree`: about the project as a whole (specs, sources, crate). */
  readonly scope: 'command' | 'tree';
  /** A violation of the generator's code patterns: counts against "N/M commands conform". */
  readonly pattern: boolean;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** How a finding is fixed. */
  readonly help: string;
  /** The summary line for the report (`39 commands missing static accessors`). */
  readonly summary: (commands: number, findings: number) => string;
  /** A few words for the top offenders by namespace (`no static accessors`). */
  readonly label: string;
  /** Reports every violation in the tree; `context.mode` says whether the run is a full audit or the enforce guard. */
  readonly check: (context: AuditContext, report: Report) => void;
}

/** Declares a rule, keeping its id's literal type (the registry's RuleId is the union of them). */
export function defineRule<const Id extends string>(rule: AuditRule<Id>): AuditRule<Id> {
  return rule;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
