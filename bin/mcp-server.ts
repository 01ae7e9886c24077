/**
 * `continuum-gen mcp [--cwd <folder>]`: the generator as a Model Context Protocol server on stdio,
 * for AI agents. Rooted at one project: every path an agent passes and every file written stays
 * inside it. Tools answer with the run result (schemas/run-result.schema.json) as structured
 * content and as JSON text; nothing ever prompts, so a conflict is a refusal naming the files.
 * Writes go through the CLI's own pipeline (generateSpecs / commitFiles: the conflicter).
 */
import { realpathSync, statSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { projectAdapterDescriptions } from '../shared/adapters/adapter-listing.js';
import { explainConventions } from '../shared/agent/conventions.js';
import { commitResultFiles } from '../shared/agent/commit-result.js';
import { readProjectFile } from '../shared/agent/project-run.js';
import { exampleSpecs, PUBLISHED_SCHEMAS, publishedSchemaText, type PublishedSchemaName } from '../shared/agent/published.js';
import { conflictResult, doneResult, failedResult, invalidResult, type ResultContext, type RunResult } from '../shared/agent/run-result.js';
import { outsideRootIssue, plannedOutsideRoot, specSourcesOf, withoutInlinePositions, type SpecInput } from '../shared/agent/spec-input.js';
import { validateSpecs } from '../shared/agent/validate.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import { SpecError } from '../shared/errors.js';
import { RunStop } from '../shared/run/run-stop.js';
import { extraAdapterIds } from '../shared/run/spec-run.js';
import { commitFiles, generateSpecs, silentSink } from './fast-path.js';
import { specGenerationResult } from './spec-generation-result.js';

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

const USAGE = 'Usage: continuum-gen mcp [--cwd <folder>]   (an MCP server on stdin/stdout, rooted at the folder; default: the current one)';

/** What an agent reads first (the initialize result's instructions): the loop that gets a spec right the first time. */
const INSTRUCTIONS = [
  'generator-continuum turns one CommandSpec v2 (JSON) into a whole typed, tested command for a Continuum project.',
  "The loop: 1) explain_conventions: the project's roots, import paths, adapters, traits and types; never guess a path.",
  '2) Read the resource continuum://schema/command-spec-v2 and an example (continuum://examples/docs-read; rust-ipc: continuum://examples/gpu-stats).',
  '3) validate your draft (spec as an object): every problem comes back at once with a JSON pointer, found and expected; fix them all, validate again.',
  "4) generate with dryRun: true: every file's state and a diff; nothing is written. 5) generate for real.",
  'A conflict (a file someone edited) is refused with the files named; pass force: true only when overwriting them is intended.',
  '6) Fill in the TODOs the generated code marks; audit checks the tree; reverse turns hand-written commands into specs.',
].join('\n');

const specInputShape = {
  spec: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The CommandSpec v2 document itself (see continuum://schema/command-spec-v2). Give exactly one of spec, specText, specPath.'),
  specText: z.string().optional().describe('The spec as JSON text; problems then carry line:column in this text.'),
  specPath: z.string().optional().describe('A spec file, a folder of specs or a glob, relative to the project root (and inside it).'),
  adapters: z
    .array(z.string())
    .optional()
    .describe(
      "More adapters to run beside the spec's own (swift, kotlin, python, proto, c, or a project plugin); list_adapters lists them.",
    ),
};

/** Run one tool call at a time: two generations into one tree must not interleave their writes. */
function serialised(): <T>(step: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const next = last.then(step, step);
    last = next.catch(() => undefined);
    return next;
  };
}

/** A tool's answer: the JSON as text for any client, the same object as structured content. */
function answer(result: Record<string, unknown>, isError: boolean): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(result, null, 2) }], structuredContent: result, isError };
}

const runAnswer = (result: RunResult): CallToolResult => answer({ ...result, issues: withoutInlinePositions(result.issues) }, !result.ok);

