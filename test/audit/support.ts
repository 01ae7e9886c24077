import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { runAudit, type AuditResult } from '../../shared/audit/audit.js';
import type { AuditFinding } from '../../shared/audit/findings.js';
import type { ReportContext } from '../../shared/audit/report.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

export const auditTree = join(fixturesDir, 'audit-tree');
export const auditGenerator = join(repoRoot, 'dist', 'generators', 'audit', 'index.js');

/** A temp project holding a copy of the audit fixture tree. */
export function auditTreeProject(): string {
  const dir = tempProject();
  cpSync(auditTree, dir, { recursive: true });
  return dir;
}

export function auditOf(dir: string, options: Partial<Parameters<typeof runAudit>[0]> = {}): AuditResult {
  return runAudit({ projectRoot: dir, config: defaultProjectConfig, ...options });
}

/** `file:line rule` for each finding: the form the expectations are written in. */
export const placed = (findings: readonly AuditFinding[]): string[] => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

export const reportContext: ReportContext = {
  tool: { name: 'generator-continuum', version: '0.0.0-test', informationUri: 'https://example.invalid' },
  failOn: 'error',
  specsRoot: defaultProjectConfig.roots.specs,
};

/** The JSON report schema, compiled once. */
export function reportValidator(): (document: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'audit-report.schema.json'), 'utf8')) as object);
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

/** Run git in a folder (a test repository); throws with git's stderr when it fails. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Make `dir` a git repository on branch main with everything in it committed. */
export function initRepository(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'audit@example.invalid');
  git(dir, 'config', 'user.name', 'Audit Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
}
