import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Generator, { type BaseFeatures, type BaseOptions, type PromptQuestion } from 'yeoman-generator';
import { CONFIG_FILE, projectConfigFromText } from '../../shared/config/load-project-config.js';
import { isInteractive } from '../../shared/interactive.js';
import { findProjectRoot, projectRootNotice, type ProjectRoot } from '../../shared/config/project-root.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { COMMAND_LINE } from '../../shared/agent/run-result.js';
import { SpecError, describeRefusal, type SpecIssue } from '../../shared/errors.js';
import { parseJsonSource } from '../../shared/spec/json-source.js';
import { camelCaseOption, optionValueProblem, type OptionDeclaration } from './option-declarations.js';
import type { ConflicterSettings } from './pending-conflicts.js';

/**
 * A run that stops before writing anything. Its message is complete (yo and continuum-gen print
 * only the message), so it lists every issue; `issues` keeps them for callers and tests.
 */
export class ContinuumRunError extends Error {
  /** The run result a --json run reports for this stop, when the run got far enough to have one. */
  runResult?: unknown;

  constructor(
    message: string,
    readonly issues: readonly SpecIssue[] = [],
    /** Files a non-interactive run refused to overwrite. */
    readonly conflicts: readonly string[] = [],
    /** The exit code continuum-gen ends with (130: interrupted by SIGINT). */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'ContinuumRunError';
  }
}

const interactiveOption: OptionDeclaration = {
  name: 'interactive',
  type: Boolean,
  description: 'Ask questions (default: only when stdin is a terminal); --no-interactive never prompts and fails on a missing value',
};

/** The folder a run starts from (where the user typed the command); undefined for --help. */
function startFolderOf(options: BaseOptions): string | undefined {
  return options.help ? undefined : (options.destinationRoot ?? (options as { env?: { cwd?: string } }).env?.cwd);
}

/**
 * Yeoman's constructor parses .yo-rc.json (this.config) and reports a syntax error by character
 * offset; check it first with the engine's parser, which reports line and column.
 */
function withParsableProjectConfig(options: BaseOptions, found: ProjectRoot | undefined): BaseOptions {
  if (found === undefined) return options;
  const path = join(found.root, CONFIG_FILE);
  if (!existsSync(path)) return options;
  try {
    parseJsonSource(readFileSync(path, 'utf8'), CONFIG_FILE);
  } catch (error) {
    if (error instanceof SpecError) throw runErrorOf(error);
    throw error;
  }
  return options;
}

/**
 * yeoman-generator logs "An error occured while running <task>" before the error itself reaches
 * yo or continuum-gen, which print it: one header, not two.
 */
function withoutTaskErrorHeader<L extends Generator['log']>(log: L): L {
  const error = (message: unknown, ...rest: unknown[]): L => {
    if (typeof message === 'string' && message.startsWith('An error occured while running ')) return wrapped;
    (log.error as (...args: unknown[]) => unknown)(message, ...rest);
    return wrapped;
  };
  const wrapped = Object.assign((...args: unknown[]) => (log as unknown as (...a: unknown[]) => unknown)(...args), log, {
    error,
  }) as unknown as L;
  return wrapped;
}

/** One message listing every issue of a SpecError. */
function runErrorOf(error: SpecError): ContinuumRunError {
  return new ContinuumRunError(describeRefusal(error), error.issues);
}

/**
 * The thin base of every continuum sub-generator: options declared once, the interactive rule,
 * project config from .yo-rc.json, the conflicter's settings. The generators write through the
 * commit pipeline (spec-commit.ts, tree-runs.ts), which the bin's fast path runs too.
 */
