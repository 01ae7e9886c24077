import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { fromRepoRoot, recordingSpyFactory, removeTempProjects, runBin, snapshotFiles, tempProject } from '../support/generator-run.js';
import { goldenDir } from '../support/paths.js';
import { auditGenerator, auditTreeProject, reportValidator } from './support.js';

/** docs/read as generated, with its spec (clean), and a spec whose command does not exist (a warning). */
function warningOnlyProject(): string {
  const dir = tempProject({
    'src/generator/specs/lab-orphan.json': JSON.stringify({ version: 2, name: 'lab/orphan', description: 'No command' }),
  });
  cpSync(join(goldenDir, 'server-only-docs-read', 'expected'), dir, { recursive: true });
  return dir;
}

function runAudit(dir: string, options: Record<string, unknown>) {
  fromRepoRoot();
  return helpers
    .run(auditGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withOptions({ interactive: false, ...options } as Record<string, unknown>)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

const logged = (result: { env: unknown }): string =>
  ((result.env as { adapter: { log: { calls: unknown[][] } } }).adapter.log.calls ?? []).map((c) => String(c[0])).join('\n');

describe('continuum:audit (yeoman-test and the bin)', () => {
  after(removeTempProjects);

  it('yo continuum:audit prints the human report; --fail-on decides whether the run fails', async () => {
    const dir = warningOnlyProject();
    const passed = await runAudit(dir, {});
    const log = logged(passed);
    match(log, /src\/generator\/specs\/lab-orphan\.json:1: warning CG010-orphan-spec/);
    match(log, /1\/1 commands conform to generator patterns/);
    match(log, /0 errors, 1 warning: pass \(--fail-on=error\)/);
    await rejects(runAudit(dir, { failOn: 'warning' }), /audit failed \(--fail-on=warning\): 0 error\(s\), 1 warning\(s\)/);
    await runAudit(dir, { failOn: 'never' });
    await rejects(runAudit(dir, { failOn: 'sometimes' }), /--fail-on must be one of error, warning, never; found "sometimes"/);
    await rejects(runAudit(dir, { base: 'main' }), /--base is the ref of --enforce/);
  });

  it('continuum-gen audit --json --sarif=<file>: JSON on stdout (valid against the schema), SARIF written, exit 1 on errors', async () => {
    const dir = auditTreeProject();
    const run = await runBin(['audit', '--json', '--sarif=reports/audit.sarif'], { cwd: dir, stdin: 'closed', timeoutMs: 60_000 });
    equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { passed: boolean; summary: { errors: number; warnings: number } };
    deepStrictEqual(reportValidator()(report), []);
    deepStrictEqual([report.passed, report.summary.errors, report.summary.warnings], [false, 15, 12]);
    match(run.stderr, /audit failed \(--fail-on=error\): 15 error\(s\), 12 warning\(s\)/);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'audit.sarif'), 'utf8')) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    deepStrictEqual([sarif.version, sarif.runs[0].results.length], ['2.1.0', 27]);

    const before = snapshotFiles(dir);
    const never = await runBin(['audit', '--fail-on=never', '--sarif=reports/audit.sarif'], {
      cwd: dir,
      stdin: 'closed',
      timeoutMs: 60_000,
    });
    equal(never.code, 0, never.stderr);
    equal(never.stdout, '', 'the human report goes to the log (stderr), stdout stays for --json');
    match(never.stderr, /12\/15 commands conform to generator patterns/);
    deepStrictEqual(snapshotFiles(dir), before, 'an unchanged SARIF file is not rewritten');
  });

  it('continuum-gen audit --help lists the options', async () => {
    const run = await runBin(['audit', '--help'], { cwd: tempProject() });
    equal(run.code, 0);
    for (const flag of ['--json', '--sarif <value>', '--fail-on <value>', '--enforce', '--base <value>', '--install-hook', '--fix'])
      ok(run.stdout.includes(flag), `${flag} in:\n${run.stdout}`);
  });
});
