import { spawn } from 'node:child_process';

export interface TerminalStep {
  /** Wait until the output (colours stripped) matches this. */
  readonly waitFor: RegExp;
  /** Then type this (\r is Enter, \x03 is Ctrl-C). */
  readonly send: string;
}

export interface TerminalRun {
  readonly code: number | null;
  /** Everything the program printed, colours and cursor moves stripped. */
  readonly output: string;
  /** When each step's text showed up, in milliseconds after the start (for bench/, never asserted). */
  readonly seenAtMs: readonly number[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Za-z0-9]/g;
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Run a program in a pseudo-terminal (util-linux `script`), as a user at a keyboard would: wait
 * for each prompt, type the answer. A step that never sees its text fails the run after
 * `stepTimeoutMs` (a guard against a hang, not a time the program is held to).
 */
export function runInTerminal(
  command: string,
  args: readonly string[],
  options: { cwd: string; steps: readonly TerminalStep[]; env?: Record<string, string>; stepTimeoutMs?: number },
): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const line = [command, ...args].map(quote).join(' ');
    const child = spawn('script', ['-qefc', line, '/dev/null'], {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TERM: 'xterm', COLUMNS: '200', ...options.env },
    });
    let raw = '';
    const text = (): string => raw.replace(ANSI, '');
    child.stdout.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    let step = 0;
    let seenUpTo = 0;
    let waitedMs = 0;
    const startedAt = Date.now();
    const seenAtMs: number[] = [];
    const timer = setInterval(() => {
      if (step >= options.steps.length) return;
      const { waitFor, send } = options.steps[step];
      const match = waitFor.exec(text().slice(seenUpTo));
      if (match) {
        seenUpTo += match.index + match[0].length;
        seenAtMs.push(Date.now() - startedAt);
        child.stdin.write(send);
        step++;
        waitedMs = 0;
      } else if ((waitedMs += 25) > (options.stepTimeoutMs ?? 60_000)) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`never saw ${waitFor} (step ${step + 1}); the terminal shows:\n${text()}`));
      }
    }, 25);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (step < options.steps.length)
        reject(new Error(`the program ended (code ${code}) before ${options.steps[step].waitFor}; the terminal shows:\n${text()}`));
      else resolve({ code, output: text(), seenAtMs });
    });
  });
}
