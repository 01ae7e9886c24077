import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { runAudit, type AuditResult } from '../../shared/audit/audit.js';
import { planFixes, type FixPlan } from '../../shared/audit/fix-plan.js';
import { GitProblem, hookTarget, newCommandFolders, repositoryOf, resolveBase, type HookTarget } from '../../shared/audit/git.js';
import { OverlayReader } from '../../shared/audit/overlay-reader.js';
import { hookBlock, withHookBlock } from '../../shared/audit/pre-commit-hook.js';
import { auditFails, formatTextReport, jsonReport, sarifReport, severityCounts, type ReportContext } from '../../shared/audit/report.js';
import type { FailOn } from '../../shared/audit/rules.js';
import { toolInfo } from '../../shared/audit/tool-info.js';
import { AuditTreeReader } from '../../shared/audit/tree-reader.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import { auditOptions, FAIL_ON_VALUES } from './options.js';

export const summary = 'conformance report of the commands (text, --json, --sarif), spec drift; --enforce for pre-commit/CI, --install-hook, --fix';

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * `yo continuum:audit`: runs the audit engine (shared/audit) over the project and prints the
 * report; `--json` / `--sarif` give it to machines, `--fail-on` decides the exit code. `--enforce`
 * is the pre-commit guard, `--install-hook` installs it, `--fix` repairs what is mechanical.
 * Every file it writes (fixes, the SARIF file, the hook) goes through this.fs and the conflicter.
 */
