/**
 * Whether output may carry ANSI colours, one rule for every front end: --no-color / --color,
 * then FORCE_COLOR (0 or false turns colours off, as in Node), then NO_COLOR (any non-empty
 * value, https://no-color.org), then whether the stream is a terminal.
 */
export function colourEnabled(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
  argv: readonly string[] = process.argv,
): boolean {
  const flag = [...argv].reverse().find((a) => a === '--no-color' || a === '--color');
  if (flag) return flag === '--color';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** Wrap text in an SGR colour when colours are on (the code closes with 39, or 49 for backgrounds). */
export function paint(on: boolean, code: string, text: string): string {
  if (!on) return text;
  const close = code.startsWith('4') ? '49' : '39';
  return `\u001b[${code}m${text}\u001b[${close}m`;
}
