import { equal, ok } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

interface ReadmeCommand {
  readonly line: string;
  /** The README shows the refusal it prints (the next line is a `# continuum-gen: ... nothing was written` comment). */
  readonly refused: boolean;
  /** The block's `printf ... > file` lines before it (the README writes the spec it then runs). */
  readonly setup: readonly string[];
}

/** Every `continuum-gen ... --spec=` / `yo continuum:... --spec=` line of the README's shell blocks, without its comment. */
function readmeSpecCommands(): ReadmeCommand[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((block) => {
    const lines = block.split('\n');
    return (
      lines
        .map((raw, i) => ({
          // The command itself: no comment, and no pipe into jq after it.
          line: raw
            .replace(/\s+#.*$/, '')
            .replace(/\s+\|\s.*$/, '')
            .trim(),
          refused: /^# continuum-gen: .*nothing was written/.test(lines[i + 1] ?? ''),
          setup: lines.slice(0, i).filter((l) => /^printf .*> \S+$/.test(l)),
        }))
        // `validate` writes nothing whatever it is given (test/agent/cli-commands.test.ts runs it): only generating commands here.
        .filter(
          ({ line }) =>
            /^(continuum-gen|yo continuum:)\S* .*--spec=/.test(line) &&
            !/^continuum-gen validate /.test(line) &&
            !line.includes('.draft.json'),
        )
    );
  });
}

/** A command line as the shell would split it, with the global package folder standing for this checkout. */
function argvOf(line: string): string[] {
  const words = line.replace(/"\$\(npm root -g\)\/generator-continuum\//g, `"${repoRoot}/`).match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const unquoted = words.map((w) => w.replace(/^--spec=(["'])(.*)\1$/, '--spec=$2').replace(/^(["'])(.*)\1$/, '$2'));
  // yo continuum:<name> is continuum-gen <name>.
  return unquoted[0] === 'yo' ? [unquoted[1].slice('continuum:'.length), ...unquoted.slice(2)] : unquoted.slice(1);
}

describe("the README's --spec commands, from a user's checkout after continuum-gen init", function () {
  this.timeout(600_000);
  after(removeTempProjects);

  it('finds them (the check can fail: it sees the README)', () => {
    ok(
      readmeSpecCommands().length >= 10,
      readmeSpecCommands()
        .map((c) => c.line)
        .join('\n'),
    );
  });

  it('each one runs (with --dry-run) in a host checkout that init set up', async () => {
    const host = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n' });
    cpSync(join(fixturesDir, 'host', 'src'), join(host, 'src'), { recursive: true });
    cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(host, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
    const init = await runBin(['init', '--yes'], { cwd: host, stdin: 'closed', timeoutMs: 120_000 });
    equal(init.code, 0, init.stderr);
    for (const { line, refused, setup } of readmeSpecCommands()) {
      for (const step of setup) execFileSync('bash', ['-c', step], { cwd: host });
      const run = await runBin([...argvOf(line), '--dry-run'], { cwd: host, stdin: 'closed', timeoutMs: 120_000 });
      // A command the README shows being refused must be refused as shown; every other one must run.
      equal(run.code, refused ? 1 : 0, `${line}\n${run.stderr}`);
      if (refused) ok(/nothing was written/.test(run.stderr), run.stderr);
    }
  });
});
