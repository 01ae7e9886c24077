import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { insertStaticAccessor } from '../../shared/audit/fix-accessor.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import {
  conflicterStatuses,
  docsReadSpec,
  fromRepoRoot,
  recordingSpyFactory,
  removeTempProjects,
  snapshotFiles,
} from '../support/generator-run.js';
import { makeHostProject, typeCheckHost } from '../support/host-project.js';
import { auditGenerator, auditOf, placed } from './support.js';

const TYPES = 'src/commands/docs/read/shared/DocsReadTypes.ts';
const SPEC = 'src/generator/specs/docs-read.json';
const ACCESSOR_SECTION = '\n// ── Static accessor';

/** What `audit --fix` starts from: docs/read as generated, then its accessor (and the imports only it used) and its spec deleted. */
function hostWithoutAccessor(): { dir: string; generatedTypes: string } {
  const generated = generateCommand({ specText: readFileSync(docsReadSpec, 'utf8'), specFile: docsReadSpec, config: defaultProjectConfig });
  const generatedTypes = generated.files.find((f) => f.path === TYPES)!.content;
  const stripped = generatedTypes
    .slice(0, generatedTypes.indexOf(ACCESSOR_SECTION))
    .replace("import { Commands } from '@system/core/shared/Commands';\n", '')
    .replace('CommandResult, CommandInput, JTAGContext', 'CommandResult, JTAGContext');
  const halfway = [
    "import type { CommandParams } from '@system/core/types/JTAGTypes';",
    '',
    'export interface LabHalfwayParams extends CommandParams {',
    '  target: string;',
    '}',
    '',
  ].join('\n');
  const dir = makeHostProject([
    ...generated.files.filter((f) => f.path !== TYPES && f.path !== SPEC),
    { path: TYPES, content: stripped },
    { path: 'src/commands/lab/halfway/shared/LabHalfwayTypes.ts', content: halfway },
  ]);
  rmSync(join(dir, 'src/generator'), { recursive: true, force: true });
  return { dir, generatedTypes };
}

function runFix(dir: string, environment: Record<string, unknown> = { force: false }) {
  fromRepoRoot();
  return helpers
    .run(auditGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, environment)
    .withOptions({ interactive: false, fix: true, failOn: 'never' } as Record<string, unknown>)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

const logged = (result: { env: unknown }): string =>
  ((result.env as { adapter: { log: { calls: unknown[][] } } }).adapter.log.calls ?? []).map((c) => String(c[0])).join('\n');

describe('audit --fix', () => {
  const created: string[] = [];
  after(() => {
    removeTempProjects();
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
  });

  it('inserts the static accessor in the generated shape and writes the missing spec through the conflicter; the result compiles and passes the audit', async () => {
    const { dir, generatedTypes } = hostWithoutAccessor();
    created.push(dir);
    deepStrictEqual(
      placed(auditOf(dir).findings).filter((f) => f.includes('docs/read')),
      [`${TYPES}:1 CG001-missing-spec`, `${TYPES}:1 CG002-missing-accessor`],
    );
    equal(typeCheckHost(dir).status === 0, false, 'the integration test needs the accessor: the host does not compile yet');

    const result = await runFix(dir);
    const statuses = conflicterStatuses(result);
    deepStrictEqual([statuses.create, statuses.force], [[SPEC, 'src/generator/specs/lab-halfway.json'], [TYPES]]);
    const fixed = readFileSync(join(dir, TYPES), 'utf8');
    equal(
      fixed.slice(fixed.indexOf(ACCESSOR_SECTION)),
      generatedTypes.slice(generatedTypes.indexOf(ACCESSOR_SECTION)),
      'the accessor block is byte for byte what the template writes',
    );
    match(fixed, /^import type \{ CommandParams, CommandResult, JTAGContext, CommandInput \} from '@system\/core\/types\/JTAGTypes';$/m);
    match(fixed, /^import \{ Commands \} from '@system\/core\/shared\/Commands';$/m);
    const log = logged(result);
    match(log, /fixed {2}src\/commands\/docs\/read\/shared\/DocsReadTypes\.ts: static accessor DocsRead inserted/);
    match(log, /fixed {2}src\/generator\/specs\/docs-read\.json: spec of docs\/read written from src\/commands\/docs\/read \(reverse\)/);
    match(log, /not fixed {2}static accessor of lab\/halfway: .*has no result interface/);

    const check = typeCheckHost(dir);
    equal(check.status, 0, check.output);
    const after = auditOf(dir);
    deepStrictEqual(
      after.findings.filter((f) => f.folder === 'src/commands/docs/read'),
      [],
      'docs/read now passes the audit',
    );
    equal(after.commands.find((c) => c.name === 'docs/read')?.spec, SPEC);
    deepStrictEqual(placed(after.findings), [
      // Left for a person: the accessor's result type would be a guess.
      'src/commands/lab/halfway/shared/LabHalfwayTypes.ts:1 CG002-missing-accessor',
      'src/commands/lab/halfway/shared/LabHalfwayTypes.ts:1 CG005-missing-result',
    ]);
  });

  it('reports the tree as the fixes leave it; --dry-run writes nothing', async () => {
    const { dir } = hostWithoutAccessor();
    created.push(dir);
    const before = snapshotFiles(dir);
    const result = await runFix(dir, { force: false, dryRun: true });
    deepStrictEqual(snapshotFiles(dir), before);
    const log = logged(result);
    match(log, /would fix {2}src\/commands\/docs\/read\/shared\/DocsReadTypes\.ts/);
    match(log, /1\/2 commands conform to generator patterns/);
    match(log, /Commands with generator specs +2\/2 \(100%\)/);
    ok(!/CG002-missing-accessor: docs\/read/.test(log), 'the report is the fixed tree');
  });

  it('refuses what would be a guess: no params or result interface, a file that does not parse, an accessor already there', () => {
    const fix = (text: string) =>
      insertStaticAccessor({ typesFile: 'src/commands/x/y/shared/XYTypes.ts', text, name: 'x/y', config: defaultProjectConfig });
    match(
      (
        fix("import type { CommandResult } from 'h';\nexport interface XYResult extends CommandResult { ok: boolean }\n") as {
          problem: string;
        }
      ).problem,
      /no params interface/,
    );
    match((fix('export interface {') as { problem: string }).problem, /does not parse/);
    match((fix("export const XY = { commandName: 'x/y' as const };\n") as { problem: string }).problem, /already has a static accessor/);
  });
});
