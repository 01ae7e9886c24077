import { ok } from 'node:assert/strict';
import { docsReadSpec, removeTempProjects, tempProject } from '../support/generator-run.js';
import { modulesLoadedBy as recordModules } from '../support/module-graph.js';

/** The modules a bin run loads (test/support/module-graph.ts); it may end with 0 or 1. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const { run, loaded } = await recordModules(args);
  ok(run.code === 0 || run.code === 1, run.stderr);
  return loaded;
}

const MCP_MODULES = ['/@modelcontextprotocol/sdk/', '/zod/', '/dist/bin/mcp-server.js'];

describe('module graph: the MCP SDK loads only for `continuum-gen mcp`', function () {
  after(removeTempProjects);

  it('the fast path (command --spec, with --json too) never loads the MCP SDK or zod', async () => {
    for (const extra of [[], ['--json']]) {
      const loaded = await modulesLoadedBy(['command', `--spec=${docsReadSpec}`, `--cwd=${tempProject()}`, ...extra]);
      ok(
        loaded.some((url) => url.endsWith('/dist/bin/continuum-gen.cjs')),
        'the recorder sees the modules the run loads',
      );
      for (const module of MCP_MODULES) ok(!loaded.some((url) => url.includes(module)), `the fast path loaded ${module}`);
    }
  });

  it('validate loads neither the MCP SDK nor yeoman-environment', async () => {
    const loaded = await modulesLoadedBy(['validate', `--spec=${docsReadSpec}`, `--cwd=${tempProject()}`]);
    ok(loaded.some((url) => url.includes('/dist/bin/agent-commands.js')));
    for (const module of [...MCP_MODULES, '/yeoman-environment/', '/yeoman-generator/'])
      ok(!loaded.some((url) => url.includes(module)), `validate loaded ${module}`);
  });

  it('`continuum-gen mcp` does load the SDK (the check can fail)', async () => {
    const loaded = await modulesLoadedBy(['mcp', `--cwd=${tempProject()}`]);
    ok(loaded.some((url) => url.includes('/@modelcontextprotocol/sdk/')));
  });
});
