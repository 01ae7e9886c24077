import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { planV1Migration, type V1MigrationPlan } from '../../shared/reverse/migrate-v1-folder.js';
import { ReverseEngineer, type ReversedCommand } from '../../shared/reverse/reverse-engineer.js';
import { formatMigrationReport, migrationReport } from '../../shared/reverse/migration-report.js';
import { formatRunSummary, formatRunWarnings, planSpecFiles, type SpecFilePlan, type WriteOutcome } from '../../shared/reverse/reverse-run.js';
import { nodeSourceReader } from '../../shared/reverse/source-reader.js';
import { dryRunDiffs } from '../../shared/agent/file-diffs.js';
import { migrationResultFields, reverseResultFields } from '../../shared/agent/reverse-result.js';
import { describeFileStates, doneResult, formatRunResult, resultFiles } from '../../shared/agent/run-result.js';
import { toolInfo } from '../../shared/audit/tool-info.js';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import { jsonResultOption, recordConflicterStates } from '../_shared/json-result.js';
import { reverseOptions } from './options.js';
import { progressBar } from './progress.js';

export const summary = 'specs from existing commands: one folder or a whole tree (--stdout, --missing-only), or --from-v1 <dir> to migrate v1 specs';

type Run =
  | { readonly kind: 'reverse'; readonly results: readonly ReversedCommand[]; readonly plan: SpecFilePlan }
  | { readonly kind: 'migrate'; readonly plan: V1MigrationPlan };

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * `yo continuum:reverse <path>`: reads one command folder or a tree of them with the reverse
 * engine (shared/reverse) and writes `<specs>/<name-with-dashes>.json` through this.fs and the
 * conflicter; `--stdout` prints JSON lines instead; `--from-v1 <dir>` migrates v1 specs in place.
 */
