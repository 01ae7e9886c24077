import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import {
  conflicterStatuses,
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
} from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const reverseGenerator = join(repoRoot, 'dist', 'generators', 'reverse', 'index.js');
const treeRoot = join(fixturesDir, 'reverse-tree');
const expectedDir = join(fixturesDir, 'reverse-expected');
const SPECS = 'src/generator/specs';

/** A temp project holding a copy of the fixture tree (its tsconfig, its Rust crate, its one existing spec). */
function treeProject(): string {
  const dir = tempProject();
  cpSync(treeRoot, dir, { recursive: true });
  return dir;
}

function runIn(
  dir: string,
  args: string[],
  options: Record<string, unknown>,
  environmentOptions: Record<string, unknown> = { force: false },
) {
  fromRepoRoot();
  return helpers
    .run(reverseGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, environmentOptions)
    .withArguments(args)
    .withOptions(options)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');
const expected = (key: string): string => readFileSync(join(expectedDir, `${key}.spec.json`), 'utf8');
const specFiles = (dir: string): string[] => listFiles(dir).filter((f) => f.startsWith(`${SPECS}/`));

/** Commands of the fixture tree that reverse to a spec, by their spec file (agent/status already has one). */
const reversedKeys = (): string[] =>
  listFiles(expectedDir)
    .filter((f) => f.endsWith('.spec.json'))
    .map((f) => f.replace(/\.spec\.json$/, ''));

describe('continuum:reverse (yeoman-test and the bin, real files on disk)', () => {
  after(removeTempProjects);

  it('one command folder: writes <specs>/<name-with-dashes>.json, the spec read from code', async () => {
    const dir = treeProject();
    const result = await runIn(dir, ['src/commands/ai/generate'], { interactive: false });
    equal(read(dir, `${SPECS}/ai-generate.json`), expected('ai-generate'));
    deepStrictEqual(conflicterStatuses(result).create, [`${SPECS}/ai-generate.json`]);
    deepStrictEqual(specFiles(dir), [`${SPECS}/agent-status.json`, `${SPECS}/ai-generate.json`]);
  });

  it('a whole tree: a spec that exists under the name is never overwritten silently; --missing-only skips it; a re-run is identical', async () => {
    const dir = treeProject();
    const before = snapshotFiles(dir);
    // agent/status already has a (v1) spec, matched by its name: a non-interactive run refuses, listing it, and writes nothing.
    await rejects(runIn(dir, ['src/commands'], { interactive: false }), (error: Error) => {
      match(error.message, /conflict src\/generator\/specs\/agent-status\.json/);
      match(error.message, /nothing was written/);
      return true;
    });
    deepStrictEqual(snapshotFiles(dir), before);

    const result = await runIn(dir, ['src/commands'], { interactive: false, missingOnly: true });
    const written = reversedKeys().filter((k) => k !== 'agent-status');
    deepStrictEqual(conflicterStatuses(result).create, written.map((k) => `${SPECS}/${k}.json`).sort());
    for (const key of written) equal(read(dir, `${SPECS}/${key}.json`), expected(key), key);
    equal(read(dir, `${SPECS}/agent-status.json`), before[`${SPECS}/agent-status.json`].content, 'the existing spec is untouched');

    const again = await runIn(dir, ['src/commands'], { interactive: false, missingOnly: true });
    const statuses = conflicterStatuses(again);
    deepStrictEqual([statuses.create, statuses.conflict, statuses.identical], [[], [], []], 'every command now has a spec: nothing to do');
  });

  it('interactive: the conflict is asked (question "action"); skip keeps the spec, --force replaces it', async () => {
    const dir = treeProject();
    const original = read(dir, `${SPECS}/agent-status.json`);
    const asked = await runIn(dir, ['src/commands/agent/status'], { interactive: true }).withAnswers({ action: 'skip' });
    deepStrictEqual(
      asked.askedQuestions.map((q) => q.name),
      ['action'],
    );
    equal(read(dir, `${SPECS}/agent-status.json`), original);

    await runIn(dir, ['src/commands/agent/status'], { interactive: false }, { force: true });
    equal(read(dir, `${SPECS}/agent-status.json`), expected('agent-status'));
  });

  it('--dry-run writes nothing', async () => {
    const dir = treeProject();
    const before = snapshotFiles(dir);
    await runIn(dir, ['src/commands'], { interactive: false, missingOnly: true }, { force: false, dryRun: true });
    deepStrictEqual(snapshotFiles(dir), before);
  });

  it('--from-v1 migrates v1 specs in place through the conflict rules (refused without --force when nobody can be asked)', async () => {
    const dir = treeProject();
    writeFileSync(join(dir, SPECS, 'ok-v2.json'), `${JSON.stringify({ version: 2, name: 'ok/v2', description: 'Already v2' }, null, 2)}\n`);
    writeFileSync(join(dir, SPECS, 'bad.json'), '{ "name": "bad/one" ');
    const before = snapshotFiles(dir);
    await rejects(runIn(dir, [], { interactive: false, fromV1: SPECS }), /conflict src\/generator\/specs\/agent-status\.json/);
    deepStrictEqual(snapshotFiles(dir), before);

    await runIn(dir, [], { interactive: false, fromV1: SPECS }, { force: true });
    const migrated = JSON.parse(read(dir, `${SPECS}/agent-status.json`)) as Record<string, unknown>;
    equal(migrated.version, 2);
    equal(migrated.environment, 'server', 'v1 implementation becomes environment');
    equal('implementation' in migrated, false);
    equal(read(dir, `${SPECS}/ok-v2.json`), before[`${SPECS}/ok-v2.json`].content, 'a v2 spec is left alone');
    equal(read(dir, `${SPECS}/bad.json`), before[`${SPECS}/bad.json`].content, 'a broken file is reported, not touched');
  });

  it('refuses a folder with no command, and a non-interactive run without a folder names what is missing', async () => {
    const dir = treeProject();
    await rejects(
      runIn(dir, ['src/system'], { interactive: false }),
      /No command folder \(a folder with shared\/<Name>Types\.ts\) at or under src\/system/,
    );
    await rejects(runIn(dir, ['does/not/exist'], { interactive: false }), /does\/not\/exist is not a folder/);
    await rejects(runIn(dir, [], { interactive: false }), /missing path/);
    await rejects(runIn(dir, ['src/commands'], { interactive: false, fromV1: SPECS }), /not both/);
  });

  it('continuum-gen reverse <tree> --stdout prints one JSON spec per line, the summary on stderr, and writes nothing', async () => {
    const dir = treeProject();
    const before = snapshotFiles(dir);
    const run = await runBin(['reverse', 'src/commands', '--stdout'], { cwd: dir, stdin: 'closed', timeoutMs: 60_000 });
    equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    deepStrictEqual(
      lines.map((l) => (JSON.parse(l) as { name: string }).name).sort(),
      reversedKeys()
        .map((k) => JSON.parse(expected(k)).name as string)
        .sort(),
    );
    for (const line of lines) ok(!line.includes('\n') && line.startsWith('{'));
    match(run.stderr, /Reverse summary/);
    match(run.stderr, /commands read\s+21/);
    match(run.stderr, /warning src\/commands\/tools\/run\/shared\/ToolsRunTypes\.ts:14: \[any\]/);
    match(run.stderr, /not a command 1/);
    deepStrictEqual(snapshotFiles(dir), before);
  });
});
