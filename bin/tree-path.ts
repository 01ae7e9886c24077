/**
 * The fast path of `continuum-gen reverse` and `continuum-gen audit`: the engine's plan
 * (planReverseRun, planAuditRun) written and reported by generators/_shared/tree-runs.ts, the
 * same code the Yeoman generators run, without loading yeoman-environment or inquirer. Loaded
 * only by these runs (outside the bundle: the TypeScript compiler the engines parse with).
 * It declines (returns undefined) whenever the run needs what only the Yeoman path has: an option
 * it does not know, --help, a question, or a conflict someone at a terminal should decide.
 */
import { resolve, sep } from 'node:path';
import { formatRunResult } from '../shared/agent/run-result.js';
import { runErrorResult } from './run-error-result.js';
import { readProjectFile } from '../shared/agent/project-run.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { colourEnabled } from '../shared/colour.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import type { ProjectConfig } from '../shared/config/project-config.js';
import { findProjectRoot, projectRootNotice } from '../shared/config/project-root.js';
import { SpecError, describeRefusal } from '../shared/errors.js';
import { interactivityFlagsOf, isInteractive } from '../shared/interactive.js';
import { nodeSourceReader } from '../shared/reverse/source-reader.js';
import { planReverseRun, reverseTargetOf } from '../shared/run/reverse-run.js';
import { RunStop } from '../shared/run/run-stop.js';
import type { CommitSettings } from '../shared/write/commit.js';
import { auditFlagsOf, auditOptions } from '../generators/audit/options.js';
import { jsonResultOption } from '../generators/_shared/json-result.js';
import type { OptionDeclaration } from '../generators/_shared/option-declarations.js';
import { streamSink } from '../generators/_shared/spec-commit.js';
import { DECLINED, runAuditCommand, shownPath, writeReverseRun, type TreeFrontEnd } from '../generators/_shared/tree-runs.js';
import { reverseOptions } from '../generators/reverse/options.js';
import { progressBar } from '../generators/reverse/progress.js';

/** The environment's flags every sub-generator takes, as the commit settings they set. */
const SETTING_FLAGS: ReadonlyMap<string, keyof CommitSettings> = new Map([
  ['force', 'force'],
  ['bail', 'bail'],
  ['dry-run', 'dryRun'],
  ['skip-yo-resolve', 'skipYoResolve'],
  ['whitespace', 'ignoreWhitespace'],
]);

const interactiveFlags: readonly OptionDeclaration[] = [
  { name: 'interactive', type: Boolean, description: '' },
  { name: 'no-interactive', type: Boolean, description: '' },
];

/** A command line the fast path understands: the sub-generator's own options by name, its path argument, --cwd and the settings. */
interface TreeArgs {
  readonly values: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
  readonly cwd?: string;
  readonly settings: CommitSettings;
}

/** Parse by the sub-generator's own option declarations; undefined for anything else (the Yeoman path decides). */
function parseTreeArgs(argv: readonly string[], declared: readonly OptionDeclaration[], maxPositionals: number): TreeArgs | undefined {
  const byName = new Map([...declared, ...interactiveFlags].map((d) => [d.name, d]));
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  const settings: { -readonly [K in keyof CommitSettings]: CommitSettings[K] } = {};
  let cwd: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!match) return undefined;
    const [, name, inline] = match;
    const setting = SETTING_FLAGS.get(name);
    const declaration = byName.get(name);
    if (setting !== undefined && inline === undefined) {
      (settings as Record<string, boolean>)[setting] = true;
    } else if (declaration?.type === Boolean && inline === undefined) {
      values.set(name, true);
    } else if (declaration?.type === String || name === 'cwd') {
      const value = inline ?? argv[++i];
      // An empty or flag-like value is the Yeoman path's to report, with the option's help.
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) return undefined;
      if (name === 'cwd') cwd = value;
      else values.set(name, value);
    } else {
      return undefined;
    }
  }
  if (positionals.length > maxPositionals) return undefined;
  return { values, positionals, settings, ...(cwd !== undefined ? { cwd } : {}) };
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** The project a run works in, as the Yeoman generators find it: the root (noticed on stderr) and its config. */
function openProject(args: TreeArgs): { readonly start: string; readonly root: string; readonly config: ProjectConfig } {
  const start = resolve(process.cwd(), args.cwd ?? '.');
  const found = findProjectRoot(start);
  const notice = projectRootNotice(start, found);
  if (notice) process.stderr.write(`${notice}\n`);
  try {
    return { start, root: toPosix(found.root), config: projectConfigFromText(readProjectFile(found.root, CONFIG_FILE), CONFIG_FILE) };
  } catch (error) {
    if (error instanceof SpecError) throw new RunStop(describeRefusal(error), error.issues);
    throw error;
  }
}

