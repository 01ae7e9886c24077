import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { planV1Migration, type V1MigrationPlan } from '../../shared/reverse/migrate-v1-folder.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { nodeSourceReader } from '../../shared/reverse/source-reader.js';
import { loadSpec } from '../../shared/spec/load-spec.js';
import { migrateV1SpecWithNotes } from '../../shared/spec/migrate-v1.js';
import { typeCheckHost, writeFiles } from '../support/host-project.js';
import { fixturesDir } from '../support/paths.js';
import { makeMigrationProject } from './migration-harness.js';

const tree = join(fixturesDir, 'reverse-v1');
const expectedDir = join(fixturesDir, 'reverse-v1-expected');
const specsFolder = join(tree, defaultProjectConfig.roots.specs);

describe('reverse --from-v1: every v1 spec the host accepted migrates, and each one generates', () => {
  let plan: V1MigrationPlan;
  before(() => {
    const engine = new ReverseEngineer({ projectRoot: tree, config: defaultProjectConfig });
    plan = planV1Migration(specsFolder, tree, nodeSourceReader, { config: defaultProjectConfig, engine });
    // UPDATE_EXPECTED=1 rewrites test/fixtures/reverse-v1-expected from the output: review the diff.
    if (process.env.UPDATE_EXPECTED === '1') {
      rmSync(expectedDir, { recursive: true, force: true });
      mkdirSync(expectedDir, { recursive: true });
      for (const file of plan.files) writeFileSync(join(expectedDir, file.path.split('/').pop()!), file.content);
      writeFileSync(join(expectedDir, 'notes.txt'), `${plan.notes.join('\n')}\n`);
      writeFileSync(join(expectedDir, 'failed.txt'), `${plan.failed.flatMap((f) => f.problems).join('\n')}\n`);
    }
  });

  it('migrates every v1 file but the genuinely broken one, and leaves the v2 one alone', () => {
    assert.deepEqual(plan.files.map((f) => f.path.split('/').pop()).sort(), [
      'adapter-list.json',
      'gpu-memory.json',
      'interface-click.json',
      'migration-begin.json',
      'plasticity-run.json',
    ]);
    assert.deepEqual(plan.alreadyV2, ['src/generator/specs/already-v2.json']);
    assert.deepEqual(
      plan.failed.map((f) => f.file),
      ['src/generator/specs/persona-wake.json'],
    );
  });

  it('the migrated specs, the notes and the refusal are the expected ones', () => {
    for (const file of plan.files)
      assert.equal(file.content, readFileSync(join(expectedDir, file.path.split('/').pop()!), 'utf8'), file.path);
    assert.equal(`${plan.notes.join('\n')}\n`, readFileSync(join(expectedDir, 'notes.txt'), 'utf8'));
    assert.equal(`${plan.failed.flatMap((f) => f.problems).join('\n')}\n`, readFileSync(join(expectedDir, 'failed.txt'), 'utf8'));
    assert.equal(readdirSync(expectedDir).filter((f) => f.endsWith('.json')).length, plan.files.length);
  });

  it('the broken one is refused with its line, the name, and the close names the project exports', () => {
    const [problem] = plan.failed[0].problems;
    assert.match(
      problem,
      /^src\/generator\/specs\/persona-wake\.json:\d+ \(at \/results\/0\/type\): unknown type PersonaEntity; .*PersonaSummary/,
    );
  });

  it("the host's dialects each land where v2 says them", () => {
    const byName = new Map(plan.files.map((f) => [JSON.parse(f.content).name as string, JSON.parse(f.content)]));
    const click = byName.get('interface/click');
    assert.equal(click.environment, 'both', 'no environment: what the v1 generator wrote, both sides');
    assert.deepEqual(
      click.params.map((p: { optional?: boolean }) => p.optional),
      [false, true, true],
      'required: true|false became optional',
    );
    assert.equal(click.examples[0].command, './jtag interface/click --selector="chat-widget >> .send-btn"');
    const list = byName.get('adapter/list');
    assert.equal(list.environment, 'both', 'implementation is environment');
    assert.equal(list.params[0].default, 20, 'defaultValue became default');
    assert.equal(list.accessLevel, undefined, "admin-only (the other dialect) is not the project's: dropped, noted");
    assert.deepEqual(list.examples[1], {
      description: './jtag adapter/list --baseModel=llama',
      command: './jtag adapter/list --baseModel=llama',
    });
    assert.equal('category' in list, false);
    const run = byName.get('plasticity/run');
    assert.deepEqual(
      run.results.find((r: { name: string }) => r.name === 'error'),
      { name: 'error', type: 'string', optional: true, description: 'Why the pass failed' },
    );
    assert.deepEqual(run.imports, [{ name: 'PersonaSummary', from: '@commands/persona/list/shared/PersonaListTypes' }]);
    assert.deepEqual(Object.keys(run.types), ['PlasticityRunSteps']);
    assert.deepEqual(byName.get('gpu/memory').imports, [{ name: 'SubsystemInfo', from: '@shared/generated/gpu/SubsystemInfo' }]);
  });

  it('every migrated spec generates, and the generated commands type-check in the project (tsc --strict)', () => {
    const dir = makeMigrationProject('reverse-v1');
    try {
      for (const file of plan.files) {
        const result = generateCommand({ specText: file.content, specFile: file.path, config: defaultProjectConfig });
        writeFiles(
          dir,
          result.files.filter((f) => !f.path.startsWith(`${defaultProjectConfig.roots.specs}/`)),
        );
      }
      const run = typeCheckHost(dir);
      assert.equal(run.status, 0, run.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generation reads a v1 spec the same way (load migrates in memory): the dialects are accepted without --from-v1', () => {
    for (const name of ['interface-click.json', 'adapter-list.json', 'migration-begin.json']) {
      const text = readFileSync(join(specsFolder, name), 'utf8');
      assert.doesNotThrow(() => loadSpec(text, name));
      assert.doesNotThrow(() => generateCommand({ specText: text, specFile: name, config: defaultProjectConfig }));
    }
  });

  it('a note for each change, at the v1 pointer', () => {
    const { notes } = migrateV1SpecWithNotes({
      name: 'a/b',
      description: 'x',
      category: 'c',
      params: [{ name: 'p', type: 'any', required: false }],
    });
    assert.deepEqual(
      notes.map((n) => n.pointer),
      ['/category', '/params/0/type', ''],
    );
    assert.ok(existsSync(expectedDir));
  });
});
