import { equal, ok } from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

/** Every `continuum-gen ... --spec=` / `yo continuum:... --spec=` line of the README's shell blocks, without its comment. */
function readmeSpecCommands(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(continuum-gen|yo continuum:)\S* .*--spec=/.test(line) && !line.includes('.draft.json'));
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
    ok(readmeSpecCommands().length >= 10, readmeSpecCommands().join('\n'));
  });

  it('each one runs (with --dry-run) in a host checkout that init set up', async () => {
    const host = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n' });
    cpSync(join(fixturesDir, 'host', 'src'), join(host, 'src'), { recursive: true });
    cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(host, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
    const init = await runBin(['init', '--yes'], { cwd: host, stdin: 'closed', timeoutMs: 120_000 });
    equal(init.code, 0, init.stderr);
    for (const line of readmeSpecCommands()) {
      const run = await runBin([...argvOf(line), '--dry-run'], { cwd: host, stdin: 'closed', timeoutMs: 120_000 });
      equal(run.code, 0, `${line}\n${run.stderr}`);
    }
  });
});
