import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deepStrictEqual, equal, match, ok, rejects, throws } from 'node:assert/strict';
import helpers from 'yeoman-test';
import { GitProblem, newCommandFolders, repositoryOf, resolveBase } from '../../shared/audit/git.js';
import { HOOK_BEGIN, HOOK_END, hookBlock, withHookBlock } from '../../shared/audit/pre-commit-hook.js';
import { fromRepoRoot, recordingSpyFactory, removeTempProjects, tempProject } from '../support/generator-run.js';
import { jsonReport } from '../../shared/audit/report.js';
import { auditGenerator, auditOf, auditTree, git, initRepository, placed, reportContext, reportValidator } from './support.js';

const LAB = 'src/commands/lab';

/** A command folder with a Types file the reverse engine reads (accessor, params, result). */
function writeCommand(dir: string, name: string, className: string): void {
  const folder = join(dir, 'src/commands', name, 'shared');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, `${className}Types.ts`),
    [
      "import type { CommandParams, CommandResult, CommandInput } from '@system/core/types/JTAGTypes';",
      "import { Commands } from '@system/core/shared/Commands';",
      '',
      `export interface ${className}Params extends CommandParams {`,
      '  target: string;',
      '}',
      '',
      `export interface ${className}Result extends CommandResult {`,
      '  success: boolean;',
      '}',
      '',
      `export const ${className} = {`,
      `  execute(params: CommandInput<${className}Params>): Promise<${className}Result> {`,
      `    return Commands.execute<${className}Params, ${className}Result>('${name}', params as Partial<${className}Params>);`,
      '  },',
      `  commandName: '${name}' as const,`,
      '} as const;',
      '',
    ].join('\n'),
  );
}

/**
 * The fixture tree committed on main, then: lab/branchy committed on a feature branch, lab/staged
 * staged, lab/fresh untracked, lab/specced untracked with its spec, and a new file in the old
 * lab/anytypes (still an old folder).
 */
function enforceRepository(): string {
  const dir = tempProject();
  cpSync(auditTree, dir, { recursive: true });
  initRepository(dir);
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeCommand(dir, 'lab/branchy', 'LabBranchy');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'branchy');
  writeCommand(dir, 'lab/staged', 'LabStaged');
  git(dir, 'add', 'src/commands/lab/staged');
  writeCommand(dir, 'lab/fresh', 'LabFresh');
  writeCommand(dir, 'lab/specced', 'LabSpecced');
  writeFileSync(
    join(dir, 'src/generator/specs/lab-specced.json'),
    JSON.stringify({ version: 2, name: 'lab/specced', description: 'Has its spec', params: [{ name: 'target', type: 'string' }] }, null, 2),
  );
  writeFileSync(join(dir, LAB, 'anytypes/README.md'), '# lab/anytypes\n');
  return dir;
}

function enforceAudit(dir: string, base?: string) {
  const repository = repositoryOf(dir);
  const resolved = resolveBase(repository, base);
  return {
    resolved,
    result: auditOf(dir, { mode: 'enforce', classifyNew: (folders) => newCommandFolders(repository, 'src/commands', folders, resolved) }),
  };
}

