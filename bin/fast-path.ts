/**
 * The fast path of continuum-gen: a spec-driven run (`command`, `rust-module` or `trait` with
 * --spec) planned by the engine and written through the commit pipeline both paths share
 * (generators/_shared/spec-commit.ts), without loading yeoman-environment, inquirer or ts-morph.
 * It declines (returns undefined) whenever the run needs what only the Yeoman path has: an option
 * it does not know, --help, a question, or a conflict that someone at a terminal should decide.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProjectAdapters } from '../shared/adapters/plugin-loader.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import type { ProjectConfig } from '../shared/config/project-config.js';
import type { AdapterRegistry } from '../shared/adapters/registry.js';
import { SpecError, describeRefusal } from '../shared/errors.js';
import { extraAdapterIds, onlyAdapter, planSpecRun, type SpecRun, type SpecRunOptions } from '../shared/run/spec-run.js';
import { collectSpecSources } from '../shared/run/spec-sources.js';
import { projectReader } from '../shared/write/commit.js';
import { colourEnabled } from '../shared/colour.js';
import { commitSpecRun, streamSink } from '../generators/_shared/spec-commit.js';
import { commitErrorMessage, mergeMode } from '../generators/_shared/pending-conflicts.js';

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
  settings: { force?: boolean; bail?: boolean; dryRun?: boolean; skipYoResolve?: boolean; ignoreWhitespace?: boolean; merge?: 'refuse' | 'markers' };
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
    const match = /^--(spec|cwd|adapter|merge)(?:=(.*))?$/.exec(arg);
    if (!match) return undefined;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') return undefined;
    if (match[1] === 'adapter') options.adapters.push(...extraAdapterIds(value));
    else if (match[1] === 'merge') {
      // A bad value is the Yeoman path's to report, with the option's help.
      const mode = mergeMode(value);
      if (mode === undefined) return undefined;
      options.settings.merge = mode;
    } else options[match[1] as 'spec' | 'cwd'] = value;
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
  let config: ProjectConfig;
  let registry: AdapterRegistry;
  try {
    config = projectConfigFromText(readIfExists(join(projectRoot, CONFIG_FILE)));
    ({ registry } = await loadProjectAdapters(projectRoot, config));
    const sources = collectSpecSources(options.spec!, shellCwd, projectRoot);
    run = planSpecRun(sources, {
      config,
      registry,
      extraAdapters: options.adapters,
      migrate: options.migrate,
      onlyAdapters: FAST_SUB_GENERATORS[subGenerator] ?? undefined,
      read: projectReader(projectRoot, config),
    });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(`continuum-gen: ${describeRefusal(error)}\n`);
    return 1;
  }

  const colour = colourEnabled(process.stderr);
  try {
    const outcome = await commitSpecRun(run, {
      projectRoot,
      config,
      registry,
      settings: options.settings,
      sink: streamSink(process.stderr, colour),
      colour,
      verbose: options.verbose,
      // Someone is there to answer: Yeoman's conflicter asks, file by file.
      declineWhenAsking: interactive(argv),
    });
    if (outcome === 'declined') return undefined;
    if (outcome.failure) process.stderr.write(`continuum-gen: ${outcome.failure.message}\n`);
    return outcome.failure?.exitCode ?? 0;
  } catch (error) {
    const message = commitErrorMessage(error);
    if (message === undefined) throw error;
    process.stderr.write(`continuum-gen: ${message}\n`);
    return 1;
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
