import type { AuditResult } from './audit.js';
import type { AuditFinding } from './findings.js';
import { AUDIT_RULES, fails, ruleOf, type FailOn, type RuleId, type Severity } from './rules.js';

/** Version of the JSON report's shape (schemas/audit-report.schema.json); bumped on any incompatible change. */
export const AUDIT_REPORT_SCHEMA_VERSION = 1;

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

/** How the run was asked for: the failure threshold and, for enforce, the base it compared with. */
export interface ReportContext {
  readonly tool: ToolInfo;
  readonly failOn: FailOn;
  readonly specsRoot: string;
  /** Enforce: the commit new folders are judged against (undefined when the repository has no commit yet). */
  readonly base?: string;
}

export interface NamespaceOffence {
  readonly namespace: string;
  /** Commands of the namespace with at least one finding. */
  readonly commands: number;
  readonly findings: number;
  /** What is wrong there, by rule label, in rule order. */
  readonly labels: readonly string[];
}

export interface RuleCount {
  readonly ruleId: RuleId;
  /** Distinct commands with a finding of the rule. */
  readonly commands: number;
  readonly findings: number;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** Findings per rule that fired, in rule order. */
export function ruleCounts(findings: readonly AuditFinding[]): RuleCount[] {
  return AUDIT_RULES.map((rule) => {
    const own = findings.filter((f) => f.ruleId === rule.id);
    return {
      ruleId: rule.id,
      commands: new Set(own.filter((f) => f.folder !== undefined).map((f) => f.folder)).size,
      findings: own.length,
    };
  }).filter((c) => c.findings > 0);
}

/** Namespaces with offending commands, most offending commands first. */
export function namespaceOffences(result: AuditResult): NamespaceOffence[] {
  const byNamespace = new Map<string, AuditFinding[]>();
  const namespaceOf = new Map(result.commands.map((c) => [c.folder, c.namespace]));
  for (const finding of result.findings) {
    const namespace = finding.folder !== undefined ? namespaceOf.get(finding.folder) : undefined;
    if (namespace === undefined) continue;
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), finding]);
  }
  return [...byNamespace.entries()]
    .map(([namespace, findings]) => ({
      namespace,
      commands: new Set(findings.map((f) => f.folder)).size,
      findings: findings.length,
      labels: AUDIT_RULES.filter((r) => findings.some((f) => f.ruleId === r.id)).map((r) => r.label),
    }))
    .sort(
      (a, b) => b.commands - a.commands || b.findings - a.findings || (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0),
    );
}

export function severityCounts(findings: readonly AuditFinding[]): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
}

