import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import {
  commandGenerator,
  conflicterStatuses,
  docsReadFiles,
  docsReadSpec,
  forgetGeneration,
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  snapshotFiles,
  tempProject,
} from '../support/generator-run.js';

const README = 'src/commands/docs/read/README.md';
const SAVED_SPEC = 'src/generator/specs/docs-read.json';

/** Run continuum:command in an existing folder, like a user in their checkout (files on disk stay). */
function runIn(dir: string, options: Record<string, unknown>, environmentOptions: Record<string, unknown> = { force: false }) {
  fromRepoRoot();
  return helpers
    .run(commandGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, environmentOptions)
    .withOptions(options)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

describe('continuum:command (yeoman-test, real files on disk)', () => {
  after(removeTempProjects);

  describe('the wizard', () => {
    it('asks for everything a spec holds, with union values as their own step, and saves the spec it built', async () => {
      const dir = tempProject();
      const result = await runIn(dir, { interactive: true }).withAnswers({
        name: 'docs/read',
        description: 'Read a documentation file',
        environment: 'both',
        accessLevel: 'ai-safe',
        className: '',
        addParam1: true,
        param1Name: 'path',
        param1Type: 'string',
        param1Optional: false,
        param1Description: 'Doc path',
        addParam2: true,
        param2Name: 'format',
        param2Type: 'union',
        param2Values: 'markdown, html',
        param2Optional: true,
        addParam3: false,
        addResult1: true,
        result1Name: 'content',
        result1Type: 'string',
        addResult2: false,
      });
      const asked = result.askedQuestions.map((q) => q.name);
      for (const name of [
        'name',
        'description',
        'environment',
        'accessLevel',
        'className',
        'param1Type',
        'param2Values',
        'addParam3',
        'result1Name',
        'addResult2',
      ])
        ok(asked.includes(name), `${name} was asked`);
      equal(asked.includes('param1Values'), false, 'values are asked only for a union');
      deepStrictEqual(JSON.parse(read(dir, SAVED_SPEC)), {
        version: 2,
        name: 'docs/read',
        description: 'Read a documentation file',
        environment: 'both',
        accessLevel: 'ai-safe',
        params: [
          { name: 'path', type: 'string', description: 'Doc path' },
          { name: 'format', type: "'markdown' | 'html'", optional: true },
        ],
        results: [{ name: 'content', type: 'string' }],
      });
      // environment both: the full-stack adapter writes the server and the browser command.
      ok(listFiles(dir).includes('src/commands/docs/read/server/DocsReadServerCommand.ts'));
      ok(listFiles(dir).includes('src/commands/docs/read/browser/DocsReadBrowserCommand.ts'));
      match(read(dir, 'src/commands/docs/read/shared/DocsReadTypes.ts'), /'markdown' \| 'html'/);
    });

    it('does not ask for a value given as a flag, and checks the flag like an answer', async () => {
      const dir = tempProject();
      const result = await runIn(dir, { interactive: true, name: 'docs/read', accessLevel: 'system' }).withAnswers({
        description: 'Read a doc',
      });
      const asked = result.askedQuestions.map((q) => q.name);
      equal(asked.includes('name'), false);
      equal(asked.includes('accessLevel'), false);
      ok(asked.includes('description'));
      equal(JSON.parse(read(dir, SAVED_SPEC)).accessLevel, 'system');

      const other = tempProject();
      await rejects(
        runIn(other, { interactive: true, environment: 'cloud' }),
        /--environment: value not allowed; found "cloud"; expected one of "server", "browser", "both"/,
      );
      deepStrictEqual(listFiles(other), []);
    });
  });

  describe('--spec', () => {
    it('asks nothing, writes the command folder, and saves a spec from outside the specs folder there as v2', async () => {
      const dir = tempProject();
      const result = await runIn(dir, { spec: docsReadSpec, interactive: true });
      deepStrictEqual(result.askedQuestions, []);
      deepStrictEqual(listFiles(dir), docsReadFiles);
      deepStrictEqual(JSON.parse(read(dir, SAVED_SPEC)), JSON.parse(readFileSync(docsReadSpec, 'utf8')));
    });

    it('leaves a spec that already lives in the specs folder alone, and --migrate rewrites a v1 one as v2', async () => {
      const v1 = `${JSON.stringify({ name: 'docs/read', description: 'Read a doc', params: [{ name: 'path', type: 'string' }], results: [{ name: 'content', type: 'string' }], implementation: 'server' }, null, 2)}\n`;
      const dir = tempProject({ [SAVED_SPEC]: v1 });
      const plain = await runIn(dir, { spec: SAVED_SPEC, interactive: false });
      equal(read(dir, SAVED_SPEC), v1, 'without --migrate the v1 file is read, not rewritten');
      equal(conflicterStatuses(plain).create.includes(SAVED_SPEC), false);

      // --migrate asked for that file to be rewritten: not a conflict, even without --force.
      const rewritten = await runIn(dir, { spec: SAVED_SPEC, migrate: true, interactive: false });
      deepStrictEqual(conflicterStatuses(rewritten).force, [SAVED_SPEC]);
      const migrated = JSON.parse(read(dir, SAVED_SPEC));
      equal(migrated.version, 2);
      equal(migrated.environment, 'server');
    });

    it('reads the project config from .yo-rc.json: another layout without editing code', async () => {
      const dir = tempProject({
        '.yo-rc.json': JSON.stringify({ 'generator-continuum': { roots: { commands: 'app/cmds', specs: 'app/specs' } } }),
      });
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      ok(listFiles(dir).includes('app/cmds/docs/read/shared/DocsReadTypes.ts'));
      ok(listFiles(dir).includes('app/specs/docs-read.json'));
      equal(
        listFiles(dir).some((f) => f.startsWith('src/')),
        false,
      );
    });
  });

  describe('writing through the conflicter', () => {
    it('reports every file identical on a re-run and does not touch them', async () => {
      const dir = tempProject();
      const first = await runIn(dir, { spec: docsReadSpec, interactive: false });
      deepStrictEqual(conflicterStatuses(first).create, docsReadFiles);
      const before = snapshotFiles(dir);
      const again = await runIn(dir, { spec: docsReadSpec, interactive: false });
      const statuses = conflicterStatuses(again);
      deepStrictEqual(statuses.identical, docsReadFiles);
      deepStrictEqual([statuses.create, statuses.conflict, statuses.force], [[], [], []]);
      deepStrictEqual(snapshotFiles(dir), before);
    });

    it('raises a conflict (question "action") for a file the user edited, and keeps it when told to skip', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      appendFileSync(join(dir, README), 'my notes\n');
      const result = await runIn(dir, { spec: docsReadSpec, interactive: true }).withAnswers({ action: 'skip' });
      deepStrictEqual(
        result.askedQuestions.map((q) => q.name),
        ['action'],
      );
      deepStrictEqual(conflicterStatuses(result).conflict, [README]);
      match(read(dir, README), /my notes\n$/);
    });

    it('overwrites the edited file when the answer is write', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      const generated = read(dir, README);
      appendFileSync(join(dir, README), 'my notes\n');
      await runIn(dir, { spec: docsReadSpec, interactive: true }).withAnswers({ action: 'write' });
      equal(read(dir, README), generated);
    });

    it('non-interactive: fails listing the conflicting files instead of prompting, and writes nothing', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      appendFileSync(join(dir, README), 'my notes\n');
      writeFileSync(join(dir, 'src/commands/docs/read/package.json'), '{}\n');
      const other = join(dir, 'src/commands/docs/read/shared/DocsReadTypes.ts');
      writeFileSync(other, 'stale');
      const before = snapshotFiles(dir);
      await rejects(runIn(dir, { spec: docsReadSpec, interactive: false }), (error: Error) => {
        match(error.message, /3 files cannot be merged with the new generation/);
        match(error.message, /conflict src\/commands\/docs\/read\/README\.md/);
        match(error.message, /conflict src\/commands\/docs\/read\/shared\/DocsReadTypes\.ts/);
        match(error.message, /--force/);
        return true;
      });
      deepStrictEqual(snapshotFiles(dir), before);
    });

    it('non-interactive: a .yo-resolve entry settles the conflict, as Yeoman documents', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      appendFileSync(join(dir, README), 'my notes\n');
      writeFileSync(join(dir, '.yo-resolve'), `${README} skip\n`);
      const result = await runIn(dir, { spec: docsReadSpec, interactive: false });
      deepStrictEqual(conflicterStatuses(result).skip, [README]);
      match(read(dir, README), /my notes\n$/);
    });

    it('--dry-run writes nothing, on a fresh project and over an edited file', async () => {
      const fresh = tempProject();
      await runIn(fresh, { spec: docsReadSpec, interactive: false }, { force: false, dryRun: true });
      deepStrictEqual(listFiles(fresh), []);

      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      appendFileSync(join(dir, README), 'my notes\n');
      const before = snapshotFiles(dir);
      await runIn(dir, { spec: docsReadSpec, interactive: false }, { force: false, dryRun: true });
      deepStrictEqual(snapshotFiles(dir), before);
    });

    it('--force overwrites an edited file without asking', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      const generated = read(dir, README);
      appendFileSync(join(dir, README), 'my notes\n');
      const result = await runIn(dir, { spec: docsReadSpec, interactive: false }, { force: true });
      deepStrictEqual(result.askedQuestions, []);
      equal(read(dir, README), generated);
    });

    it('--whitespace: a change in spacing only is not a conflict', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      writeFileSync(join(dir, README), read(dir, README).replace('# docs/read', '#   docs/read'));
      const before = snapshotFiles(dir);
      const result = await runIn(dir, { spec: docsReadSpec, interactive: false, whitespace: true });
      ok(conflicterStatuses(result).identical.includes(README));
      deepStrictEqual(snapshotFiles(dir)[README], before[README]);
      forgetGeneration(dir);
      await rejects(runIn(dir, { spec: docsReadSpec, interactive: false }), /conflict src\/commands\/docs\/read\/README\.md/);
    });

    it('--bail stops at the first change', async () => {
      const dir = tempProject();
      await runIn(dir, { spec: docsReadSpec, interactive: false });
      forgetGeneration(dir);
      appendFileSync(join(dir, README), 'my notes\n');
      await rejects(
        runIn(dir, { spec: docsReadSpec, interactive: true }, { force: false, bail: true }),
        /--bail: src\/commands\/docs\/read\/README\.md would change; nothing was written/,
      );
      match(read(dir, README), /my notes\n$/);
    });
  });

  describe('bad input: a clear error and no file written', () => {
    const badSpecs: Array<[string, string, RegExp]> = [
      ['malformed JSON', '{\n  "version": 2,\n  "name": "docs/read",\n  "description": \n}\n', /bad\.json:5:1: /],
      [
        'a name that would write outside the project',
        JSON.stringify({ version: 2, name: '../escape', description: 'x' }),
        /bad\.json:1:\d+ \(at \/name\).*'\.\.'/,
      ],
      [
        'an unknown type',
        JSON.stringify({ version: 2, name: 'docs/read', description: 'x', params: [{ name: 'a', type: 'Strin' }] }),
        /\(at \/params\/0\/type\): unknown type Strin/,
      ],
      [
        'duplicate param names',
        JSON.stringify({
          version: 2,
          name: 'docs/read',
          description: 'x',
          params: [
            { name: 'a', type: 'string' },
            { name: 'a', type: 'string' },
          ],
        }),
        /\(at \/params\/1\/name\): duplicate param name/,
      ],
      ['a schema violation', JSON.stringify({ version: 2, name: 'docs/read', description: 7 }), /\(at \/description\).*found 7/],
    ];
    for (const [what, text, message] of badSpecs) {
      it(`refuses ${what}`, async () => {
        const dir = tempProject({ 'bad.json': text });
        await rejects(runIn(dir, { spec: 'bad.json', interactive: false }), (error: Error) => {
          match(error.message, message);
          match(error.message, /nothing was written/);
          return true;
        });
        deepStrictEqual(listFiles(dir), ['bad.json']);
      });
    }

    it('refuses a spec file that does not exist', async () => {
      const dir = tempProject();
      await rejects(runIn(dir, { spec: 'missing.json', interactive: false }), /missing\.json: cannot read the spec file; found ENOENT/);
      deepStrictEqual(listFiles(dir), []);
    });

    it('refuses a malformed .yo-rc.json with its line and column, and a config value with its pointer', async () => {
      const broken = tempProject({ '.yo-rc.json': '{\n  "generator-continuum": {\n' });
      await rejects(runIn(broken, { spec: docsReadSpec, interactive: false }), /\.yo-rc\.json:3:1: /);
      deepStrictEqual(listFiles(broken), ['.yo-rc.json']);

      const wrong = tempProject({
        '.yo-rc.json': JSON.stringify({ 'generator-continuum': { roots: { commands: '../elsewhere' } } }, null, 2),
      });
      await rejects(
        runIn(wrong, { spec: docsReadSpec, interactive: false }),
        /\.yo-rc\.json:4:\d+ \(at \/generator-continuum\/roots\/commands\)/,
      );
      deepStrictEqual(listFiles(wrong), ['.yo-rc.json']);
    });

    it('non-interactive without a spec: names every missing value instead of waiting', async () => {
      const dir = tempProject();
      await rejects(runIn(dir, { interactive: false }), (error: Error) => {
        match(error.message, /missing --name/);
        match(error.message, /missing --description/);
        return true;
      });
      deepStrictEqual(listFiles(dir), []);
    });

    it('refuses --spec together with values the spec holds', async () => {
      const dir = tempProject();
      await rejects(runIn(dir, { spec: docsReadSpec, name: 'x/y', interactive: false }), /--name cannot be combined with it/);
      deepStrictEqual(listFiles(dir), []);
    });
  });
});
