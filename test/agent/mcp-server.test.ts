import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ProjectConventions } from '../../shared/agent/conventions.js';
import {
  binPath,
  docsReadFiles,
  docsReadRecord,
  forgetGeneration,
  listFiles,
  removeTempProjects,
  runBin,
  runProcess,
  snapshotFiles,
  tempProject,
} from '../support/generator-run.js';
import { repoRoot, specsDir } from '../support/paths.js';
import { badSpec, fixtureProject, type ReadResult, schemaValidator } from './support.js';

const validateResult = schemaValidator('run-result');
const docsRead = JSON.parse(readFileSync(join(specsDir, 'docs-read.json'), 'utf8')) as Record<string, unknown>;
const README = 'src/commands/docs/read/README.md';

interface Connected {
  readonly client: Client;
  readonly stderr: () => string;
}

const open: Client[] = [];

/** An SDK client connected over stdio to the real bin's `mcp`, rooted at dir (the server's --cwd). */
async function connect(dir: string): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, 'mcp', `--cwd=${dir}`],
    cwd: repoRoot,
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'continuum-test', version: '1.0.0' });
  await client.connect(transport);
  open.push(client);
  return { client, stderr: () => stderr };
}

/** Call a tool; its structured content is a valid run result that matches its own isError. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ReadResult> {
  const answer = await client.callTool({ name, arguments: args });
  const result = answer.structuredContent as ReadResult;
  ok(result, `${name} returned structured content`);
  const text = (answer.content as { type: string; text: string }[])[0];
  deepStrictEqual(JSON.parse(text.text), result, 'the text content is the same JSON');
  if (name !== 'audit' && name !== 'explain_conventions') {
    deepStrictEqual(validateResult(result), [], JSON.stringify(result, null, 2));
    equal(answer.isError, !result.ok);
  }
  return result;
}

const states = (result: ReadResult): string[] => result.files.map((f: { path: string; state: string }) => `${f.state} ${f.path}`);

describe('continuum-gen mcp: an MCP client over stdio against the real bin', function () {
  after(async () => {
    for (const client of open.splice(0)) await client.close();
    removeTempProjects();
  });

  it('initialize: the server names itself and tells the loop', async () => {
    const { client } = await connect(tempProject());
    equal(client.getServerVersion()?.name, 'generator-continuum');
    ok(client.getServerCapabilities()?.tools && client.getServerCapabilities()?.resources);
    match(client.getInstructions() ?? '', /validate[\s\S]*dryRun: true[\s\S]*generate for real/);
  });

  it('lists the tools, each with a description and a JSON input schema', async () => {
    const { client } = await connect(tempProject());
    const { tools } = await client.listTools();
    deepStrictEqual(tools.map((t) => t.name).sort(), ['audit', 'explain_conventions', 'generate', 'list_adapters', 'reverse', 'validate']);
    for (const tool of tools) {
      ok((tool.description ?? '').length > 60, tool.name);
      equal(tool.inputSchema.type, 'object');
    }
    const generate = tools.find((t) => t.name === 'generate')!;
    deepStrictEqual(Object.keys(generate.inputSchema.properties ?? {}).sort(), [
      'adapters',
      'allowNonHost',
      'dryRun',
      'force',
      'spec',
      'specPath',
      'specText',
    ]);
    equal(tools.find((t) => t.name === 'validate')!.annotations?.readOnlyHint, true);
  });

  it('serves the CommandSpec schema and the example specs as resources, byte for byte', async () => {
    const { client } = await connect(tempProject());
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    for (const uri of [
      'continuum://schema/command-spec-v2',
      'continuum://schema/run-result',
      'continuum://examples/gpu-stats',
      'continuum://examples/traits/managed-service',
    ])
      ok(uris.includes(uri), uri);
    const schema = await client.readResource({ uri: 'continuum://schema/command-spec-v2' });
    equal((schema.contents[0] as { text: string }).text, readFileSync(join(repoRoot, 'schemas', 'command-spec-v2.schema.json'), 'utf8'));
    const example = await client.readResource({ uri: 'continuum://examples/docs-read' });
    equal((example.contents[0] as { text: string }).text, readFileSync(join(specsDir, 'docs-read.json'), 'utf8'));
  });

  it('validate a bad spec: every problem with its JSON pointer (no line for an object), nothing written', async () => {
    const dir = tempProject();
    const { client } = await connect(dir);
    const result = await call(client, 'validate', { spec: badSpec });
    equal(result.status, 'invalid');
    deepStrictEqual(result.issues.map((i: { file: string; pointer: string }) => `${i.file} ${i.pointer}`).sort(), [
      '<spec> /params/0/type',
      '<spec> /results/0/type',
    ]);
    ok(result.issues.every((i: { line?: number; expected?: string }) => i.line === undefined && typeof i.expected === 'string'));
    const asText = await call(client, 'validate', { specText: JSON.stringify(badSpec, null, 2) });
    const typeIssue = asText.issues.find((i: { pointer: string }) => i.pointer === '/results/0/type');
    // Line 14 of that text is `      "type": "Strng"`: the value starts at column 15.
    deepStrictEqual([typeIssue?.file, typeIssue?.line, typeIssue?.column], ['<specText>', 14, 15]);
    const good = await call(client, 'validate', { spec: docsRead });
    // What the spec plans; the generation record is the commit's, not the spec's.
    deepStrictEqual([good.status, good.specs[0].files], ['done', docsReadFiles.filter((f) => f !== docsReadRecord)]);
    const neither = await call(client, 'validate', {});
    match(neither.issues[0]?.expected ?? '', /exactly one of spec/);
    deepStrictEqual(listFiles(dir), []);
  });

  it('generate: a dry run writes nothing and shows diffs; a real run creates; a re-run is identical', async () => {
    const dir = tempProject();
    const { client } = await connect(dir);
    const dry = await call(client, 'generate', { spec: docsRead, dryRun: true });
    deepStrictEqual([dry.status, dry.dryRun], ['done', true]);
    deepStrictEqual(
      states(dry),
      docsReadFiles.map((f) => `create ${f}`),
    );
    ok(dry.files.every((f: { diff?: string }) => f.diff?.startsWith('--- /dev/null\n')));
    deepStrictEqual(listFiles(dir), []);

    const real = await call(client, 'generate', { spec: docsRead });
    deepStrictEqual(
      states(real),
      docsReadFiles.map((f) => `create ${f}`),
    );
    deepStrictEqual(listFiles(dir), docsReadFiles);
    equal(
      readFileSync(join(dir, README), 'utf8'),
      dry.files
        .find((f: { path: string }) => f.path === README)
        ?.diff?.split('\n')
        .filter((l: string) => l.startsWith('+') && !l.startsWith('+++'))
        .map((l: string) => l.slice(1))
        .join('\n') + '\n',
    );

    // From its saved copy in the specs folder: the spec is managed there, so it is not planned again.
    const again = await call(client, 'generate', { specPath: 'src/generator/specs/docs-read.json' });
    // The record drops the spec file, which is no longer generated but managed in the specs folder.
    deepStrictEqual(states(again), [
      ...docsReadFiles.filter((f) => !f.startsWith('src/generator/')).map((f) => `identical ${f}`),
      `update ${docsReadRecord}`,
    ]);
  });

  it('a hand-edited file: a structured refusal naming it, nothing written; force overwrites it', async () => {
    const dir = tempProject();
    const { client } = await connect(dir);
    await call(client, 'generate', { spec: docsRead });
    writeFileSync(join(dir, README), 'my own notes\n');
    // No record to merge with: the hand edit cannot be told from an old generation, so it is a conflict.
    forgetGeneration(dir);
    const before = snapshotFiles(dir);
    const refused = await call(client, 'generate', { spec: docsRead });
    deepStrictEqual(
      [refused.status, states(refused), refused.issues.map((i: { file: string }) => i.file)],
      ['conflict', [`conflict ${README}`], [README]],
    );
    deepStrictEqual(snapshotFiles(dir), before);
    const forced = await call(client, 'generate', { spec: docsRead, force: true });
    ok(states(forced).includes(`force ${README}`));
    match(readFileSync(join(dir, README), 'utf8'), /^# docs\/read/);
  });

  it('paths stay inside the root: a spec path outside it, and a planned file behind a link out of it, are refused', async () => {
    const dir = tempProject();
    const outside = tempProject({ 'spec.json': JSON.stringify(docsRead) });
    const { client } = await connect(dir);
    const escaped = await call(client, 'validate', { specPath: join(outside, 'spec.json') });
    deepStrictEqual([escaped.status, escaped.issues[0].file], ['invalid', 'specPath']);
    const dotted = await call(client, 'generate', { specPath: '../spec.json' });
    equal(dotted.issues[0].file, 'specPath');

    mkdirSync(join(dir, 'src'));
    symlinkSync(outside, join(dir, 'src', 'commands'));
    const linked = await call(client, 'generate', { spec: docsRead });
    equal(linked.status, 'invalid');
    ok(
      linked.issues.some((i: { file: string; message: string }) => i.file === README && /symbolic link/.test(i.message)),
      JSON.stringify(linked.issues),
    );
    deepStrictEqual(listFiles(outside), ['spec.json']);
    deepStrictEqual(listFiles(dir), ['src/commands'], 'only the link itself');
  });

  it('reverse a fixture tree: the inferred specs and warnings, nothing written unless write: true', async () => {
    const dir = fixtureProject('reverse-tree');
    const before = snapshotFiles(dir);
    const { client } = await connect(dir);
    const preview = await call(client, 'reverse', { path: 'src/commands' });
    deepStrictEqual([preview.status, preview.dryRun], ['done', true]);
    deepStrictEqual(snapshotFiles(dir), before);
    const gpu = preview.reversed.find((r: { spec?: { name: string } }) => r.spec?.name === 'gpu/stats');
    ok(gpu, preview.reversed.map((r: { folder: string }) => r.folder).join(', '));
    ok(preview.reversed.some((r) => r.warnings.length > 0));
    const missing = await call(client, 'reverse', { path: 'src/commands', missingOnly: true, write: true });
    ok(missing.files.length > 0 && missing.files.every((f: { state: string }) => f.state === 'create'));
    for (const file of missing.files) ok(listFiles(dir).includes(file.path));
    const nowhere = await call(client, 'reverse', { path: 'no/such/folder' });
    equal(nowhere.status, 'invalid');
  });

  it('reverse answers as the reverse generator does for the same folder (one engine flow): the same result, the same refusal', async () => {
    const dir = fixtureProject('reverse-tree');
    const { client } = await connect(dir);
    const generator = async (path: string, env: Record<string, string> = {}): Promise<Record<string, unknown>> =>
      JSON.parse((await runBin(['reverse', path, '--dry-run', '--json'], { cwd: dir, env })).stdout);
    const tree = await call(client, 'reverse', { path: 'src/commands' });
    equal(tree.status, 'done');
    deepStrictEqual(tree, await generator('src/commands', { CONTINUUM_GEN_PATH: 'yeoman' }));
    // A bad path (against the bin's fast path): the same issue; only where it was given differs (the tool's argument, the command line).
    const nowhere = await call(client, 'reverse', { path: 'no/such/folder' });
    deepStrictEqual(
      nowhere.issues.map((i: { file: string }) => i.file),
      ['path'],
    );
    const refused = await generator('no/such/folder');
    deepStrictEqual(nowhere, { ...refused, issues: (refused.issues as object[]).map((i) => ({ ...i, file: 'path' })) });
  });

  it('audit a fixture tree: the audit report (its own schema), reading only', async () => {
    const dir = fixtureProject('audit-tree');
    const before = snapshotFiles(dir);
    const { client } = await connect(dir);
    const report = await call(client, 'audit', {});
    deepStrictEqual(schemaValidator('audit-report')(report), []);
    ok(report.findings.length > 0 && report.findings.some((f: { ruleId: string }) => f.ruleId === 'CG002-missing-accessor'));
    deepStrictEqual(snapshotFiles(dir), before);
  });

  it("audit asks the project's plugins what a spec writes (control: the same plugin writing a command makes the spec an orphan)", async () => {
    // A plugin whose specs are contracts, not commands; with `environments` it writes a command, so an unimplemented spec is an orphan.
    const orphans = async (environments: string): Promise<string[]> => {
      const dir = fixtureProject('audit-tree');
      writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
      mkdirSync(join(dir, 'tools'));
      writeFileSync(
        join(dir, 'tools', 'contract-adapter.js'),
        `export default { id: 'contract-doc', description: 'A contract document', writes: ['contracts/<name>.md'], ${environments} plan: () => [] };\n`,
      );
      writeFileSync(
        join(dir, '.yo-rc.json'),
        JSON.stringify({ 'generator-continuum': { adapters: [{ module: './tools/contract-adapter.js' }] } }),
      );
      const spec = { version: 2, name: 'lab/contract', description: 'A contract, not a command', adapter: 'contract-doc' };
      writeFileSync(join(dir, 'src/generator/specs/lab-contract.json'), `${JSON.stringify(spec, null, 2)}\n`);
      const { client } = await connect(dir);
      const report = await call(client, 'audit', {});
      return (report.findings as unknown as { ruleId: string; file: string }[])
        .filter((f) => f.ruleId === 'CG010-orphan-spec')
        .map((f) => f.file);
    };
    const contract = 'src/generator/specs/lab-contract.json';
    ok(!(await orphans('')).includes(contract));
    ok((await orphans("environments: ['server'],")).includes(contract));
  });

  it("list_adapters and explain_conventions: the project's own layout, traits and types", async () => {
    const dir = tempProject({
      '.yo-rc.json': JSON.stringify({ 'generator-continuum': { roots: { commands: 'app/commands', specs: 'app/specs' } } }),
    });
    const { client } = await connect(dir);
    const adapters = await call(client, 'list_adapters', {});
    ok(adapters.adapters.some((a: { id: string }) => a.id === 'rust-ipc'));
    const conventions = (await call(client, 'explain_conventions', {})) as unknown as ProjectConventions;
    deepStrictEqual(
      [conventions.roots.commands, conventions.roots.specs, conventions.newSpec.folder, conventions.configFile],
      ['app/commands', 'app/specs', 'app/specs', '.yo-rc.json'],
    );
    ok(
      conventions.traits.some(
        (t: { name: string; rustPath: string }) => t.name === 'ManagedService' && t.rustPath === 'crate::system::traits::ManagedService',
      ),
    );
    ok(conventions.types.imports.some((i: { name: string }) => i.name === 'UUID'));
    deepStrictEqual(conventions.types.primitives, ['string', 'number', 'integer', 'boolean']);
  });

  it("a bad .yo-rc.json: every tool answers invalid with the config's pointer, never a crash", async () => {
    const dir = tempProject({ '.yo-rc.json': JSON.stringify({ 'generator-continuum': { roots: { commands: '/abs' } } }, null, 2) });
    const { client } = await connect(dir);
    for (const [tool, args] of [
      ['validate', { spec: docsRead }],
      ['generate', { spec: docsRead }],
      ['explain_conventions', {}],
    ] as const) {
      const result = await call(client, tool, args);
      deepStrictEqual(
        [result.status, result.issues[0].file, result.issues[0].pointer],
        ['invalid', '.yo-rc.json', '/generator-continuum/roots/commands'],
        tool,
      );
    }
  });

  it('exits by itself when its stdin closes (no client left, no hang)', async () => {
    const run = await runProcess(process.execPath, [binPath, 'mcp', `--cwd=${tempProject()}`], {
      cwd: repoRoot,
      stdin: 'closed',
      timeoutMs: 20_000,
    });
    deepStrictEqual([run.timedOut, run.code, run.stdout], [false, 0, '']);
  });
});