/** Does the run fail under `--fail-on`? */
export function auditFails(result: AuditResult, failOn: FailOn): boolean {
  return result.findings.some((f) => fails(f.severity, failOn));
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const percent = (part: number, whole: number): string => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`);

/** `src/x/y.ts:12: error CG002-missing-accessor: message`, the form editors and CI logs link. */
export function formatFinding(finding: AuditFinding): string {
  return `${finding.file}:${finding.line}: ${finding.severity} ${finding.ruleId}: ${finding.message}`;
}

/** How many namespaces the text report lists under "Top violations". */
export const TOP_NAMESPACES = 10;

/**
 * The human report: every finding (file:line), then the summary of the design's sample
 * (`273/312 commands conform to generator patterns`, a line per violation, top offenders by
 * namespace), the success metrics that can be counted, and the verdict.
 */
export function formatTextReport(result: AuditResult, context: ReportContext): string {
  const lines: string[] = result.findings.map(formatFinding);
  if (lines.length > 0) lines.push('');
  const m = result.metrics;
  if (result.mode === 'enforce') {
    const newOnes = result.commands.filter((c) => c.newBecause !== undefined);
    lines.push(
      `Enforce: ${plural(m.commands, 'command folder')} under ${result.commandsRoot}, ${newOnes.length} new since ${context.base ?? 'the first commit'}`,
    );
    lines.push(`  ${m.commandsWithSpecs}/${m.commands} commands have a spec in ${context.specsRoot}`);
    const failing = result.findings.filter((f) => f.ruleId === 'CG015-new-command-without-spec').length;
    const warned = result.findings.filter((f) => f.ruleId === 'CG001-missing-spec').length;
    lines.push(`  ${plural(failing, 'new command')} without a spec (fail)`);
    lines.push(`  ${plural(warned, 'existing command')} without a spec (warn: migration in progress)`);
  } else {
    lines.push(`Audit of ${result.commandsRoot}: ${plural(m.commands, 'command')} in ${plural(m.namespaces, 'namespace')}`);
    lines.push('');
    lines.push(`${m.conforming}/${m.commands} commands conform to generator patterns`);
    for (const count of ruleCounts(result.findings)) lines.push(ruleOf(count.ruleId).summary(count.commands, count.findings));
    const offences = namespaceOffences(result);
    if (offences.length > 0) {
      lines.push('', 'Top violations:');
      for (const offence of offences.slice(0, TOP_NAMESPACES))
        lines.push(`  ${offence.namespace}/* (${plural(offence.commands, 'command')}) — ${offence.labels.join(', ')}`);
      if (offences.length > TOP_NAMESPACES) lines.push(`  ... and ${plural(offences.length - TOP_NAMESPACES, 'more namespace')}`);
    }
    const ratio = (part: number | null, whole: number | null): string =>
      part === null || whole === null ? 'not measured' : `${part}/${whole}${percent(part, whole)}`;
    const rows: [string, string, string][] = [
      ['Commands with generator specs', ratio(m.commandsWithSpecs, m.commands), `${m.commands}/${m.commands} (100%)`],
      ['Commands with static accessors', ratio(m.commandsWithStaticAccessors, m.commands), `${m.commands}/${m.commands} (100%)`],
      ['any casts in command types', String(m.anyInCommandTypes ?? 'not measured'), '0'],
      ['Raw Commands.execute() calls', String(m.rawExecuteCalls ?? 'not measured'), '0'],
      ['Rust modules with ManagedService', ratio(m.rustModulesWithManagedService, m.rustServiceModules), 'all resource-owning modules'],
      ['Self-healing coverage (heal())', ratio(m.rustModulesWithHeal, m.rustServiceModules), 'all modules implement heal()'],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max('now'.length, ...rows.map((r) => r[1].length));
    lines.push('', `${'Success metrics'.padEnd(w0 + 2)}  ${'now'.padEnd(w1)}  target`);
    for (const [label, now, target] of rows) lines.push(`  ${label.padEnd(w0)}  ${now.padEnd(w1)}  ${target}`);
  }
  const counts = severityCounts(result.findings);
  const failed = auditFails(result, context.failOn);
  lines.push(
    '',
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}: ${failed ? 'FAIL' : 'pass'} (--fail-on=${context.failOn})`,
  );
  return lines.join('\n');
}

/** The JSON report (schemas/audit-report.schema.json, schemaVersion 1): deterministic, no timestamps, no absolute paths. */
export function jsonReport(result: AuditResult, context: ReportContext): Record<string, unknown> {
  const counts = severityCounts(result.findings);
  const findingsPerFolder = new Map<string, number>();
  for (const f of result.findings) if (f.folder !== undefined) findingsPerFolder.set(f.folder, (findingsPerFolder.get(f.folder) ?? 0) + 1);
  return {
    schemaVersion: AUDIT_REPORT_SCHEMA_VERSION,
    tool: { name: context.tool.name, version: context.tool.version },
    mode: result.mode,
    commandsRoot: result.commandsRoot,
    specsRoot: context.specsRoot,
    ...(result.mode === 'enforce' ? { base: context.base ?? null } : {}),
    failOn: context.failOn,
    passed: !auditFails(result, context.failOn),
    summary: {
      commands: result.metrics.commands,
      conforming: result.metrics.conforming,
      namespaces: result.metrics.namespaces,
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.note,
      byRule: Object.fromEntries(ruleCounts(result.findings).map((c) => [c.ruleId, { commands: c.commands, findings: c.findings }])),
    },
    metrics: result.metrics,
    namespaces: namespaceOffences(result),
    rules: AUDIT_RULES.map((r) => ({
      id: r.id,
      severity: r.severity,
      scope: r.scope,
      pattern: r.pattern,
      description: r.description,
      help: r.help,
    })),
    commands: result.commands.map((c) => ({
      name: c.name,
      folder: c.folder,
      namespace: c.namespace,
      typesFile: c.typesFile ?? null,
      spec: c.spec ?? null,
      status: c.status,
      conforms: c.conforms,
      ...(c.newBecause !== undefined ? { new: c.newBecause } : {}),
      findings: findingsPerFolder.get(c.folder) ?? 0,
    })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      message: f.message,
      ...(f.command !== undefined ? { command: f.command } : {}),
      ...(f.folder !== undefined ? { folder: f.folder } : {}),
      ...(f.related ? { related: f.related } : {}),
      ...(f.fix !== undefined ? { fix: f.fix } : {}),
      ...(f.properties ? { properties: f.properties } : {}),
    })),
  };
}

const sarifUri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

const ruleName = (id: RuleId): string =>
  id
    .replace(/^CG\d+-/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * SARIF 2.1.0 for code-scanning annotations: one run, the rule catalog in the driver (ids never
 * change), one result per finding with its file (relative to the project, uriBaseId %SRCROOT%)
 * and region startLine; the spec side of a drift as a related location.
 */
export function sarifReport(result: AuditResult, context: ReportContext): Record<string, unknown> {
  const ruleIndex = new Map(AUDIT_RULES.map((r, i) => [r.id, i]));
  const location = (file: string, line: number): Record<string, unknown> => ({
    physicalLocation: { artifactLocation: { uri: sarifUri(file), uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            informationUri: context.tool.informationUri,
            rules: AUDIT_RULES.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.help },
              defaultConfiguration: { level: r.severity },
              properties: { scope: r.scope, pattern: r.pattern },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId),
          level: f.severity,
          message: { text: f.fix !== undefined && !f.message.includes(f.fix) ? `${f.message} Fix: ${f.fix}` : f.message },
          locations: [location(f.file, f.line)],
          ...(f.related
            ? { relatedLocations: [{ id: 1, ...location(f.related.file, f.related.line), message: { text: f.related.message } }] }
            : {}),
          ...(f.command !== undefined || f.properties
            ? { properties: { ...(f.command !== undefined ? { command: f.command } : {}), ...f.properties } }
            : {}),
        })),
      },
    ],
  };
}
