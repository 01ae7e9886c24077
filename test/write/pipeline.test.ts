/**
 * The write pipeline through the real continuum-gen: nothing outside the project, all or nothing
 * under faults (a name the file system cannot hold, a full disk, SIGKILL, SIGINT) and output that
 * tells the truth. Faults are injected by test/support/fault-hook.ts into node:fs.
 */
import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import helpers from 'yeoman-test';
import {
  binPath,
  commandGenerator,
  docsReadFiles,
  docsReadSpec,
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
  type BinRun,
} from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';
import type { EditableSpec } from '../support/editable-spec.js';

const SERVER = 'src/commands/docs/read/server/DocsReadServerCommand.ts';
const TYPES = 'src/commands/docs/read/shared/DocsReadTypes.ts';
const faultHook = pathToFileURL(join(repoRoot, 'dist', 'test', 'support', 'fault-hook.js')).href;
const bothPaths: ReadonlyArray<[string, Record<string, string>]> = [
  ['fast path', {}],
  ['Yeoman path', { CONTINUUM_GEN_PATH: 'yeoman' }],
];

/** A project-free copy of the docs/read spec, changed by `change`. */
function specFile(change: (spec: EditableSpec) => void = () => undefined): string {
  const spec = JSON.parse(readFileSync(docsReadSpec, 'utf8'));
  change(spec);
  const path = join(tempProject(), 'docs-read.json');
  writeFileSync(path, JSON.stringify(spec, null, 2));
  return path;
}

/** Run continuum-gen with the fault hook loaded; when the child prints FAULT-READY, `then` runs and the child's stdin is closed (which ends a stall). */
function runWithFault(
  args: readonly string[],
  fault: string,
  then: (child: ReturnType<typeof spawn>) => void,
): Promise<BinRun & { sawFault: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', faultHook, binPath, ...args], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', CONTINUUM_FAULT: fault },
    });
    let stdout = '';
    let stderr = '';
    let sawFault = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (!sawFault && stderr.includes('FAULT-READY')) {
        sawFault = true;
        then(child);
        child.stdin!.end();
      }
    });
    // Closing stdin of a child already killed is no failure.
    child.stdin!.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === 'SIGKILL' ? 137 : null), stdout, stderr, timedOut: false, sawFault });
    });
  });
}

const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshotFiles(dir)).map(([p, f]) => [p, f.content]));

