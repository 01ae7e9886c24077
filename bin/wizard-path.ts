/**
 * `continuum-gen command` in a terminal without --spec (or with --spec=<file>.draft.json): the
 * wizard runs here with @inquirer/prompts, before anything heavy is loaded, so the first question
 * comes up at once; the engine loads while the user types. The spec the user confirms is then
 * generated exactly as `continuum-gen command --spec=<it>` would be (the caller hands it to the
 * fast path, or to the Yeoman path when a conflict must be asked about).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AdapterRegistry } from '../shared/adapters/registry.js';
import { accessLevelsOf } from '../shared/config/project-config.js';
import type { KnownTypes } from '../shared/reverse/exported-types.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import { findProjectRoot, projectRootNotice } from '../shared/config/project-root.js';
import { interactivityFlagsOf, isInteractive } from '../shared/interactive.js';
import { SpecError, describeRefusal } from '../shared/errors.js';
import { draftIssues, type SpecDraft } from '../shared/run/draft-check.js';
import { DraftKeeper, draftLines, isDraftFile, readDraft } from '../shared/run/draft-file.js';
import { serialiseSpec } from '../shared/spec/canonical-spec.js';
import { wizardOptionNames } from '../generators/command/command.js';
import type { Ask } from '../generators/command/wizard.js';
import { BOOLEAN_FLAGS } from './cli-flags.js';

/** Flags the wizard reads itself; --cwd and --adapter also go on to the generation. */
const VALUE_FLAGS = [...wizardOptionNames, 'draft', 'spec', 'cwd', 'adapter'];
const PASSED_ON = new Set(['cwd', 'adapter']);

interface WizardLine {
  readonly values: Readonly<Record<string, string>>;
  readonly adapters: readonly string[];
  /** What goes on to the generation of the confirmed spec. */
  readonly passOn: readonly string[];
}

/** The command line's flags, or undefined when one is not the wizard's (the Yeoman path then runs the whole command). */
function parseWizardLine(args: readonly string[]): WizardLine | undefined {
  const values: Record<string, string> = {};
  const adapters: string[] = [];
  const passOn: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--interactive') continue;
    if (BOOLEAN_FLAGS.has(arg) && arg !== '--no-interactive' && arg !== '--migrate' && arg !== '--json') {
      passOn.push(arg);
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !VALUE_FLAGS.includes(match[1])) return undefined;
    const value = match[2] ?? args[++i];
    if (value === undefined || value === '') return undefined;
    if (match[1] === 'adapter')
      adapters.push(
        ...value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      );
    else values[match[1]] = value;
    if (PASSED_ON.has(match[1])) passOn.push(`--${match[1]}=${value}`);
  }
  return { values, adapters, passOn };
}

/** Does this command line start the wizard here: `command`, in a terminal, no spec (or a draft), only the wizard's flags? */
export function wantsWizard(argv: readonly string[]): boolean {
  if (argv[0] !== 'command' || !isInteractive(interactivityFlagsOf(argv))) return false;
  const line = parseWizardLine(argv.slice(1));
  return line !== undefined && (line.values.spec === undefined || isDraftFile(line.values.spec));
}

