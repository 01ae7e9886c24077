#!/usr/bin/env node
/**
 * continuum-gen <sub-generator> [options]. A run that needs no question (a spec given, nothing
 * to ask) takes the fast path, which loads neither yeoman-environment nor inquirer; every other
 * run, and any fast run that would need to ask about a conflict, goes through yeoman-environment
 * exactly like `yo continuum:<sub-generator>`. Both write through mem-fs-editor and Yeoman's
 * conflicter, so they report and write the same.
 */

import { colourEnabled } from '../shared/colour.js';

/** Commands for agents and scripts, each module loaded only when its command runs (the fast path never loads the MCP SDK). */
const AGENT_COMMANDS: Readonly<Record<string, (rest: string[]) => Promise<number>>> = {
  mcp: async (rest) => (await import('./mcp-server.js')).runMcpServer(rest),
  validate: async (rest) => (await import('./agent-commands.js')).validateCommand(rest),
  schema: async (rest) => (await import('./agent-commands.js')).schemaCommand(rest),
};

async function main(argv: string[]): Promise<number> {
  // One colour rule for everything this process prints, chalk (Yeoman's logger) included.
  process.env.FORCE_COLOR = colourEnabled(process.stderr, process.env, argv) ? (['1', '2', '3'].includes(process.env.FORCE_COLOR ?? '') ? process.env.FORCE_COLOR : '1') : '0';
  argv = argv.filter((a) => a !== '--no-color' && a !== '--color');
  const [first = '', ...rest] = argv;
  if (Object.hasOwn(AGENT_COMMANDS, first)) return AGENT_COMMANDS[first](rest);
  // CONTINUUM_GEN_PATH=yeoman forces the Yeoman path (the parity test compares the two).
  if (process.env.CONTINUUM_GEN_PATH !== 'yeoman') {
    // The wizard in a terminal: asked here, before the fast path or Yeoman is loaded.
    const { wantsWizard, wizardRun } = await import('./wizard-path.js');
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

async function generate(argv: string[]): Promise<number> {
  if (process.env.CONTINUUM_GEN_PATH !== 'yeoman') {
    const { fastRun } = await import('./fast-path.js');
    const code = await fastRun(argv);
    if (code !== undefined) return code;
  }
  const { runWithYeoman } = await import('./yeoman-path.js');
  return runWithYeoman(argv);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`continuum-gen: ${error instanceof Error ? error.message : String(error)}\n`);
  const code = (error as { exitCode?: unknown }).exitCode;
  process.exitCode = typeof code === 'number' ? code : 1;
}
// Nothing may keep the process waiting (an open stdin pipe, a spinner): the run is over.
process.exit();