/** SpecErrors (and RunStops with issues) become an invalid result; anything else is a failure the agent sees as an error result. */
async function guarded(context: ResultContext, step: () => Promise<RunResult>): Promise<CallToolResult> {
  try {
    return runAnswer(await step());
  } catch (error) {
    if (error instanceof SpecError) return runAnswer(invalidResult(context, error.issues));
    // The engine's stops that are about the input (reverse's path) carry it as issues.
    if (error instanceof RunStop && error.issues.length > 0) return runAnswer(invalidResult(context, error.issues));
    return runAnswer(failedResult(context, 'error', error instanceof Error ? error.message : String(error)));
  }
}

/** What every tool of one server shares: its project, its identity, and the queue that serialises calls. */
interface ToolHost {
  readonly projectRoot: string;
  readonly tool: ReturnType<typeof toolInfo>;
  readonly queue: ReturnType<typeof serialised>;
  readonly context: (command: string, dryRun?: boolean) => ResultContext;
}

const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
const writes = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false } as const;

/** The server for one project root, its tools and resources registered (not yet connected). */
export function createContinuumMcpServer(projectRoot: string): McpServer {
  const tool = toolInfo();
  const server = new McpServer({ name: tool.name, version: tool.version }, { instructions: INSTRUCTIONS });
  const host: ToolHost = { projectRoot, tool, queue: serialised(), context: (command, dryRun = false) => ({ command, tool, dryRun }) };
  registerValidate(server, host);
  registerGenerate(server, host);
  registerReverse(server, host);
  registerAudit(server, host);
  registerListAdapters(server, host);
  registerExplainConventions(server, host);
  registerResources(server);
  return server;
}

function registerValidate(server: McpServer, { projectRoot, queue, context }: ToolHost): void {
  server.registerTool(
    'validate',
    {
      title: 'Validate a spec',
      description:
        "Check a CommandSpec v2 exactly as generate would (schema, type grammar, adapters, the project's .yo-rc.json and plugins) and write nothing. Returns a run result: ok, every issue with file, JSON pointer, line/column when known, found and expected, and what each spec would plan.",
      inputSchema: specInputShape,
      annotations: readOnly,
    },
    async (input) =>
      queue(() =>
        guarded(context('validate'), () =>
          validateSpecs(context('validate'), {
            projectRoot,
            sources: () => specSourcesOf(input as SpecInput, projectRoot),
            adapters: extraAdapterIds(input.adapters ?? []),
          }),
        ),
      ),
  );
}

function registerGenerate(server: McpServer, { projectRoot, queue, context }: ToolHost): void {
  server.registerTool(
    'generate',
    {
      title: 'Generate from a spec',
      description:
        "Generate the whole vertical of a spec (the same pipeline and conflict rules as `continuum-gen command --spec`). dryRun: true writes nothing and returns each file's state (create, identical, conflict, force, skip) with a unified diff. A file on disk that differs from what would be generated (a hand edit) is refused with status conflict and the files named, unless force: true. The spec is saved in the project's specs folder so the command stays generator-managed.",
      inputSchema: {
        ...specInputShape,
        dryRun: z.boolean().optional().describe('Plan and diff only; write nothing (default false).'),
        force: z
          .boolean()
          .optional()
          .describe(
            'Overwrite files that differ on disk even where a hand edit cannot be merged (default false: hand edits are three-way merged; an overlap is refused, naming the files).',
          ),
        allowNonHost: z
          .boolean()
          .optional()
          .describe(
            "Create the host's shared files (mod.rs, RustCoreIPC.ts) even where the folder does not look like a Continuum checkout (default false: refused).",
          ),
      },
      annotations: writes,
    },
    async (input) =>
      queue(() =>
        guarded(context('command', input.dryRun === true), async () => {
          const ctx = context('command', input.dryRun === true);
          const generation = await generateSpecs({
            projectRoot,
            sources: () => specSourcesOf(input as SpecInput, projectRoot),
            adapters: extraAdapterIds(input.adapters ?? []),
            settings: { force: input.force === true, dryRun: input.dryRun === true },
            canAsk: false,
            sink: silentSink,
            colour: false,
            verbose: false,
            allowNonHost: input.allowNonHost === true,
            checkRun: (run) =>
              plannedOutsideRoot(
                projectRoot,
                run.files.map((f) => f.path),
              ),
          });
          if (generation.kind === 'ask') throw new Error('internal: a run that cannot ask was handed to a question');
          return specGenerationResult(ctx, generation);
        }),
      ),
  );
}

