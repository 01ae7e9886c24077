import type { PlannedFile } from '../adapters/adapter.js';
import { runAudit, type AuditMode, type AuditOptions, type AuditResult } from '../audit/audit.js';
import { planFixes, type FixPlan } from '../audit/fix-plan.js';
import { OverlayReader } from '../audit/overlay-reader.js';
import { auditFails, sarifReport, severityCounts, type ReportContext } from '../audit/report.js';
import type { FailOn } from '../audit/rules.js';
import { toolInfo } from '../audit/tool-info.js';
import { AuditTreeReader } from '../audit/tree-reader.js';
import type { ProjectConfig } from '../config/project-config.js';

export interface AuditRunOptions {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly mode: AuditMode;
  readonly failOn: FailOn;
  /** --fix: plan the mechanical repairs, and report the tree as they leave it. */
  readonly fix?: boolean;
  /** Enforce: which command folders are new (from git), and the base they were judged against. */
  readonly classifyNew?: AuditOptions['classifyNew'];
  readonly baseLabel?: string;
  /** --sarif: the absolute path of the SARIF file to write. */
  readonly sarifPath?: string;
  /** The current text of a file (to leave an unchanged SARIF file out of the plan), or undefined. */
  readonly read: (path: string) => string | undefined;
}

/** Everything one audit run reports and writes. */
export interface AuditRun {
  readonly audit: AuditResult;
  readonly fixes?: FixPlan;
  readonly context: ReportContext;
  /** The fixes and the SARIF file, as a plan for the commit pipeline. */
  readonly files: readonly PlannedFile[];
  /** Paths the user asked to rewrite (fixed Types files, the SARIF file): never a conflict question. */
  readonly overwrite: readonly string[];
  /** Why the run fails under --fail-on, when it does. */
  readonly failure?: string;
}

/**
 * Plan an audit run, as planSpecRun plans a generation: the audit, the fixes it can make, the
 * files to write and whether the run fails; the front end (Yeoman or the bin) writes and prints.
 */
export function planAuditRun(options: AuditRunOptions): AuditRun {
  const { projectRoot, config, mode, failOn } = options;
  const reader = new AuditTreeReader();
  const auditOptions: AuditOptions = { projectRoot, config, reader, mode, ...(options.classifyNew ? { classifyNew: options.classifyNew } : {}) };
  let audit = runAudit(auditOptions);
  let fixes: FixPlan | undefined;
  if (options.fix === true) {
    fixes = planFixes(audit, projectRoot, config, reader);
    // The report describes the tree as the fixes leave it.
    if (fixes.files.length > 0) audit = runAudit({ ...auditOptions, reader: new OverlayReader(reader, fixes.files.map((f) => ({ path: `${projectRoot}/${f.path}`, content: f.content }))) });
  }
  const context: ReportContext = { tool: toolInfo(), failOn, specsRoot: config.roots.specs, ...(options.baseLabel !== undefined ? { base: options.baseLabel } : {}) };
  const files: PlannedFile[] = [...(fixes?.files ?? [])];
  const overwrite = (fixes?.files ?? []).filter((f) => f.kind === 'accessor').map((f) => f.path);
  if (options.sarifPath !== undefined) {
    const content = `${JSON.stringify(sarifReport(audit, context), null, 2)}\n`;
    if (options.read(options.sarifPath) !== content) {
      files.push({ path: options.sarifPath, content });
      overwrite.push(options.sarifPath);
    }
  }
  const failure = auditFailure(audit, failOn);
  return { audit, ...(fixes ? { fixes } : {}), context, files, overwrite, ...(failure !== undefined ? { failure } : {}) };
}

/** The message of a run that fails under --fail-on, or undefined when it passes. */
export function auditFailure(audit: AuditResult, failOn: FailOn): string | undefined {
  if (!auditFails(audit, failOn)) return undefined;
  const counts = severityCounts(audit.findings);
  const duplicates = audit.findings.filter((f) => f.ruleId === 'CG018-duplicate-command').length;
  const what =
    audit.mode === 'enforce'
      ? `${audit.findings.filter((f) => f.ruleId === 'CG015-new-command-without-spec').length} new command folder(s) without a spec${duplicates > 0 ? `, ${duplicates} claiming another folder's command name` : ''}`
      : `${counts.error} error(s), ${counts.warning} warning(s)`;
  return `audit${audit.mode === 'enforce' ? ' --enforce' : ''} failed (--fail-on=${failOn}): ${what}; see the report above.`;
}

/** The fixes' lines of the report (what was fixed, warned about, refused). */
export function describeFixes(fixes: FixPlan, dryRun: boolean): string[] {
  const lines = [...fixes.files.map((file) => `${dryRun ? 'would fix' : 'fixed'}  ${file.summary}`), ...fixes.warnings.map((line) => `warning ${line}`), ...fixes.refused.map((line) => `not fixed  ${line}`)];
  if (fixes.files.length === 0 && fixes.refused.length === 0) lines.push('nothing to fix mechanically');
  return lines;
}
