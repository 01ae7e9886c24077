import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import { listSubGenerators, type SubGenerator } from '../_shared/sub-generators.js';

export const summary = 'choose a continuum sub-generator and run it';

/** `yo continuum [sub-generator]`: lists the sub-generators that exist and runs the one chosen. */
export default class AppGenerator extends ContinuumGenerator {
  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    // The chosen sub-generator owns the install decision.
    super(args, options, { customInstallTask: false, ...features });
    this.description = `Continuum generators: ${summary}`;
    this.argument('sub-generator', { type: String, required: false, description: 'Sub-generator to run (asked when omitted)' });
  }

  async prompting(): Promise<void> {
    const available = await listSubGenerators();
    const listing = available.map((s) => `  ${s.name}: ${s.summary}`).join('\n');
    const given = this.optionValue('sub-generator');
    let chosen: SubGenerator | undefined;
    if (typeof given === 'string' && given !== '') {
      chosen = available.find((s) => s.name === given);
      if (!chosen) throw new ContinuumRunError(`There is no sub-generator ${JSON.stringify(given)}. Available:\n${listing}`);
    } else if (this.interactive) {
      const name = await this.ask<string>({
        name: 'subGenerator',
        type: 'select',
        message: 'What do you want to generate?',
        choices: available.map((s) => ({ value: s.name, name: `${s.name}: ${s.summary}` })),
      });
      chosen = available.find((s) => s.name === name);
    } else {
      throw new ContinuumRunError(
        `Missing sub-generator in a non-interactive run: name one (yo continuum <sub-generator>, or yo continuum:<sub-generator>). Available:\n${listing}`,
      );
    }
    await this.composeWith(chosen!.path, { forwardOptions: true });
  }
}
