import { strict as assert } from 'node:assert';
import type { PlanContext } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { defineComposition, type TargetPart } from '../../shared/adapters/target.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { SpecError } from '../../shared/errors.js';
import type { CommandModel } from '../../shared/model/command-model.js';
import { resolveCommandModel } from '../../shared/model/resolve-model.js';
import { adapterTemplates } from '../../shared/package-root.js';
import { renderTemplate } from '../../shared/render/template-engine.js';
import { loadSpec } from '../../shared/spec/load-spec.js';

function model(): CommandModel {
  const text = JSON.stringify({ version: 2, name: 'test/shape', description: 'A test command', environment: 'server' });
  const loaded = loadSpec(text, 'test/shape.json');
  return resolveCommandModel(loaded.spec, loaded.source, defaultProjectConfig);
}

/** A core naming one file from the context it is given, and a part built on the core's names, each with templates of its own folder. */
function twoParts(order: 'core-first' | 'swapped', failing: readonly string[] = []) {
  const calls = { core: 0, part: 0, contexts: [] as PlanContext[] };
  const core: TargetPart<{ stem: string }> = {
    folder: 'typescript-command',
    name: (m, _options, _config, context) => {
      calls.core++;
      calls.contexts.push(context);
      const issues = failing.includes('core') ? [{ file: m.specFile, pointer: '/name', message: 'core cannot name it' }] : [];
      return { names: { stem: context.project?.('stem.txt') ?? 'nothing' }, issues };
    },
    render: (_m, names) => ({
      files: [{ path: `core/${names.stem}/.npmignore`, template: 'npmignore', data: {} }],
      edits: [{ path: 'shared.txt', description: 'core line', apply: (existing) => `${existing ?? ''}core\n` }],
    }),
  };
  const partOn = (stem: string): TargetPart<{ file: string }> => ({
    folder: 'swift',
    name: (m) => {
      calls.part++;
      const issues = failing.includes('part') ? [{ file: m.specFile, pointer: '/description', message: 'part cannot name it' }] : [];
      return { names: { file: `part/${stem}/CommandTransport.swift` }, issues };
    },
    render: (_m, names) => ({
      files: [{ path: names.file, template: 'command-transport.swift', data: {} }],
      edits: [{ path: 'shared.txt', description: 'part line', apply: (existing) => `${existing ?? ''}part\n` }],
    }),
  });
  const adapter = defineComposition({
    id: 'two-parts',
    description: 'test composition',
    writes: [],
    environments: ['server'],
    core,
    // The control: swapping the part order swaps files, edits and issues.
    parts: (_m, _config, names) => [partOn(names.stem)],
    relatedSpecs: (_m, names) => [{ command: `related/${names.stem}`, file: 'related.json', canonical: '{}' }],
  });
  if (order === 'core-first') return { adapter, calls };
  const swapped = defineComposition({
    id: 'two-parts',
    description: 'test composition, parts swapped',
    writes: [],
    environments: ['server'],
    core: partOn('first') as unknown as TargetPart<{ stem: string }>,
    parts: () => [core],
  });
  return { adapter: swapped, calls };
}

describe('defineComposition: a target joined from parts', () => {
  const m = model();
  const context: PlanContext = { project: (path) => (path === 'stem.txt' ? 'from-project' : undefined) };

  it('names the core with the context, builds the parts on its names, and joins files and edits in part order, each from its own templates', () => {
    const { adapter, calls } = twoParts('core-first');
    assert.deepEqual(adapter.check!(m, defaultProjectConfig, undefined, context), []);
    const files = adapter.plan(m, defaultProjectConfig, undefined, context);
    assert.deepEqual(
      files.map((f) => f.path),
      ['core/from-project/.npmignore', 'part/from-project/CommandTransport.swift'],
    );
    assert.equal(files[0].content, renderTemplate(adapterTemplates('typescript-command'), 'npmignore', {}));
    assert.equal(files[1].content, renderTemplate(adapterTemplates('swift'), 'command-transport.swift', {}));
    const edits = adapter.edits!(m, defaultProjectConfig, undefined, context.project, context);
    assert.equal(
      edits.reduce<string | undefined>((text, edit) => edit.apply(text), undefined),
      'core\npart\n',
    );
    assert.deepEqual(
      adapter.relatedSpecs!(m, defaultProjectConfig, undefined, context).map((r) => r.command),
      ['related/from-project'],
    );
    // check, plan, edits and relatedSpecs of one run named once.
    assert.deepEqual([calls.core, calls.part], [1, 1]);
    assert.equal(calls.contexts[0], context);
  });

  it('a run without a context names with an empty one, whether it was given none or {}', () => {
    const { adapter, calls } = twoParts('core-first');
    assert.deepEqual(
      adapter.plan(m, defaultProjectConfig).map((f) => f.path),
      ['core/nothing/.npmignore', 'part/nothing/CommandTransport.swift'],
    );
    adapter.plan(m, defaultProjectConfig, undefined, {});
    assert.equal(calls.core, 1);
    assert.deepEqual(calls.contexts, [{}]);
  });

  it('reports the parts’ issues in part order and renders nothing then; control: the order follows the parts', () => {
    const { adapter } = twoParts('core-first', ['core', 'part']);
    assert.deepEqual(
      adapter.check!(m, defaultProjectConfig, undefined, context).map((i) => i.message),
      ['core cannot name it', 'part cannot name it'],
    );
    assert.throws(() => adapter.plan(m, defaultProjectConfig, undefined, context), SpecError);
    const swapped = twoParts('swapped').adapter;
    assert.deepEqual(
      swapped.plan(m, defaultProjectConfig, undefined, context).map((f) => f.path),
      ['part/first/CommandTransport.swift', 'core/from-project/.npmignore'],
    );
  });

  it('rust-ipc and the TypeScript command targets are built this way and declare what the engine reads', () => {
    const registry = builtinAdapters();
    const rustIpc = registry.get('rust-ipc')!;
    assert.deepEqual([rustIpc.environments, rustIpc.writesRustModule, rustIpc.accepts], [['server', 'both'], true, ['rust']]);
    assert.equal(typeof rustIpc.relatedSpecs, 'function');
    assert.equal(typeof rustIpc.nextSteps, 'function');
    assert.equal(typeof rustIpc.checkProject, 'function');
    for (const [id, environment] of [
      ['server-only', 'server'],
      ['browser-only', 'browser'],
      ['full-stack', 'both'],
    ] as const) {
      const adapter = registry.get(id)!;
      assert.deepEqual([adapter.environments, adapter.defaultFor, adapter.options], [[environment], [environment], undefined], id);
    }
  });
});
