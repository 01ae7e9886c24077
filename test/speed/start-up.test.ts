import { strict as assert } from 'node:assert';
import { importSubGenerators, listSubGenerators } from '../../generators/_shared/sub-generators.js';
import { removeTempProjects } from '../support/generator-run.js';
import { modulesLoadedBy } from '../support/module-graph.js';

describe('start-up of the Yeoman path (module graph, not timing)', function () {
  after(removeTempProjects);

  it("the build's listing of the sub-generators says what importing each of them says", async () => {
    const listed = await listSubGenerators();
    assert.deepEqual(listed, await importSubGenerators());
    assert.ok(
      listed.some((s) => s.name === 'command' && s.summary.length > 0),
      JSON.stringify(listed),
    );
  });

  for (const args of [['--version'], ['--help'], ['adapters']]) {
    it(`continuum-gen ${args.join(' ')} imports neither a generator nor yeoman-environment`, async () => {
      const { run, loaded } = await modulesLoadedBy(args);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(
        loaded.some((url) => url.endsWith('/dist/bin/yeoman-path.js')),
        'the recorder sees the Yeoman path',
      );
      for (const heavy of [
        '/yeoman-environment/',
        '/yeoman-generator/',
        '/@yeoman/adapter/',
        '/inquirer/',
        '/ts-morph/',
        '/dist/generators/command/',
        '/dist/generators/audit/',
      ]) {
        assert.ok(!loaded.some((url) => url.includes(heavy)), `${args.join(' ')} loaded ${heavy}`);
      }
    });
  }

  it('a sub-generator run imports that generator and yeoman-environment, and no other generator (the checks can fail)', async () => {
    const { run, loaded } = await modulesLoadedBy(['trait', '--help']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(loaded.some((url) => url.includes('/yeoman-environment/')));
    assert.ok(loaded.some((url) => url.includes('/dist/generators/trait/index.js')));
    assert.ok(!loaded.some((url) => url.includes('/dist/generators/audit/')), 'the audit generator was imported');
  });
});