export default class AuditGenerator extends ContinuumGenerator {
  private projectConfig!: ProjectConfig;
  private failOn: FailOn = 'error';
  private audit: AuditResult | undefined;
  private context!: ReportContext;
  private fixes: FixPlan | undefined;
  private hook: { target: HookTarget; content: string; before: string | undefined } | undefined;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Write the ${summary}`;
    this.declareOptions(Object.values(auditOptions));
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
    const failOn = this.optionValue('fail-on') ?? 'error';
    if (typeof failOn !== 'string' || !(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
      throw new ContinuumRunError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}; found ${JSON.stringify(failOn)}. Nothing was written.`);
    }
    this.failOn = failOn as FailOn;
    const on = (name: string): boolean => this.optionValue(name) === true;
    const given = (name: string): boolean => typeof this.optionValue(name) === 'string' && this.optionValue(name) !== '';
    if (on('install-hook') && (on('enforce') || on('fix') || on('json') || given('sarif'))) throw new ContinuumRunError('--install-hook only installs the hook; run it on its own. Nothing was written.');
    if (on('enforce') && on('fix')) throw new ContinuumRunError('--enforce checks, --fix repairs: run them separately. Nothing was written.');
    if (given('base') && !on('enforce')) throw new ContinuumRunError('--base is the ref of --enforce; add --enforce. Nothing was written.');
  }

  configuring(): void {
    const projectRoot = toPosix(this.destinationRoot());
    if (this.optionValue('install-hook') === true) {
      const repository = this.gitStep(() => repositoryOf(projectRoot));
      const target = hookTarget(projectRoot, repository);
      const before = existsSync(target.path) ? readFileSync(target.path, 'utf8') : undefined;
      this.hook = { target, before, content: withHookBlock(before, hookBlock(repository.projectPrefix)) };
      return;
    }
    const enforce = this.optionValue('enforce') === true;
    let baseLabel: string | undefined;
    const reader = new AuditTreeReader();
    const options = { projectRoot, config: this.projectConfig, reader, mode: enforce ? ('enforce' as const) : ('full' as const) };
    let audit: AuditResult;
    if (enforce) {
      const repository = this.gitStep(() => repositoryOf(projectRoot));
      const given = this.optionValue('base');
      const base = this.gitStep(() => resolveBase(repository, typeof given === 'string' && given !== '' ? given : undefined));
      baseLabel = base.label;
      audit = runAudit({ ...options, classifyNew: (folders) => newCommandFolders(repository, this.projectConfig.roots.commands, folders, base) });
    } else {
      audit = runAudit(options);
    }
    if (this.optionValue('fix') === true) {
      this.fixes = planFixes(audit, projectRoot, this.projectConfig, reader);
      // The report describes the tree as the fixes leave it.
      if (this.fixes.files.length > 0) audit = runAudit({ ...options, reader: new OverlayReader(reader, this.fixes.files.map((f) => ({ path: `${projectRoot}/${f.path}`, content: f.content }))) });
    }
    this.audit = audit;
    this.context = { tool: toolInfo(), failOn: this.failOn, specsRoot: this.projectConfig.roots.specs, ...(baseLabel !== undefined ? { base: baseLabel } : {}) };
  }

  async writing(): Promise<void> {
    if (this.hook) {
      // A file the run is asked to rewrite is forced through the conflicter: leave an unchanged one out.
      if (this.hook.before !== this.hook.content) await this.writePlan([{ path: this.hook.target.path, content: this.hook.content }], { overwrite: [this.hook.target.path] });
      return;
    }
    const files: PlannedFile[] = [...(this.fixes?.files ?? [])];
    const overwrite = (this.fixes?.files ?? []).filter((f) => f.kind === 'accessor').map((f) => f.path);
    const sarif = this.optionValue('sarif');
    if (typeof sarif === 'string' && sarif !== '') {
      const path = this.fromContext(sarif);
      const content = `${JSON.stringify(sarifReport(this.audit!, this.context), null, 2)}\n`;
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
        files.push({ path, content });
        overwrite.push(path);
      }
    }
    if (files.length > 0) await this.writePlan(files, { overwrite });
  }

  end(): void {
    const dryRun = this.conflicterSettings.dryRun === true;
    if (this.hook) {
      const { target, before, content } = this.hook;
      const state = before === content ? 'unchanged' : before === undefined ? 'created' : 'updated';
      if (!dryRun && existsSync(target.path) && (statSync(target.path).mode & 0o111) === 0) chmodSync(target.path, 0o755);
      this.log(`pre-commit hook (${target.kind}): ${this.shown(target.path)} ${dryRun && state !== 'unchanged' ? `would be ${state}` : state}; it runs \`continuum-gen audit --enforce\``);
      return;
    }
    const audit = this.audit!;
    if (this.fixes) {
      for (const file of this.fixes.files) this.log(`${dryRun ? 'would fix' : 'fixed'}  ${file.summary}`);
      for (const line of this.fixes.warnings) this.log(`warning ${line}`);
      for (const line of this.fixes.refused) this.log(`not fixed  ${line}`);
      if (this.fixes.files.length === 0 && this.fixes.refused.length === 0) this.log('nothing to fix mechanically');
    }
    if (this.optionValue('json') === true) process.stdout.write(`${JSON.stringify(jsonReport(audit, this.context), null, 2)}\n`);
    else this.log(formatTextReport(audit, this.context));
    if (auditFails(audit, this.failOn)) {
      const counts = severityCounts(audit.findings);
      const duplicates = audit.findings.filter((f) => f.ruleId === 'CG018-duplicate-command').length;
      const what =
        audit.mode === 'enforce'
          ? `${audit.findings.filter((f) => f.ruleId === 'CG015-new-command-without-spec').length} new command folder(s) without a spec${duplicates > 0 ? `, ${duplicates} claiming another folder's command name` : ''}`
          : `${counts.error} error(s), ${counts.warning} warning(s)`;
      throw new ContinuumRunError(`audit${audit.mode === 'enforce' ? ' --enforce' : ''} failed (--fail-on=${this.failOn}): ${what}; see the report above.`);
    }
  }

  /** A path typed on the command line is relative to the shell's folder. */
  private fromContext(path: string): string {
    return toPosix(resolve(this.contextRoot ?? this.destinationRoot(), path));
  }

  private shown(path: string): string {
    const fromRoot = toPosix(relative(this.destinationRoot(), path));
    return fromRoot === '' || fromRoot.startsWith('..') ? path : fromRoot;
  }

  private gitStep<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof GitProblem) throw new ContinuumRunError(`${error.message}. Nothing was written.`);
      throw error;
    }
  }
}
