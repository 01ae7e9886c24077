import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsReadSpec, listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { repoRoot, specsDir } from '../support/paths.js';
import { badSpec, schemaValidator } from './support.js';

const validateResult = schemaValidator('run-result');

describe('continuum-gen validate and continuum-gen schema', function () {
  after(removeTempProjects);

  it('validate a good spec: exit 0, what it would plan on stderr, nothing written', async () => {
    const dir = tempProject();
    const run = await runBin(['validate', `--spec=${docsReadSpec}`], { cwd: dir });
    equal(run.code, 0, run.stderr);
    equal(run.stdout, '');
    match(run.stderr, /^valid .*docs-read\.json: docs\/read \(server-only\), 8 files planned$/m);
    deepStrictEqual(listFiles(dir), []);
  });

  it('validate a folder of specs with --json: one result, every spec listed', async () => {
    const run = await runBin(['validate', `--spec=${specsDir}`, '--json'], { cwd: tempProject() });
    equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    deepStrictEqual(validateResult(result), []);
    deepStrictEqual([result.command, result.status, result.files], ['validate', 'done', []]);
    ok(result.specs.length >= 10);
  });

  it('validate a bad spec: every problem with file:line:column and pointer, exit 1, nothing written', async () => {
    const dir = tempProject({ 'draft.json': JSON.stringify(badSpec, null, 2) });
    const text = await runBin(['validate', '--spec=draft.json'], { cwd: dir });
    equal(text.code, 1);
    match(text.stderr, /draft\.json:8:15 \(at \/params\/0\/type\)/);
    match(text.stderr, /draft\.json:14:15 \(at \/results\/0\/type\)/);
    const json = await runBin(['validate', '--spec=draft.json', '--json'], { cwd: dir });
    equal(json.code, 1);
    const result = JSON.parse(json.stdout);
    deepStrictEqual(validateResult(result), []);
    deepStrictEqual(
      result.issues.map((i: { pointer: string; line: number; column: number }) => `${i.pointer} ${i.line}:${i.column}`),
      ['/params/0/type 8:15', '/results/0/type 14:15'],
    );
    deepStrictEqual(listFiles(dir), ['draft.json']);
  });

  it('validate with an unknown option or no --spec: a usage error, as a result with --json', async () => {
    const unknown = await runBin(['validate', '--spec=x.json', '--sepc=y', '--json'], { cwd: tempProject() });
    equal(unknown.code, 1);
    const result = JSON.parse(unknown.stdout);
    deepStrictEqual(validateResult(result), []);
    match(result.issues[0].message, /--sepc/);
    const missing = await runBin(['validate'], { cwd: tempProject() });
    equal(missing.code, 1);
    match(missing.stderr, /missing --spec/);
  });

  it('schema prints each published schema byte for byte; an unknown name fails with the list', async () => {
    for (const [args, file] of [
      [[], 'command-spec-v2'],
      [['run-result'], 'run-result'],
      [['audit-report'], 'audit-report'],
      [['project-config'], 'project-config'],
    ] as const) {
      const run = await runBin(['schema', ...args], { cwd: tempProject() });
      equal(run.code, 0);
      equal(run.stdout, readFileSync(join(repoRoot, 'schemas', `${file}.schema.json`), 'utf8'));
    }
    const unknown = await runBin(['schema', 'spec'], { cwd: tempProject() });
    equal(unknown.code, 1);
    match(unknown.stderr, /unknown schema "spec"[\s\S]*command-spec-v2\|run-result/);
  });

  it('--help lists validate, schema and mcp', async () => {
    const run = await runBin(['--help'], { cwd: tempProject() });
    for (const line of [/^ {2}validate --spec=/m, /^ {2}schema \[/m, /^ {2}mcp \[--cwd <folder>\]/m]) match(run.stdout, line);
  });
});