interface ReverseInput {
  readonly path: string;
  readonly missingOnly?: boolean;
  readonly write?: boolean;
  readonly force?: boolean;
}

function registerReverse(server: McpServer, { projectRoot, queue, context }: ToolHost): void {
  server.registerTool(
    'reverse',
    {
      title: 'Infer specs from code',
      description:
        "Read a hand-written command folder, or a tree of them, and return the CommandSpec v2 inferred from the code with warnings (file:line) for what could not be carried over. By default nothing is written and each spec file's state and diff are shown; write: true writes the spec files into the specs folder through the same conflict rules as generate.",
      inputSchema: {
        path: z.string().describe('A command folder or a folder of them (e.g. src/commands), relative to the project root.'),
        missingOnly: z.boolean().optional().describe('Skip commands that already have a spec (matched by name).'),
        write: z.boolean().optional().describe('Write the spec files (default false: a dry run).'),
        force: z.boolean().optional().describe('With write: overwrite spec files that differ on disk.'),
      },
      annotations: writes,
    },
    async (input) => {
      const ctx = context('reverse', input.write !== true);
      return queue(() => guarded(ctx, () => reverseTool(projectRoot, ctx, input)));
    },
  );
}

/** The reverse tool: the engine's own reverse run (planReverseRun, as the generator and the fast path), committed without asking. */
async function reverseTool(projectRoot: string, ctx: ResultContext, input: ReverseInput): Promise<RunResult> {
  const outside = outsideRootIssue(projectRoot, input.path, 'path');
  if (outside) return invalidResult(ctx, [outside]);
  // The reverse engine (and the TypeScript compiler it parses with) loads on the first call, not at startup.
  const [{ planReverseRun, reverseFiles, reverseRunFields, reverseRunResult }, { nodeSourceReader }] = await Promise.all([
    import('../shared/run/reverse-run.js'),
    import('../shared/reverse/source-reader.js'),
  ]);
  const posixRoot = toPosix(projectRoot);
  const run = planReverseRun({
    projectRoot: posixRoot,
    config: projectConfigFromText(readProjectFile(projectRoot, CONFIG_FILE)),
    target: { kind: 'reverse', path: toPosix(resolve(projectRoot, input.path)) },
    missingOnly: input.missingOnly === true,
    reader: nodeSourceReader,
    shown: (path) => posix.relative(posixRoot, path) || '.',
    targetGivenAs: 'path',
  });
  const files = reverseFiles(run);
  const refused = plannedOutsideRoot(
    projectRoot,
    files.map((f) => f.path),
  );
  if (refused.length > 0) return invalidResult(ctx, refused, reverseRunFields(run));
  const commit = await commitFiles(files, { projectRoot, settings: { dryRun: ctx.dryRun === true, force: input.force === true } });
  if (commit.kind === 'conflict') return conflictResult(ctx, commit.conflicts, reverseRunFields(run));
  return reverseRunResult(ctx, run, commitResultFiles(commit.report));
}

function registerAudit(server: McpServer, { projectRoot, tool, queue, context }: ToolHost): void {
  server.registerTool(
    'audit',
    {
      title: 'Audit the project',
      description:
        "Check every command against the generator's patterns (static accessors, no any, params/result interfaces, spec drift, Rust modules and traits, raw Commands.execute calls) and return the audit report: findings with rule id, severity and file:line, the summary and the metrics (schema: continuum://schema/audit-report). Reads only.",
      inputSchema: {
        failOn: z.enum(['error', 'warning', 'never']).optional().describe('The severity from which passed is false (default error).'),
      },
      annotations: readOnly,
    },
    async (input) =>
      queue(async () => {
        try {
          const [{ runAudit }, { jsonReport }, { AuditTreeReader }, { loadProjectAdapters }] = await Promise.all([
            import('../shared/audit/audit.js'),
            import('../shared/audit/report.js'),
            import('../shared/audit/tree-reader.js'),
            import('../shared/adapters/plugin-loader.js'),
          ]);
          const config = projectConfigFromText(readProjectFile(projectRoot, CONFIG_FILE));
          const failOn = input.failOn ?? 'error';
          // The project's plugins too, as the CLI's audit: what a spec's adapter writes decides which rules apply to it.
          const { registry } = await loadProjectAdapters(projectRoot, config);
          const audit = runAudit({
            projectRoot: toPosix(projectRoot),
            config,
            reader: new AuditTreeReader(),
            mode: 'full',
            registry,
          });
          const report = jsonReport(audit, { tool, failOn, specsRoot: config.roots.specs });
          return answer(report, false);
        } catch (error) {
          if (error instanceof SpecError) return runAnswer(invalidResult(context('audit'), error.issues));
          throw error;
        }
      }),
  );
}

