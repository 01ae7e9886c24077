import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { loadProjectAdapters, projectSpecTexts } from '../../shared/adapters/plugin-loader.js';
import { projectKnownTypes } from '../../shared/agent/project-run.js';
import { accessLevelsOf } from '../../shared/config/project-config.js';
import { DRAFT_SOURCE, draftIssues, type SpecDraft } from '../../shared/run/draft-check.js';
import { DraftKeeper, draftLines, isDraftFile, readDraft } from '../../shared/run/draft-file.js';
import { extraAdapterIds } from '../../shared/run/spec-run.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { ContinuumRunError } from '../_shared/continuum-generator.js';
import { SpecGenerator } from '../_shared/spec-generator.js';
import { commandOptions, wizardOptionNames } from './command.js';
import { CommandWizard, flagProblems, givenTopLevel, isPromptInterruption, wizardSpec, type TopLevelKey } from './wizard.js';

export const summary =
  'a Continuum command from any spec: Types, server and/or browser command, README, tests, and for rust-ipc / trait-only specs the Rust vertical (wizard, or --spec=<file|folder|glob>)';

/** The flag of each top-level value, for messages about given flags. */
const flagOf = (key: TopLevelKey): string => `--${commandOptions[key].name}`;

/**
 * `yo continuum:command`: the one entry point for every spec. --spec (a file, folder or glob)
 * asks nothing; without it the wizard builds a spec (saved with the command), and
 * --spec=<file>.draft.json in a terminal goes on with a draft the wizard kept.
 */
export default class CommandGenerator extends SpecGenerator {
  private drafts: DraftKeeper | undefined;
  private stopped = false;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Generate ${summary}`;
    this.declareOptions(Object.values(commandOptions));
  }

  protected get subGeneratorName(): string {
    return 'command';
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
  }

  async prompting(): Promise<void> {
    const specArgument = this.optionValue('spec');
    const given = this.givenTopLevel();
    const draftOption = this.optionValue('draft');
    const draftFile =
      typeof draftOption === 'string' && draftOption !== '' ? resolve(this.contextRoot ?? this.destinationRoot(), draftOption) : undefined;
    if (typeof specArgument === 'string' && specArgument !== '') {
      if (Object.keys(given).length > 0) {
        throw new ContinuumRunError(
          `--spec holds the whole command; ${Object.keys(given)
            .map((k) => flagOf(k as TopLevelKey))
            .join(', ')} cannot be combined with it. Edit the spec instead. Nothing was written.`,
        );
      }
      const file = resolve(this.contextRoot ?? this.destinationRoot(), specArgument);
      if (this.interactive && isDraftFile(file) && existsSync(file)) {
        await this.runWizard(
          this.reporting(() => readDraft(file)),
          new Set(),
          draftFile ?? file,
        );
        return;
      }
      this.sources = this.sourcesOf(specArgument);
      return;
    }
    if (this.optionValue('migrate') === true) throw new ContinuumRunError('--migrate needs --spec=<v1 spec file>. Nothing was written.');
    if (!this.interactive) {
      // Flags alone: every required value given, or the run fails naming the missing ones.
      const values = await this.resolveValues(wizardOptionNames);
      const spec = wizardSpec({ ...values, name: values.name!, description: values.description! });
      await this.refuseBadFlags(spec);
      this.sources = [{ specText: serialiseSpec(spec), specFile: DRAFT_SOURCE }];
      return;
    }
    const start = { version: 2, ...given } as SpecDraft;
    await this.refuseBadFlags(start);
    await this.runWizard(start, new Set(Object.keys(given) as TopLevelKey[]), draftFile);
  }

  async configuring(): Promise<void> {
    if (this.stopped) return;
    await this.keepingDraft(() => this.planRun());
  }

  async writing(): Promise<void> {
    if (this.stopped) return;
    await this.keepingDraft(() => this.writeRun());
  }

  end(): void {
    if (this.stopped) return;
    this.drafts?.discard();
  }

  /** Given flags are checked by the engine, like answers, and reported by their flag names. */
  private async refuseBadFlags(draft: SpecDraft): Promise<void> {
    const problems = flagProblems(this.givenTopLevel(), await this.checkDraft(draft));
    if (problems.length > 0)
      throw new ContinuumRunError(`Invalid option value; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  private givenTopLevel(): Partial<Record<TopLevelKey, string>> {
    return givenTopLevel((flag) => this.optionValue(flag));
  }

  private checkDraftOptions?: Parameters<typeof draftIssues>[1];

  private async checkDraft(draft: SpecDraft) {
    if (!this.checkDraftOptions) {
      const { registry } = await loadProjectAdapters(this.destinationRoot(), this.projectConfig);
      this.checkDraftOptions = {
        config: this.projectConfig,
        registry,
        extraAdapters: extraAdapterIds(this.optionValue('adapter')),
        knownTypes: projectKnownTypes(this.destinationRoot(), this.projectConfig),
        specs: () => projectSpecTexts(this.destinationRoot(), this.projectConfig),
      };
    }
    return draftIssues(draft, this.checkDraftOptions);
  }

  /** Run the wizard from `start`; its draft is kept on disk until the command is written. */
  private async runWizard(start: SpecDraft, fixed: ReadonlySet<TopLevelKey>, draftFile: string | undefined): Promise<void> {
    await this.checkDraft(start);
    const drafts = (this.drafts = new DraftKeeper(draftFile));
    const wizard = new CommandWizard(
      {
        ask: (question) => this.ask(question),
        say: (line) => this.log.writeln(line),
        check: (draft) => this.checkDraft(draft),
        changed: (draft) => drafts.save(draft),
        accessLevels: accessLevelsOf(this.projectConfig),
      },
      start,
      fixed,
    );
    let outcome;
    try {
      outcome = await wizard.run();
    } catch (error) {
      const path = drafts.save(wizard.current);
      if (isPromptInterruption(error)) {
        // Nothing is written before the wizard ends: one line, the exit code of SIGINT.
        process.stderr.write(`\n${draftLines.interrupted(path)}\n`);
        process.exit(130);
      }
      // A failed question has already stopped the environment with its own error: say where the answers are.
      this.log.writeln(draftLines.failed(path));
      throw withDraftNote(error, path);
    }
    if (outcome.kind === 'quit') {
      const path = drafts.save(wizard.current);
      this.log.writeln(draftLines.stopped(path));
      this.stopped = true;
      return;
    }
    const path = drafts.save(outcome.spec);
    this.log.writeln(draftLines.kept(path));
    this.sources = [{ specText: serialiseSpec(outcome.spec), specFile: DRAFT_SOURCE }];
  }

  /** A step after the wizard; when it fails, the error says where the answers are. */
  private async keepingDraft(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      const path = this.drafts?.path;
      throw path === undefined ? error : withDraftNote(error, path);
    }
  }
}

function withDraftNote(error: unknown, path: string): Error {
  const note = draftLines.failed(path);
  if (error instanceof ContinuumRunError) return new ContinuumRunError(`${error.message}\n${note}`, error.issues);
  return new ContinuumRunError(`${error instanceof Error ? error.message : String(error)}\n${note}`);
}