function runAuditGenerator(dir: string, options: Record<string, unknown>) {
  fromRepoRoot();
  return helpers
    .run(auditGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withOptions({ interactive: false, ...options } as Record<string, unknown>)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

/** Everything the generator logged, one string. */
const logged = (result: { env: unknown }): string =>
  ((result.env as { adapter: { log: { calls: unknown[][] } } }).adapter.log.calls ?? []).map((c) => String(c[0])).join('\n');

describe('audit --enforce in a real git repository', () => {
  after(removeTempProjects);

  it('new folders (untracked, staged, committed on the branch) without a spec fail; old ones warn; a new folder with its spec passes', () => {
    const dir = enforceRepository();
    const { resolved, result } = enforceAudit(dir);
    match(resolved.label, /^merge-base with main \(/);
    deepStrictEqual(placed(result.findings), [
      `${LAB}/anytypes/shared/LabAnytypesTypes.ts:1 CG001-missing-spec`,
      `${LAB}/branchy/shared/LabBranchyTypes.ts:1 CG015-new-command-without-spec`,
      `${LAB}/fresh/shared/LabFreshTypes.ts:1 CG015-new-command-without-spec`,
      `${LAB}/staged/shared/LabStagedTypes.ts:1 CG015-new-command-without-spec`,
    ]);
    const newOnes = Object.fromEntries(result.commands.filter((c) => c.newBecause !== undefined).map((c) => [c.name, c.newBecause]));
    deepStrictEqual(Object.keys(newOnes).sort(), ['lab/branchy', 'lab/fresh', 'lab/specced', 'lab/staged']);
    deepStrictEqual([newOnes['lab/fresh'], newOnes['lab/specced'], newOnes['lab/staged']], ['untracked', 'untracked', 'staged']);
    match(newOnes['lab/branchy']!, /^added since merge-base with main/);
    const fresh = result.findings.find((f) => f.command === 'lab/fresh')!;
    equal(fresh.severity, 'error');
    match(fresh.message, /new command lab\/fresh \(untracked\) has no spec in src\/generator\/specs/);
    ok(fresh.message.includes('continuum-gen reverse src/commands/lab/fresh'), fresh.message);
    ok(fresh.message.includes('yo continuum:command --name=lab/fresh'), fresh.message);
    equal(result.findings.find((f) => f.command === 'lab/anytypes')?.severity, 'warning');
    const report = jsonReport(result, { ...reportContext, base: resolved.label }) as {
      mode: string;
      base: string;
      commands: { name: string; new?: string }[];
    };
    deepStrictEqual(reportValidator()(report), []);
    deepStrictEqual(
      [report.mode, report.base, report.commands.find((c) => c.name === 'lab/staged')?.new],
      ['enforce', resolved.label, 'staged'],
    );
  });

  it('--base: main gives the same answer as the default; HEAD makes the branch commit old', () => {
    const dir = enforceRepository();
    deepStrictEqual(placed(enforceAudit(dir, 'main').result.findings), placed(enforceAudit(dir).result.findings));
    const head = enforceAudit(dir, 'HEAD').result;
    deepStrictEqual(
      head.findings.map((f) => `${f.command} ${f.ruleId}`),
      [
        'lab/anytypes CG001-missing-spec',
        'lab/branchy CG001-missing-spec',
        'lab/fresh CG015-new-command-without-spec',
        'lab/staged CG015-new-command-without-spec',
      ],
    );
  });

  it('a repository without commits: every command folder is new', () => {
    const dir = tempProject();
    cpSync(auditTree, dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    const { result } = enforceAudit(dir);
    deepStrictEqual(
      result.findings.map((f) => `${f.command} ${f.ruleId}`),
      [
        'lab/anytypes CG015-new-command-without-spec',
        'lab/copied CG015-new-command-without-spec',
        'lab/copied CG018-duplicate-command',
        'lab/copied CG017-folder-name-mismatch',
      ],
    );
  });

  it('enforcement is by folder: a new folder copied from another command (its accessor still names the old one) fails', () => {
    const dir = tempProject();
    cpSync(auditTree, dir, { recursive: true });
    initRepository(dir);
    cpSync(join(dir, 'src/commands/docs/read'), join(dir, 'src/commands/docs/clone'), { recursive: true });
    const { result } = enforceAudit(dir);
    deepStrictEqual(
      result.findings.filter((f) => f.folder === 'src/commands/docs/clone').map((f) => `${f.command} ${f.ruleId} ${f.severity}`),
      [
        'docs/clone CG015-new-command-without-spec error',
        'docs/clone CG018-duplicate-command error',
        'docs/clone CG017-folder-name-mismatch warning',
      ],
    );
    match(
      result.findings.find((f) => f.ruleId === 'CG018-duplicate-command' && f.folder === 'src/commands/docs/clone')!.message,
      /claims the command name "docs\/read", which src\/commands\/docs\/read already has/,
    );
    // The old copy already in the tree (lab/copied) is the full audit's to report, not the guard's.
    deepStrictEqual(
      result.findings.filter((f) => f.folder === 'src/commands/lab/copied'),
      [],
    );
    // Its spec, named by its folder, makes it pass the guard (the name mismatch stays a warning).
    writeFileSync(
      join(dir, 'src/generator/specs/docs-clone.json'),
      readFileSync(join(dir, 'src/generator/specs/docs-read.json'), 'utf8').replace('"docs/read"', '"docs/clone"'),
    );
    deepStrictEqual(
      enforceAudit(dir)
        .result.findings.filter((f) => f.folder === 'src/commands/docs/clone')
        .map((f) => f.ruleId),
      ['CG018-duplicate-command', 'CG017-folder-name-mismatch'],
    );
  });

  it('refuses clearly outside a repository and on a ref that is not a commit', () => {
    throws(
      () => repositoryOf(tempProject()),
      (error: Error) => error instanceof GitProblem && /not inside a git repository/.test(error.message),
    );
    const dir = enforceRepository();
    throws(() => resolveBase(repositoryOf(dir), 'no-such-branch'), /--base=no-such-branch does not name a commit/);
  });

  it('the generator fails the run naming the fix; passes when only old folders lack a spec', async () => {
    const dir = enforceRepository();
    await rejects(
      runAuditGenerator(dir, { enforce: true }),
      /audit --enforce failed \(--fail-on=error\): 3 new command folder\(s\) without a spec/,
    );
    rmSync(join(dir, LAB, 'fresh'), { recursive: true });
    git(dir, 'rm', '-q', '-r', '--cached', 'src/commands/lab/staged');
    rmSync(join(dir, LAB, 'staged'), { recursive: true });
    const passing = await runAuditGenerator(dir, { enforce: true, base: 'HEAD' });
    const log = logged(passing);
    match(log, /warning CG001-missing-spec: lab\/branchy has no spec/);
    match(log, /0 new commands without a spec \(fail\)/);
    match(log, /2 existing commands without a spec \(warn: migration in progress\)/);
  });
});

describe('audit --install-hook', () => {
  after(removeTempProjects);

  const hookFile = (dir: string, ...path: string[]): string => join(dir, ...path);

  it('git hooks: creates an executable pre-commit hook; a second run changes nothing', async () => {
    const dir = tempProject({ 'README.md': '# host\n' });
    initRepository(dir);
    await runAuditGenerator(dir, { installHook: true });
    const path = hookFile(dir, '.git', 'hooks', 'pre-commit');
    const first = readFileSync(path, 'utf8');
    equal(first, `#!/usr/bin/env sh\n\n${hookBlock('')}\n`);
    ok((statSync(path).mode & 0o111) !== 0, 'executable');
    equal(spawnSync('sh', ['-n', path]).status, 0, 'valid shell');
    const mtime = statSync(path).mtimeMs;
    const again = await runAuditGenerator(dir, { installHook: true });
    equal(readFileSync(path, 'utf8'), first);
    equal(statSync(path).mtimeMs, mtime, 'not rewritten');
    match(logged(again), /pre-commit hook \(git\): \.git\/hooks\/pre-commit unchanged/);
  });

  it('keeps an existing hook: the block is appended once, then left alone', async () => {
    const dir = tempProject({ 'README.md': '# host\n' });
    initRepository(dir);
    const path = hookFile(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(path, '#!/bin/sh\nnpm run lint\n', { mode: 0o755 });
    await runAuditGenerator(dir, { installHook: true });
    const after = readFileSync(path, 'utf8');
    equal(after, `#!/bin/sh\nnpm run lint\n\n${hookBlock('')}\n`);
    await runAuditGenerator(dir, { installHook: true });
    equal(readFileSync(path, 'utf8'), after);
    equal(after.split(HOOK_BEGIN).length, 2, 'one block');
  });

  it("husky: writes .husky/pre-commit, keeping what is there, and never git's own hook", async () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: 'host', devDependencies: { husky: '^9.0.0' } }),
      '.husky/pre-commit': 'npm test\n',
    });
    initRepository(dir);
    await runAuditGenerator(dir, { installHook: true });
    const path = hookFile(dir, '.husky', 'pre-commit');
    const after = readFileSync(path, 'utf8');
    equal(after, `npm test\n\n${hookBlock('')}\n`);
    equal(existsSync(hookFile(dir, '.git', 'hooks', 'pre-commit')), false);
    await runAuditGenerator(dir, { installHook: true });
    equal(readFileSync(path, 'utf8'), after);
  });

  it('the block: a project in a sub-folder is entered first; an outdated block is replaced in place', () => {
    match(hookBlock('packages/host'), /^\(cd 'packages\/host' && npx --no-install continuum-gen audit --enforce\) \|\| exit 1$/m);
    const old = `#!/bin/sh\necho before\n${HOOK_BEGIN}\nold command\n${HOOK_END}\necho after\n`;
    equal(withHookBlock(old, hookBlock('')), `#!/bin/sh\necho before\n${hookBlock('')}\necho after\n`);
    equal(withHookBlock(withHookBlock(old, hookBlock('')), hookBlock('')), withHookBlock(old, hookBlock('')));
  });
});
