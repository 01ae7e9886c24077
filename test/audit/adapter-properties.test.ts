import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratorAdapter } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { removeTempProjects } from '../support/generator-run.js';
import { auditOf, auditTreeProject } from './support.js';

/** A project plugin (like trait-only) whose specs are contracts, not commands: it declares no environments. */
const contractAdapter = (environments?: GeneratorAdapter['environments']): GeneratorAdapter => ({
  id: 'contract-doc',
  description: 'A contract document per spec (no command)',
  writes: ['contracts/<name>.md'],
  ...(environments ? { environments } : {}),
  plan: () => [],
});

const orphans = (dir: string, adapter: GeneratorAdapter): string[] =>
  auditOf(dir, { registry: builtinAdapters().register(adapter) })
    .findings.filter((f) => f.ruleId === 'CG010-orphan-spec')
    .map((f) => f.file);

describe('audit rules ask the adapter what a spec produces, not its id', () => {
  after(removeTempProjects);

  it('a spec of a project plugin that writes no command is no orphan (control: the same plugin writing a command makes it one)', () => {
    const dir = auditTreeProject();
    const file = 'src/generator/specs/lab-contract.json';
    const spec = { version: 2, name: 'lab/contract', description: 'A contract, not a command', adapter: 'contract-doc' };
    writeFileSync(join(dir, file), `${JSON.stringify(spec, null, 2)}\n`);
    assert.ok(!orphans(dir, contractAdapter()).includes(file));
    assert.ok(orphans(dir, contractAdapter(['server'])).includes(file));
  });
});
