/**
 * The pure parts of the write pipeline (shared/write/): the three-way merge, the generation
 * record, the path checks against a real temporary tree, and the all-or-nothing batch writer
 * with a file system that fails or stops where a test says.
 */
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { colourEnabled } from '../../shared/colour.js';
import { SpecError } from '../../shared/errors.js';
import { decideFile } from '../../shared/write/decide.js';
import { threeWayMerge } from '../../shared/write/merge.js';
import { BatchWriteError, nodeProbe, removeStaleTemporaries, writeBatch, type BatchFs } from '../../shared/write/node-tree.js';
import { ProjectPaths, platformNameLimits } from '../../shared/write/path-safety.js';
import { contentHash, parseRecord, serialiseRecord, type RecordedFile } from '../../shared/write/record.js';
import { listFiles, removeTempProjects, snapshotFiles, tempProject } from '../support/generator-run.js';

const labels = { ours: 'yours', base: 'before', theirs: 'now' };

describe('three-way merge (node-diff3, line by line)', () => {
  const base = 'a\nb\nc\nd\ne\n';

  it('takes a change from each side when they touch different lines', () => {
    deepStrictEqual(threeWayMerge(base, 'a\nB\nc\nd\ne\n', 'a\nb\nc\nd\nE\n', labels), { clean: true, text: 'a\nB\nc\nd\nE\n' });
  });

  it('takes the same change on both sides once', () => {
    deepStrictEqual(threeWayMerge(base, 'a\nX\nc\nd\ne\n', 'a\nX\nc\nd\ne\n', labels), { clean: true, text: 'a\nX\nc\nd\ne\n' });
  });

  it('marks different changes to the same line as a conflict, in git diff3 style', () => {
    const merged = threeWayMerge(base, 'a\nmine\nc\nd\ne\n', 'a\ntheirs\nc\nd\ne\n', labels);
    deepStrictEqual(merged, {
      clean: false,
      conflicts: 1,
      text: 'a\n<<<<<<< yours\nmine\n||||||| before\nb\n=======\ntheirs\n>>>>>>> now\nc\nd\ne\n',
    });
  });

  it('keeps lines one side adds right beside lines the other side changed (diff3 alone calls it a conflict)', () => {
    const base = 'return {\n  a: 0,\n};\n';
    deepStrictEqual(threeWayMerge(base, 'return {\n  a: found,\n};\n', 'return {\n  a: 0,\n  b: null,\n};\n', labels), {
      clean: true,
      text: 'return {\n  a: found,\n  b: null,\n};\n',
    });
    deepStrictEqual(threeWayMerge(base, 'return {\n  a: 0,\n  mine: 1,\n};\n', 'return {\n  a: 1,\n};\n', labels), {
      clean: true,
      text: 'return {\n  a: 1,\n  mine: 1,\n};\n',
    });
    // Both sides adding at the same place stays a conflict: the order is a guess.
    equal(threeWayMerge(base, 'return {\n  a: 0,\n  mine: 1,\n};\n', 'return {\n  a: 0,\n  b: null,\n};\n', labels).clean, false);
  });

  it('keeps a missing final newline, and puts each marker on its own line', () => {
    deepStrictEqual(threeWayMerge('x\ny', 'x\ny', 'x\nz', labels), { clean: true, text: 'x\nz' });
    match(
      threeWayMerge('x\ny', 'x\nmine', 'x\ntheirs', labels).text,
      /^x\n<<<<<<< yours\nmine\n\|\|\|\|\|\|\| before\ny\n=======\ntheirs\n>>>>>>> now\n$/,
    );
  });
});

