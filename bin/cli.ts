/**
 * continuum-gen <sub-generator> [options], run by the entry (continuum-gen.cts) from the bundle of
 * this file and the fast path (dist/bin/cli.bundle.cjs, scripts/bundle.mjs). A run that needs no
 * question (a spec given, nothing to ask) takes the fast path, which loads neither
 * yeoman-environment nor inquirer; every other run, and any fast run that would need to ask about a conflict, goes through yeoman-environment
 * exactly like `yo continuum:<sub-generator>`. Both write through mem-fs-editor and Yeoman's
 * conflicter, so they report and write the same.
 */
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

let fastPathRan = false;

/** Did this run take the fast path? (The entry keeps the code cache of such runs: the ones whose start-up matters.) */
export const ranFastPath = (): boolean => fastPathRan;

async function main(argv: string[]): Promise<number> {
  const [first = '', ...rest] = argv;
  if (Object.hasOwn(AGENT_COMMANDS, first)) return AGENT_COMMANDS[first](rest);
  // CONTINUUM_GEN_PATH=yeoman forces the Yeoman path (the parity test compares the two).
  if (process.env.CONTINUUM_GEN_PATH !== 'yeoman') {
    // In the bundle (scripts/bundle.mjs): loaded, not imported.
    const { fastRun } = await import('./fast-path.js');
    const code = await fastRun(argv);
    fastPathRan = code !== undefined;
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
    process.exitCode = 1;
  }
  // Nothing may keep the process waiting (an open stdin pipe, a spinner): the run is over.
  process.exit();
}