export abstract class ContinuumGenerator extends Generator {
  private readonly declarations = new Map<string, OptionDeclaration>();

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    // Yeoman reads .yo-rc.json while constructing; check its syntax first so an error names line and column.
    // Only methods named after a run-loop priority (initializing, prompting, ..., end) are tasks, not helpers.
    // No package-manager install: these generators write source files, never the host's root package.json.
    const start = startFolderOf(options);
    const found = start === undefined ? undefined : findProjectRoot(start);
    super(args, withParsableProjectConfig(options, found), { tasksMatchingPriority: true, customInstallTask: true, ...features });
    if (start !== undefined && found !== undefined) {
      // Paths are resolved from the project root, never from the folder the command was typed in.
      const chosen = this.chooseProjectRoot(start, found);
      this.destinationRoot(chosen.root);
      // The conflicter's status lines name files relative to the project root too.
      (this.env as unknown as { logCwd?: string }).logCwd = chosen.root;
      const notice = projectRootNotice(start, chosen);
      if (notice) this.log.writeln(notice);
    }
    this.declareOptions([interactiveOption]);
    (this as { log: Generator['log'] }).log = withoutTaskErrorHeader(this.log);
    // The environment's flag is --whitespace, but its conflicter reads ignoreWhitespace from the root generator's options.
    const own = this.options as { whitespace?: boolean; ignoreWhitespace?: boolean };
    if (own.whitespace === true && own.ignoreWhitespace === undefined) own.ignoreWhitespace = true;
  }

  /** The project root to write into, given the one found from the start folder (init refines it). */
  protected chooseProjectRoot(_start: string, found: ProjectRoot): ProjectRoot {
    return found;
  }

  /** Register options from their single declarations (flags, help, wizard questions). */
  protected declareOptions(declarations: readonly OptionDeclaration[]): void {
    for (const declaration of declarations) {
      this.declarations.set(declaration.name, declaration);
      // A wizard value keeps its default out of the flag: a flag with a value is never asked.
      const asked = declaration.prompt !== undefined && declaration.default !== undefined;
      this.option(declaration.name, {
        type: declaration.type,
        description: asked ? `${declaration.description} (default: ${String(declaration.default)})` : declaration.description,
        ...(declaration.default === undefined || asked ? {} : { default: declaration.default }),
      });
    }
  }

  /** An option's value whichever way it came in: yo (minimist, kebab case), commander or yeoman-test (camel case). */
  protected optionValue(name: string): unknown {
    const options = this.options as Record<string, unknown>;
    return options[camelCaseOption(name)] ?? options[name];
  }

  /** The run's interactivity, by the one rule (shared/interactive.ts). */
  protected get interactive(): boolean {
    const flag = this.optionValue('interactive');
    return isInteractive({ ...(typeof flag === 'boolean' ? { interactive: flag } : {}), json: this.optionValue('json') === true });
  }

  /**
   * The values of declared options: a given flag is checked and used; a missing one is asked when
   * the run is interactive. A non-interactive run missing a required value fails naming every
   * missing value, before anything is written and without waiting on stdin.
   */
  protected async resolveValues(names: readonly string[]): Promise<Record<string, string | undefined>> {
    // Keyed by camel case (access-level -> accessLevel), like the spec's own keys.
    const values: Record<string, string | undefined> = {};
    const problems: string[] = [];
    const missing: OptionDeclaration[] = [];
    for (const name of names) {
      const declaration = this.requireDeclaration(name);
      const given = this.optionValue(name);
      if (typeof given === 'string' && given !== '') {
        const problem = optionValueProblem(declaration, given);
        if (problem) problems.push(problem);
        values[camelCaseOption(name)] = given;
      } else if (this.interactive && declaration.prompt) {
        values[camelCaseOption(name)] = await this.askFor(declaration);
      } else if (declaration.required) {
        missing.push(declaration);
      } else {
        values[camelCaseOption(name)] = typeof declaration.default === 'string' ? declaration.default : undefined;
      }
    }
    if (problems.length > 0)
      throw new ContinuumRunError(
        `Invalid option value; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`,
        problems.map((message) => ({ file: COMMAND_LINE, pointer: '', message })),
      );
    if (missing.length > 0) throw this.missingValuesError(missing.map((d) => `--${d.name}: ${d.description}`));
    return values;
  }

  /** Ask one wizard question; refuses (naming the value) when the run is not interactive. */
  protected async ask<T extends string | boolean>(question: {
    name: string;
    message: string;
    type: 'input' | 'select' | 'confirm';
    choices?: readonly { name: string; value: string }[];
    default?: T;
    validate?: (value: string) => string | true | Promise<string | true>;
  }): Promise<T> {
    if (!this.interactive) throw this.missingValuesError([question.name]);
    const answers = await this.prompt([{ ...question, choices: question.choices ? [...question.choices] : undefined } as PromptQuestion]);
    return answers[question.name] as T;
  }

  private async askFor(declaration: OptionDeclaration): Promise<string | undefined> {
    const prompt = declaration.prompt!;
    const answer = await this.ask<string>({
      name: camelCaseOption(declaration.name),
      message: prompt.message,
      type: prompt.choices ? 'select' : 'input',
      choices: prompt.choices,
      default: typeof declaration.default === 'string' ? declaration.default : undefined,
      validate: (value: string) => {
        if (value.trim() === '') return declaration.required ? 'a value is required' : true;
        return prompt.validate?.(value.trim()) ?? true;
      },
    });
    const trimmed = typeof answer === 'string' ? answer.trim() : answer;
    return trimmed === '' ? undefined : trimmed;
  }

  private requireDeclaration(name: string): OptionDeclaration {
    const declaration = this.declarations.get(name);
    if (!declaration) throw new Error(`option ${name} is not declared`);
    return declaration;
  }

  private missingValuesError(names: readonly string[]): ContinuumRunError {
    return new ContinuumRunError(
      [
        'Missing values in a non-interactive run (stdin is not a terminal, or --no-interactive); nothing was written:',
        ...names.map((n) => `  missing ${n}`),
        'Pass them as options or a spec file (--spec=<file>), or run in a terminal (or with --interactive) to be asked.',
      ].join('\n'),
      names.map((n) => ({
        file: COMMAND_LINE,
        pointer: '',
        message: `missing ${n}`,
        expected: 'the value as an option, or a spec file (--spec=<file>)',
      })),
    );
  }

  /**
   * The project config: the generator-continuum entry of .yo-rc.json at the destination root
   * (read through this.fs, like this.config), validated and merged over the Continuum layout.
   */
  protected loadProjectConfig(): ProjectConfig {
    return this.reporting(() =>
      projectConfigFromText(this.fs.read(this.destinationPath(CONFIG_FILE), { defaults: null }) ?? undefined, CONFIG_FILE),
    );
  }

  /** Run a step, turning engine errors into one message that lists every issue. */
  protected reporting<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof SpecError) throw runErrorOf(error);
      throw error;
    }
  }

  /** The conflicter settings the environment will commit with (env options win over generator options). */
  protected get conflicterSettings(): ConflicterSettings {
    const fromEnv = (this.env as unknown as { conflicterOptions?: ConflicterSettings }).conflicterOptions;
    if (fromEnv) return fromEnv;
    const envOptions = (this.env as unknown as { options?: ConflicterSettings }).options ?? {};
    const own = this.options as ConflicterSettings;
    const pick = (key: keyof ConflicterSettings): boolean | undefined => envOptions[key] ?? own[key];
    return {
      force: pick('force'),
      bail: pick('bail'),
      dryRun: pick('dryRun'),
      skipYoResolve: pick('skipYoResolve'),
      ignoreWhitespace: pick('ignoreWhitespace'),
    };
  }
}
