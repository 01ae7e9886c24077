import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeAdapters, formatAdapterListing, projectAdapterListing } from '../../shared/adapters/adapter-listing.js';
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import { CONFIG_KEY, resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { fixturesDir, repoRoot } from '../support/paths.js';
import { tempDir } from './language-cases.js';

const pluginsDir = join(fixturesDir, 'plugins');
const DOCS_READ = readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8');

/** A copy of the fixture project (its own layout and the example plugin), with the broken plugins beside it. */
function pluginProject(configOverride?: Record<string, unknown>): { dir: string; config: ProjectConfig } {
  const dir = tempDir('plugin-project');
  cpSync(join(pluginsDir, 'project'), dir, { recursive: true });
  cpSync(join(pluginsDir, 'broken'), join(dir, 'broken'), { recursive: true });
  const yoRc = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  if (configOverride) {
    yoRc[CONFIG_KEY] = { ...yoRc[CONFIG_KEY], ...configOverride };
    writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify(yoRc, null, 2));
  }
  return { dir, config: resolveProjectConfig(yoRc[CONFIG_KEY]) };
}

async function loadFailure(dir: string, config: ProjectConfig): Promise<string> {
  try {
    await loadProjectAdapters(dir, config);
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected loading to fail');
}

describe('project-local adapter plugins', () => {
  const made: string[] = [];
  const project = (override?: Record<string, unknown>) => {
    const p = pluginProject(override);
    made.push(p.dir);
    return p;
  };
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('the example plugin (test/fixtures/plugins) loads from .yo-rc.json and runs end to end through the engine', async () => {
    const { dir, config } = project();
    const loaded = await loadProjectAdapters(dir, config);
    assert.deepEqual(
      loaded.plugins.map((p) => [p.id, p.module]),
      [['json-schema', './tools/json-schema-adapter.js']],
    );
    const result = generateCommand({
      specText: DOCS_READ,
      specFile: 'specs/docs-read.json',
      config,
      registry: loaded.registry,
      extraAdapters: ['json-schema'],
    });
    // The project's own layout (app/features, contracts) and the plugin's output folder from adapterOptions.
    assert.deepEqual(
      result.files.map((f) => f.path).filter((p) => !p.startsWith('app/features/')),
      ['contracts/docs-read.json', 'contracts/json/docs-read.schema.json'],
    );
    const schema = JSON.parse(result.files.find((f) => f.path === 'contracts/json/docs-read.schema.json')!.content) as {
      title: string;
      $defs: Record<string, unknown>;
      properties: { params: { required: string[]; properties: Record<string, unknown> }; result: { properties: Record<string, unknown> } };
    };
    assert.equal(schema.title, 'acme docs/read', 'the factory received its options');
    assert.deepEqual(schema.properties.params.required, ['path']);
    assert.deepEqual(schema.properties.result.properties.lastModified, {
      anyOf: [{ type: 'string' }, { type: 'null' }],
      description: 'ISO 8601 time of the last change, null when unknown',
    });
    assert.deepEqual(schema.$defs.DocsReadFormat, { enum: ['markdown', 'text'] });
  });

  it('the plugin’s own check refuses what it cannot map (an imported type), naming the adapter and the type', async () => {
    const { dir, config } = project();
    const loaded = await loadProjectAdapters(dir, config);
    const chat = readFileSync(join(repoRoot, 'specs', 'chat-send.json'), 'utf8');
    assert.throws(
      () =>
        generateCommand({ specText: chat, specFile: 'chat-send.json', config, registry: loaded.registry, extraAdapters: ['json-schema'] }),
      /adapter json-schema cannot map type UUID/,
    );
  });

  it('an npm package installed in the project loads by name (ESM-only exports)', async () => {
    const { dir, config } = project({ adapters: [{ module: '@acme/json-schema-adapter' }] });
    const pkg = join(dir, 'node_modules', '@acme', 'json-schema-adapter');
    mkdirSync(join(pkg, 'lib'), { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/json-schema-adapter', type: 'module', exports: { '.': { import: './lib/index.js' } } }),
    );
    cpSync(join(dir, 'tools', 'json-schema-adapter.js'), join(pkg, 'lib', 'index.js'));
    const loaded = await loadProjectAdapters(dir, config);
    assert.deepEqual(
      loaded.plugins.map((p) => p.module),
      ['@acme/json-schema-adapter'],
    );
    assert.ok(loaded.registry.get('json-schema'));
  });

  it('the adapter listing shows built-ins and the project-local adapter with its module and resolved output', async () => {
    const { dir, config } = project();
    const text = formatAdapterListing(describeAdapters(await loadProjectAdapters(dir, config), config));
    assert.match(text, /^swift {2}\(built-in\)$/m);
    assert.match(
      text,
      /^json-schema {2}\(\.\/tools\/json-schema-adapter\.js\)\n {2}JSON Schema .*\n {2}writes: contracts\/json\/<name>\.schema\.json\n {2}options: outputDir="contracts\/json"$/m,
    );
  });

  it('projectAdapterListing (the hook of `continuum-gen adapters`) reads .yo-rc.json itself; a broken plugin is an error with its line', async () => {
    const { dir } = project();
    assert.match(await projectAdapterListing(dir), /^json-schema {2}\(\.\/tools\/json-schema-adapter\.js\)$/m);
    const broken = project({ adapters: [{ module: './broken/throws-on-load.js' }] });
    await assert.rejects(
      projectAdapterListing(broken.dir),
      /\.yo-rc\.json:\d+:\d+ \(at \/generator-continuum\/adapters\/0\/module\): adapter plugin \.\/broken\/throws-on-load\.js threw while loading/,
    );
  });

  const broken: [string, string, RegExp][] = [
    [
      'a missing file',
      './tools/nope.js',
      /\.yo-rc\.json \(at \/generator-continuum\/adapters\/0\/module\): adapter plugin \.\/tools\/nope\.js cannot be found: the module file does not exist/,
    ],
    [
      'a missing package',
      'not-installed-adapter',
      /adapter plugin not-installed-adapter cannot be found: npm package not-installed-adapter is not installed in the project; .*expected npm install not-installed-adapter/,
    ],
    [
      'a module without an adapter export',
      './broken/no-export.js',
      /adapter plugin \.\/broken\/no-export\.js exports no adapter; found exports somethingElse/,
    ],
    [
      'a module that throws while loading',
      './broken/throws-on-load.js',
      /adapter plugin \.\/broken\/throws-on-load\.js threw while loading: plugin exploded while loading/,
    ],
    [
      'an export that is not an adapter',
      './broken/bad-shape.js',
      /adapter plugin \.\/broken\/bad-shape\.js does not export a valid adapter: id "Bad Id" is not a lowercase id .*; description is missing .*; writes is not a list of strings .*; plan is not a function/,
    ],
    [
      'an id a built-in adapter has',
      './broken/duplicate-id.js',
      /adapter plugin \.\/broken\/duplicate-id\.js has id swift, which a built-in adapter already uses/,
    ],
  ];
  for (const [what, module, expected] of broken) {
    it(`${what} is a SpecError naming the plugin (nothing is generated)`, async () => {
      const { dir, config } = project({ adapters: [{ module }] });
      assert.match(await loadFailure(dir, config), expected);
    });
  }

  it('two plugins with one id: the second is refused naming the first', async () => {
    const { dir, config } = project({
      adapters: [{ module: './tools/json-schema-adapter.js' }, { module: './tools/json-schema-adapter.js' }],
    });
    assert.match(
      await loadFailure(dir, config),
      /adapters\/1\/module\): adapter plugin \.\/tools\/json-schema-adapter\.js has id json-schema, which adapter plugin \.\/tools\/json-schema-adapter\.js already uses/,
    );
  });

  for (const [what, module, expected] of [
    [
      'throws in plan',
      './broken/throws-in-plan.js',
      /adapter plugin \.\/broken\/throws-in-plan\.js \(id throws-in-plan\) threw in plan: cannot read properties of undefined/,
    ],
    [
      'plans paths outside the project',
      './broken/escapes-project.js',
      /adapter plugin \.\/broken\/escapes-project\.js \(id escapes-project\) planned a path outside the project: it contains '\.\.'; found "\.\.\/outside\.txt"[\s\S]*it is absolute; found "\/etc\/evil"/,
    ],
  ] as const) {
    it(`a plugin that ${what} fails generation with a SpecError naming it, and no plan is returned`, async () => {
      const { dir, config } = project({ adapters: [{ module }] });
      const loaded = await loadProjectAdapters(dir, config);
      const id = loaded.plugins[0].id;
      assert.throws(
        () =>
          generateCommand({
            specText: DOCS_READ,
            specFile: 'specs/docs-read.json',
            config,
            registry: loaded.registry,
            extraAdapters: [id],
          }),
        (error: unknown) => error instanceof SpecError && expected.test(error.message),
      );
    });
  }

  it('a declared option of the wrong type in the plugin entry is refused', async () => {
    const { dir, config } = project({ adapters: [{ module: './tools/json-schema-adapter.js', options: { outputDir: '/abs' } }] });
    assert.match(
      await loadFailure(dir, config),
      /\(at \/generator-continuum\/adapters\/0\/options\/outputDir\): option outputDir of adapter plugin \.\/tools\/json-schema-adapter\.js is absolute/,
    );
  });

  it('the config schema refuses an adapters entry without a module', () => {
    assert.throws(() => resolveProjectConfig({ adapters: [{ path: './x.js' }] }), SpecError);
  });
});
