/**
 * The Yeoman path of continuum-gen: runs continuum:<sub-generator> through yeoman-environment
 * with this package's own compiled generators (registered by path, no global lookup), so it works
 * from a clone, an `npm link` and an installed tarball alike, and as root (where `yo` refuses).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { prepareCommand } from 'yeoman-environment';
import { listSubGenerators, type SubGenerator } from '../generators/_shared/sub-generators.js';
import { formatRunResult } from '../shared/agent/run-result.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { runErrorResult } from './run-error-result.js';
import { didYouMean } from '../shared/model/naming.js';
import { interactivityFlagsOf, isInteractive } from '../shared/interactive.js';

type Command = Awaited<ReturnType<typeof prepareCommand>>;

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The terminal adapter, except that a question in a non-interactive run is an error instead of a wait on stdin. */
async function nonInteractiveAdapter(): Promise<import('@yeoman/adapter').QueuedAdapter> {
  const { QueuedAdapter, TerminalAdapter } = await import('@yeoman/adapter');
  class NonInteractiveAdapter extends TerminalAdapter {
    override async prompt(questions: unknown): Promise<never> {
      const names = (Array.isArray(questions) ? questions : [questions]).map((q) => (q as { name?: string }).name ?? '?');
      throw new Error(
        `a question (${names.join(', ')}) came up in a non-interactive run; nothing more was written. Pass the value as an option, use --force / --dry-run for file conflicts, or run in a terminal.`,
      );
    }
  }
  return new QueuedAdapter({ adapter: new NonInteractiveAdapter() });
}

function usage(subGenerators: readonly SubGenerator[]): string {
  const width = Math.max(...subGenerators.map((s) => s.name.length));
  return [
    'Usage: continuum-gen <sub-generator> [options]',
    '',
    'Runs a generator-continuum sub-generator, the same as `yo continuum:<sub-generator>`.',
    '',
    'Sub-generators:',
    ...subGenerators.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    "Options of a sub-generator, the environment's --force, --dry-run, --bail and --skip-yo-resolve included:",
    '  continuum-gen <sub-generator> --help',
    '',
    'Other:',
    '  -h, --help     show this help',
    '  -V, --version  show the version',
    '  adapters [--cwd <folder>]  list the built-in and project-local adapters (.yo-rc.json) and what each writes',
    '  validate --spec=<file|folder|glob> [--json]  check specs as a generation would; writes nothing',
    '  schema [command-spec-v2|run-result|project-config|audit-report]  print a JSON Schema',
    '  mcp [--cwd <folder>]       an MCP server on stdio for AI agents (tools: validate, generate, reverse, audit, ...)',
    '  --json on a sub-generator  print the run result (schemas/run-result.schema.json) on stdout',
  ].join('\n');
}

/** yeoman-environment declares --cwd without a value; make it take the folder it describes. */
function giveCwdAValue(command: Command): void {
  const option = command.options.find((o) => o.long === '--cwd');
  if (option && !option.required) {
    option.flags = '--cwd <folder>';
    option.required = true;
    option.description = 'Folder to generate into, and to resolve --spec from (default: the current folder)';
  }
}

/** Run a sub-generator (or the listing and help) through yeoman-environment. */
export async function runWithYeoman(argv: string[]): Promise<number> {
  const subGenerators = await listSubGenerators();
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(`${usage(subGenerators)}\n`);
    return 1;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${usage(subGenerators)}\n`);
    return 0;
  }
  if (first === 'adapters') {
    // Not a sub-generator: a listing of the project's adapters (shared/adapters/adapter-listing.ts).
    const cwdAt = rest.findIndex((a) => a === '--cwd' || a.startsWith('--cwd='));
    const cwd = cwdAt < 0 ? undefined : rest[cwdAt].startsWith('--cwd=') ? rest[cwdAt].slice('--cwd='.length) : rest[cwdAt + 1];
    if (rest.includes('--json')) return (await import('./agent-commands.js')).adaptersJson(cwd ?? '.');
    const { projectAdapterListing } = await import('../shared/adapters/adapter-listing.js');
    process.stdout.write(await projectAdapterListing(resolve(cwd ?? '.')));
    return 0;
  }
  if (first === '--version' || first === '-V') {
    const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  const chosen = subGenerators.find((s) => s.name === first);
  if (!chosen) {
    const suggestion = didYouMean(first, [...subGenerators.map((s) => s.name), 'adapters']);
    process.stderr.write(
      `continuum-gen: unknown sub-generator ${JSON.stringify(first)}${suggestion ? `; did you mean ${suggestion}?` : '.'}\n\n${usage(subGenerators)}\n`,
    );
    return 1;
  }

  // Loaded only now: --help, --version and the listings above need none of it.
  const { createEnv, prepareCommand } = await import('yeoman-environment');
  const namespace = `continuum:${chosen.name}`;
  const command = await prepareCommand({ resolved: chosen.path, namespace });
  command.name(`continuum-gen ${chosen.name}`).description(`Generate ${chosen.summary}`).usage('[options]');
  giveCwdAValue(command);
  command.action(async function (this: Command) {
    const { cwd, ...options } = this.opts() as Record<string, unknown> & { cwd?: string };
    const interactive = isInteractive(interactivityFlagsOf(rest));
    const env = createEnv({
      cwd: cwd ? resolve(cwd) : process.cwd(),
      ...(interactive ? {} : { adapter: await nonInteractiveAdapter() }),
    });
    // Paths typed on the command line are relative to the shell's folder, not to --cwd.
    if (cwd && typeof options.spec === 'string' && options.spec !== '') options.spec = resolve(options.spec);
    env.register(chosen.path, { namespace, packagePath: packageRoot });
    await env.run([namespace, ...this.args], options);
  });
  try {
    await command.parseAsync(rest, { from: 'user' });
  } catch (error) {
    // A --json run that stops still answers with a result (audit's --json is its report instead).
    if (rest.includes('--json') && chosen.name !== 'audit') {
      const dryRun = rest.includes('--dry-run');
      process.stdout.write(formatRunResult(runErrorResult({ command: chosen.name, tool: toolInfo(), dryRun }, error)));
    }
    throw error;
  }
  return 0;
}
