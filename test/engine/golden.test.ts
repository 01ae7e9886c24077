import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertGoldenTree,
  caseEdits,
  caseFiles,
  generateGoldenCase,
  goldenCase,
  goldenCases,
  listFilesUnder,
  refreshRequested,
  REFRESH_VARIABLE,
} from '../support/golden.js';
import { repoRoot } from '../support/paths.js';
import { TARGETS, targetCases } from '../languages/targets.js';

/** The golden cases of every target, in the one layout test/support/golden.ts describes. */
describe('golden files', () => {
  const cases = goldenCases();

  for (const target of TARGETS) {
    it(`target ${target.id}: every adapter (${target.adapters.join(', ')}) runs in a golden case`, () => {
      const ran = new Set(targetCases(target).flatMap((c) => generateGoldenCase(c).adapters.map((a) => a.id)));
      for (const id of target.adapters) assert.ok(ran.has(id), `no golden case runs ${id}`);
    });
  }

  for (const c of cases) {
    describe(c.name, () => {
      it('planned files equal expected/ byte for byte', () => {
        assertGoldenTree(join(c.dir, 'expected'), caseFiles(c, generateGoldenCase(c)));
      });
      // Edits belong to the spec's own adapter: a case of extra adapters checks only their files.
      if (c.extraAdapters.length > 0) return;
      it('edited files (mod.rs, RustCoreIPC.ts) equal expected-edits/ byte for byte', () => {
        assertGoldenTree(join(c.dir, 'expected-edits'), caseEdits(c, generateGoldenCase(c)));
      });
    });
  }
});

describe('the golden harness', () => {
  const scratch: string[] = [];
  const copyOf = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'continuum-golden-'));
    scratch.push(dir);
    cpSync(join(goldenCase(name).dir, 'expected'), dir, { recursive: true });
    return dir;
  };
  after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('fails on an altered expected file, naming the file and showing the diff', () => {
    const c = goldenCase('server-only-docs-read');
    const dir = copyOf(c.name);
    const [first] = listFilesUnder(dir);
    writeFileSync(join(dir, first), `${readFileSync(join(dir, first), 'utf8')}// altered by the control\n`);
    assert.throws(
      () => assertGoldenTree(dir, caseFiles(c, generateGoldenCase(c)), {}),
      (e: Error) =>
        e.message.includes(`${first} differs from the generated file`) &&
        e.message.includes('-// altered by the control') &&
        e.message.startsWith('1 golden file(s) differ'),
    );
  });

  it('fails on a missing and on an unexpected file, naming both', () => {
    const c = goldenCase('server-only-docs-read');
    const dir = copyOf(c.name);
    const [first] = listFilesUnder(dir);
    rmSync(join(dir, first));
    writeFileSync(join(dir, 'stray.ts'), '');
    assert.throws(
      () => assertGoldenTree(dir, caseFiles(c, generateGoldenCase(c)), {}),
      (e: Error) => /stray\.ts: expected, but not generated/.test(e.message) && e.message.includes(`${first}: generated, but not expected`),
    );
  });

  it(`${REFRESH_VARIABLE}=1 is the one way to refresh, and it is refused when CI is set`, () => {
    assert.equal(refreshRequested({}), false);
    assert.equal(refreshRequested({ [REFRESH_VARIABLE]: '1' }), true);
    assert.throws(() => refreshRequested({ [REFRESH_VARIABLE]: '1', CI: 'true' }), /UPDATE_GOLDEN=1 is refused when CI is set \(CI=true\)/);
  });
});

describe('determinism', () => {
  it('the same spec and config give identical plans, with no absolute path or time in them', () => {
    for (const c of goldenCases()) {
      const first = caseFiles(c, generateGoldenCase(c));
      assert.deepEqual(first, caseFiles(c, generateGoldenCase(c)), c.name);
      for (const file of first) {
        for (const leak of [repoRoot, tmpdir(), process.env.HOME ?? '/nonexistent-home']) {
          assert.ok(!file.content.includes(leak), `${c.name}/${file.path} contains ${leak}`);
        }
        assert.doesNotMatch(file.content, /\b20\d\d-\d\d-\d\dT\d\d:/, `${c.name}/${file.path} contains a timestamp`);
      }
    }
  });

  it('plans are sorted by path', () => {
    for (const c of goldenCases()) {
      const result = generateGoldenCase(c);
      for (const files of [result.files, ...result.plans.map((p) => p.files)]) {
        const paths = files.map((f) => f.path);
        assert.deepEqual(paths, [...paths].sort(), c.name);
      }
    }
  });
});