function frontEndOf(root: string, config: ProjectConfig, args: TreeArgs, argv: readonly string[]): TreeFrontEnd {
  const colour = colourEnabled(process.stderr);
  return {
    projectRoot: root,
    config,
    settings: args.settings,
    sink: streamSink(process.stderr, colour),
    colour,
    stdout: (text) => process.stdout.write(text),
    // Nobody is asked here: a run that should ask about a conflict goes to the Yeoman path.
    declineWhenAsking: isInteractive(interactivityFlagsOf(argv)),
  };
}

async function fastReverse(argv: readonly string[]): Promise<number | undefined> {
  const args = parseTreeArgs(argv, [...Object.values(reverseOptions), jsonResultOption], 1);
  if (!args) return undefined;
  const fromShell = (path: string): string => toPosix(resolve(process.cwd(), args.cwd ?? '.', path));
  // The path is asked, or reported missing with the option's help, by the Yeoman path.
  const target = reverseTargetOf({ path: args.positionals[0], fromV1: args.values.get('from-v1') }, fromShell);
  if (!target) return undefined;
  const { root, config } = openProject(args);
  const run = planReverseRun({
    projectRoot: root,
    config,
    target,
    missingOnly: args.values.get('missing-only') === true,
    reader: nodeSourceReader,
    progress: (total) => progressBar(total, process.stderr),
    shown: (path) => shownPath(root, path),
  });
  const output = { stdout: args.values.get('stdout') === true, json: args.values.get('json') === true };
  return (await writeReverseRun(run, output, frontEndOf(root, config, args, argv))) === DECLINED ? undefined : 0;
}

async function fastAudit(argv: readonly string[]): Promise<number | undefined> {
  const args = parseTreeArgs(argv, Object.values(auditOptions), 0);
  if (!args) return undefined;
  const fromShell = (path: string): string => toPosix(resolve(process.cwd(), args.cwd ?? '.', path));
  const { root, config } = openProject(args);
  const flags = auditFlagsOf((name) => args.values.get(name));
  return (await runAuditCommand(flags, frontEndOf(root, config, args, argv), fromShell)) === DECLINED ? undefined : 0;
}

const TREE_RUNS: ReadonlyMap<string, (argv: readonly string[]) => Promise<number | undefined>> = new Map([
  ['reverse', fastReverse],
  ['audit', fastAudit],
]);

/**
 * Run `reverse` or `audit` on the fast path; undefined when the Yeoman path must run it instead.
 * A run that stops throws (the bin prints its message); a --json reverse says so on stdout first,
 * as the Yeoman path does.
 */
export async function fastTreeRun(argv: readonly string[]): Promise<number | undefined> {
  const [subGenerator, ...rest] = argv;
  const run = subGenerator === undefined ? undefined : TREE_RUNS.get(subGenerator);
  if (!run) return undefined;
  try {
    return await run(rest);
  } catch (error) {
    if (subGenerator === 'reverse' && rest.includes('--json')) {
      process.stdout.write(
        formatRunResult(runErrorResult({ command: subGenerator, tool: toolInfo(), dryRun: rest.includes('--dry-run') }, error)),
      );
    }
    throw error;
  }
}
