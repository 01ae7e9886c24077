import { strict as assert } from 'node:assert';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { formatMigrationReport, migrationReport, type MigrationReport } from '../../shared/reverse/migration-report.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { fixturesDir } from '../support/paths.js';

const tree = join(fixturesDir, 'reverse-migrate');

describe('the migration report of reverse on a tree: exact, needs review, failed, and why', () => {
  let report: MigrationReport;
  before(() => {
    const engine = new ReverseEngineer({ projectRoot: tree, config: defaultProjectConfig });
    report = migrationReport(engine.reverseAll(engine.discover(join(tree, 'src/commands'))), defaultProjectConfig);
  });
  after(removeTempProjects);

  it('counts every command of the fixture tree once (the namespace folder is not one)', () => {
    assert.equal(report.entries.length, 22);
    assert.equal(report.counts.exact + report.counts['needs-review'] + report.counts.failed, 22);
    assert.equal(
      report.entries.some((e) => e.folder === 'src/commands/data'),
      false,
    );
  });

  it('needs review exactly where a person must decide: untyped or widened types, a generic result', () => {
    const review = report.entries
      .filter((e) => e.status === 'needs-review')
      .map((e) => `${e.name}: ${[...new Set(e.kinds)].sort().join(', ')}`);
    assert.deepEqual(review, ['data/list: generic', 'media/probe: any, inexpressible-type']);
    assert.equal(report.counts.failed, 0);
    // Informational warnings (a base flattened, error?: string kept, a shared Types file) leave a spec exact.
    for (const name of ['data/count', 'tools/lint', 'collaboration/note/write', 'media/thumbnail'])
      assert.equal(report.entries.find((e) => e.name === name)?.status, 'exact', name);
  });

  it('a spec that does not generate fails, with the problem', () => {
    const dir = tempProject();
    cpSync(tree, dir, { recursive: true });
    const engine = new ReverseEngineer({ projectRoot: dir, config: defaultProjectConfig });
    const results = engine
      .reverseAll(engine.discover(join(dir, 'src/commands')))
      .map((r) => (r.spec?.name === 'tools/lint' ? { ...r, spec: { ...r.spec, results: [{ name: 'x', type: 'Nowhere' }] } } : r));
    const failed = migrationReport(results, defaultProjectConfig).entries.filter((e) => e.status === 'failed');
    assert.deepEqual(
      failed.map((e) => e.name),
      ['tools/lint'],
    );
    assert.match(failed[0].reasons[0], /the spec does not generate: \/results\/0\/type unknown type Nowhere/);
  });

  it('is printed at the end of continuum-gen reverse, naming what needs a person', async () => {
    const dir = tempProject();
    cpSync(tree, dir, { recursive: true });
    const run = await runBin(['reverse', 'src/commands', '--stdout'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const text = formatMigrationReport(report);
    assert.match(text, /^Migration report\n {2}exact +20 \(91%\)/);
    assert.match(`${run.stdout}${run.stderr}`, /Migration report/);
    assert.match(`${run.stdout}${run.stderr}`, /needs review +2 \(9%\)/);
    assert.match(
      `${run.stdout}${run.stderr}`,
      /Needs a person:\n {2}data\/list \(src\/commands\/data\/list\)\n {4}src\/commands\/data\/list\/shared\/DataListTypes\.ts:16: \[generic\]/,
    );
  });
});
