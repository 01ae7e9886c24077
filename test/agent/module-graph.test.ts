import { ok } from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, docsReadSpec, removeTempProjects, runProcess, tempProject } from '../support/generator-run.js';
import { repoRoot } from '../support/paths.js';

/** Run the bin with a resolve hook that records every module the process loads; returns their URLs. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const record = join(tempProject(), 'modules.txt');
  const hook = join(tempProject(), 'record-hook.mjs');
  writeFileSync(hook, `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(record)}, result.url + '\\n');\n  return result;\n}\n`);
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`;
  const run = await runProcess(process.execPath, ['--import', register, binPath, ...args], { cwd: repoRoot, stdin: 'closed' });
  ok(run.code === 0 || run.code === 1, run.stderr);
  return readFileSync(record, 'utf8').split('\n');
}

const MCP_MODULES = ['/@modelcontextprotocol/sdk/', '/zod/', '/dist/bin/mcp-server.js'];

describe('module graph: the MCP SDK loads only for `continuum-gen mcp`', function () {
  after(removeTempProjects);

  it('the fast path (command --spec, with --json too) never loads the MCP SDK or zod', async () => {
    for (const extra of [[], ['--json']]) {
      const loaded = await modulesLoadedBy(['command', `--spec=${docsReadSpec}`, `--cwd=${tempProject()}`, ...extra]);
      ok(loaded.some((url) => url.includes('/mem-fs-editor/')), 'the hook sees the modules the run loads');
      for (const module of MCP_MODULES) ok(!loaded.some((url) => url.includes(module)), `the fast path loaded ${module}`);
    }
  });

  it('validate loads neither the MCP SDK nor yeoman-environment', async () => {
    const loaded = await modulesLoadedBy(['validate', `--spec=${docsReadSpec}`, `--cwd=${tempProject()}`]);
    ok(loaded.some((url) => url.includes('/dist/bin/agent-commands.js')));
    for (const module of [...MCP_MODULES, '/yeoman-environment/', '/yeoman-generator/']) ok(!loaded.some((url) => url.includes(module)), `validate loaded ${module}`);
  });

  it('`continuum-gen mcp` does load the SDK (the check can fail)', async () => {
    const loaded = await modulesLoadedBy(['mcp', `--cwd=${tempProject()}`]);
    ok(loaded.some((url) => url.includes('/@modelcontextprotocol/sdk/')));
  });
});
