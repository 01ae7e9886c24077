import { existsSync, readFileSync } from 'node:fs';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { dryRunDiffs } from '../../shared/agent/file-diffs.js';
import { describeFileStates, doneResult, formatRunResult, resultFiles, resultSpecs } from '../../shared/agent/run-result.js';
import { toolInfo } from '../../shared/audit/tool-info.js';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { SpecError } from '../../shared/errors.js';
import { describeSpecRun, extraAdapterIds, planSpecRun, type SpecRun, type SpecRunOptions } from '../../shared/run/spec-run.js';
import { ALLOW_NON_HOST_FLAG, guardHost } from '../../shared/run/host-guard.js';
import { collectSpecSources, type SpecSource } from '../../shared/run/spec-sources.js';
import { ContinuumGenerator, ContinuumRunError } from './continuum-generator.js';
import { jsonResultOption, recordConflicterStates } from './json-result.js';
import { allowNonHostOption } from './spec-options.js';

export { adapterOption, allowNonHostOption, specOption, verboseOption } from './spec-options.js';

/**
 * The run every spec-driven sub-generator shares: spec sources in, one planned run (validated
 * whole before anything is written), written through this.fs. Subclasses supply the sources
 * (a --spec value, or the wizard's spec) and may restrict the adapters they accept.
 */
export abstract class SpecGenerator extends ContinuumGenerator {
  protected projectConfig!: ProjectConfig;
  protected sources: readonly SpecSource[] = [];
  protected specRun!: SpecRun;

  /** The conflicter's state of each file, recorded for --json. */
  private fileStates: ReadonlyMap<string, string> | undefined;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.declareOptions([jsonResultOption, allowNonHostOption]);
  }

  /** Adapters this generator accepts (undefined: every adapter). */
  protected onlyAdapters(): SpecRunOptions['onlyAdapters'] {
    return undefined;
  }

  /** The spec sources a --spec value names, relative to where the user typed the command. */
  protected sourcesOf(specArgument: string): SpecSource[] {
    return this.reporting(() => collectSpecSources(specArgument, this.contextRoot ?? this.destinationRoot(), this.destinationRoot()));
  }

  protected async planRun(): Promise<void> {
    const { registry } = await this.reportingAsync(() => loadProjectAdapters(this.destinationRoot(), this.projectConfig));
    const read = (path: string): string | undefined => (this.fs.exists(this.destinationPath(path)) ? this.fs.read(this.destinationPath(path)) : undefined);
    this.specRun = this.reporting(() =>
      planSpecRun(this.sources, {
        config: this.projectConfig,
        registry,
        extraAdapters: extraAdapterIds(this.optionValue('adapter')),
        migrate: this.optionValue('migrate') === true,
        onlyAdapters: this.onlyAdapters(),
        read,
      }),
    );
    const host = guardHost(this.specRun, { root: this.destinationRoot(), config: this.projectConfig, exists: (path) => this.fs.exists(this.destinationPath(path)), allowNonHost: this.optionValue(ALLOW_NON_HOST_FLAG) === true });
    if (host.refusal) throw new ContinuumRunError(host.refusal);
    if (host.warning) this.log.writeln(host.warning);
  }

  protected async writeRun(): Promise<void> {
    if (this.optionValue('json') === true) this.fileStates = recordConflicterStates(this.env, this.destinationRoot());
    await this.writePlan(this.specRun.files, { overwrite: this.specRun.overwrite });
  }

  protected reportRun(): void {
    const dryRun = this.conflicterSettings.dryRun === true;
    for (const line of describeSpecRun(this.specRun, dryRun)) this.log.info(line);
    if (this.fileStates) {
      const read = (path: string): string | undefined => (existsSync(this.destinationPath(path)) ? readFileSync(this.destinationPath(path), 'utf8') : undefined);
      const diffs = dryRun ? dryRunDiffs(this.specRun.files, this.fileStates, read) : new Map<string, string>();
      const files = resultFiles(this.specRun.files.map((f) => f.path), this.fileStates, diffs);
      process.stdout.write(formatRunResult(doneResult({ command: this.subGeneratorName, tool: toolInfo(), dryRun }, describeFileStates(files, dryRun), files, { specs: resultSpecs(this.specRun) })));
    }
  }

  /** The sub-generator's name as the result names it (command, rust-module, trait). */
  protected abstract get subGeneratorName(): string;

  private async reportingAsync<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof SpecError) return this.reporting(() => {
        throw error;
      });
      throw error;
    }
  }
}
