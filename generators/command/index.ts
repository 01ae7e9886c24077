import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { ContinuumRunError } from '../_shared/continuum-generator.js';
import { SpecGenerator } from '../_shared/spec-generator.js';
import { commandOptions, wizardOptionNames } from './command.js';
import { askFields, wizardSpec, type Ask } from './wizard.js';

export const summary = 'a Continuum command from any spec: Types, server and/or browser command, README, tests, and for rust-ipc / trait-only specs the Rust vertical (wizard, or --spec=<file|folder|glob>)';

/**
 * `yo continuum:command`: the one entry point for every spec. --spec (a file, folder or glob)
 * asks nothing; without it the wizard builds a spec, which is saved with the command.
 */
export default class CommandGenerator extends SpecGenerator {
  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Generate ${summary}`;
    this.declareOptions(Object.values(commandOptions));
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
  }

  async prompting(): Promise<void> {
    const specArgument = this.optionValue('spec');
    if (typeof specArgument === 'string' && specArgument !== '') {
      const alsoGiven = wizardOptionNames.filter((name) => typeof this.optionValue(name) === 'string');
      if (alsoGiven.length > 0) {
        throw new ContinuumRunError(`--spec holds the whole command; ${alsoGiven.map((n) => `--${n}`).join(', ')} cannot be combined with it. Edit the spec instead. Nothing was written.`);
      }
      this.sources = this.sourcesOf(specArgument);
      return;
    }
    if (this.optionValue('migrate') === true) throw new ContinuumRunError('--migrate needs --spec=<v1 spec file>. Nothing was written.');
    const values = await this.resolveValues(wizardOptionNames);
    const ask: Ask = (question) => this.ask(question);
    // Flags can give the top level; params and results come from the loop only when someone is there to answer.
    const params = this.interactive ? await askFields(ask, 'param') : [];
    const results = this.interactive ? await askFields(ask, 'result') : [];
    const spec = wizardSpec({ ...values, name: values.name!, description: values.description! }, params, results);
    this.sources = [{ specText: serialiseSpec(spec), specFile: '<wizard>' }];
  }

  async configuring(): Promise<void> {
    await this.planRun();
  }

  async writing(): Promise<void> {
    await this.writeRun();
  }
}
