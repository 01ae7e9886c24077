import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import { CONFIG_KEY, resolveProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { listFiles, removeTempProjects, runBin, snapshotFiles, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const ROUTE_TABLE = { module: './tools/route-table-adapter.js' };
const BUILT_IN_IDS = 'browser-only, c, full-stack, kotlin, proto, python, rust-ipc, server-only, swift, trait-only';
const HEALTH_ROUTE = 'GET /health -> health\n';

/** docs/read's spec, naming the given adapter as its own. */
const docsRead = (adapter: string): string => {
  const spec = JSON.parse(readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8')) as Record<string, unknown>;
  delete spec.$schema;
  return `${JSON.stringify({ ...spec, adapter }, null, 2)}\n`;
};

/**
 * A copy of the plugin fixture project (its own layout: app/features, specs in contracts) whose
 * config lists the given plugins, with a route table other code already wrote to.
 */
function project(adapters: readonly { module: string }[], spec: string): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, 'plugins', 'project'), dir, { recursive: true });
  cpSync(join(fixturesDir, 'plugins', 'broken'), join(dir, 'broken'), { recursive: true });
  const yoRc = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  yoRc[CONFIG_KEY] = { ...yoRc[CONFIG_KEY], adapters };
  writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify(yoRc, null, 2));
  writeFileSync(join(dir, 'requests-docs-read.json'), spec);
  mkdirSync(join(dir, 'app', 'routes'), { recursive: true });
  writeFileSync(join(dir, 'app', 'routes', 'routes.txt'), HEALTH_ROUTE);
  return dir;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