export default class ReverseGenerator extends ContinuumGenerator {
  private projectConfig!: ProjectConfig;
  private target!: { readonly kind: 'reverse' | 'migrate'; readonly path: string };
  private outcome!: Run;
  /** Each planned file on disk before the run: absent, same content, or different. */
  private readonly before = new Map<string, 'absent' | 'same' | 'different'>();
  /** The conflicter's state of each file, recorded for --json. */
  private fileStates: ReadonlyMap<string, string> | undefined;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Write ${summary}`;
    this.argument('path', { type: String, required: false, description: 'A command folder, or a folder of them (src/commands); relative to the current folder' });
    this.declareOptions([...Object.values(reverseOptions), jsonResultOption]);
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
  }

  async prompting(): Promise<void> {
    const path = this.optionValue('path');
    const fromV1 = this.optionValue('from-v1');
    const given = (value: unknown): value is string => typeof value === 'string' && value !== '';
    if (given(path) && given(fromV1)) throw new ContinuumRunError('Give a folder of commands to read, or --from-v1 <dir> to migrate v1 specs, not both. Nothing was written.');
    if (given(fromV1)) {
      this.target = { kind: 'migrate', path: this.absolute(fromV1) };
    } else if (given(path)) {
      this.target = { kind: 'reverse', path: this.absolute(path) };
    } else {
      const answer = await this.ask<string>({ name: 'path', type: 'input', message: 'Command folder, or a folder of them, to read', default: this.projectConfig.roots.commands, validate: (v) => (v.trim() === '' ? 'a folder is required' : true) });
      this.target = { kind: 'reverse', path: this.absolute(answer.trim()) };
    }
  }

  configuring(): void {
    const projectRoot = toPosix(this.destinationRoot());
    if (this.target.kind === 'migrate') {
      const engine = new ReverseEngineer({ projectRoot, config: this.projectConfig });
      this.outcome = { kind: 'migrate', plan: this.failingClearly(() => planV1Migration(this.target.path, projectRoot, nodeSourceReader, { config: this.projectConfig, engine })) };
      for (const line of this.outcome.plan.notes) this.log(`migrated ${line}`);
      for (const failure of this.outcome.plan.failed) for (const problem of failure.problems) this.log(`not migrated: ${problem}`);
    } else {
      const engine = new ReverseEngineer({ projectRoot, config: this.projectConfig });
      const folders = this.failingClearly(() => engine.discover(this.target.path));
      if (folders.length === 0) {
        throw new ContinuumRunError(`No command folder (a folder with shared/<Name>Types.ts) at or under ${this.shown(this.target.path)}. Nothing was written.`);
      }
      const progress = progressBar(folders.length, process.stderr);
      const results = engine.reverseAll(folders, (done, _total, result) => progress.update(done, result.folder));
      progress.finish();
      const plan = planSpecFiles(results, engine.existingSpecs(), this.projectConfig, { missingOnly: this.optionValue('missing-only') === true });
      this.outcome = { kind: 'reverse', results, plan };
      for (const line of formatRunWarnings(results)) this.log(`warning ${line}`);
      for (const skip of plan.skipped) if (skip.reason !== 'has-spec') this.log(`skipped ${skip.folder}: ${skip.detail}`);
    }
    for (const file of this.plannedFiles()) {
      const onDisk = this.readDisk(file.path);
      this.before.set(file.path, onDisk === undefined ? 'absent' : onDisk === file.content ? 'same' : 'different');
    }
  }

  async writing(): Promise<void> {
    if (this.jsonResult) this.fileStates = recordConflicterStates(this.env, this.destinationRoot());
    if (this.printsToStdout) {
      // With --json the specs are in the result; stdout holds nothing else.
      if (this.jsonResult) return;
      for (const file of this.plannedFiles()) process.stdout.write(`${JSON.stringify(JSON.parse(file.content))}\n`);
      return;
    }
    await this.writePlan(this.plannedFiles());
  }

  end(): void {
    if (this.jsonResult) this.printRunResult();
    const nothingWritten = this.printsToStdout || this.conflicterSettings.dryRun === true;
    const outcomes: WriteOutcome[] = this.plannedFiles().map((file) => {
      const before = this.before.get(file.path);
      if (before === 'same') return 'unchanged';
      const written = this.readDisk(file.path) === file.content;
      return written ? (before === 'absent' ? 'created' : 'updated') : 'kept';
    });
    if (this.outcome.kind === 'migrate') {
      const { plan } = this.outcome;
      const migrated = outcomes.filter((o) => o === 'created' || o === 'updated').length;
      this.log(
        [
          'Migration summary',
          `  v1 specs found       ${String(plan.files.length + plan.failed.length).padStart(4)}`,
          `  ${nothingWritten ? 'to migrate          ' : 'migrated to v2      '} ${String(nothingWritten ? plan.files.length : migrated).padStart(4)}`,
          `  kept on conflict     ${String(nothingWritten ? 0 : outcomes.filter((o) => o === 'kept').length).padStart(4)}`,
          `  already v2           ${String(plan.alreadyV2.length).padStart(4)}`,
          `  not migrated         ${String(plan.failed.length).padStart(4)}  (not a spec, or its migration does not generate: the problems are above)`,
        ].join('\n'),
      );
      return;
    }
    const { results, plan } = this.outcome;
    this.log(formatRunSummary({ read: results.length, skipped: plan.skipped, outcomes, warnings: results.flatMap((r) => r.warnings), nothingWritten }));
    this.log(formatMigrationReport(migrationReport(results, this.projectConfig)));
  }

  /** --json: the run result on stdout (states as the conflicter reported them; none with --stdout). */
  private printRunResult(): void {
    const dryRun = this.printsToStdout || this.conflicterSettings.dryRun === true;
    const context = { command: 'reverse', tool: toolInfo(), dryRun };
    const planned = this.printsToStdout ? [] : this.plannedFiles();
    const diffs = this.conflicterSettings.dryRun === true ? dryRunDiffs(planned, this.fileStates ?? new Map(), (path) => this.readDisk(path)) : new Map<string, string>();
    const files = resultFiles(planned.map((f) => f.path), this.fileStates ?? new Map(), diffs);
    const fields = this.outcome.kind === 'migrate' ? migrationResultFields(this.outcome.plan) : reverseResultFields(this.outcome.results, this.outcome.plan);
    process.stdout.write(formatRunResult(doneResult(context, describeFileStates(files, dryRun), files, fields)));
  }

  private get jsonResult(): boolean {
    return this.optionValue('json') === true;
  }

  private get printsToStdout(): boolean {
    return this.optionValue('stdout') === true;
  }

  private plannedFiles(): readonly PlannedFile[] {
    return this.outcome.plan.files;
  }

  private absolute(path: string): string {
    return toPosix(resolve(this.contextRoot ?? this.destinationRoot(), path));
  }

  private shown(path: string): string {
    const fromRoot = relative(this.destinationRoot(), path);
    return fromRoot === '' ? '.' : fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : toPosix(fromRoot);
  }

  private readDisk(path: string): string | undefined {
    try {
      return readFileSync(this.destinationPath(path), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Engine errors about the input (not a folder) become a run error that writes nothing. */
  private failingClearly<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof ContinuumRunError) throw error;
      throw new ContinuumRunError(`${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
    }
  }
}