function registerListAdapters(server: McpServer, { projectRoot, queue, context }: ToolHost): void {
  server.registerTool(
    'list_adapters',
    {
      title: 'List adapters',
      description:
        'Every adapter the project can use (built-in: server-only, browser-only, full-stack, rust-ipc, trait-only, swift, kotlin, python, proto, c; and project plugins from .yo-rc.json): what each writes and its resolved options.',
      inputSchema: {},
      annotations: readOnly,
    },
    async () =>
      queue(() =>
        guarded(context('adapters'), async () => {
          const adapters = await projectAdapterDescriptions(projectRoot);
          return doneResult(context('adapters'), `${adapters.length} adapters`, [], { adapters });
        }),
      ),
  );
}

function registerExplainConventions(server: McpServer, { projectRoot, queue, context }: ToolHost): void {
  server.registerTool(
    'explain_conventions',
    {
      title: "Explain the project's conventions",
      description:
        "The project's resolved config, so a spec never guesses a path: roots (commands, specs, Rust crate, generated types, IPC bindings), import paths, package scope, adapters, the traits a rust-ipc spec may implement (rust.traits), the type grammar and the importable types, and where a new spec goes.",
      inputSchema: {},
      annotations: readOnly,
    },
    async () =>
      queue(async () => {
        try {
          return answer({ projectRoot, ...(await explainConventions(projectRoot)) }, false);
        } catch (error) {
          if (error instanceof SpecError) return runAnswer(invalidResult(context('explain_conventions'), error.issues));
          throw error;
        }
      }),
  );
}

/** The published JSON Schemas and the shipped example specs, as resources. */
function registerResources(server: McpServer): void {
  for (const [name, what] of Object.entries(PUBLISHED_SCHEMAS)) {
    const uri = `continuum://schema/${name}`;
    server.registerResource(
      `schema-${name}`,
      uri,
      { title: `${name} JSON Schema`, description: `The JSON Schema of ${what}.`, mimeType: 'application/schema+json' },
      async () => ({
        contents: [{ uri, mimeType: 'application/schema+json', text: publishedSchemaText(name as PublishedSchemaName) }],
      }),
    );
  }
  for (const example of exampleSpecs()) {
    const uri = `continuum://examples/${example.name}`;
    server.registerResource(
      `example-${example.name.replace(/\//g, '-')}`,
      uri,
      {
        title: `Example spec ${example.name}`,
        description: `A CommandSpec shipped with generator-continuum (specs/${example.name}.json).`,
        mimeType: 'application/json',
      },
      async () => ({
        contents: [{ uri, mimeType: 'application/json', text: example.text }],
      }),
    );
  }
}

/** Serve on stdin/stdout until the client closes stdin. */
export async function runMcpServer(argv: readonly string[]): Promise<number> {
  let cwd: string | undefined;
  try {
    ({
      values: { cwd },
    } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { cwd: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`continuum-gen mcp: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 1;
  }
  const root = resolve(cwd ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`continuum-gen mcp: --cwd ${JSON.stringify(cwd)} is not a folder\n${USAGE}\n`);
    return 1;
  }
  // stdout carries the protocol: anything a project plugin logs goes to stderr instead.
  console.log = console.error;
  console.info = console.error;
  const server = createContinuumMcpServer(realpathSync(root));
  const closed = new Promise<void>((resolveClosed) => {
    server.server.onclose = () => resolveClosed();
  });
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', () => void server.close());
  await closed;
  return 0;
}