describe('nothing outside the project (both paths)', function () {
  after(removeTempProjects);

  for (const [path, env] of bothPaths) {
    it(`${path}: a symlinked commands folder is refused with its path, nothing written anywhere; allowSymlinks lets it through`, async () => {
      const outside = tempProject();
      const dir = tempProject();
      symlinkSync(outside, join(dir, 'src'));
      const run = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env });
      equal(run.code, 1, run.stderr);
      match(run.stderr, /would write src\/commands\/docs\/read\/README\.md, which goes through the symbolic link src \(-> /);
      match(run.stderr, /"src" in allowSymlinks of \.yo-rc\.json/);
      equal((run.stderr.match(/continuum-gen:/g) ?? []).length, 1, 'one error header');
      equal(run.stderr.includes('An error occured'), false, 'no second header from yeoman-generator');
      deepStrictEqual(listFiles(outside), []);

      writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-continuum': { allowSymlinks: ['src'] } }));
      const allowed = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env });
      equal(allowed.code, 0, allowed.stderr);
      ok(listFiles(outside).includes('commands/docs/read/README.md'));
    });

    it(`${path}: a dangling symlink where a generated file goes is refused, and creates nothing where it points`, async () => {
      const dir = tempProject();
      const target = join(tempProject(), 'created-through-the-link.ts');
      const link = join(dir, 'src/commands/docs/read/README.md');
      writeFileSync(join(dir, 'placeholder'), '');
      mkdirSync(join(dir, 'src/commands/docs/read'), { recursive: true });
      symlinkSync(target, link);
      const run = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`, '--force'], { cwd: repoRoot, stdin: 'closed', env });
      equal(run.code, 1, run.stderr);
      match(run.stderr, /README\.md, which goes through the symbolic link src\/commands\/docs\/read\/README\.md/);
      equal(existsSync(target), false);
      ok(lstatSync(link).isSymbolicLink());
      deepStrictEqual(listFiles(dir), ['placeholder', 'src/commands/docs/read/README.md']);
    });
  }

  it('a symlinked mod.rs (a shared file the generator edits) is neither read nor written through', async () => {
    const dir = tempProject();
    cpSync(join(fixturesDir, 'host', 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(dir, 'src/workers/continuum-core/src'), { recursive: true });
    const modRs = 'src/workers/continuum-core/src/modules/mod.rs';
    const outside = join(tempProject(), 'mod.rs');
    writeFileSync(outside, readFileSync(join(dir, modRs), 'utf8'));
    rmSync(join(dir, modRs));
    symlinkSync(outside, join(dir, modRs));
    const before = readFileSync(outside, 'utf8');
    const run = await runBin(['rust-module', `--spec=${join(repoRoot, 'specs', 'gpu-stats.json')}`, `--cwd=${dir}`], {
      cwd: repoRoot,
      stdin: 'closed',
    });
    equal(run.code, 1, run.stderr);
    match(
      run.stderr,
      /would write src\/workers\/continuum-core\/src\/modules\/mod\.rs, which goes through the symbolic link src\/workers\/continuum-core\/src\/modules\/mod\.rs \(-> /,
    );
    equal(readFileSync(outside, 'utf8'), before);
    equal(existsSync(join(dir, 'src/workers/continuum-core/src/modules/gpu.rs')), false, 'nothing else written either');
  });

  it('an adapter plugin given as ../x.mjs or an absolute path is refused before it is imported', async () => {
    const outsideDir = tempProject();
    const marker = join(outsideDir, 'ran.txt');
    const plugin = join(outsideDir, 'x.mjs');
    writeFileSync(
      plugin,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'imported');\nexport default { id: 'x', description: 'x', writes: [], plan: () => [] };\n`,
    );
    const dir = join(outsideDir, 'project');
    mkdirSync(dir);
    for (const module of ['../x.mjs', plugin]) {
      writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-continuum': { adapters: [{ module }] } }));
      const run = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
      equal(run.code, 1, run.stderr);
      match(
        run.stderr,
        /\.yo-rc\.json \(at \/generator-continuum\/adapters\/0\/module\): adapter plugin .* cannot be found: is outside the project/,
      );
      equal(existsSync(marker), false, `${module} was not imported`);
    }
  });
});

