/**
 * The parsers of syntax-aware edits (tree-sitter Rust, ts-morph) are loaded only by a run that
 * edits a hand-written host file: a rust-ipc run into a project without one loads neither (the
 * fast path's module-graph guard), and the same hook sees both when the host's own gpu.rs and
 * gpu.ts are extended (the check can fail). An audit parses with the compiler ts-morph bundles,
 * without loading ts-morph itself.
 */
import { equal, ok } from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadTsMorph, loadTypeScript } from '../../shared/edits/typescript-loader.js';
import { makeLivingProject } from '../living/living-project.js';
import { fixturesDir } from '../support/paths.js';
import { removeTempProjects } from '../support/generator-run.js';
import { modulesLoadedBy } from '../support/module-graph.js';
import { removeRustCrates } from '../support/rust-project.js';

const SPEC = 'src/generator/specs/gpu-evict.json';
const evictSpec = {
  version: 2,
  name: 'gpu/evict',
  description: 'Evict a GPU memory consumer',
  adapter: 'rust-ipc',
  environment: 'server',
  rust: { module: 'modules/gpu' },
  params: [{ name: 'consumer', type: 'string', description: 'Id of the consumer' }],
  results: [{ name: 'evicted', type: 'boolean', description: 'Whether it was evicted' }],
};

/** Generate gpu/evict into a living project, recording every module the process loads. */
async function loadedBy(name: string, handWrittenGpu: boolean): Promise<{ loaded: string[]; stderr: string }> {
  const project = makeLivingProject(name, { handWrittenGpu });
  mkdirSync(dirname(project.at(SPEC)), { recursive: true });
  writeFileSync(project.at(SPEC), `${JSON.stringify(evictSpec, null, 2)}\n`);
  const { run, loaded } = await modulesLoadedBy(['command', `--spec=${project.at(SPEC)}`, `--cwd=${project.root}`, '--no-interactive']);
  equal(run.code, 0, run.stderr);
  return { loaded, stderr: run.stderr };
}

const PARSERS = ['/web-tree-sitter/', '/ts-morph/'];

describe('the edit parsers are loaded only when a hand-written host file is edited (module graph, not timing)', function () {
  after(removeTempProjects);
  after(removeRustCrates);

  it('a rust-ipc run that writes a new module loads neither web-tree-sitter nor ts-morph', async () => {
    const { loaded, stderr } = await loadedBy('lazy-parsers-new-module', false);
    ok(/create src\/workers\/continuum-core\/src\/modules\/gpu\.rs/.test(stderr), stderr);
    ok(
      loaded.some((url) => url.endsWith('/dist/bin/continuum-gen.cjs')),
      'the hook sees the modules the run loads',
    );
    for (const parser of PARSERS) ok(!loaded.some((url) => url.includes(parser)), `a run that edits no hand-written file loaded ${parser}`);
  });

  it('extending the hand-written gpu.rs and gpu.ts loads both (the check can fail)', async () => {
    const { loaded, stderr } = await loadedBy('lazy-parsers-hand-written', true);
    ok(/edit src\/workers\/continuum-core\/src\/modules\/gpu\.rs/.test(stderr), stderr);
    for (const parser of PARSERS)
      ok(
        loaded.some((url) => url.includes(parser)),
        `the edit of hand-written code did not load ${parser}`,
      );
  });

  it('an audit loads the TypeScript compiler ts-morph bundles, and not ts-morph itself', async () => {
    const { run, loaded } = await modulesLoadedBy(['audit', `--cwd=${join(fixturesDir, 'audit-tree')}`, '--json']);
    ok(run.stdout.includes('"findings"'), run.stdout.slice(0, 200) + run.stderr);
    ok(
      loaded.some((url) => url.endsWith('/@ts-morph/common/dist/typescript.js')),
      'the audit parsed with the compiler (the hook sees it)',
    );
    ok(!loaded.some((url) => url.includes('/ts-morph/')), 'an audit that fixes nothing loaded ts-morph');
  });

  it("the compiler reverse parses with is ts-morph's own module (one copy when a run loads both)", () => {
    const compiler = loadTypeScript();
    // ts-morph re-exports it through an interop namespace: another object holding the same functions.
    const { ts } = loadTsMorph();
    equal(ts.createSourceFile, compiler.createSourceFile, "ts-morph's ts is another copy of TypeScript");
    equal(ts.SyntaxKind, compiler.SyntaxKind);
    // The control: the TypeScript package the build uses, another copy, is told apart.
    const other = createRequire(import.meta.url)('typescript') as typeof compiler;
    ok(other.createSourceFile !== compiler.createSourceFile && typeof other.createSourceFile === 'function', 'the check can fail');
  });
});
