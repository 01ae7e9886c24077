import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedEdit, PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand } from '../../shared/engine.js';
import { makeHostProject, runHostScript, typeCheckHost, removeHostProjects } from '../support/host-project.js';
import { fixturesDir, specsDir } from '../support/paths.js';
import { generateCase, goldenCases } from './golden.test.js';

/** Every TypeScript-producing example spec and golden case that targets the default layout. */
function allDefaultLayoutFiles(): PlannedFile[] {
  const byPath = new Map<string, string>();
  const add = (files: readonly PlannedFile[], origin: string): void => {
    // Saved spec copies are not compiled; cases may differ there (e.g. a $schema key).
    for (const file of files.filter((f) => !f.path.startsWith(`${defaultProjectConfig.roots.specs}/`))) {
      const previous = byPath.get(file.path);
      assert.ok(previous === undefined || previous === file.content, `${origin} writes ${file.path} differently from another case`);
      byPath.set(file.path, file.content);
    }
  };
  const edits: PlannedEdit[] = [];
  for (const file of readdirSync(specsDir).filter((f) => f.endsWith('.json')).sort()) {
    const result = generateCommand({ specText: readFileSync(join(specsDir, file), 'utf8'), specFile: file, config: defaultProjectConfig });
    add(result.files, file);
    edits.push(...result.edits);
  }
  for (const name of goldenCases()) {
    if (name.includes('custom-layout')) continue;
    const result = generateCase(name);
    add(result.files, name);
    edits.push(...result.edits);
  }
  // Edits of shared TypeScript files (rust-ipc composes its mixin into RustCoreIPC.ts), applied to the fixture's text.
  const fixtureText = (path: string): string | undefined => (existsSync(join(fixturesDir, 'host', path)) ? readFileSync(join(fixturesDir, 'host', path), 'utf8') : undefined);
  for (const [path, content] of applyEdits(edits.filter((e) => e.path.endsWith('.ts')), (path) => byPath.get(path) ?? fixtureText(path))) byPath.set(path, content);
  return [...byPath].map(([path, content]) => ({ path, content }));
}

describe('generated TypeScript compiles and runs against the host fixture', function () {
  after(removeHostProjects);
  let hostDir = '';
  let files: PlannedFile[] = [];

  before(() => {
    files = allDefaultLayoutFiles();
    hostDir = makeHostProject(files);
  });

  it('every example spec and golden case type-checks together under tsc --strict', () => {
    assert.ok(files.filter((f) => f.path.endsWith('.ts')).length >= 15, 'expected a real amount of generated TypeScript');
    const result = typeCheckHost(hostDir);
    assert.equal(result.status, 0, result.output);
  });

  it('the compile check is real: a type error in generated code fails it', () => {
    const types = files.find((f) => f.path.endsWith('DocsReadTypes.ts'))!;
    const broken = makeHostProject([...files.filter((f) => f !== types), { path: types.path, content: types.content.replace('content: string;', 'content: number;') }]);
    const result = typeCheckHost(broken);
    assert.notEqual(result.status, 0);
    assert.match(result.output, /DocsReadServerCommand\.ts.*error TS2322/);
  });

  it('every generated unit test runs and passes', () => {
    const unitTests = files.filter((f) => f.path.includes('/test/unit/'));
    assert.ok(unitTests.length >= 4);
    for (const test of unitTests) {
      const run = runHostScript(hostDir, test.path);
      assert.equal(run.status, 0, `${test.path}\n${run.output}`);
      assert.match(run.output, /All \w+ unit tests passed/);
    }
  });
});
