/** What a run was told about asking: `--interactive` / `--no-interactive` (undefined: neither), and `--json`. */
export interface InteractivityFlags {
  readonly interactive?: boolean;
  readonly json?: boolean;
}

/**
 * The one rule for whether a run may ask questions, on the Yeoman path and the bin's alike:
 * --interactive / --no-interactive decide; a --json run is a machine's (its stdout is the result,
 * never a question); otherwise only when stdin is a terminal.
 */
export function isInteractive(flags: InteractivityFlags, stdin: { readonly isTTY?: boolean } = process.stdin): boolean {
  if (flags.interactive !== undefined) return flags.interactive;
  if (flags.json === true) return false;
  return stdin.isTTY === true;
}

/** The interactivity flags of a command line (the last of --interactive / --no-interactive wins, as in Yeoman's parser). */
export function interactivityFlagsOf(argv: readonly string[]): InteractivityFlags {
  let interactive: boolean | undefined;
  for (const arg of argv) {
    if (arg === '--interactive') interactive = true;
    else if (arg === '--no-interactive') interactive = false;
  }
  return { ...(interactive !== undefined ? { interactive } : {}), json: argv.includes('--json') };
}
