import type { RuleId, Severity } from './rules.js';

/** A place in the project: project-relative POSIX path and 1-based line. */
export interface AuditLocation {
  readonly file: string;
  readonly line: number;
}

/** One violation of one rule, at one place. */
export interface AuditFinding extends AuditLocation {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** The command it is about (its name), when it is about one. */
  readonly command?: string;
  /** Project-relative folder of that command. */
  readonly folder?: string;
  /** The other side of the finding (the spec entry of a drift, the spec listing a trait). */
  readonly related?: AuditLocation & { readonly message: string };
  /** The exact command line that fixes it, when one does. */
  readonly fix?: string;
  /** Machine-readable facts of the finding (drift kind, field, the types on each side, ...). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** Sort key: file, line, rule; findings are always reported in this order. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