describe('deciding a file', () => {
  const generated = 'line 1\nline 2\nline 3\n';
  const recorded: RecordedFile = {
    adapter: 'server-only',
    content: contentHash('line 1\nold 2\nline 3\n'),
    generator: '0.1.0',
    spec: contentHash('spec'),
  };
  const decide = (disk: string | undefined, extra: Partial<Parameters<typeof decideFile>[0]> = {}, settings = {}) =>
    decideFile(
      { path: 'f.ts', kind: 'generated', content: generated, disk, base: () => ({ text: 'line 1\nold 2\nline 3\n' }), ...extra },
      settings,
    );

  it('untouched since generation: update; hand-edited: merged; overlapping: conflict; no record: conflict without a base', () => {
    equal(decide('line 1\nold 2\nline 3\n', { recorded }).state, 'update');
    const merged = decide('line 0\nline 1\nold 2\nline 3\n', { recorded });
    deepStrictEqual([merged.state, merged.content], ['merged', 'line 0\nline 1\nline 2\nline 3\n']);
    const conflict = decide('line 1\nmine 2\nline 3\n', { recorded });
    deepStrictEqual([conflict.state, conflict.baseless, conflict.content], ['conflict', undefined, undefined]);
    match(conflict.markers!, /<<<<<<< f\.ts \(yours, on disk\)\nmine 2\n/);
    const unrecorded = decide('something else\n');
    deepStrictEqual([unrecorded.state, unrecorded.baseless], ['conflict', true]);
  });

  it('a base that cannot be reproduced is a conflict, never a guess', () => {
    const decision = decide('line 0\nline 1\nold 2\nline 3\n', {
      recorded,
      base: () => ({ problem: 'the previous generation cannot be reproduced' }),
    });
    deepStrictEqual(
      [decision.state, decision.reason, decision.baseless],
      ['conflict', 'the previous generation cannot be reproduced', true],
    );
  });

  it('a deleted generated file is skipped unless --force; identical stays identical under --force', () => {
    equal(decide(undefined, { recorded }).state, 'skip');
    equal(decide(undefined, { recorded }, { force: true }).state, 'create');
    equal(decide(undefined).state, 'create');
    equal(decide(generated, { recorded }, { force: true }).state, 'identical');
    equal(decide('line 1\nmine 2\nline 3\n', { recorded }, { force: true }).state, 'force');
  });

  it('.yo-resolve settles a file before any merge', () => {
    equal(decide('line 1\nmine 2\nline 3\n', { recorded, settled: 'skip' }).state, 'skip');
    equal(decide('line 1\nmine 2\nline 3\n', { recorded, settled: 'force' }).state, 'force');
  });
});

describe('the generation record', () => {
  const spec = `${JSON.stringify({ version: 2, name: 'a/b', description: 'd' }, null, 2)}\n`;
  const specHash = contentHash(spec);
  const entry = (text: string): RecordedFile => ({
    adapter: 'server-only',
    content: contentHash(text),
    generator: '0.1.0',
    spec: specHash,
  });

  it('is deterministic and sorted whatever the insertion order, and drops specs no file refers to', () => {
    const files = [
      ['z.ts', entry('z')],
      ['a.ts', entry('a')],
    ] as const;
    const unused = `${JSON.stringify({ version: 2, name: 'a/b', description: 'old' }, null, 2)}\n`;
    const one = serialiseRecord({
      command: 'a/b',
      files: new Map(files),
      specs: new Map([
        [specHash, spec],
        [contentHash(unused), unused],
      ]),
    });
    const two = serialiseRecord({ command: 'a/b', files: new Map([...files].reverse()), specs: new Map([[specHash, spec]]) });
    equal(one, two);
    ok(one.indexOf('"a.ts"') < one.indexOf('"z.ts"'));
    equal(one.includes('"old"'), false);
    const parsed = parseRecord(one, 'r.json');
    deepStrictEqual([...parsed.files.keys()], ['a.ts', 'z.ts']);
    equal(parsed.specs.get(specHash), spec);
  });

  it('refuses a record it cannot trust, every problem located', () => {
    const good = JSON.parse(
      serialiseRecord({ command: 'a/b', files: new Map([['a.ts', entry('a')]]), specs: new Map([[specHash, spec]]) }),
    ) as { files: Record<string, { content: string }>; specs: Record<string, { description: string }> };
    good.files['a.ts'].content = 'md5:1';
    good.specs[specHash].description = 'edited by hand';
    const text = JSON.stringify(good, null, 2);
    throws(
      () => parseRecord(text, 'r.json'),
      (error: SpecError) => {
        equal(error.issues.length, 1, 'the schema problem first');
        match(error.message, /r\.json:\d+:\d+ \(at \/files\/a\.ts\/content\): value does not match/);
        return true;
      },
    );
    good.files['a.ts'].content = contentHash('a');
    throws(
      () => parseRecord(JSON.stringify(good, null, 2), 'r.json'),
      /r\.json:\d+:\d+ \(at \/specs\/sha256:[0-9a-f]+\): the spec does not have the hash it is filed under/,
    );
  });
});

