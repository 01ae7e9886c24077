import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDir } from '../support/paths.js';
import type { SpecText } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { resolveProjectTraits } from '../../shared/adapters/trait-only/trait-catalog.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, projectTraits } from '../../shared/engine.js';
import { normaliseSpec } from '../../shared/reverse/normalise-spec.js';
import { draftIssues, type SpecDraft } from '../../shared/run/draft-check.js';
import type { CommandSpecV2 } from '../../shared/spec/command-spec.js';
import { contentHash } from '../../shared/write/record.js';
import { baseReproducer } from '../../shared/write/reproduce.js';

/**
 * The project's own traits (a trait-only spec in its specs folder) reach every reader of a spec,
 * not only generation: the wizard's draft check, the merge base's reproduction and reverse's
 * normal form. The registry here is the plain built-in one, whose rust-ipc knows only the shipped
 * traits: what a reader knows of the project's traits it has from the run's catalog.
 */
const config = defaultProjectConfig;
const traitSpec: SpecText = {
  file: 'src/generator/specs/traits-cache-control.json',
  text: readFileSync(join(goldenDir, 'trait-cache-control', 'spec.json'), 'utf8'),
};
const cacheSpec = {
  version: 2 as const,
  name: 'cache/stats',
  description: 'Statistics of the response cache',
  adapter: 'rust-ipc',
  rust: { module: 'modules/cache', command_prefix: 'cache/', traits: ['ManagedService', 'CacheControl'] },
  results: [{ name: 'entries', type: 'integer' }],
};
const cacheText = JSON.stringify(cacheSpec, null, 2);
const traitPointer = '/rust/traits/1';

describe("a project's own traits reach every reader of a spec", () => {
  it('the wizard draft check accepts a trait of the specs folder (control: without the folder it is an unknown trait)', async () => {
    const draft = cacheSpec as unknown as SpecDraft;
    const withFolder = await draftIssues(draft, { config, registry: builtinAdapters(), specs: () => [traitSpec] });
    assert.deepEqual(
      withFolder.filter((i) => i.pointer === traitPointer),
      [],
    );
    const without = await draftIssues(draft, { config, registry: builtinAdapters() });
    assert.match(without.find((i) => i.pointer === traitPointer)?.message ?? '', /unknown trait CacheControl/);
  });

  it("the merge base of a module implementing a project trait is reproduced with the run's traits (control: without them it is not)", () => {
    const traits = projectTraits(() => [traitSpec], config);
    const generated = generateCommand({ specText: cacheText, specFile: 'cache-stats.json', config, registry: builtinAdapters(), traits });
    const module = generated.files.find((f) => f.path.endsWith('/modules/cache.rs'));
    assert.ok(module, 'the module is planned');
    assert.match(module.content, /impl CacheControl for CacheModule/);
    const entry = { adapter: 'rust-ipc', content: contentHash(module.content), generator: '1.0.0', spec: contentHash(cacheText) };
    const reproduce = (withTraits: boolean) =>
      baseReproducer({ config, registry: builtinAdapters(), generatorVersion: '1.0.0', ...(withTraits ? { traits } : {}) })(
        module.path,
        entry,
        cacheText,
        'record.json',
      );
    assert.deepEqual(reproduce(true), { text: module.content });
    const without = reproduce(false);
    assert.ok('problem' in without && /no longer generates/.test(without.problem), JSON.stringify(without));
  });

  it("reverse's normal form drops the use paths a project trait brings in (control: with the shipped traits they stay)", () => {
    const catalog = resolveProjectTraits([traitSpec], config);
    const statsPath = catalog.get('CacheControl')!.typePaths.get('CacheStats')!;
    const reversed = { ...cacheSpec, rust: { ...cacheSpec.rust, imports: [statsPath] } } as unknown as CommandSpecV2;
    assert.equal(normaliseSpec(reversed, config, catalog).rust?.imports, undefined);
    assert.deepEqual(normaliseSpec(reversed, config).rust?.imports, [statsPath]);
  });
});
