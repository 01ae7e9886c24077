/**
 * A conflict in a real terminal: continuum-gen runs in a tmux pane (a pseudo-terminal), the fast
 * path hands the run to the Yeoman path, whose conflicter asks; the test answers with keys.
 */
import { equal, match, ok } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binPath, docsReadSpec, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { repoRoot } from '../support/paths.js';

const SERVER = 'src/commands/docs/read/server/DocsReadServerCommand.ts';
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Poll the pane until `pattern` shows (bounded: the session is killed after 30 s of polling). */
async function waitFor(session: string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const screen = tmux('capture-pane', '-t', session, '-p', '-S', '-100');
    if (pattern.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the terminal never showed ${pattern}:\n${tmux('capture-pane', '-t', session, '-p', '-S', '-100')}`);
}

describe('a conflict in a pseudo-terminal (tmux): asked through the conflicter', function () {
  after(removeTempProjects);

  async function conflictedProject(): Promise<{ dir: string; spec: string; edited: string }> {
    const dir = tempProject();
    const original = JSON.parse(readFileSync(docsReadSpec, 'utf8'));
    const first = join(tempProject(), 'docs-read.json');
    writeFileSync(first, JSON.stringify(original));
    equal((await runBin(['command', `--spec=${first}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' })).code, 0);
    const edited = readFileSync(join(dir, SERVER), 'utf8').replace(
      "throw new ValidationError('path', 'is required');",
      "throw new ValidationError('path', 'is required (hand-written)');",
    );
    writeFileSync(join(dir, SERVER), edited);
    const spec = join(tempProject(), 'docs-read.json');
    original.params[0].optional = true;
    writeFileSync(spec, JSON.stringify(original));
    return { dir, spec, edited };
  }

  async function answer(key: string): Promise<{ dir: string; screen: string; edited: string }> {
    const { dir, spec, edited } = await conflictedProject();
    const session = `continuum-gen-test-${process.pid}-${key}`;
    const command = `NO_COLOR=1 FORCE_COLOR=0 ${shellQuote(process.execPath)} ${shellQuote(binPath)} command --spec=${shellQuote(spec)} --cwd=${shellQuote(dir)}; echo EXIT=$?; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', command);
    try {
      await waitFor(session, /Overwrite src\/commands\/docs\/read\/server\/DocsReadServerCommand\.ts\?/);
      tmux('send-keys', '-t', session, key, 'Enter');
      return { dir, screen: await waitFor(session, /EXIT=\d+/), edited };
    } finally {
      tmux('kill-session', '-t', session);
    }
  }

  it('y writes the merge with conflict markers and ends non-zero, naming the file to resolve', async () => {
    const { dir, screen } = await answer('y');
    match(screen, /EXIT=1/);
    match(screen, /written with conflict markers/);
    const server = readFileSync(join(dir, SERVER), 'utf8');
    match(server, /^<<<<<<< .*\(yours, on disk\)\n(?:.*\n)*?.*is required \(hand-written\)/m);
    ok(server.includes('>>>>>>> '));
  });

  it('n keeps the file as it was, and the run goes on (the control)', async () => {
    const { dir, screen, edited } = await answer('n');
    match(screen, /EXIT=0/);
    match(screen, /skip src\/commands\/docs\/read\/server\/DocsReadServerCommand\.ts \(kept, as answered\)/);
    equal(readFileSync(join(dir, SERVER), 'utf8'), edited);
  });
});
