/**
 * A batch of specs through the commit pipeline in-process, with a file system that counts what
 * the writer does: what the speed work of issue 18 must not break. An unchanged re-run writes
 * nothing (records included), .yo-resolve still settles a file that would change, hand edits are
 * still merged, and the path checks that skip a missing folder still see what is there.
 */
import { deepStrictEqual, equal, match, ok, throws } from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchNames, specFor } from '../../bench/bench-specs.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { specFileName } from '../../shared/model/naming.js';
import { planSpecRun, type SpecRun } from '../../shared/run/spec-run.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { commitRun, projectReader, type CommitContext } from '../../shared/write/commit.js';
import type { BatchFs } from '../../shared/write/node-tree.js';
import { nodeProbe } from '../../shared/write/node-tree.js';
import { ProjectPaths, platformNameLimits, type PathProbe } from '../../shared/write/path-safety.js';
import { canonicalSpecText, contentHash, parseRecord, serialiseRecord } from '../../shared/write/record.js';
import { removeTempProjects, snapshotFiles, tempProject } from '../support/generator-run.js';

const config = defaultProjectConfig;
const SPECS = 12;

/** The first SPECS bench specs (every shape: environments, types, no params), `change` applied to the n-th. */
function plan(root: string, change?: { n: number; description: string }): SpecRun {
  const sources = benchNames()
    .slice(0, SPECS)
    .map((name, n) => {
      const spec = specFor(name, n);
      return {
        specText: serialiseSpec(change?.n === n ? { ...spec, description: change.description } : spec),
        specFile: specFileName(name),
      };
    });
  return planSpecRun(sources, { config, read: projectReader(root, config) });
}

/** node:fs that counts every call that changes the tree. */
function countingFs(): { fs: BatchFs; changes: string[] } {
  const changes: string[] = [];
  const counted = <K extends 'mkdirSync' | 'openSync' | 'renameSync' | 'unlinkSync' | 'rmdirSync'>(name: K): BatchFs[K] =>
    ((...args: unknown[]) => {
      changes.push(`${name.replace(/Sync$/, '')} ${String(args[0])}`);
      return (nodeFs[name] as (...a: unknown[]) => unknown)(...args);
    }) as BatchFs[K];
  return {
    fs: {
      ...nodeFs,
      mkdirSync: counted('mkdirSync'),
      openSync: counted('openSync'),
      renameSync: counted('renameSync'),
      unlinkSync: counted('unlinkSync'),
      rmdirSync: counted('rmdirSync'),
    },
    changes,
  };
}

const context = (root: string, extra: Partial<CommitContext> = {}): CommitContext => ({
  projectRoot: root,
  config,
  settings: {},
  interrupted: () => false,
  ...extra,
});

