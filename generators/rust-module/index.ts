import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { SpecRunOptions } from '../../shared/run/spec-run.js';
import { adapterOption, specOption, SpecGenerator, verboseOption } from '../_shared/spec-generator.js';

export const summary = 'the whole Rust-backed vertical of a rust-ipc spec: ServiceModule, ts-rs wire types, IPC mixin, command (--spec=<file|folder|glob>)';

/** The sub-generator that writes each Rust adapter's specs (everything else is continuum:command's). */
const GENERATOR_OF_ADAPTER: Readonly<Record<string, string>> = { 'rust-ipc': 'continuum:rust-module', 'trait-only': 'continuum:trait' };

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
      this.declareOptions([{ ...specOption, required: true, prompt: { message: 'Spec file' } }, adapterOption, verboseOption]);
    }

    protected override onlyAdapters(): SpecRunOptions['onlyAdapters'] {
      return {
        ids: [adapterId],
        hint: (found) => `the spec's adapter is ${found}, and ${GENERATOR_OF_ADAPTER[adapterId]} writes ${adapterId} specs; use ${GENERATOR_OF_ADAPTER[found] ?? 'continuum:command'}`,
      };
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

    end(): void {
      this.reportRun();
    }
  };
}

export default rustSpecGenerator('rust-ipc', summary);
