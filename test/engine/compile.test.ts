import { strict as assert } from 'node:assert';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { makeHostProject, runHostScript, removeHostProjects } from '../support/host-project.js';
import { defaultLayoutTypeScript } from '../languages/compile-checks.js';

/** tsc --strict over the same files is the typescript target's compile check (test/languages/targets.ts). */
describe('generated TypeScript runs against the host fixture', function () {
  after(removeHostProjects);
  let hostDir = '';
  let files: PlannedFile[] = [];

  before(() => {
    files = defaultLayoutTypeScript();
    hostDir = makeHostProject(files);
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
