import { sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { SpecError } from '../../shared/errors.js';
import { describeSpecRun, extraAdapterIds, planSpecRun, type SpecRun, type SpecRunOptions } from '../../shared/run/spec-run.js';
import { collectSpecSources, type SpecSource } from '../../shared/run/spec-sources.js';
import { projectTypeIndex } from '../../shared/reverse/exported-types.js';
import { nodeSourceReader } from '../../shared/reverse/source-reader.js';
import { ContinuumGenerator } from './continuum-generator.js';
import type { OptionDeclaration } from './option-declarations.js';

export const specOption: OptionDeclaration = {
  name: 'spec',
  type: String,
  description: 'Generate from this spec (v1 or v2 JSON), a folder of specs, or a glob (quote it), asking nothing; relative to the current folder',
};

export const adapterOption: OptionDeclaration = {
  name: 'adapter',
  type: Array,
  description: 'Also run this adapter on the spec (repeatable: --adapter=swift --adapter=kotlin); `continuum-gen adapters` lists them',
};

export const verboseOption: OptionDeclaration = {
  name: 'verbose',
  type: Boolean,
  description: "List every file's state (create, identical, conflict, force, skip); Yeoman's conflicter always does, the fast path does for a single spec",
};

/**
 * The run every spec-driven sub-generator shares: spec sources in, one planned run (validated
 * whole before anything is written), written through this.fs. Subclasses supply the sources
 * (a --spec value, or the wizard's spec) and may restrict the adapters they accept.
 */
export abstract class SpecGenerator extends ContinuumGenerator {
  protected projectConfig!: ProjectConfig;
  protected sources: readonly SpecSource[] = [];
  protected specRun!: SpecRun;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
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
        knownTypes: projectTypeIndex(this.destinationRoot().split(sep).join('/'), this.projectConfig, nodeSourceReader),
      }),
    );
  }

  protected async writeRun(): Promise<void> {
    await this.writePlan(this.specRun.files, { overwrite: this.specRun.overwrite });
  }

  protected reportRun(): void {
    for (const line of describeSpecRun(this.specRun, this.conflicterSettings.dryRun === true)) this.log.info(line);
  }

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
