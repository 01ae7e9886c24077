import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import type { CommandModel, FieldModel, TypeDeclaration } from '../../shared/model/command-model.js';
import { objectSample, type SampleMode } from '../../shared/render/wire-samples.js';
import type { TypeNode } from '../../shared/types/type-tree.js';
import { makeHostProject, runHostScript, typeCheckHost, removeHostProjects } from '../support/host-project.js';
import { fixturesDir } from '../support/paths.js';
import { filesOf, generateLanguageCase, languageCases, runTool, tempDir, type LanguageCase } from './language-cases.js';

/**
 * The cross-language round trip: a JSON document built from a spec's sample values (the same
 * builder the Rust round trip uses) is parsed and re-serialised by the generated Python models
 * (standard-library json, the models' own field names and aliases) and by the generated
 * TypeScript, and each result must equal the document as parsed JSON (never as bytes: Python
 * writes 1.5 where JS writes 1.5, but 1.0 where JS writes 1).
 */

/** Imported names have no shape in the spec; every default mapping of UUID is a string. */
function importsAsStrings(node: TypeNode, model: CommandModel): TypeNode {
  switch (node.kind) {
    case 'named':
      return model.imports.some((i) => i.name === node.name) ? { kind: 'primitive', name: 'string' } : node;
    case 'array':
      return { kind: 'array', element: importsAsStrings(node.element, model) };
    case 'record':
      return { kind: 'record', value: importsAsStrings(node.value, model) };
    case 'nullable':
      return { kind: 'nullable', inner: importsAsStrings(node.inner, model) };
    default:
      return node;
  }
}

function documentsOf(model: CommandModel): { label: string; owner: 'Params' | 'Result'; document: Record<string, unknown> }[] {
  const fix = (fields: readonly FieldModel[]): FieldModel[] => fields.map((f) => ({ ...f, type: importsAsStrings(f.type, model) }));
  const types: TypeDeclaration[] = model.types.map((t) => (t.kind === 'interface' ? { ...t, fields: fix(t.fields) } : t));
  const known = { types, unions: model.unions ?? [] };
  const out: { label: string; owner: 'Params' | 'Result'; document: Record<string, unknown> }[] = [];
  for (const mode of ['minimal', 'full'] as SampleMode[]) {
    for (const [owner, fields] of [['Params', model.params], ['Result', model.results]] as const) {
      const document = objectSample(`${model.className}${owner}`, fix(fields), mode, known);
      assert.ok(document, `${model.name}: no ${mode} ${owner} document`);
      out.push({ label: `${mode} ${owner}`, owner, document });
    }
  }
  return out;
}

const WIRE_OMIT = `'context' | 'sessionId' | 'userId' | 'success' | 'error'`;

