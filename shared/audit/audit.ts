import type { ReversedCommand } from '../reverse/reverse-engineer.js';
import type { SpecIndex } from '../reverse/spec-index.js';
import { buildAuditContext, type AuditedCommand, type AuditMode, type AuditOptions } from './context.js';
import { compareFindings, type AuditFinding } from './findings.js';
import type { Report } from './rule.js';
import { AUDIT_RULES, ruleOf, type RuleId } from './rules.js';

export type { AuditedCommand, AuditMode, AuditOptions, ReportingReader } from './context.js';

/**
 * The counts of the design's success table that the tree can give (the time to add a command cannot
 * be counted); null when the run did not measure it (enforce measures specs and accessors only).
 */
export interface AuditMetrics {
  readonly commands: number;
  readonly namespaces: number;
  readonly conforming: number;
  readonly commandsWithSpecs: number;
  readonly commandsWithStaticAccessors: number;
  readonly commandsWithAny: number | null;
  readonly anyInCommandTypes: number | null;
  readonly rawExecuteCalls: number | null;
  readonly driftingCommands: number | null;
  readonly specs: number;
  readonly orphanSpecs: number | null;
  readonly rustServiceModules: number | null;
  readonly rustModulesWithManagedService: number | null;
  readonly rustModulesWithHeal: number | null;
}

export interface AuditResult {
  readonly mode: AuditMode;
  /** Project-relative commands root. */
  readonly commandsRoot: string;
  readonly commands: readonly AuditedCommand[];
  /** Sorted by file, line, rule. */
  readonly findings: readonly AuditFinding[];
  readonly metrics: AuditMetrics;
  /** What reverse read of each command folder (for --fix: specs of commands that have none). */
  readonly reversed: readonly ReversedCommand[];
  readonly specIndex: SpecIndex;
}

/**
 * Audit a host project: the tree is read once into a context (buildAuditContext), then every
 * registered rule (rules.ts) checks it; findings are owned by the command folder they fall in,
 * sorted, and counted. Reads only.
 */
export function runAudit(options: AuditOptions): AuditResult {
  const context = buildAuditContext(options);
  const findings: AuditFinding[] = [];
  for (const rule of AUDIT_RULES) {
    const report: Report = (at, message, extra = {}) => {
      findings.push({ ruleId: rule.id, severity: rule.severity, file: at.file, line: Math.max(1, at.line), message, ...extra });
    };
    rule.check(context, report);
  }

  // Findings in a command folder belong to it (the deepest folder, for nested commands).
  const byDepth = [...context.commands].sort((a, b) => b.folder.length - a.folder.length);
  const owned = findings.map((finding): AuditFinding => {
    if (finding.folder !== undefined || ruleOf(finding.ruleId).scope === 'command') return finding;
    const owner = byDepth.find((c) => finding.file.startsWith(`${c.folder}/`));
    return owner ? { ...finding, command: owner.name, folder: owner.folder } : finding;
  });
  owned.sort(compareFindings);
  const offenders = new Set(owned.filter((f) => ruleOf(f.ruleId).pattern && f.folder !== undefined).map((f) => f.folder!));
  const finalCommands = context.commands
    .map((c) => ({ ...c, conforms: !offenders.has(c.folder) }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));

  const countCommands = (ruleId: RuleId): number => new Set(owned.filter((f) => f.ruleId === ruleId).map((f) => f.folder)).size;
  const countFindings = (ruleId: RuleId): number => owned.filter((f) => f.ruleId === ruleId).length;
  const full = context.mode === 'full';
  const { specIndex, rust } = context;
  const serviceNames = rust ? [...rust.serviceTypes.keys()] : [];
  const healed = new Set(rust?.heals.filter((h) => h.heal.state === 'implemented').map((h) => h.type));
  const metrics: AuditMetrics = {
    commands: finalCommands.length,
    namespaces: new Set(finalCommands.map((c) => c.namespace)).size,
    conforming: finalCommands.filter((c) => c.conforms).length,
    commandsWithSpecs: finalCommands.filter((c) => c.spec !== undefined).length,
    commandsWithStaticAccessors: context.reads.filter((r) => r.facts?.accessor !== undefined).length,
    commandsWithAny: full ? countCommands('CG003-any-in-types') : null,
    anyInCommandTypes: full ? countFindings('CG003-any-in-types') : null,
    rawExecuteCalls: full ? countFindings('CG009-raw-execute') : null,
    driftingCommands: full ? countCommands('CG006-spec-drift') : null,
    specs: specIndex.byName.size + specIndex.duplicates.length,
    orphanSpecs: full ? countFindings('CG010-orphan-spec') : null,
    rustServiceModules: rust ? serviceNames.length : null,
    rustModulesWithManagedService: rust ? serviceNames.filter((t) => rust.managedTypes.has(t)).length : null,
    rustModulesWithHeal: rust ? serviceNames.filter((t) => healed.has(t)).length : null,
  };
  return {
    mode: context.mode,
    commandsRoot: options.config.roots.commands,
    commands: finalCommands,
    findings: owned,
    metrics,
    reversed: context.reads.map((r) => r.result),
    specIndex,
  };
}