describe('a batch committed again (issue 18: fast, and still right)', () => {
  after(removeTempProjects);

  it('an unchanged re-run writes nothing, not even a record, and reports every file identical; the control (one spec changed) writes through the same counter', async () => {
    const root = tempProject();
    const first = await commitRun(plan(root), context(root));
    ok(first.files.length > SPECS * 8, `a batch of ${first.files.length} files`);
    const before = snapshotFiles(root);

    const unchanged = countingFs();
    const again = await commitRun(plan(root), context(root, { fs: unchanged.fs }));
    deepStrictEqual(unchanged.changes, []);
    deepStrictEqual(new Set(again.files.map((f) => f.state)), new Set(['identical']));
    equal(again.files.length, first.files.length);
    deepStrictEqual(snapshotFiles(root), before);

    const changed = countingFs();
    const third = await commitRun(plan(root, { n: 1, description: 'Changed once' }), context(root, { fs: changed.fs }));
    const written = third.files.filter((f) => f.written).map((f) => f.path);
    ok(
      written.some((p) => p.startsWith(`${config.roots.specs}/`)) && written.some((p) => p.includes('/generation/')),
      `the changed spec and its record are written: ${written.join(', ')}`,
    );
    equal(changed.changes.filter((c) => c.startsWith('rename ')).length, written.length);
  });

  it('.yo-resolve is asked about a file that would change (skip keeps it), never about an identical one', async () => {
    const root = tempProject();
    await commitRun(plan(root), context(root));
    const run = plan(root, { n: 2, description: 'A new description' });
    const changing = run.results[2].files.find((f) => f.path.endsWith('Types.ts'))!.path;
    const asked: string[] = [];
    const settled = async (path: string): Promise<'skip' | undefined> => {
      asked.push(path);
      return path === changing ? 'skip' : undefined;
    };
    const report = await commitRun(run, context(root, { settled }));
    const state = (path: string) => report.files.find((f) => f.path === path);
    deepStrictEqual(state(changing), { path: changing, state: 'skip', reason: '.yo-resolve', written: false });
    ok(asked.includes(changing));
    const identical = report.files.filter((f) => f.state === 'identical').map((f) => f.path);
    ok(identical.length > 0 && identical.every((p) => !asked.includes(p)), 'no identical file is looked up');
    // The control: without .yo-resolve the same file is updated.
    const root2 = tempProject();
    await commitRun(plan(root2), context(root2));
    const plain = await commitRun(plan(root2, { n: 2, description: 'A new description' }), context(root2));
    equal(plain.files.find((f) => f.path === changing)?.state, 'update');
  });

  it('a hand edit in a batch is still merged with the new generation', async () => {
    const root = tempProject();
    await commitRun(plan(root), context(root));
    const run = plan(root, { n: 3, description: 'Merged description' });
    const types = run.results[3].files.find((f) => f.path.endsWith('Types.ts'))!.path;
    writeFileSync(join(root, types), `// kept by hand\n${readFileSync(join(root, types), 'utf8')}`);
    const report = await commitRun(run, context(root));
    equal(report.files.find((f) => f.path === types)?.state, 'merged');
    const merged = readFileSync(join(root, types), 'utf8');
    ok(merged.startsWith('// kept by hand\n') && merged.includes('Merged description'), merged.slice(0, 200));
  });
});

describe('path checks that skip what a missing folder cannot hold', () => {
  after(removeTempProjects);
  const counting = (): { probe: PathProbe; probed: string[] } => {
    const probed: string[] = [];
    return { probe: { ...nodeProbe, kind: (absolute) => (probed.push(absolute), nodeProbe.kind(absolute)) }, probed };
  };

  it('probes a missing folder once, not what would be below it, and says the files there are missing', () => {
    const root = tempProject({ 'old/file.ts': 'x\n' });
    const { probe, probed } = counting();
    const paths = new ProjectPaths(root, [], probe, platformNameLimits(process.platform));
    for (const path of ['new/a/one.ts', 'new/a/two.ts', 'new/b/three.ts']) ok('absolute' in paths.check(path));
    deepStrictEqual(probed, [join(root, 'new')]);
    ok(paths.seenMissing('new/a/one.ts') && paths.seenMissing('new/a'));
    // The control: what is there is probed and is not missing.
    equal(Object.hasOwn(paths.check('old/file.ts'), 'absolute'), true);
    deepStrictEqual(probed.slice(1), [join(root, 'old'), join(root, 'old/file.ts')]);
    equal(paths.seenMissing('old/file.ts'), false);
  });

  it('a file where a folder must go is still refused (found by probing, not assumed missing)', () => {
    const root = tempProject({ taken: 'a file\n' });
    const paths = new ProjectPaths(root, [], nodeProbe, platformNameLimits(process.platform));
    const verdict = paths.check('taken/below.ts');
    ok('problem' in verdict);
    match(verdict.problem, /needs taken to be a folder, and it is a file/);
  });
});

describe('records read without the locating scanner', () => {
  const record = (spec: unknown): string => {
    const text = canonicalSpecText(spec);
    const hash = contentHash(text);
    return serialiseRecord({
      command: 'a/b',
      files: new Map([['x.ts', { adapter: 'server-only', content: contentHash('x'), generator: '0.1.0', spec: hash }]]),
      specs: new Map([[hash, text]]),
    });
  };
  const nested = (depth: number): unknown => {
    let value: unknown = {};
    for (let i = 1; i < depth; i++) value = { deeper: value };
    return value;
  };

  it('still refuse a spec nested deeper than the JSON limit, and read one at the limit (the control)', () => {
    // The record itself is two levels (document, specs), its spec the rest.
    equal(parseRecord(record({ version: 2, name: 'a/b', description: 'd', extra: nested(61) }), 'r.json').command, 'a/b');
    throws(
      () => parseRecord(record({ version: 2, name: 'a/b', description: 'd', extra: nested(62) }), 'r.json'),
      /nested deeper than 64 arrays and objects/,
    );
  });
});
