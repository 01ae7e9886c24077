import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import type { ReversedCommand } from '../../shared/reverse/reverse-engineer.js';
import { formatWarning } from '../../shared/reverse/warnings.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import { fixturesDir } from '../support/paths.js';
import { runMigration, type MigrationRun } from './migration-harness.js';

const expectedDir = join(fixturesDir, 'reverse-migrate-expected');
/** `src/commands/data/count` -> `data-count`: the name of its expected files. */
const keyOf = (folder: string): string => posix.relative(defaultProjectConfig.roots.commands, folder).split('/').join('-');
const warningsText = (result: ReversedCommand): string =>
  [`status: ${result.status}`, ...result.warnings.map(formatWarning)].join('\n') + '\n';

/** Warnings that say a person must act before regenerating; every other command must migrate. */
const NEEDS_A_PERSON = new Set(['lost-export', 'generic']);

/**
 * The migration round trip over test/fixtures/reverse-migrate (hand-written commands in the
 * host's shapes, one or more per pattern of issue 13; its README lists them): reverse, generate,
 * replace each hand-written Types file with the regenerated one, keep the hand-written classes,
 * and type-check everything with tsc --strict.
 */
describe('migration round trip: reverse -> generate -> tsc, the hand-written classes kept', () => {
  let run: MigrationRun;
  before(() => {
    run = runMigration('reverse-migrate');
    // UPDATE_EXPECTED=1 rewrites test/fixtures/reverse-migrate-expected from the output: review the diff.
    if (process.env.UPDATE_EXPECTED === '1') {
      rmSync(expectedDir, { recursive: true, force: true });
      mkdirSync(expectedDir, { recursive: true });
      for (const result of run.reversed) {
        if (result.spec) writeFileSync(join(expectedDir, `${keyOf(result.folder)}.spec.json`), serialiseSpec(result.spec));
        writeFileSync(join(expectedDir, `${keyOf(result.folder)}.warnings.txt`), warningsText(result));
      }
    }
  });
  after(() => rmSync(run.dir, { recursive: true, force: true }));

  it('the fixture tree itself compiles (the control)', () => {
    assert.equal(run.originalCheck.status, 0, run.originalCheck.output);
  });

  it('every command reverses and its spec generates', () => {
    const bad = run.outcomes.filter((o) => o.status === 'not-reversed' || o.status === 'does-not-generate');
    assert.deepEqual(
      bad.map((o) => `${o.folder}: ${o.problems.join('; ')}`),
      [],
    );
    assert.ok(run.outcomes.length >= 20, `only ${run.outcomes.length} commands`);
  });

  it('the hand-written classes of every command compile against its regenerated Types file, unless reverse said a person must act first', function () {
    const failing = run.outcomes.filter((o) => o.status !== 'compiles');
    const excused = failing.filter((o) =>
      run.reversed.find((r) => r.folder === o.folder)?.warnings.some((w) => NEEDS_A_PERSON.has(w.kind)),
    );
    const unexcused = failing.filter((o) => !excused.includes(o));
    assert.deepEqual(
      unexcused.map((o) => `${o.folder}:\n  ${o.problems.join('\n  ')}`),
      [],
    );
    const compiling = run.outcomes.length - failing.length;
    this.test!.title += ` (${compiling}/${run.outcomes.length} compile: ${Math.round((100 * compiling) / run.outcomes.length)}%)`;
  });

  it('every command has an expected spec and warnings, and matches them', () => {
    const expectedKeys = readdirSync(expectedDir)
      .filter((f) => f.endsWith('.warnings.txt'))
      .map((f) => f.replace(/\.warnings\.txt$/, ''))
      .sort();
    assert.deepEqual(run.reversed.map((r) => keyOf(r.folder)).sort(), expectedKeys);
    for (const result of run.reversed) {
      const key = keyOf(result.folder);
      assert.equal(warningsText(result), readFileSync(join(expectedDir, `${key}.warnings.txt`), 'utf8'), key);
      const specPath = join(expectedDir, `${key}.spec.json`);
      assert.equal(result.spec && serialiseSpec(result.spec), existsSync(specPath) ? readFileSync(specPath, 'utf8') : undefined, key);
    }
  });

  it('the check is real: a regenerated spec missing a result the server sets does not compile (the control)', () => {
    const broken = runMigration('reverse-migrate', {
      mutate: (spec) => (spec.name === 'tools/lint' ? { ...spec, results: spec.results?.filter((r) => r.name !== 'problems') } : spec),
    });
    try {
      const lint = broken.outcomes.find((o) => o.name === 'tools/lint');
      assert.equal(lint?.status, 'does-not-compile');
      assert.match(lint!.problems.join('\n'), /problems/);
    } finally {
      rmSync(broken.dir, { recursive: true, force: true });
    }
  });
});