describe("a project adapter as a spec's own adapter (config adapters, spec adapter), through the real CLI", () => {
  after(removeTempProjects);

  it('generates its files and edits the shared route table, keeping what was there; a second run changes nothing', async () => {
    const dir = project([ROUTE_TABLE], docsRead('route-table'));
    const run = await runBin(['command', '--spec=requests-docs-read.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.deepEqual(JSON.parse(read(dir, 'app/routes/docs/read.route.json')), {
      command: 'docs/read',
      method: 'POST',
      path: '/api/docs/read',
      // The environment the spec names (one the adapter declares).
      environment: 'server',
      params: [
        { name: 'path', required: true },
        { name: 'section', required: false },
        { name: 'format', required: false },
        { name: 'maxLines', required: false },
      ],
    });
    assert.equal(read(dir, 'app/routes/routes.txt'), `${HEALTH_ROUTE}POST /api/docs/read -> docs/read\n`);
    const files = listFiles(dir);
    // Its own adapter, not the TypeScript command beside it: no command folder.
    assert.deepEqual(
      files.filter((f) => f.startsWith('app/features/')),
      [],
    );
    assert.ok(files.includes('contracts/docs-read.json'), `the spec is saved beside the others: ${files.join(', ')}`);

    const before = snapshotFiles(dir);
    const again = await runBin(['command', '--spec=requests-docs-read.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(read(dir, 'app/routes/routes.txt'), before['app/routes/routes.txt'].content);
  });

  it('`continuum-gen adapters` lists it with what a spec naming it may hold', async () => {
    const run = await runBin(['adapters'], { cwd: project([ROUTE_TABLE], docsRead('route-table')), stdin: 'closed' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^route-table {2}\(\.\/tools\/route-table-adapter\.js\)\n.*\n {2}writes: app\/routes\/<name>\.route\.json, .*\n {2}options: outputDir="app\/routes"\n {2}spec: environment server$/m,
    );
    assert.match(run.stdout, /^rust-ipc {2}\(built-in\)\n.*\n.*\n {2}spec: environment server or both; reads rust$/m);
    assert.match(
      run.stdout,
      /^server-only {2}\(built-in\)\n.*\n.*\n {2}spec: environment server; the default adapter of environment server$/m,
    );
  });

  it('the control: without the plugin in the config, the same spec is refused at /adapter with the known ids listed, and nothing is written', async () => {
    const dir = project([], docsRead('route-table'));
    const before = snapshotFiles(dir);
    const run = await runBin(['command', '--spec=requests-docs-read.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      run.stderr,
      new RegExp(
        `requests-docs-read\\.json:\\d+:\\d+ \\(at /adapter\\): adapter route-table is not available in this version; found "route-table"; expected one of ${BUILT_IN_IDS}`,
      ),
    );
    assert.deepEqual(snapshotFiles(dir), before);
  });

  it("an unknown adapter is refused at /adapter listing the project's adapters too, with the closest as a suggestion", async () => {
    const dir = project([ROUTE_TABLE], docsRead('route-tabel'));
    const before = snapshotFiles(dir);
    const run = await runBin(['command', '--spec=requests-docs-read.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      run.stderr,
      /\(at \/adapter\): adapter route-tabel is not available in this version; found "route-tabel"; expected one of browser-only, .*python, route-table, rust-ipc, .*; did you mean "route-table"\?/,
    );
    assert.deepEqual(snapshotFiles(dir), before);
  });
});

describe("a project adapter's declarations and edits are checked like the built-ins'", () => {
  after(removeTempProjects);

  const loaded = async (adapters: readonly { module: string }[]) => {
    const dir = project(adapters, docsRead('server-only'));
    const config = resolveProjectConfig((JSON.parse(read(dir, '.yo-rc.json')) as Record<string, unknown>)[CONFIG_KEY]);
    return { config, registry: (await loadProjectAdapters(dir, config)).registry };
  };
  const refusal = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof SpecError, String(error));
      return error.message;
    }
    assert.fail('expected a SpecError');
  };

  it('an environment the adapter does not declare is refused at /environment, naming the ones it does', async () => {
    const { config, registry } = await loaded([ROUTE_TABLE]);
    const spec = docsRead('route-table').replace('"environment": "server"', '"environment": "browser"');
    assert.match(
      refusal(() => generateCommand({ specText: spec, specFile: 'docs-read.json', config, registry })),
      /docs-read\.json:\d+:\d+ \(at \/environment\): environment browser contradicts adapter route-table; found "browser"; expected "server" for adapter route-table, or remove environment/,
    );
  });

  it('a rust block is refused at /rust, naming the adapters that accept one', async () => {
    const { config, registry } = await loaded([ROUTE_TABLE]);
    const spec = docsRead('route-table').replace('"version": 2,', '"version": 2,\n  "rust": { "module": "modules/docs" },');
    assert.match(
      refusal(() => generateCommand({ specText: spec, specFile: 'docs-read.json', config, registry })),
      /\(at \/rust\): a rust block needs adapter rust-ipc or trait-only, but adapter is route-table/,
    );
  });

  for (const [what, module, expected] of [
    [
      'claims a default another adapter holds',
      './broken/default-taken.js',
      /\(at \/generator-continuum\/adapters\/0\/module\): adapter plugin \.\/broken\/default-taken\.js \(id default-taken\) cannot be registered: server-only is already the default adapter of environment server/,
    ],
    [
      'declares unknown environments and blocks',
      './broken/bad-declarations.js',
      /adapter plugin \.\/broken\/bad-declarations\.js does not export a valid adapter: environments is neither absent nor a list of "server", "browser", "both"; accepts is neither absent nor a list of "rust", "traits", "companions", "variants"/,
    ],
  ] as const) {
    it(`a plugin that ${what} is refused when it loads, naming it`, async () => {
      const dir = project([{ module }], docsRead('server-only'));
      const config = resolveProjectConfig((JSON.parse(read(dir, '.yo-rc.json')) as Record<string, unknown>)[CONFIG_KEY]);
      await assert.rejects(
        loadProjectAdapters(dir, config),
        (error: unknown) => error instanceof SpecError && expected.test(error.message),
      );
    });
  }

  for (const [what, module, expected] of [
    [
      'plans an edit outside the project',
      './broken/edits-escape-project.js',
      /adapter plugin \.\/broken\/edits-escape-project\.js \(id edits-escape-project\) planned an edit of a path outside the project: it contains '\.\.'; found "\.\.\/shared\.txt"/,
    ],
    [
      'edits a file without returning its text',
      './broken/edit-returns-nothing.js',
      /adapter plugin \.\/broken\/edit-returns-nothing\.js \(id edit-returns-nothing\) returned something other than the file's new text from its edit of shared\.txt/,
    ],
  ] as const) {
    it(`a plugin that ${what} is a SpecError naming it`, async () => {
      const { config, registry } = await loaded([{ module }]);
      const id = module.replace(/^.*\//, '').replace(/\.js$/, '');
      assert.match(
        refusal(() => {
          const result = generateCommand({
            specText: docsRead('server-only'),
            specFile: 'docs-read.json',
            config,
            registry,
            extraAdapters: [id],
          });
          for (const edit of result.edits) edit.apply(undefined);
        }),
        expected,
      );
    });
  }
});