export type WizardRun =
  | { readonly code: number }
  | {
      /** The command line that generates the confirmed spec. */
      readonly generate: readonly string[];
      /** Call with the generation's exit code: the draft goes once the files are written, else it is named. */
      readonly finish: (code: number) => void;
    };

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/** Run the wizard; see the module comment. Call only when wantsWizard(argv). */
export async function wizardRun(argv: readonly string[]): Promise<WizardRun> {
  const line = parseWizardLine(argv.slice(1))!;
  const prompts = import('@inquirer/prompts');
  const { CommandWizard, flagProblems, givenTopLevel, isPromptInterruption } = await import('../generators/command/wizard.js');
  const shellCwd = process.cwd();
  const start = resolve(shellCwd, line.values.cwd ?? '.');
  const found = findProjectRoot(start);
  const notice = projectRootNotice(start, found);
  if (notice) say(notice);

  let config;
  let startDraft: SpecDraft;
  const given = givenTopLevel((flag) => line.values[flag]);
  try {
    config = projectConfigFromText(readIfExists(join(found.root, CONFIG_FILE)));
    startDraft = line.values.spec !== undefined ? readDraft(resolve(shellCwd, line.values.spec)) : ({ version: 2, ...given } as SpecDraft);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    say(`continuum-gen: ${describeRefusal(error)}`);
    return { code: 1 };
  }
  let registry: Promise<AdapterRegistry> | undefined;
  let knownTypes: Promise<KnownTypes> | undefined;
  const check = async (draft: SpecDraft) => {
    registry ??= import('../shared/adapters/plugin-loader.js').then(
      async ({ loadProjectAdapters }) => (await loadProjectAdapters(found.root, config)).registry,
    );
    knownTypes ??= import('../shared/agent/project-run.js').then(({ projectKnownTypes }) => projectKnownTypes(found.root, config));
    return draftIssues(draft, { config, registry: await registry, extraAdapters: line.adapters, knownTypes: await knownTypes });
  };
  if (Object.keys(given).length > 0) {
    const problems = flagProblems(given, await check(startDraft));
    if (problems.length > 0) {
      say(`continuum-gen: Invalid option value; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      return { code: 1 };
    }
  }

  const drafts = new DraftKeeper(
    line.values.draft !== undefined
      ? resolve(shellCwd, line.values.draft)
      : line.values.spec !== undefined
        ? resolve(shellCwd, line.values.spec)
        : undefined,
  );
  const { input, select, confirm } = await prompts;
  const ask: Ask = async <T extends string | boolean>(question: Parameters<Ask>[0]): Promise<T> => {
    const { message, validate } = question;
    if (question.type === 'confirm') return (await confirm({ message, default: question.default as boolean | undefined })) as T;
    if (question.type === 'select')
      return (await select({
        message,
        choices: [...(question.choices ?? [])],
        default: question.default as string | undefined,
        pageSize: 12,
      })) as T;
    return (await input({ message, default: question.default as string | undefined, validate })) as T;
  };
  // Load the engine while the first question is open.
  setImmediate(() => void check({ version: 2 }).catch(() => undefined));

  const wizard = new CommandWizard(
    { ask, say, check, changed: (draft) => drafts.save(draft), accessLevels: accessLevelsOf(config) },
    startDraft,
    new Set(Object.keys(given) as Array<keyof typeof given>),
  );
  let outcome;
  try {
    outcome = await wizard.run();
  } catch (error) {
    const path = drafts.save(wizard.current);
    if (isPromptInterruption(error)) {
      say(`\n${draftLines.interrupted(path)}`);
      return { code: 130 };
    }
    say(draftLines.failed(path));
    throw error;
  }
  if (outcome.kind === 'quit') {
    const path = drafts.save(wizard.current);
    say(draftLines.stopped(path));
    return { code: 0 };
  }
  const draftPath = drafts.save(outcome.spec);
  say(draftLines.kept(draftPath));
  // The confirmed spec goes on as a plain spec file (not a draft, which would start the wizard again).
  const folder = mkdtempSync(join(tmpdir(), 'continuum-gen-wizard-'));
  const specFile = join(folder, `${outcome.spec.name.split('/').join('-')}.json`);
  writeFileSync(specFile, serialiseSpec(outcome.spec));
  return {
    // From the root found above, so the generation does not announce it a second time.
    generate: ['command', `--spec=${specFile}`, `--cwd=${found.root}`, ...line.passOn.filter((arg) => !arg.startsWith('--cwd='))],
    finish: (code) => {
      rmSync(folder, { recursive: true, force: true });
      if (code === 0) drafts.discard();
      else say(draftLines.failed(draftPath));
    },
  };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
