import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { CONFIG_FILE } from '../../shared/config/load-project-config.js';
import { checkHost, hasContinuumConfig, initProjectRoot, type HostCheck, type ProjectRoot } from '../../shared/config/project-root.js';
import { CONFIG_KEY, defaultProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { ALLOW_NON_HOST_FLAG } from '../../shared/run/host-guard.js';
import { initNextSteps, planInitSpecs, type InitSpecPlan } from '../../shared/run/init-plan.js';
import { ContinuumGenerator, ContinuumRunError } from '../_shared/continuum-generator.js';
import type { OptionDeclaration } from '../_shared/option-declarations.js';

export const summary =
  'the setup of a Continuum checkout: .yo-rc.json at the project root, the trait specs and an example spec in the specs folder';

const initOptions: readonly OptionDeclaration[] = [
  { name: 'yes', type: Boolean, description: 'Write without asking (needed in a non-interactive run)' },
  { name: ALLOW_NON_HOST_FLAG, type: Boolean, description: 'Set up a folder that does not look like a Continuum checkout (a new project)' },
];

/**
 * `continuum-gen init` / `yo continuum:init`: finds the project root (an existing .yo-rc.json,
 * else the nearest folder that looks like a Continuum checkout up to the git root), writes the
 * generator-continuum entry of .yo-rc.json there, copies the shipped trait specs and an example
 * spec into the specs folder, and prints the next commands. Nothing is ever written below the
 * root, nor into a folder that is not a host unless --allow-non-host says so.
 */
export default class InitGenerator extends ContinuumGenerator {
  private projectConfig: ProjectConfig = defaultProjectConfig;
  private alreadyConfigured = false;
  private specs!: InitSpecPlan;
  private confirmed = false;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Generate ${summary}`;
    this.declareOptions(initOptions);
  }

  protected override chooseProjectRoot(start: string, found: ProjectRoot): ProjectRoot {
    return initProjectRoot(start, found, defaultProjectConfig);
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
    this.alreadyConfigured = hasContinuumConfig(this.destinationRoot());
    const host = checkHost(this.destinationRoot(), this.projectConfig);
    if (!host.looksLikeHost && this.optionValue(ALLOW_NON_HOST_FLAG) !== true) throw new ContinuumRunError(this.notAHost(host));
    const read = (path: string): string | undefined =>
      this.fs.exists(this.destinationPath(path)) ? this.fs.read(this.destinationPath(path)) : undefined;
    this.specs = planInitSpecs(this.projectConfig, read);
  }

  async prompting(): Promise<void> {
    for (const line of this.planLines()) this.log.writeln(line);
    if (this.optionValue('yes') === true) {
      this.confirmed = true;
      return;
    }
    if (!this.interactive) {
      throw new ContinuumRunError('init writes into the project; a non-interactive run must confirm it with --yes. Nothing was written.');
    }
    this.confirmed = await this.ask<boolean>({ name: 'writeInit', type: 'confirm', message: 'Write these files?', default: true });
    if (!this.confirmed) this.log.writeln('Nothing was written.');
  }

  writing(): void {
    if (!this.confirmed) return;
    // Through Yeoman's config storage: .yo-rc.json keeps every other generator's entry.
    if (!this.alreadyConfigured) this.config.set('roots', { ...this.projectConfig.roots });
    for (const file of this.specs.files) this.fs.write(this.destinationPath(file.path), file.content);
  }

  end(): void {
    if (!this.confirmed) return;
    for (const line of initNextSteps(this.projectConfig)) this.log.writeln(line);
  }

  /** What init is about to do, one line each. */
  private planLines(): string[] {
    const root = this.destinationRoot();
    return [
      `Setting up ${root}:`,
      this.alreadyConfigured
        ? `  ${CONFIG_FILE}: already has a "${CONFIG_KEY}" entry, kept as it is`
        : `  ${CONFIG_FILE}: a "${CONFIG_KEY}" entry with the layout (commands in ${this.projectConfig.roots.commands}/, specs in ${this.projectConfig.roots.specs}/, the Rust crate in ${this.projectConfig.roots.rustCrate}/)`,
      ...this.specs.files.map((file) => `  ${file.path}`),
      ...this.specs.kept.map((path) => `  ${path}: yours differs from the shipped one, kept as it is`),
    ];
  }

  private notAHost(host: HostCheck): string {
    return [
      `${this.destinationRoot()} does not look like a Continuum checkout; nothing was written. Looked for:`,
      ...host.marks.map((mark) => `  ${mark.what}: not found`),
      `Run init in the host checkout (it finds the root from any folder inside), or pass --${ALLOW_NON_HOST_FLAG} to set up this folder as a new project.`,
    ].join('\n');
  }
}