describe('path checks (a real temporary tree)', () => {
  after(removeTempProjects);
  const paths = (root: string, allow: string[] = []) =>
    new ProjectPaths(nodeProbe.realpath(root)!, allow, nodeProbe, platformNameLimits('linux'));

  it('refuses a symlinked folder on the way, naming the link and its target; an allowed link is followed', () => {
    const outside = tempProject();
    const root = tempProject({ 'src/keep.txt': 'x' });
    symlinkSync(outside, join(root, 'src', 'commands'));
    const verdict = paths(root).check('src/commands/a/b.ts');
    ok('problem' in verdict);
    match(verdict.problem, new RegExp(`goes through the symbolic link src/commands \\(-> ${outside.replace(/[/.]/g, '\\$&')}\\)`));
    match(verdict.expected, /"src\/commands" in allowSymlinks/);
    deepStrictEqual(paths(root, ['src/commands']).check('src/commands/a/b.ts'), {
      absolute: join(nodeProbe.realpath(outside)!, 'a', 'b.ts'),
    });
  });

  it('refuses a dangling file symlink, a file where a folder goes, a folder where the file goes', () => {
    const root = tempProject({ 'src/file': 'x', 'src/folder/inner.txt': 'x' });
    symlinkSync('/nonexistent/target', join(root, 'src', 'dangling.ts'));
    match(
      (paths(root).check('src/dangling.ts') as { problem: string }).problem,
      /symbolic link src\/dangling\.ts \(-> \/nonexistent\/target\)/,
    );
    match((paths(root).check('src/file/x.ts') as { problem: string }).problem, /needs src\/file to be a folder/);
    match((paths(root).check('src/folder') as { problem: string }).problem, /is a folder/);
    ok('absolute' in paths(root).check('src/new/deep/file.ts'));
  });

  it('refuses names and paths the file system cannot hold (NAME_MAX 255 bytes, PATH_MAX)', () => {
    const root = tempProject();
    match((paths(root).check(`src/${'é'.repeat(128)}.ts`) as { problem: string }).problem, /is 259 bytes \(ENAMETOOLONG\)/);
    ok('absolute' in paths(root).check(`src/${'a'.repeat(255)}`));
    const deep = Array.from({ length: 20 }, () => 'a'.repeat(250)).join('/');
    match((paths(root).check(deep) as { problem: string }).problem, /bytes long as an absolute path \(ENAMETOOLONG\)/);
  });
});

// The batch writer's tree: two files to replace, one new file in new folders.
const project = () => tempProject({ 'a/one.txt': 'one\n', 'b/two.txt': 'two\n' });
const batch = (root: string) => [
  { absolute: join(root, 'a/one.txt'), content: 'ONE\n', previous: 'one\n' },
  { absolute: join(root, 'new/deep/three.txt'), content: 'three\n', previous: undefined },
  { absolute: join(root, 'b/two.txt'), content: 'TWO\n', previous: 'two\n' },
];
/** node:fs that remembers which path each descriptor was opened for. */
const openedPaths = (): { fs: BatchFs; pathOf: Map<number, string> } => {
  const pathOf = new Map<number, string>();
  const openSync = ((...args: Parameters<typeof nodeFs.openSync>) => {
    const fd = nodeFs.openSync(...args);
    pathOf.set(fd, String(args[0]));
    return fd;
  }) as typeof nodeFs.openSync;
  return { fs: { ...nodeFs, openSync }, pathOf };
};
/** node:fs whose temporary file in `folder` fails after half its text is written. */
const failingWrite = (folder: string, code: string): BatchFs => {
  const { fs, pathOf } = openedPaths();
  const writeFileSync = ((target: number, data: string) => {
    if (!dirname(pathOf.get(target) ?? '').endsWith(`/${folder}`)) return nodeFs.writeFileSync(target, data, 'utf8');
    nodeFs.writeFileSync(target, data.slice(0, 2));
    throw Object.assign(new Error(`${code}: simulated`), { code });
  }) as typeof nodeFs.writeFileSync;
  return { ...fs, writeFileSync };
};
/** A batch of `count` new files in one new folder. */
const manyNew = (root: string, count: number) =>
  Array.from({ length: count }, (_, n) => ({ absolute: join(root, 'many', `${n}.txt`), content: `${n}\n`, previous: undefined }));

