/**
 * continuum-gen <sub-generator> [options], run by the entry (continuum-gen.cts) from the bundle of
 * this file and the fast path (dist/bin/cli.bundle.cjs, scripts/bundle.mjs). A run that needs no
 * question (a spec given, nothing to ask) takes the fast path, which loads neither
 * yeoman-environment nor inquirer; every other run, and any fast run that would need to ask about a conflict, goes through yeoman-environment
 * exactly like `yo continuum:<sub-generator>`. Both write through mem-fs-editor and Yeoman's
 * conflicter, so they report and write the same.
 */
import { colourEnabled } from '../shared/colour.js';
import { importModule, useImporter } from '../shared/import-module.js';

export { useImporter };

/** A module beside this one, outside the bundle: the files tsc writes to dist/bin/. */
const besideThis = <T>(file: string): Promise<T> => importModule<T>(new URL(file, import.meta.url).href);

/** Commands for agents and scripts, each module loaded only when its command runs (the fast path never loads the MCP SDK). */
const AGENT_COMMANDS: Readonly<Record<string, (rest: string[]) => Promise<number>>> = {
  mcp: async (rest) => (await besideThis<typeof import('./mcp-server.js')>('./mcp-server.js')).runMcpServer(rest),
  validate: async (rest) => (await besideThis<typeof import('./agent-commands.js')>('./agent-commands.js')).validateCommand(rest),
  schema: async (rest) => (await besideThis<typeof import('./agent-commands.js')>('./agent-commands.js')).schemaCommand(rest),
};

/** Sub-generators whose fast path (bin/tree-path.ts, bundled apart: dist/bin/tree.bundle.mjs) reads the project's code: loaded only by their runs. */
const TREE_SUB_GENERATORS: ReadonlySet<string> = new Set(['reverse', 'audit']);

let fastPathRan = false;

/** Did this run take the fast path in the bundle? (The entry keeps the code cache of such runs: the ones whose start-up matters.) */
export const ranFastPath = (): boolean => fastPathRan;

async function main(argv: string[]): Promise<number> {
  // One colour rule for everything this process prints, chalk (Yeoman's logger) included.
  process.env.FORCE_COLOR = colourEnabled(process.stderr, process.env, argv)
    ? ['1', '2', '3'].includes(process.env.FORCE_COLOR ?? '')
      ? process.env.FORCE_COLOR
      : '1'
    : '0';
  argv = argv.filter((a) => a !== '--no-color' && a !== '--color');
  const [first = '', ...rest] = argv;
  if (Object.hasOwn(AGENT_COMMANDS, first)) return AGENT_COMMANDS[first](rest);
  // The wizard in a terminal: asked here, before the fast path or Yeoman is loaded. Only a
  // `command` run in a terminal loads the wizard's module (outside the bundle, with inquirer).
  if (process.env.CONTINUUM_GEN_PATH !== 'yeoman' && first === 'command' && process.stdin.isTTY === true) {
    const { wantsWizard, wizardRun } = await besideThis<typeof import('./wizard-path.js')>('./wizard-path.js');
    if (wantsWizard(argv)) {
      const wizard = await wizardRun(argv);
      if ('code' in wizard) return wizard.code;
      const code = await generate([...wizard.generate]);
      wizard.finish(code);
      return code;
    }
  }
  return generate(argv);
}

/** The fast path of a sub-generator: reverse and audit load theirs beside the bundle; the spec-driven one is in it. */
async function fastRunOf(subGenerator: string): Promise<(argv: string[]) => Promise<number | undefined>> {
  if (TREE_SUB_GENERATORS.has(subGenerator)) return (await besideThis<typeof import('./tree-path.js')>('./tree.bundle.mjs')).fastTreeRun;
  // In the bundle (scripts/bundle.mjs): loaded, not imported.
  return (await import('./fast-path.js')).fastRun;
}

async function generate(argv: string[]): Promise<number> {
  // CONTINUUM_GEN_PATH=yeoman forces the Yeoman path (the parity test compares the two).
  if (process.env.CONTINUUM_GEN_PATH !== 'yeoman') {
    const fastRun = await fastRunOf(argv[0] ?? '');
    const code = await fastRun(argv);
    // The bundle's code cache is kept from a spec-driven run: reverse and audit run little of the bundle's code.
    fastPathRan = code !== undefined && !TREE_SUB_GENERATORS.has(argv[0] ?? '');
    if (code !== undefined) return code;
  }
  const { runWithYeoman } = await besideThis<typeof import('./yeoman-path.js')>('./yeoman-path.js');
  return runWithYeoman(argv);
}

/** Run one command line and end the process with its exit code. */
export async function runCli(argv: string[]): Promise<never> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    process.stderr.write(`continuum-gen: ${error instanceof Error ? error.message : String(error)}\n`);
    const code = (error as { exitCode?: unknown }).exitCode;
    process.exitCode = typeof code === 'number' ? code : 1;
  }
  // Nothing may keep the process waiting (an open stdin pipe, a spinner): the run is over.
  process.exit();
}
