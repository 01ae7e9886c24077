import { deepStrictEqual, equal, ok, throws } from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { dryRunDiffs, unifiedDiff } from '../../shared/agent/file-diffs.js';
import { conflictResult, describeFileStates, resultFiles } from '../../shared/agent/run-result.js';
import { outsideRootIssue, plannedOutsideRoot, specSourcesOf, withoutInlinePositions } from '../../shared/agent/spec-input.js';
import { SpecError } from '../../shared/errors.js';
import { removeTempProjects, tempProject } from '../support/generator-run.js';
import { schemaValidator } from './support.js';

const tool = { name: 'generator-continuum', version: '0.0.0-test' };

describe('shared/agent: the pieces of a run result', function () {
  after(removeTempProjects);

  it("a dry run's diff, applied to the file on disk, gives exactly the planned text; unchanged files get none", () => {
    const disk: Record<string, string> = { 'a.ts': 'one\ntwo\nthree\n', 'same.ts': 'x\n' };
    const planned = [
      { path: 'a.ts', content: 'one\n2\nthree\nfour\n' },
      { path: 'new.ts', content: 'fresh\n' },
      { path: 'same.ts', content: 'x\n' },
    ];
    const states = new Map([
      ['a.ts', 'conflict'],
      ['new.ts', 'create'],
      ['same.ts', 'identical'],
    ]);
    const diffs = dryRunDiffs(planned, states, (path) => disk[path]);
    deepStrictEqual([...diffs.keys()], ['a.ts', 'new.ts']);
    equal(applyPatch(disk['a.ts'], diffs.get('a.ts')!), 'one\n2\nthree\nfour\n');
    equal(applyPatch('', diffs.get('new.ts')!), 'fresh\n');
    equal(unifiedDiff('new.ts', undefined, 'fresh\n').split('\n')[0], '--- /dev/null');
  });

  it('every planned file needs the state the conflicter reported; a missing one is an error, not a guess', () => {
    deepStrictEqual(
      resultFiles(
        ['a', 'b'],
        new Map([
          ['a', 'create'],
          ['b', 'skip'],
        ]),
      ),
      [
        { path: 'a', state: 'create' },
        { path: 'b', state: 'skip' },
      ],
    );
    throws(() => resultFiles(['a', 'b'], new Map([['a', 'create']])), /no conflicter state was reported for b/);
    throws(() => resultFiles(['a'], new Map([['a', 'written']])), /got written/);
    equal(
      describeFileStates(
        [
          { path: 'a', state: 'create' },
          { path: 'b', state: 'identical' },
          { path: 'c', state: 'create' },
        ],
        true,
      ),
      'Dry run: 3 files: 2 create, 1 identical',
    );
  });

  it('a conflict result lists the files sorted, each as an issue saying how to go on, and fits the schema', () => {
    const result = conflictResult({ command: 'command', tool }, ['z.md', 'a.md']);
    deepStrictEqual(result.files, [
      { path: 'a.md', state: 'conflict' },
      { path: 'z.md', state: 'conflict' },
    ]);
    ok(result.issues.every((i) => /force/.test(i.expected ?? '')));
    deepStrictEqual(schemaValidator('run-result')(result), []);
  });

  it('a spec is given exactly one way', () => {
    const root = tempProject();
    const problem = (input: object): string => {
      try {
        specSourcesOf(input, root);
      } catch (error) {
        return (error as SpecError).issues[0].message;
      }
      return 'no error';
    };
    equal(problem({}), 'no spec was given');
    equal(problem({ spec: {}, specPath: 'x.json' }), 'only one way of giving the spec may be used; found spec and specPath');
    equal(problem({ spec: [1] }), 'the spec must be a JSON object (a CommandSpec v2)');
    deepStrictEqual(specSourcesOf({ specText: '{}' }, root), [{ specText: '{}', specFile: '<specText>' }]);
  });

  it("an object spec's issues lose line and column (they point into text the agent never saw); text keeps them", () => {
    deepStrictEqual(
      withoutInlinePositions([
        { file: '<spec>', pointer: '/a', line: 3, column: 4, message: 'm' },
        { file: '<specText>', pointer: '/a', line: 3, column: 4, message: 'm' },
      ]),
      [
        { file: '<spec>', pointer: '/a', message: 'm' },
        { file: '<specText>', pointer: '/a', line: 3, column: 4, message: 'm' },
      ],
    );
  });

  it('root confinement: .., an absolute path elsewhere and a link out are refused; paths inside (not yet existing) pass', () => {
    const root = tempProject({ 'specs/a.json': '{}' });
    const elsewhere = tempProject();
    mkdirSync(join(root, 'src'));
    symlinkSync(elsewhere, join(root, 'src', 'linked'));
    equal(outsideRootIssue(root, 'specs/a.json', 'specPath'), undefined);
    equal(outsideRootIssue(root, 'specs/not/yet/there.json', 'specPath'), undefined);
    ok(outsideRootIssue(root, '../x.json', 'specPath'));
    ok(outsideRootIssue(root, join(elsewhere, 'x.json'), 'specPath'));
    ok(outsideRootIssue(root, 'src/linked/x.json', 'specPath'));
    deepStrictEqual(
      plannedOutsideRoot(root, ['src/linked/deep/file.ts', 'src/own/file.ts']).map((i) => i.file),
      ['src/linked/deep/file.ts'],
    );
  });
});
