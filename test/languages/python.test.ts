import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYDANTIC_RESERVED } from '../../shared/targets/python/python-text.js';
import type { FieldModel } from '../../shared/model/command-model.js';
import { filesOf, generateLanguageCase, languageCases, writeTree } from './language-cases.js';
import {
  mutate,
  tempDir,
  pythonModule,
  pythonOutcomes,
  roundTripCases,
  roundTripProblems,
  type GeneratedCase,
  type Job,
} from './round-trips.js';
import { pythonFixturesDir, pythonVenv, runPython, runPythonDriver, skipWhenRegistrySkipped } from './toolchains.js';
import { canonicalJson, plainRequiredField } from './wire-documents.js';

/**
 * Generated Python under the real packages: Pydantic v2, FastAPI and its TestClient, pinned in
 * test/fixtures/python/requirements.txt and installed from PyPI into a venv the test makes
 * (.tmp/python-venv-<hash>). No stand-in: if PyPI cannot be reached these tests fail and say so,
 * unless CONTINUUM_SKIP_REGISTRIES=pypi skips them knowingly.
 */

/** A JSON value of the wrong type for a scalar field, and the error type Pydantic gives it. */
const WRONG_VALUE: Record<string, { value: unknown; error: string }> = {
  string: { value: 12345, error: 'string_type' },
  integer: { value: 'seven', error: 'int_parsing' },
  number: { value: 'one and a half', error: 'float_parsing' },
  boolean: { value: 'maybe', error: 'bool_parsing' },
};

interface RouteAnswer {
  readonly fastapi: string;
  readonly results: ReadonlyArray<{ status: number; body: unknown }>;
}

const pinOf = (name: string): string =>
  new RegExp(`^${name}==(.+)$`, 'mi').exec(readFileSync(join(pythonFixturesDir, 'requirements.txt'), 'utf8'))![1];

