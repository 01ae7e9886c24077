/**
 * audit knows generated code that stays managed (CG019-CG021), on a project the generator wrote:
 * a hand edit inside a generator-owned file is found at its line (and an edit in a file that is
 * yours is not), a spec edited and not regenerated is found at the changed key, a record whose spec
 * is gone at its command, and a module that lost a command's dispatch arm at its handle_command.
 */
import { deepStrictEqual, equal, match } from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runAudit } from '../../shared/audit/audit.js';
import type { AuditFinding } from '../../shared/audit/findings.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { runBin } from '../support/generator-run.js';
import { repoRoot } from '../support/paths.js';
import { removeRustCrates } from '../support/rust-project.js';
import { makeLivingProject, type LivingProject } from './living-project.js';

const MODULE = 'src/workers/continuum-core/src/modules/gpu.rs';
const HANDLER = 'src/workers/continuum-core/src/modules/gpu/stats.rs';
const SPECS = 'src/generator/specs';
const RECORDS = 'src/generator/generation';
const MANAGED = new Set(['CG019-generated-part-edited', 'CG020-record-spec-changed', 'CG021-dispatch-arm-missing']);

const spec = (name: string, param: string) => ({
  version: 2,
  name,
  description: `The ${name} command`,
  adapter: 'rust-ipc',
  environment: 'server',
  rust: { module: 'modules/gpu' },
  params: [{ name: param, type: 'string', description: 'A param' }],
  results: [{ name: 'done', type: 'boolean', description: 'Whether it happened' }],
});

function writeSpec(project: LivingProject, file: string, value: unknown): void {
  mkdirSync(dirname(project.at(`${SPECS}/${file}`)), { recursive: true });
  writeFileSync(project.at(`${SPECS}/${file}`), `${JSON.stringify(value, null, 2)}\n`);
}

async function generate(project: LivingProject, file: string): Promise<void> {
  const run = await runBin(['command', `--spec=${project.at(`${SPECS}/${file}`)}`, `--cwd=${project.root}`, '--no-interactive'], {
    cwd: repoRoot,
    stdin: 'closed',
  });
  equal(run.code, 0, run.stderr);
}

/** The managed-code findings, as `file:line rule`. */
function managed(project: LivingProject): { placed: string[]; findings: AuditFinding[] } {
  const findings = runAudit({ projectRoot: project.root, config: defaultProjectConfig }).findings.filter((f) => MANAGED.has(f.ruleId));
  return { placed: findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), findings };
}

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('audit: hand edits in generator-owned files, records behind their spec, modules that lost a dispatch arm', function () {
  after(removeRustCrates);

  it('finds each at its file:line, and nothing on the freshly generated project', async () => {
    const project = makeLivingProject('living-audit-managed');
    writeSpec(project, 'gpu-stats.json', spec('gpu/stats', 'subsystem'));
    writeSpec(project, 'gpu-evict.json', spec('gpu/evict', 'consumer'));
    await generate(project, 'gpu-stats.json');
    await generate(project, 'gpu-evict.json');
    deepStrictEqual(managed(project).placed, [], 'a fresh generation has no finding');

    // Yours: the handler file is edited freely.
    project.write(
      HANDLER,
      project
        .read(HANDLER)
        .replace(
          / *\/\/ TODO\(gpu\/stats\).*\n *Err\(format!\(.*\n/,
          '        let _ = params;\n        Ok(GpuStatsResult { done: true })\n',
        ),
    );
    deepStrictEqual(managed(project).placed, [], 'an edit of a file that is yours is no finding');

    // Generator-owned: a line added inside the wire types, one generated line changed further down.
    const generated = project.read(MODULE);
    const edited = generated
      .replace('pub struct GpuStatsParams {\n', 'pub struct GpuStatsParams {\n    // hand-written: a note inside a generated struct\n')
      .replace('name: "gpu",', 'name: "gpu2",');
    project.write(MODULE, edited);
    const owned = managed(project);
    deepStrictEqual(owned.placed, [
      `${MODULE}:${lineOf(edited, '    // hand-written')} CG019-generated-part-edited`,
      `${MODULE}:${lineOf(edited, 'gpu2')} CG019-generated-part-edited`,
    ]);
    match(owned.findings[0].message, /1 line added/);
    match(owned.findings[1].message, /1 generated line changed/);
    equal(owned.findings[0].related?.file, `${RECORDS}/gpu-evict.json`, 'the record that lists the file (the first in path order)');
    project.write(MODULE, generated);

    // A module that lost a dispatch arm: the core would answer gpu/evict as unknown.
    const withoutArm = generated.replace(/ *"gpu\/evict" => \{[\s\S]*?\n {12}\}\n/, '');
    equal(withoutArm === generated, false, 'the generated module has a gpu/evict arm');
    project.write(MODULE, withoutArm);
    const arm = managed(project).findings.filter((f) => f.ruleId === 'CG021-dispatch-arm-missing');
    deepStrictEqual(
      arm.map((f) => [f.file, f.line, f.command, f.related?.file]),
      [[MODULE, lineOf(withoutArm, 'fn handle_command'), 'gpu/evict', `${SPECS}/gpu-evict.json`]],
    );
    project.write(MODULE, generated);
    deepStrictEqual(managed(project).placed, [], 'restored: no finding');

    // A spec edited and not regenerated: found at the changed key of the spec, the record as the other side.
    const changed = { ...spec('gpu/stats', 'subsystem'), description: 'Changed by hand' };
    writeSpec(project, 'gpu-stats.json', changed);
    const stale = managed(project).findings;
    deepStrictEqual(
      stale.map((f) => [`${f.file}:${f.line}`, f.ruleId, f.properties?.changed, f.related?.file]),
      [
        [
          `${SPECS}/gpu-stats.json:${lineOf(project.read(`${SPECS}/gpu-stats.json`), '"description"')}`,
          'CG020-record-spec-changed',
          'description',
          `${RECORDS}/gpu-stats.json`,
        ],
      ],
    );
    match(stale[0].message, /regenerate: continuum-gen command --spec=src\/generator\/specs\/gpu-stats\.json/);
    await generate(project, 'gpu-stats.json');
    deepStrictEqual(managed(project).placed, [], 'regenerated: the record matches its spec again');

    // A record whose spec is gone.
    rmSync(project.at(`${SPECS}/gpu-evict.json`));
    const orphan = managed(project).placed.filter((p) => p.includes('CG020'));
    deepStrictEqual(orphan, [`${RECORDS}/gpu-evict.json:3 CG020-record-spec-changed`]);
  });
});
