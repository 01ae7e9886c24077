import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import type { AdapterRegistry } from '../../shared/adapters/registry.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, type GenerationResult } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import { generatorsDir } from '../_shared/sub-generators.js';
import { commandOptions, wizardOptionNames } from './command.js';
import { askFields, wizardSpec, type Ask } from './wizard.js';

export const summary = 'a Continuum command: Types, server and/or browser command, README, tests (wizard, or --spec=<file>)';

interface SpecInput {
  readonly specText: string;
  readonly specFile: string;
  readonly specPathInProject?: string;
}

/** `yo continuum:command`: a spec from --spec or the wizard, through the engine, written via this.fs. */
export default class CommandGenerator extends ContinuumGenerator {
  private projectConfig!: ProjectConfig;
  private input!: SpecInput;
  private result!: GenerationResult;
  private composedRust: unknown;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Generate ${summary}`;
    this.declareOptions(Object.values(commandOptions));
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
  }

  async prompting(): Promise<void> {
    const specPath = this.optionValue('spec');
    if (typeof specPath === 'string' && specPath !== '') {
      const alsoGiven = wizardOptionNames.filter((name) => typeof this.optionValue(name) === 'string');
      if (alsoGiven.length > 0) {
        throw new ContinuumRunError(`--spec holds the whole command; ${alsoGiven.map((n) => `--${n}`).join(', ')} cannot be combined with it. Edit the spec instead. Nothing was written.`);
      }
      this.input = this.readSpecFile(specPath);
      return;
    }
    if (this.optionValue('migrate') === true) throw new ContinuumRunError('--migrate needs --spec=<v1 spec file>. Nothing was written.');
    const values = await this.resolveValues(wizardOptionNames);
    const ask: Ask = (question) => this.ask(question);
    // Flags can give the top level; params and results come from the loop only when someone is there to answer.
    const params = this.interactive ? await askFields(ask, 'param') : [];
    const results = this.interactive ? await askFields(ask, 'result') : [];
    const spec = wizardSpec({ ...values, name: values.name!, description: values.description! }, params, results);
    this.input = { specText: serialiseSpec(spec), specFile: '<wizard>' };
  }

  async configuring(): Promise<void> {
    const registry = await this.adapterRegistry();
    const extraAdapters = this.extraAdapterIds();
    this.result = this.reporting(() =>
      generateCommand({ ...this.input, config: this.projectConfig, migrate: this.optionValue('migrate') === true, registry, extraAdapters }),
    );
    // A Rust spec is a whole vertical with edits of shared files: its own sub-generator writes it, so every spec has one entry point.
    const rust = ({ 'rust-ipc': 'rust-module', 'trait-only': 'trait' } as Record<string, string | undefined>)[this.result.adapter.id];
    if (rust) this.composedRust = await this.composeWith(join(generatorsDir, rust, 'index.js'), { forwardOptions: true });
  }

  async writing(): Promise<void> {
    if (this.composedRust) return;
    // --migrate on a v1 spec in the specs folder rewrites that very file: asked for, so not a conflict.
    const migrated = this.result.migratedFromV1 && this.optionValue('migrate') === true ? this.input.specPathInProject : undefined;
    await this.writePlan(this.result.files, { overwrite: migrated ? [migrated] : [] });
  }

  end(): void {
    if (this.composedRust) return;
    const { model, adapter, files } = this.result;
    const dryRun = this.conflicterSettings.dryRun === true;
    this.log.info(`${dryRun ? 'Dry run, nothing written: ' : ''}${model.name} (${adapter.id}): ${files.length} files planned in ${this.projectConfig.roots.commands}/${model.name}/ and ${this.projectConfig.roots.specs}/`);
    for (const plan of this.result.plans.slice(1)) this.log.info(`  --adapter=${plan.adapter}: ${plan.files.map((f) => f.path).join(', ')}`);
  }

  /** Built-in adapters and the project's own (.yo-rc.json `adapters`); a broken plugin stops the run, nothing written. */
  private async adapterRegistry(): Promise<AdapterRegistry> {
    try {
      return (await loadProjectAdapters(this.destinationRoot(), this.projectConfig)).registry;
    } catch (error) {
      return this.reporting(() => {
        throw error;
      });
    }
  }

  /** --adapter values (repeatable, or comma-separated). */
  private extraAdapterIds(): string[] {
    const value = this.optionValue('adapter');
    const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
  }

  /** Read a spec file named on the command line; its name in messages is relative to the project when inside it. */
  private readSpecFile(specPath: string): SpecInput {
    const absolute = resolve(this.contextRoot ?? this.destinationRoot(), specPath);
    const fromRoot = relative(this.destinationRoot(), absolute);
    const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
    const specPathInProject = inside ? fromRoot.split(sep).join('/') : undefined;
    const specFile = specPathInProject ?? absolute;
    let specText: string;
    try {
      specText = readFileSync(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return this.reporting(() => {
        throw new SpecError([{ file: specFile, pointer: '', message: 'cannot read the spec file', found: code, expected: 'a readable CommandSpec JSON file (--spec is relative to the current folder)' }]);
      });
    }
    return { specText, specFile, ...(specPathInProject === undefined ? {} : { specPathInProject }) };
  }
}