describe('cross-language round trip: sample documents through generated Python and TypeScript', () => {
  after(removeHostProjects);
  const cases: LanguageCase[] = languageCases().filter((c) => c.config === undefined);
  let pythonDir = '';

  before(() => {
    pythonDir = tempDir('roundtrip-py');
  });
  after(() => rmSync(pythonDir, { recursive: true, force: true }));

  it('Python: every document survives json.loads -> Model.model_validate -> model_dump(by_alias=True) -> json', () => {
    const jobs: { module: string; model: string; document: unknown; label: string }[] = [];
    for (const c of cases) {
      const result = generateLanguageCase(c, ['python']);
      const models = filesOf(result, 'python').find((f) => !f.path.endsWith('_routes.py'))!;
      writeFileSync(join(pythonDir, models.path.split('/').pop()!), models.content);
      const module = models.path.split('/').pop()!.replace(/\.py$/, '');
      for (const doc of documentsOf(result.model)) jobs.push({ module, model: `${result.model.className}${doc.owner}`, document: doc.document, label: `${c.name} ${doc.label}` });
    }
    const run = runTool('python3', [join(fixturesDir, 'python', 'roundtrip.py')], { input: JSON.stringify({ moduleDir: pythonDir, jobs }) });
    assert.equal(run.status, 0, run.output);
    const results = JSON.parse(run.output) as ({ ok: unknown } | { error: string })[];
    assert.equal(results.length, jobs.length);
    results.forEach((r, i) => {
      assert.ok('ok' in r, `${jobs[i].label}: ${'error' in r ? r.error : ''}`);
      assert.deepStrictEqual(r.ok, jobs[i].document, jobs[i].label);
    });
  });

  it('Python: the round trip is a real check: a snake_case key or a missing required key is refused', () => {
    const c = cases.find((x) => x.name === 'docs-read')!;
    const result = generateLanguageCase(c, ['python']);
    const models = filesOf(result, 'python').find((f) => !f.path.endsWith('_routes.py'))!;
    writeFileSync(join(pythonDir, 'docs_read.py'), models.content);
    const jobs = [
      { module: 'docs_read', model: 'DocsReadParams', document: { path: 'a', max_lines_typo: 3 } },
      { module: 'docs_read', model: 'DocsReadResult', document: { content: '', sections: [], truncated: false } },
      { module: 'docs_read', model: 'DocsReadParams', document: { path: 'a', format: 'html' } },
    ];
    const run = runTool('python3', [join(fixturesDir, 'python', 'roundtrip.py')], { input: JSON.stringify({ moduleDir: pythonDir, jobs }) });
    const results = JSON.parse(run.output) as { error?: string }[];
    assert.match(results[0].error ?? '', /unknown keys \['max_lines_typo'\]/);
    assert.match(results[1].error ?? '', /lastModified: required/);
    assert.match(results[2].error ?? '', /'html' is not a valid/);
  });

  it('TypeScript: every document type-checks as the generated wire type and survives JSON.parse -> JSON.stringify', () => {
    const files: PlannedFile[] = [];
    const scripts: { path: string; expected: unknown[]; label: string }[] = [];
    cases.forEach((c, index) => {
      const result = generateLanguageCase(c, []);
      const model = result.model;
      const typesFile = result.files.find((f) => f.path.endsWith(`/shared/${model.className}Types.ts`));
      assert.ok(typesFile, `${c.name}: no Types file`);
      files.push(...result.files.filter((f) => f.path.endsWith('.ts')));
      const docs = documentsOf(model);
      const typesModule = `@commands/${model.name}/shared/${model.className}Types`;
      const script = `src/roundtrip/case${index}.ts`;
      const sampleKey = model.params.find((p) => !p.optional)?.name;
      files.push({
        path: script,
        content: [
          `import type { ${model.className}Params, ${model.className}Result } from '${typesModule}';`,
          '',
          '// JSON carries branded host types (UUID) as plain strings.',
          'type Json<T> = T extends string & { readonly __brand: unknown } ? string : T extends readonly (infer E)[] ? Json<E>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;',
          `type Wire<T> = Json<Omit<T, ${WIRE_OMIT}>>;`,
          '',
          '// The documents as typed literals: tsc refuses an undeclared key, a missing required one or a wrong type.',
          ...docs.map((d, i) => `const doc${i}: Wire<${model.className}${d.owner}> = ${JSON.stringify(d.document)};`),
          ...(sampleKey
            ? ['// @ts-expect-error a key the generated params type does not declare', `const wrongKey: Wire<${model.className}Params> = { ...doc0, ${JSON.stringify(`${sampleKey}_typo`)}: 1 };`, 'void wrongKey;']
            : []),
          '',
          '// Parsed from JSON text and re-serialised as the generated types.',
          `const texts = [${docs.map((_, i) => `JSON.stringify(doc${i})`).join(', ')}];`,
          `const parsed = texts.map((text, i) => (i % 2 === 0 ? (JSON.parse(text) as Wire<${model.className}Params>) : (JSON.parse(text) as Wire<${model.className}Result>)));`,
          'console.log(JSON.stringify(parsed));',
          '',
        ].join('\n'),
      });
      scripts.push({ path: script, expected: docs.map((d) => d.document), label: c.name });
    });
    const host = makeHostProject(files);
    try {
      const check = typeCheckHost(host);
      assert.equal(check.status, 0, check.output);
      for (const script of scripts) {
        const run = runHostScript(host, script.path);
        assert.equal(run.status, 0, `${script.label}\n${run.output}`);
        assert.deepStrictEqual(JSON.parse(run.output.trim().split('\n').pop()!), script.expected, script.label);
      }
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });

  it('the full documents carry every field of the spec, optional ones included (the round trip is not trivial)', () => {
    for (const c of cases) {
      const model = generateLanguageCase(c, []).model;
      const full = documentsOf(model).filter((d) => d.label.startsWith('full'));
      for (const d of full) {
        const fields = d.owner === 'Params' ? model.params : model.results;
        assert.deepEqual(Object.keys(d.document), fields.map((f) => f.name), `${c.name} ${d.label}: the full document has every field`);
      }
    }
  });
});
