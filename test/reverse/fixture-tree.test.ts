import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { normaliseSpec } from '../../shared/reverse/normalise-spec.js';
import { ReverseEngineer, type ReversedCommand } from '../../shared/reverse/reverse-engineer.js';
import { formatWarning } from '../../shared/reverse/warnings.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { fixturesDir, specsDir } from '../support/paths.js';

const treeRoot = join(fixturesDir, 'reverse-tree');
const expectedDir = join(fixturesDir, 'reverse-expected');
const commandsRoot = join(treeRoot, defaultProjectConfig.roots.commands);

/** `src/commands/ai/dataset/create` -> `ai-dataset-create`: the name of its expected files. */
const keyOf = (folder: string): string => posix.relative(defaultProjectConfig.roots.commands, folder).split('/').join('-');

/** The expected-warnings file: the status on the first line, then one formatted warning per line. */
const warningsText = (result: ReversedCommand): string =>
  [`status: ${result.status}`, ...result.warnings.map(formatWarning)].join('\n') + '\n';

/**
 * The whole hand-written fixture tree (test/fixtures/reverse-tree, described in its README) in one
 * run, compared with test/fixtures/reverse-expected/<key>.spec.json and <key>.warnings.txt.
 * `UPDATE_EXPECTED=1` rewrites the expected files from the current output; review the diff.
 */
describe('reverse: the hand-written fixture tree', () => {
  let results: ReversedCommand[] = [];
  let elapsedMs = 0;

  before(() => {
    const started = performance.now();
    const engine = new ReverseEngineer({ projectRoot: treeRoot, config: defaultProjectConfig });
    results = engine.reverseAll(engine.discover(commandsRoot));
    elapsedMs = performance.now() - started;
    if (process.env.UPDATE_EXPECTED === '1') {
      rmSync(expectedDir, { recursive: true, force: true });
      mkdirSync(expectedDir, { recursive: true });
      for (const result of results) {
        if (result.spec) writeFileSync(join(expectedDir, `${keyOf(result.folder)}.spec.json`), serialiseSpec(result.spec));
        writeFileSync(join(expectedDir, `${keyOf(result.folder)}.warnings.txt`), warningsText(result));
      }
    }
  });

  it('reads the whole tree in one run: at least 15 commands, nested folders, one unparseable file reported and skipped', () => {
    const byStatus = (status: ReversedCommand['status']): string[] =>
      results.filter((r) => r.status === status).map((r) => keyOf(r.folder));
    assert.ok(byStatus('reversed').length >= 15, `only ${byStatus('reversed').length} commands reversed`);
    assert.deepEqual(byStatus('failed'), ['zz-broken']);
    assert.deepEqual(byStatus('not-a-command'), ['file']);
    const keys = results.map((r) => keyOf(r.folder));
    for (const nested of ['development-generate', 'development-generate-audit', 'file-save'])
      assert.ok(keys.includes(nested), `${nested} discovered`);
    assert.ok(elapsedMs < 10_000, `took ${Math.round(elapsedMs)} ms`);
  });

  it('has expected files for exactly the folders in the tree', () => {
    const expectedKeys = [...new Set(readdirSync(expectedDir).map((f) => f.replace(/\.(spec\.json|warnings\.txt)$/, '')))].sort();
    assert.deepEqual(expectedKeys, results.map((r) => keyOf(r.folder)).sort());
  });

  const expectedKeys = existsSync(expectedDir)
    ? readdirSync(expectedDir)
        .filter((f) => f.endsWith('.warnings.txt'))
        .map((f) => f.replace(/\.warnings\.txt$/, ''))
        .sort()
    : [];
  for (const key of expectedKeys) {
    it(`${key}: the expected spec and warnings`, () => {
      const result = results.find((r) => keyOf(r.folder) === key);
      assert.ok(result, `${key} was not discovered`);
      assert.equal(warningsText(result), readFileSync(join(expectedDir, `${key}.warnings.txt`), 'utf8'));
      const specPath = join(expectedDir, `${key}.spec.json`);
      if (existsSync(specPath)) assert.equal(result.spec && serialiseSpec(result.spec), readFileSync(specPath, 'utf8'));
      else assert.equal(result.spec, undefined);
    });
  }

  it('the Rust-backed gpu/stats reverses to the design spec specs/gpu-stats.json, rust block included (plus what its code says besides: error?: string, a browser side)', () => {
    const gpu = results.find((r) => keyOf(r.folder) === 'gpu-stats');
    assert.deepEqual(
      gpu?.spec?.results?.find((r) => r.name === 'error'),
      { name: 'error', type: 'string', optional: true },
    );
    assert.equal(gpu?.spec?.environment, 'both', 'gpu/stats has browser/GpuStatsBrowserCommand.ts beside its Rust-backed server');
    const withoutError = { ...gpu!.spec!, environment: 'server' as const, results: gpu!.spec!.results!.filter((r) => r.name !== 'error') };
    assert.deepEqual(
      normaliseSpec(withoutError, defaultProjectConfig),
      normaliseSpec(JSON.parse(readFileSync(join(specsDir, 'gpu-stats.json'), 'utf8')), defaultProjectConfig),
    );
  });

  it('every reversed spec without a blocking warning generates again (registered adapters)', () => {
    const blocking = new Set(['any', 'unresolved-type', 'inexpressible-type']);
    const registered = builtinAdapters().ids();
    const generated: string[] = [];
    for (const result of results) {
      if (!result.spec || result.warnings.some((w) => blocking.has(w.kind))) continue;
      const adapter =
        result.spec.adapter ?? { server: 'server-only', browser: 'browser-only', both: 'full-stack' }[result.spec.environment ?? 'server'];
      if (!registered.includes(adapter)) continue;
      generateCommand({
        specText: serialiseSpec(result.spec),
        specFile: `${keyOf(result.folder)}.spec.json`,
        config: defaultProjectConfig,
      });
      generated.push(keyOf(result.folder));
    }
    assert.ok(generated.length >= 10, `only ${generated.length} generated: ${generated.join(', ')}`);
  });
});