describe('all or nothing (the real bin)', function () {
  after(removeTempProjects);

  for (const [path, env] of bothPaths) {
    it(`${path}: a name the file system cannot hold (ENAMETOOLONG) in a 2-spec batch writes nothing, naming the spec`, async () => {
      const specs = tempProject({
        'docs-read.json': readFileSync(docsReadSpec, 'utf8'),
        'long.json': JSON.stringify({
          version: 2,
          name: `docs/${'a'.repeat(240)}`,
          description: 'A command whose class name is too long for a file name',
        }),
      });
      const dir = tempProject();
      const run = await runBin(['command', `--spec=${specs}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env });
      equal(run.code, 1, run.stderr);
      match(
        run.stderr,
        /long\.json \(at \/name\): would write src\/commands\/docs\/a+\/server\/DocsAa+ServerCommand\.ts, which has a name the file system cannot hold: .* is 260 bytes \(ENAMETOOLONG\)/,
      );
      deepStrictEqual(listFiles(dir), []);
    });
  }

  it('a generation record that cannot be trusted stops the run with its line and pointer; --force rewrites it', async () => {
    const dir = tempProject();
    equal((await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' })).code, 0);
    const recordFile = join(dir, 'src/generator/generation/docs-read.json');
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').replace(/"content": "sha256:[0-9a-f]{8}/, '"content": "sha1:'));
    writeFileSync(join(dir, SERVER), 'edited by hand\n');
    const before = snapshotFiles(dir);
    const refused = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
    equal(refused.code, 1, refused.stderr);
    match(
      refused.stderr,
      /src\/generator\/generation\/docs-read\.json:\d+:\d+ \(at \/files\/src~1commands~1docs~1read~1\.npmignore\/content\): value does not match the required pattern.*the generation record cannot be trusted/,
    );
    deepStrictEqual(snapshotFiles(dir), before);
    const forced = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`, '--force'], { cwd: repoRoot, stdin: 'closed' });
    equal(forced.code, 0, forced.stderr);
    match(readFileSync(recordFile, 'utf8'), /"content": "sha256:/);
  });

  it('a full disk (ENOSPC) in the middle of a batch leaves the tree as it was, and says so', async () => {
    const dir = tempProject();
    const run = await runWithFault(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], 'enospc:4', () => undefined);
    ok(run.sawFault, run.stderr);
    equal(run.code, 1, run.stderr);
    match(run.stderr, /cannot write .*\(ENOSPC\).*nothing was written \(every file of the batch is as it was\)/);
    deepStrictEqual(listFiles(dir), []);
  });

  it('SIGKILL while a file is half written leaves no empty or half file, and the next run completes the job', async () => {
    const dir = tempProject();
    const killed = await runWithFault(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], 'stall-stage:5', (child) =>
      child.kill('SIGKILL'),
    );
    ok(killed.sawFault, killed.stderr);
    const left = listFiles(dir);
    ok(
      left.some((f) => /\.continuum-gen-\d+-\d+\.tmp$/.test(f)),
      `the kill left its temporary files: ${left.join(', ')}`,
    );
    ok(
      left.every((f) => /\.continuum-gen-\d+-\d+\.tmp$/.test(f)),
      `no target file was written: ${left.join(', ')}`,
    );

    const next = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
    equal(next.code, 0, next.stderr);
    deepStrictEqual(listFiles(dir), docsReadFiles, 'every file, and no temporary file left');
    const fresh = tempProject();
    equal((await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${fresh}`], { cwd: repoRoot, stdin: 'closed' })).code, 0);
    deepStrictEqual(contents(dir), contents(fresh));
  });

  it('SIGINT while staging: the current file is finished, the batch dropped, a summary, exit 130', async () => {
    const dir = tempProject();
    const run = await runWithFault(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], 'stall-stage:3', (child) => child.kill('SIGINT'));
    equal(run.code, 130, run.stderr);
    match(run.stderr, /Interrupted \(SIGINT\) before any file was renamed into place: nothing was written\./);
    deepStrictEqual(listFiles(dir), []);
  });

  it('SIGINT while renaming: stops after the current file, the record matches what was written, a re-run finishes', async () => {
    const dir = tempProject();
    const run = await runWithFault(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], 'stall-rename:3', (child) =>
      child.kill('SIGINT'),
    );
    equal(run.code, 130, run.stderr);
    match(
      run.stderr,
      /Interrupted \(SIGINT\): 4 files written before it, the records match them; re-run the same command to finish the job\./,
    );
    const record = JSON.parse(readFileSync(join(dir, 'src/generator/generation/docs-read.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    deepStrictEqual(
      Object.keys(record.files),
      listFiles(dir).filter((f) => !f.includes('/generation/')),
    );
    const next = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
    equal(next.code, 0, next.stderr);
    deepStrictEqual(listFiles(dir), docsReadFiles);
    match(next.stderr, /9 files: 5 created, 1 updated, 3 identical/);
  });
});

describe('output that tells the truth (both paths)', function () {
  after(removeTempProjects);

  for (const [path, env] of bothPaths) {
    it(`${path}: the plan before the writes; --force reports unchanged files identical; a dry run says nothing was written`, async () => {
      const dir = tempProject();
      const first = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env });
      equal(first.code, 0, first.stderr);
      ok(first.stderr.indexOf('8 files planned') < first.stderr.indexOf('create '), first.stderr);
      const forced = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`, '--force'], {
        cwd: repoRoot,
        stdin: 'closed',
        env,
      });
      equal(forced.code, 0, forced.stderr);
      equal(forced.stderr.includes(' force '), false, forced.stderr);
      match(forced.stderr, /^9 files: 9 identical$/m);
      const dry = await runBin(
        [
          'command',
          `--spec=${specFile((s) => s.params.push({ name: 'encoding', type: 'string', optional: true, description: 'Text encoding' }))}`,
          `--cwd=${dir}`,
          '--dry-run',
        ],
        { cwd: repoRoot, stdin: 'closed', env },
      );
      equal(dry.code, 0, dry.stderr);
      match(dry.stderr, /^Dry run: nothing will be written\.$/m);
      match(dry.stderr, /^Dry run: nothing written\.$/m);
      match(dry.stderr, /^\+ {2}encoding\?: string;$/m);
    });

    it(`${path}: --skip-yo-resolve ignores .yo-resolve`, async () => {
      const dir = tempProject();
      equal((await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env })).code, 0);
      writeFileSync(join(dir, '.yo-resolve'), `${TYPES} skip\n`);
      const changed = specFile((s) => s.params.push({ name: 'encoding', type: 'string', optional: true, description: 'Text encoding' }));
      const honoured = await runBin(['command', `--spec=${changed}`, `--cwd=${dir}`, '--dry-run'], { cwd: repoRoot, stdin: 'closed', env });
      match(honoured.stderr, new RegExp(`skip ${TYPES} \\(\\.yo-resolve\\)`));
      const skipped = await runBin(['command', `--spec=${changed}`, `--cwd=${dir}`, '--dry-run', '--skip-yo-resolve'], {
        cwd: repoRoot,
        stdin: 'closed',
        env,
      });
      equal(skipped.code, 0, skipped.stderr);
      match(skipped.stderr, new RegExp(`update ${TYPES}`));
    });

    it(`${path}: colours follow --no-color, FORCE_COLOR and NO_COLOR`, async () => {
      const colours = async (extra: string[], envs: Record<string, string>): Promise<boolean> => {
        const dir = tempProject();
        const run = await runBin(['command', `--spec=${docsReadSpec}`, `--cwd=${dir}`, ...extra], {
          cwd: repoRoot,
          stdin: 'closed',
          env: { ...env, ...envs },
        });
        equal(run.code, 0, run.stderr);
        return run.stderr.includes('\u001b[');
      };
      equal(await colours([], { FORCE_COLOR: '1', NO_COLOR: '' }), true, 'FORCE_COLOR=1 colours a pipe (the control)');
      equal(await colours(['--no-color'], { FORCE_COLOR: '1', NO_COLOR: '' }), false, '--no-color wins over FORCE_COLOR');
      equal(await colours(['--color'], { FORCE_COLOR: '0', NO_COLOR: '1' }), true, '--color wins over both');
      equal(await colours([], { FORCE_COLOR: '0', NO_COLOR: '' }), false, 'FORCE_COLOR=0');
    });
  }
});

