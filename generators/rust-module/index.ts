import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { SpecRunOptions } from '../../shared/run/spec-run.js';
import { specRestriction, subGeneratorOf } from '../_shared/adapter-generators.js';
import { adapterOption, mergeOption, specOption, SpecGenerator, verboseOption } from '../_shared/spec-generator.js';

export const summary =
  'the whole Rust-backed vertical of a rust-ipc spec: ServiceModule, ts-rs wire types, IPC mixin, command (--spec=<file|folder|glob>)';

/**
 * The sub-generator of one Rust adapter (`continuum:rust-module` for rust-ipc, `continuum:trait`
 * for trait-only): the run of continuum:command restricted to that adapter's specs. Edits of
 * shared files (`mod.rs`, `RustCoreIPC.ts`) apply to their current text; a second run changes
 * nothing. A factory, because Yeoman runs only a class's own methods.
 */
export function rustSpecGenerator(adapterId: 'rust-ipc' | 'trait-only', summaryText: string) {
  return class RustSpecGenerator extends SpecGenerator {
    constructor(args: string[], opts: BaseOptions, features?: BaseFeatures) {
      super(args, opts, features);
      this.description = `Generate ${summaryText}`;
      this.declareOptions([{ ...specOption, required: true, prompt: { message: 'Spec file' } }, adapterOption, mergeOption, verboseOption]);
    }

    protected get subGeneratorName(): string {
      return subGeneratorOf(adapterId);
    }

    protected override onlyAdapters(): SpecRunOptions['onlyAdapters'] {
      return specRestriction(this.subGeneratorName);
    }

    initializing(): void {
      this.projectConfig = this.loadProjectConfig();
    }

    async prompting(): Promise<void> {
      const { spec } = await this.resolveValues(['spec']);
      this.sources = this.sourcesOf(spec!);
    }

    async configuring(): Promise<void> {
      await this.planRun();
    }

    async writing(): Promise<void> {
      await this.writeRun();
    }
  };
}

export default rustSpecGenerator('rust-ipc', summary);