describe('the batch writer: all or nothing', () => {
  after(removeTempProjects);
  it('writes every file, leaving no temporary file', async () => {
    const root = project();
    const outcome = await writeBatch(batch(root), { interrupted: () => false });
    equal(outcome.status, 'written');
    deepStrictEqual(listFiles(root), ['a/one.txt', 'b/two.txt', 'new/deep/three.txt']);
    deepStrictEqual(
      Object.values(snapshotFiles(root)).map((f) => f.content),
      ['ONE\n', 'TWO\n', 'three\n'],
    );
  });

  it('flushes (fsync) a file that replaces one before its rename, not a new file (nothing of the old tree to lose)', async () => {
    const root = project();
    const synced: string[] = [];
    const { fs, pathOf } = openedPaths();
    const fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      synced.push(dirname(pathOf.get(fd)!).slice(root.length + 1));
      nodeFs.fsync(fd, callback);
    }) as typeof nodeFs.fsync;
    equal((await writeBatch(batch(root), { interrupted: () => false, fs: { ...fs, fsync } })).status, 'written');
    deepStrictEqual(synced.sort(), ['a', 'b'], 'the temporary files of a/one.txt and b/two.txt, not of new/deep/three.txt');
    deepStrictEqual(
      Object.values(snapshotFiles(root)).map((f) => f.content),
      ['ONE\n', 'TWO\n', 'three\n'],
    );
  });

  it('a full disk while staging the third file leaves the tree as it was: no temporary file, no new folder', async () => {
    const root = project();
    const before = snapshotFiles(root);
    await writeBatch(batch(root), { interrupted: () => false, fs: failingWrite('b', 'ENOSPC') }).then(
      () => ok(false, 'the batch should fail'),
      (error: BatchWriteError) => {
        deepStrictEqual([error.code, error.written, error.path], ['ENOSPC', [], join(root, 'b/two.txt')]);
      },
    );
    deepStrictEqual(snapshotFiles(root), before);
    deepStrictEqual(readdirSync(root).sort(), ['a', 'b']);
  });

  it('a failed fsync leaves the tree as it was, naming the file', async () => {
    const root = project();
    const before = snapshotFiles(root);
    const { fs, pathOf } = openedPaths();
    const fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) =>
      dirname(pathOf.get(fd)!).endsWith('/b')
        ? callback(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))
        : nodeFs.fsync(fd, callback)) as typeof nodeFs.fsync;
    await writeBatch(batch(root), { interrupted: () => false, fs: { ...fs, fsync } }).then(
      () => ok(false, 'the batch should fail'),
      (error: BatchWriteError) => deepStrictEqual([error.code, error.written, error.path], ['EIO', [], join(root, 'b/two.txt')]),
    );
    deepStrictEqual(snapshotFiles(root), before);
    deepStrictEqual(readdirSync(root).sort(), ['a', 'b']);
  });

  it('a rename that fails puts back what the earlier renames replaced', async () => {
    const root = project();
    const before = snapshotFiles(root);
    let renames = 0;
    const renameSync = ((from: string, to: string) => {
      if (++renames === 3) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
      nodeFs.renameSync(from, to);
    }) as typeof nodeFs.renameSync;
    await writeBatch(batch(root), { interrupted: () => false, fs: { ...nodeFs, renameSync } }).then(
      () => ok(false, 'the batch should fail'),
      (error: BatchWriteError) => deepStrictEqual(error.written, []),
    );
    deepStrictEqual(
      Object.fromEntries(Object.entries(snapshotFiles(root)).map(([p, f]) => [p, f.content])),
      Object.fromEntries(Object.entries(before).map(([p, f]) => [p, f.content])),
    );
    deepStrictEqual(readdirSync(root).sort(), ['a', 'b'], 'the folders the batch made are gone');
  });

  it('SIGINT before staging stages nothing; while staging drops the batch; while renaming, finishes the current file and stops', async () => {
    const early = project();
    const before = snapshotFiles(early);
    const { fs, pathOf } = openedPaths();
    deepStrictEqual(await writeBatch(batch(early), { interrupted: () => true, fs }), { status: 'interrupted', written: [] });
    deepStrictEqual([...pathOf.values()], [], 'no file opened');
    deepStrictEqual(snapshotFiles(early), before);

    const staging = project();
    const stagingBefore = snapshotFiles(staging);
    let polls = 0;
    // The first poll is before staging, the second when staging ends.
    deepStrictEqual(await writeBatch(batch(staging), { interrupted: () => ++polls > 1 }), { status: 'interrupted', written: [] });
    // Its own snapshot: two projects made a millisecond apart differ in their files' times.
    deepStrictEqual(snapshotFiles(staging), stagingBefore);
    deepStrictEqual(readdirSync(staging).sort(), ['a', 'b']);

    const renaming = project();
    polls = 0;
    // Before staging, when staging ends, then before each rename after the first.
    const outcome = await writeBatch(batch(renaming), { interrupted: () => ++polls > 3 });
    deepStrictEqual(outcome, { status: 'interrupted', written: [join(renaming, 'a/one.txt'), join(renaming, 'new/deep/three.txt')] });
    deepStrictEqual(listFiles(renaming), ['a/one.txt', 'b/two.txt', 'new/deep/three.txt']);
    equal(snapshotFiles(renaming)['b/two.txt'].content, 'two\n', 'the file after the stop is as it was');
  });

  it('a long batch turns the event loop while staging, so a SIGINT drops it before the last file is staged', async () => {
    const root = tempProject();
    const staged: string[] = [];
    const { fs, pathOf } = openedPaths();
    let interrupted = false;
    const writeFileSync = ((fd: number, data: string) => {
      // A signal handler's flag, set by the event loop once staging has begun (not by the writer's own poll).
      if (staged.push(pathOf.get(fd)!) === 1) setImmediate(() => (interrupted = true));
      nodeFs.writeFileSync(fd, data, 'utf8');
    }) as typeof nodeFs.writeFileSync;
    const outcome = await writeBatch(manyNew(root, 200), { interrupted: () => interrupted, fs: { ...fs, writeFileSync } });
    deepStrictEqual(outcome, { status: 'interrupted', written: [] });
    ok(staged.length > 1 && staged.length < 200, `staged ${staged.length} of 200 before it stopped`);
    deepStrictEqual(listFiles(root), [], 'no file, no temporary file, no folder');
    // The control: without the signal the same batch is written whole.
    equal((await writeBatch(manyNew(root, 200), { interrupted: () => false })).written.length, 200);
    equal(listFiles(root).length, 200);
  });

  it("removes temporary files a killed run left, keeping a live run's", () => {
    const root = mkdtempSync(join(tmpdir(), 'continuum-temps-'));
    try {
      mkdirSync(join(root, 'f'));
      writeFileSync(join(root, 'f', '.continuum-gen-999999999-1.tmp'), 'half');
      writeFileSync(join(root, 'f', `.continuum-gen-${process.pid}-1.tmp`), 'mine');
      writeFileSync(join(root, 'f', 'user.tmp'), 'theirs');
      deepStrictEqual(removeStaleTemporaries([join(root, 'f')]), [join(root, 'f', '.continuum-gen-999999999-1.tmp')]);
      deepStrictEqual(readdirSync(join(root, 'f')).sort(), [`.continuum-gen-${process.pid}-1.tmp`, 'user.tmp']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('colours: one rule for every front end', () => {
  it('--no-color / --color, then FORCE_COLOR, then NO_COLOR, then whether the stream is a terminal', () => {
    const tty = { isTTY: true };
    equal(colourEnabled(tty, {}, []), true);
    equal(colourEnabled({ isTTY: false }, {}, []), false);
    equal(colourEnabled(tty, { NO_COLOR: '1' }, []), false);
    equal(colourEnabled(tty, { NO_COLOR: '' }, []), true, 'an empty NO_COLOR does not count (no-color.org)');
    equal(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, []), true);
    equal(colourEnabled(tty, { FORCE_COLOR: '0' }, []), false);
    equal(colourEnabled(tty, { FORCE_COLOR: 'false' }, []), false);
    equal(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' }, ['--no-color']), false);
    equal(colourEnabled(tty, { NO_COLOR: '1' }, ['--no-color', '--color']), true, 'the last flag wins');
  });
});