describe('a conflict in a terminal, asked through the conflicter (yeoman-test, forced interactive adapter)', function () {
  after(removeTempProjects);
  const run = (dir: string, spec: string, answers: Record<string, unknown>) => {
    fromRepoRoot();
    return helpers
      .run(commandGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
      .withOptions({ spec, interactive: true } as Record<string, unknown>)
      .withAnswers(answers)
      .withAdapterOptions({ spyFactory: recordingSpyFactory });
  };
  /** docs/read generated, a validation line edited by hand, then a spec change that rewrites the same line. */
  async function conflicted(): Promise<{ dir: string; spec: string; edited: string }> {
    const dir = tempProject();
    await run(dir, specFile(), {});
    const generated = readFileSync(join(dir, SERVER), 'utf8');
    const edited = generated.replace(
      "throw new ValidationError('path', 'is required');",
      "throw new ValidationError('path', 'is required (hand-written)');",
    );
    ok(edited !== generated, 'the generated validation line is there to edit');
    writeFileSync(join(dir, SERVER), edited);
    // An optional path: the generator drops the very line the developer edited.
    const spec = specFile((s) => (s.params[0].optional = true));
    return { dir, spec, edited };
  }

  it('overwrite writes the merge with conflict markers to resolve (a non-zero end, as --merge=markers); the rest of the run goes on', async () => {
    const { dir, spec } = await conflicted();
    await rejects(run(dir, spec, { action: 'write' }), /1 file written with conflict markers to resolve by hand/);
    const server = readFileSync(join(dir, SERVER), 'utf8');
    match(
      server,
      /<<<<<<< .* \(yours, on disk\)\n[^<]*hand-written[\s\S]*\|\|\|\|\|\|\| [\s\S]*=======\n[\s\S]*>>>>>>> .* \(generated now\)\n/,
    );
    match(readFileSync(join(dir, TYPES), 'utf8'), /path\?: string;/);
  });

  it('do not overwrite keeps the file as it is', async () => {
    const { dir, spec, edited } = await conflicted();
    const result = await run(dir, spec, { action: 'skip' });
    deepStrictEqual(
      result.askedQuestions.map((q) => q.name),
      ['action'],
    );
    equal(readFileSync(join(dir, SERVER), 'utf8'), edited);
    const report = (result.generator as unknown as { commitReport: { files: { path: string; state: string }[] } }).commitReport;
    deepStrictEqual(report.files.find((f) => f.path === SERVER)?.state, 'skip');
  });
});
