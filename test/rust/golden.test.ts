import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../shared/engine.js';
import { caseConfig, caseEdits, generateGoldenCase, goldenCases } from '../support/golden.js';
import { specsDir } from '../support/paths.js';
import { fixtureText } from '../support/rust-project.js';

/**
 * What the Rust adapters' golden cases must hold besides their files (test/engine/golden.test.ts
 * compares expected/ and expected-edits/ of every case): the shipped specs verbatim, a custom
 * layout for each adapter, and edits that a second run leaves alone.
 */
const RUST_ADAPTERS = ['rust-ipc', 'trait-only'];

function rustCases() {
  return goldenCases()
    .filter((c) => c.extraAdapters.length === 0)
    .map((c) => ({ c, result: generateGoldenCase(c) }))
    .filter(({ result }) => RUST_ADAPTERS.includes(result.adapter.id));
}

describe('golden cases of the Rust adapters (rust-ipc, trait-only)', () => {
  const cases = rustCases();

  it('has cases for both adapters, the shipped specs verbatim, and a custom layout', () => {
    const ids = new Set(cases.map(({ result }) => result.adapter.id));
    assert.ok(ids.has('rust-ipc') && ids.has('trait-only'));
    const verbatim: Array<[string, string]> = [
      ['rust-ipc-gpu-stats', 'gpu-stats.json'],
      ['trait-managed-service', 'traits/managed-service.json'],
      ['trait-lifecycle', 'traits/lifecycle.json'],
      ['trait-metrics-emitter', 'traits/metrics-emitter.json'],
      ['trait-configurable', 'traits/configurable.json'],
    ];
    for (const [name, spec] of verbatim) {
      const c = cases.find((x) => x.c.name === name)!.c;
      assert.equal(
        readFileSync(join(c.dir, 'spec.json'), 'utf8'),
        readFileSync(join(specsDir, spec), 'utf8'),
        `${name} is specs/${spec} verbatim`,
      );
    }
    assert.ok(cases.some(({ c, result }) => c.name.includes('custom-layout') && result.adapter.id === 'rust-ipc'));
    assert.ok(cases.some(({ c, result }) => c.name.includes('custom-layout') && result.adapter.id === 'trait-only'));
  });

  for (const { c, result } of cases) {
    it(`${c.name}: a second run adds nothing: every edit is idempotent`, () => {
      const edited = caseEdits(c, result);
      assert.ok(edited.length > 0, 'the case edits no shared file');
      const once = new Map(edited.map((f) => [f.path, f.content]));
      const twice = applyEdits(result.edits, (path) => once.get(path) ?? fixtureText(path, caseConfig(c)));
      assert.equal(twice.size, 0, `changed again: ${[...twice.keys()].join(', ')}`);
    });
  }
});
