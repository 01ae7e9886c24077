import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { CompositionEditError } from '../../shared/edits/ipc-composition.js';
import { applyEdits, generateCommand, type GenerationResult } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import type { OptionDeclaration } from '../_shared/option-declarations.js';

export const summary = 'the whole Rust-backed vertical of a rust-ipc spec: ServiceModule, ts-rs wire types, IPC mixin, command (--spec=<file>)';

/** The sub-generator that writes each Rust adapter's specs (everything else is continuum:command's). */
const GENERATOR_OF_ADAPTER: Readonly<Record<string, string>> = { 'rust-ipc': 'continuum:rust-module', 'trait-only': 'continuum:trait' };

const options: readonly OptionDeclaration[] = [
  { name: 'spec', type: String, description: 'The spec file (relative to the current folder)', required: true, prompt: { message: 'Spec file' } },
  { name: 'adapter', type: Array, description: 'Also run this adapter on the spec (repeatable)' },
];

/**
 * The sub-generator of one Rust adapter (`continuum:rust-module` for rust-ipc, `continuum:trait`
 * for trait-only): a spec through the engine, then its files and its edits of shared files
 * (`mod.rs`, `RustCoreIPC.ts`) through this.fs. Edits are applied to the files' current text; a
 * second run changes nothing. A factory, because Yeoman runs only a class's own methods.
 */
export function rustSpecGenerator(adapterId: 'rust-ipc' | 'trait-only', summaryText: string) {
  return class RustSpecGenerator extends ContinuumGenerator {
    private projectConfig!: ProjectConfig;
    private specFile = '';
    private specText = '';
    private specPathInProject: string | undefined;
    private result!: GenerationResult;
    private edited: PlannedFile[] = [];

    constructor(args: string[], opts: BaseOptions, features?: BaseFeatures) {
      super(args, opts, features);
      this.description = `Generate ${summaryText}`;
      this.declareOptions(options);
    }

    initializing(): void {
      this.projectConfig = this.loadProjectConfig();
    }

    async prompting(): Promise<void> {
      const { spec } = await this.resolveValues(['spec']);
      const absolute = resolve(this.contextRoot ?? this.destinationRoot(), spec!);
      const fromRoot = relative(this.destinationRoot(), absolute);
      this.specPathInProject = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot.split(sep).join('/') : undefined;
      this.specFile = this.specPathInProject ?? absolute;
      try {
        this.specText = readFileSync(absolute, 'utf8');
      } catch (error) {
        this.reporting(() => {
          throw new SpecError([{ file: this.specFile, pointer: '', message: 'cannot read the spec file', found: (error as NodeJS.ErrnoException).code ?? String(error), expected: 'a readable spec JSON file (--spec is relative to the current folder)' }]);
        });
      }
    }

    async configuring(): Promise<void> {
      const registry = (await loadProjectAdapters(this.destinationRoot(), this.projectConfig)).registry;
      const extras = [this.optionValue('adapter')].flat().flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((v) => v.trim()).filter((v) => v !== '');
      this.result = this.reporting(() =>
        generateCommand({ specText: this.specText, specFile: this.specFile, ...(this.specPathInProject ? { specPathInProject: this.specPathInProject } : {}), config: this.projectConfig, registry, extraAdapters: extras }),
      );
      if (this.result.adapter.id !== adapterId) {
        const use = GENERATOR_OF_ADAPTER[this.result.adapter.id] ?? 'continuum:command';
        throw new ContinuumRunError(`${this.specFile}: the spec's adapter is ${this.result.adapter.id}, and ${GENERATOR_OF_ADAPTER[adapterId]} writes ${adapterId} specs; use ${use}. Nothing was written.`);
      }
      // Every edit is computed before the first write, so a file that cannot be edited stops the run cleanly.
      try {
        const read = (path: string): string | undefined => (this.fs.exists(this.destinationPath(path)) ? this.fs.read(this.destinationPath(path)) : undefined);
        this.edited = [...applyEdits(this.result.edits, read)].map(([path, content]) => ({ path, content }));
      } catch (error) {
        if (error instanceof CompositionEditError) throw new ContinuumRunError(`${error.message} Nothing was written.`);
        throw error;
      }
    }

    async writing(): Promise<void> {
      // Edited files merge into what is on disk: asked for, so written as 'force', never a conflict question.
      await this.writePlan([...this.result.files, ...this.edited], { overwrite: this.edited.map((f) => f.path) });
    }

    end(): void {
      const { model, adapter, files } = this.result;
      const dryRun = this.conflicterSettings.dryRun === true;
      this.log.info(`${dryRun ? 'Dry run, nothing written: ' : ''}${model.name} (${adapter.id}): ${files.length} files planned, ${this.edited.length} shared file${this.edited.length === 1 ? '' : 's'} edited`);
      for (const edit of this.result.edits) this.log.info(`  ${edit.path}: ${edit.description}${this.edited.some((f) => f.path === edit.path) ? '' : ' (already there)'}`);
    }
  };
}

export default rustSpecGenerator('rust-ipc', summary);
