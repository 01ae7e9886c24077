import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { GitProblem, hookTarget, newCommandFolders, repositoryOf, resolveBase, type HookTarget } from '../../shared/audit/git.js';
import { hookBlock, withHookBlock } from '../../shared/audit/pre-commit-hook.js';
import { formatTextReport, jsonReport } from '../../shared/audit/report.js';
import type { FailOn } from '../../shared/audit/rules.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { describeFixes, planAuditRun, type AuditRun, type AuditRunOptions } from '../../shared/run/audit-run.js';
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
  private planned: AuditRun | undefined;
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
    let enforced: Pick<AuditRunOptions, 'classifyNew' | 'baseLabel'> = {};
    if (enforce) {
      const repository = this.gitStep(() => repositoryOf(projectRoot));
      const given = this.optionValue('base');
      const base = this.gitStep(() => resolveBase(repository, typeof given === 'string' && given !== '' ? given : undefined));
      enforced = { baseLabel: base.label, classifyNew: (folders) => newCommandFolders(repository, this.projectConfig.roots.commands, folders, base) };
    }
    const sarif = this.optionValue('sarif');
    this.planned = planAuditRun({
      projectRoot,
      config: this.projectConfig,
      mode: enforce ? 'enforce' : 'full',
      failOn: this.failOn,
      fix: this.optionValue('fix') === true,
      ...enforced,
      ...(typeof sarif === 'string' && sarif !== '' ? { sarifPath: this.fromContext(sarif) } : {}),
      read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    });
  }

  async writing(): Promise<void> {
    if (this.hook) {
      // A file the run is asked to rewrite is forced through the conflicter: leave an unchanged one out.
      if (this.hook.before !== this.hook.content) await this.writePlan([{ path: this.hook.target.path, content: this.hook.content }], { overwrite: [this.hook.target.path] });
      return;
    }
    const { files, overwrite } = this.planned!;
    if (files.length > 0) await this.writePlan(files, { overwrite: [...overwrite] });
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
    const { audit, fixes, context, failure } = this.planned!;
    if (fixes) for (const line of describeFixes(fixes, dryRun)) this.log(line);
    if (this.optionValue('json') === true) process.stdout.write(`${JSON.stringify(jsonReport(audit, context), null, 2)}\n`);
    else this.log(formatTextReport(audit, context));
    if (failure !== undefined) throw new ContinuumRunError(failure);
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