describe('Python: generated Pydantic v2 models and FastAPI route stubs under the real packages (venv from PyPI)', function () {
  this.timeout(1_800_000);
  let tree = '';
  let cases: GeneratedCase[] = [];
  /** Every generated .py of every case (the custom-options one too), written under its planned path. */
  let modules: string[] = [];

  before(function () {
    skipWhenRegistrySkipped(this, 'pypi');
    pythonVenv();
    tree = tempDir('python');
    cases = roundTripCases();
    for (const c of languageCases()) {
      const files = filesOf(generateLanguageCase(c, ['python']), 'python');
      writeTree(tree, files);
      modules.push(...files.map((f) => pythonModule(f.path)));
    }
    modules = [...new Set(modules)].sort();
  });

  /** What a developer does with the stub: the 501 replaced by a result of the declared type, written beside it. */
  const fillHandler = (g: GeneratedCase, mode: 'full' | 'minimal'): { path: string; result: unknown } => {
    const file = filesOf(g.result, 'python').find((f) => f.path.endsWith('_routes.py'))!;
    const result = g.documents.find((d) => d.mode === mode && d.owner === 'Result')!;
    const filled = mutate(
      file.content,
      /raise HTTPException\(status_code=501, .*\)/,
      `return ${result.type}.model_validate_json(${JSON.stringify(JSON.stringify(result.document))})`,
      'fill in the handler',
    );
    const path = file.path.replace(/_routes\.py$/, `_routes_filled_${mode}.py`);
    writeTree(tree, [{ path, content: filled }]);
    return { path, result: result.document };
  };

  const models = (g: GeneratedCase): string => pythonModule(filesOf(g.result, 'python').find((f) => !f.path.endsWith('_routes.py'))!.path);
  const routes = (g: GeneratedCase): string => pythonModule(filesOf(g.result, 'python').find((f) => f.path.endsWith('_routes.py'))!.path);

  it('runs the pinned Pydantic 2 and FastAPI from the venv, not a stand-in', () => {
    const models = runPythonDriver<{ pydantic: string }>('check_models.py', { paths: [], jobs: [] });
    assert.equal(models.pydantic, pinOf('pydantic'));
    assert.match(models.pydantic, /^2\./);
    const routes = runPythonDriver<RouteAnswer>('check_routes.py', { paths: [], calls: [] });
    assert.equal(routes.fastapi, pinOf('fastapi'));
  });

  it('imports every generated module (models and routes, every case) with warnings as errors', () => {
    assert.ok(modules.length >= 16, modules.join(' '));
    const run = runPython([
      '-B',
      '-W',
      'error',
      '-c',
      `import importlib, sys\nsys.path.insert(0, ${JSON.stringify(tree)})\nfor name in ${JSON.stringify(modules)}:\n    importlib.import_module(name)\nprint('imported', len(${JSON.stringify(modules)}))`,
    ]);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, new RegExp(`imported ${modules.length}`));
  });

  it("the adapter's reserved names cover every attribute the installed BaseModel has (Pydantic warns when a field shadows one)", () => {
    const run = runPython([
      '-B',
      '-c',
      "import json, pydantic\nB = pydantic.BaseModel\nprint(json.dumps(sorted(n for n in set(dir(B)) | set(dir(type(B))) if not n.startswith('_') and hasattr(B, n))))",
    ]);
    assert.equal(run.status, 0, run.output);
    const missing = (JSON.parse(run.output) as string[]).filter((n) => !PYDANTIC_RESERVED.has(n));
    assert.deepEqual(missing, [], 'BaseModel attributes a field name would shadow');
  });

  it("a document with a wrong-typed field is refused with Pydantic's own error at that field's wire name", () => {
    const jobs: Job[] = [];
    const expected: { field: FieldModel; error: string }[] = [];
    for (const g of cases) {
      for (const d of g.documents.filter((x) => x.mode === 'full')) {
        const field = plainRequiredField(d.owner === 'Params' ? g.model.params : g.model.results);
        if (!field || field.type.kind !== 'primitive') continue;
        const wrong = WRONG_VALUE[field.type.name];
        jobs.push({
          label: `${g.c.name} ${d.label} with ${field.name}: ${JSON.stringify(wrong.value)}`,
          target: `${models(g)}.${d.type}`,
          document: { ...d.document, [field.name]: wrong.value },
        });
        expected.push({ field, error: wrong.error });
      }
    }
    assert.ok(jobs.length >= 8, `${jobs.length} wrong documents`);
    const { answer } = pythonOutcomes(tree, jobs);
    answer.results.forEach((r, i) => {
      assert.ok(r.errors, `${jobs[i].label}: accepted`);
      assert.deepEqual(
        r.errors.map((e) => [e.type, e.loc.join('.')]),
        [[expected[i].error, expected[i].field.name]],
        `${jobs[i].label}: ${r.text}`,
      );
      assert.match(r.text ?? '', /validation error for/, "the text is pydantic.ValidationError's own");
    });
  });

  it("the route stub answers 501 with its not-implemented detail, and 422 with Pydantic's error for bad params", () => {
    type Expect = { status: 501; command: string } | { status: 422; error: string; loc: string };
    const calls: { module: string; path: string; body: unknown; expect: Expect }[] = [];
    for (const g of cases) {
      const params = g.documents.find((d) => d.mode === 'full' && d.owner === 'Params')!.document;
      calls.push({ module: routes(g), path: `/${g.model.name}`, body: params, expect: { status: 501, command: g.model.name } });
      const field = plainRequiredField(g.model.params);
      if (field?.type.kind !== 'primitive') continue;
      const wrong = WRONG_VALUE[field.type.name];
      calls.push({
        module: routes(g),
        path: `/${g.model.name}`,
        body: { ...params, [field.name]: wrong.value },
        expect: { status: 422, error: wrong.error, loc: `body.${field.name}` },
      });
    }
    // The custom-options case serves under its routePrefix (/v1/).
    const custom = languageCases().find((c) => c.config !== undefined)!;
    const customRoutes = filesOf(generateLanguageCase(custom, ['python']), 'python').find((f) => f.path.endsWith('_routes.py'))!;
    calls.push({
      module: pythonModule(customRoutes.path),
      path: '/v1/chat/send',
      body: { room: 'general', message: 'hi' },
      expect: { status: 501, command: 'chat/send' },
    });
    assert.ok(calls.filter((c) => c.expect.status === 422).length >= 3, 'bad-params calls');
    const answer = runPythonDriver<RouteAnswer>('check_routes.py', {
      paths: [tree],
      calls: calls.map(({ module, path, body }) => ({ module, path, body })),
    });
    answer.results.forEach((r, i) => {
      const { expect, path } = calls[i];
      assert.equal(r.status, expect.status, `${path}: ${JSON.stringify(r.body)}`);
      if (expect.status === 501) assert.deepEqual(r.body, { detail: `${expect.command} is not implemented yet` });
      else
        assert.deepEqual(
          (r.body as { detail: { type: string; loc: string[] }[] }).detail.map((e) => [e.type, e.loc.join('.')]),
          [[expect.error, expect.loc]],
          path,
        );
    });
  });

  it("a filled-in handler's typed answer goes out as the result's wire document (by alias, unset fields left out)", () => {
    const calls: { module: string; path: string; body: unknown }[] = [];
    const expected: unknown[] = [];
    for (const g of cases) {
      for (const mode of ['full', 'minimal'] as const) {
        const { path, result } = fillHandler(g, mode);
        calls.push({
          module: pythonModule(path),
          path: `/${g.model.name}`,
          body: g.documents.find((d) => d.mode === mode && d.owner === 'Params')!.document,
        });
        expected.push(result);
      }
    }
    const answer = runPythonDriver<RouteAnswer>('check_routes.py', { paths: [tree], calls });
    answer.results.forEach((r, i) => {
      assert.equal(r.status, 200, `${calls[i].module}: ${JSON.stringify(r.body)}`);
      assert.equal(canonicalJson(r.body), canonicalJson(expected[i]), calls[i].module);
    });
  });

  it('mypy --strict (with the Pydantic plugin) and pyflakes accept every generated module and the filled-in handlers', () => {
    const generated = modules.map((m) => `${m.split('.').join('/')}.py`);
    const files = [...generated, ...cases.map((g) => fillHandler(g, 'full').path)];
    const mypy = runPython(['-B', '-m', 'mypy', '--config-file', join(pythonFixturesDir, 'mypy.ini'), ...files], tree);
    assert.equal(mypy.status, 0, mypy.output);
    assert.match(mypy.output, new RegExp(`Success: no issues found in ${files.length} source files`));
    // The generated files only: a filled-in handler no longer uses the stub's HTTPException import.
    const pyflakes = runPython(['-B', '-m', 'pyflakes', ...generated], tree);
    assert.equal(pyflakes.status, 0, pyflakes.output);
  });

  it('the Python checks are real: a planted type error in a model, a handler answering the wrong type and an unused import fail', () => {
    const g = cases.find((x) => x.c.name === 'vhsm-encrypt')!;
    const file = filesOf(g.result, 'python').find((f) => !f.path.endsWith('_routes.py'))!;
    // plaintext: str -> int: the full params document (plaintext "text") no longer validates.
    const path = file.path.replace(/\.py$/, '_planted.py');
    writeTree(tree, [{ path, content: mutate(file.content, /^ {4}plaintext: str\b/m, '    plaintext: int', 'python type error') }]);
    const doc = g.documents.find((d) => d.mode === 'full' && d.owner === 'Params')!;
    const jobs: Job[] = [{ label: 'planted', target: `${pythonModule(path)}.${doc.type}`, document: doc.document }];
    const problems = roundTripProblems(jobs, pythonOutcomes(tree, jobs).outcomes);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /plaintext[\s\S]*int_parsing|plaintext[\s\S]*valid integer/);
    // A handler returning a dict that is not a result: FastAPI validates the response and answers 500.
    const routesFile = filesOf(g.result, 'python').find((f) => f.path.endsWith('_routes.py'))!;
    const wrongPath = routesFile.path.replace(/_routes\.py$/, '_routes_wrong.py');
    writeTree(tree, [
      {
        path: wrongPath,
        content: mutate(routesFile.content, /raise HTTPException\(status_code=501, .*\)/, "return {'ciphertext': 1}", 'wrong answer'),
      },
    ]);
    const answer = runPythonDriver<RouteAnswer>('check_routes.py', {
      paths: [tree],
      calls: [{ module: pythonModule(wrongPath), path: '/vhsm/encrypt', body: doc.document }],
    });
    assert.equal(answer.results[0].status, 500, JSON.stringify(answer.results[0].body));
    // mypy finds the same handler's wrong return type without running it, and pyflakes an import nothing uses.
    const mypy = runPython(['-B', '-m', 'mypy', '--config-file', join(pythonFixturesDir, 'mypy.ini'), wrongPath], tree);
    assert.notEqual(mypy.status, 0);
    assert.match(mypy.output, new RegExp(`${wrongPath.replace(/[.]/g, '\\.')}:\\d+: error: Incompatible return value type`));
    const unusedPath = file.path.replace(/\.py$/, '_unused.py');
    writeTree(tree, [
      { path: unusedPath, content: mutate(file.content, /^from pydantic import /m, 'import json\nfrom pydantic import ', 'unused import') },
    ]);
    const pyflakes = runPython(['-B', '-m', 'pyflakes', unusedPath], tree);
    assert.notEqual(pyflakes.status, 0);
    assert.match(pyflakes.output, /'json' imported but unused/);
  });
});
