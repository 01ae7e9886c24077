/**
 * The fast path of continuum-gen: a spec-driven run (`command`, `rust-module` or `trait` with
 * --spec) planned by the engine and written through mem-fs-editor and @yeoman/conflicter (the
 * same commit pipeline yeoman-environment runs), without loading yeoman-environment, inquirer or
 * ts-morph. It declines (returns undefined) whenever the run needs what only the Yeoman path has:
 * an option it does not know, --help, a question, or a conflict that an interactive run would ask about.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { loadProjectAdapters } from '../shared/adapters/plugin-loader.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import { SpecError, describeRefusal } from '../shared/errors.js';
import { describeSpecRun, extraAdapterIds, onlyAdapter, planSpecRun, type SpecRun, type SpecRunOptions } from '../shared/run/spec-run.js';
import { collectSpecSources } from '../shared/run/spec-sources.js';
import { projectTypeIndex } from '../shared/reverse/exported-types.js';
import { nodeSourceReader } from '../shared/reverse/source-reader.js';
import { conflictRefusal, conflicterWouldAsk, unresolvedConflicts, type ConflicterSettings } from '../generators/_shared/pending-conflicts.js';
import { commitPlan } from './fast-commit.js';

/** Sub-generators the fast path can run, and the adapters each accepts (undefined: all). */
const FAST_SUB_GENERATORS: Readonly<Record<string, SpecRunOptions['onlyAdapters'] | null>> = {
  command: null,
  'rust-module': onlyAdapter('rust-ipc'),
  trait: onlyAdapter('trait-only'),
};

interface FastOptions {
  spec?: string;
  cwd?: string;
  adapters: string[];
  migrate: boolean;
  verbose: boolean;
  settings: { force?: boolean; bail?: boolean; dryRun?: boolean; skipYoResolve?: boolean; ignoreWhitespace?: boolean };
}

const BOOLEAN_FLAGS: Readonly<Record<string, (o: FastOptions) => void>> = {
  '--migrate': (o) => (o.migrate = true),
  '--verbose': (o) => (o.verbose = true),
  '--force': (o) => (o.settings.force = true),
  '--bail': (o) => (o.settings.bail = true),
  '--dry-run': (o) => (o.settings.dryRun = true),
  '--skip-yo-resolve': (o) => (o.settings.skipYoResolve = true),
  '--whitespace': (o) => (o.settings.ignoreWhitespace = true),
  '--no-interactive': () => undefined,
};

/** Parse the flags the fast path understands; undefined for anything else (the Yeoman path decides). */
function parseFastOptions(argv: readonly string[]): FastOptions | undefined {
  const options: FastOptions = { adapters: [], migrate: false, verbose: false, settings: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const boolean = BOOLEAN_FLAGS[arg];
    if (boolean) {
      boolean(options);
      continue;
    }
    const match = /^--(spec|cwd|adapter)(?:=(.*))?$/.exec(arg);
    if (!match) return undefined;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') return undefined;
    if (match[1] === 'adapter') options.adapters.push(...extraAdapterIds(value));
    else options[match[1] as 'spec' | 'cwd'] = value;
  }
  return options.spec === undefined ? undefined : options;
}

const interactive = (argv: readonly string[]): boolean => !argv.includes('--no-interactive') && process.stdin.isTTY === true;

/** Run a fast-path-eligible command line; undefined when the Yeoman path must run it instead. */
export async function fastRun(argv: readonly string[]): Promise<number | undefined> {
  const [subGenerator, ...rest] = argv;
  if (subGenerator === undefined || !(subGenerator in FAST_SUB_GENERATORS)) return undefined;
  const options = parseFastOptions(rest);
  if (!options) return undefined;
  const shellCwd = process.cwd();
  const projectRoot = resolve(shellCwd, options.cwd ?? '.');

  let run: SpecRun;
  try {
    const config = projectConfigFromText(readIfExists(join(projectRoot, CONFIG_FILE)));
    const { registry } = await loadProjectAdapters(projectRoot, config);
    const sources = collectSpecSources(options.spec!, shellCwd, projectRoot);
    run = planSpecRun(sources, {
      config,
      registry,
      extraAdapters: options.adapters,
      migrate: options.migrate,
      onlyAdapters: FAST_SUB_GENERATORS[subGenerator] ?? undefined,
      read: (path) => readIfExists(join(projectRoot, path)),
      knownTypes: projectTypeIndex(projectRoot.split(sep).join('/'), config, nodeSourceReader),
    });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(`continuum-gen: ${describeRefusal(error)}\n`);
    return 1;
  }

  const settings: ConflicterSettings = options.settings;
  if (conflicterWouldAsk(settings)) {
    const overwrite = new Set(run.overwrite);
    const conflicts = await unresolvedConflicts(run.files.filter((f) => !overwrite.has(f.path)), projectRoot, settings);
    if (conflicts.length > 0) {
      // Someone is there to answer: let Yeoman's conflicter ask, file by file.
      if (interactive(argv)) return undefined;
      process.stderr.write(`continuum-gen: ${conflictRefusal(conflicts)}
`);
      return 1;
    }
  }

  const outcome = await commitPlan(run.files, { projectRoot, overwrite: run.overwrite, settings, logFiles: options.verbose || run.results.length === 1 });
  for (const line of describeSpecRun(run, settings.dryRun === true)) process.stderr.write(`${line}\n`);
  process.stderr.write(`${outcome.summary}\n`);
  return outcome.aborted ? 1 : 0;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
