/**
 * The bin's commands for agents and scripts that are not sub-generators: `validate` (check specs,
 * write nothing), `schema` (print a published JSON Schema) and `adapters --json`. None loads
 * Yeoman; each prints its result on stdout and everything for a person on stderr.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectAdapterDescriptions } from '../shared/adapters/adapter-listing.js';
import { COMMAND_LINE, doneResult, formatRunResult, invalidResult, type ResultContext } from '../shared/agent/run-result.js';
import { isPublishedSchema, PUBLISHED_SCHEMAS, publishedSchemaText } from '../shared/agent/published.js';
import { validateSpecs } from '../shared/agent/validate.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { describeRefusal, formatIssue, SpecError } from '../shared/errors.js';
import { extraAdapterIds } from '../shared/run/spec-run.js';
import { collectSpecSources } from '../shared/run/spec-sources.js';

const context = (command: string): ResultContext => ({ command, tool: toolInfo() });

/** A usage problem on the command line: printed with the usage, exit 1, nothing done. */
function usageError(command: string, usage: string, problem: string, json: boolean): number {
  if (json)
    process.stdout.write(
      formatRunResult(invalidResult(context(command), [{ file: COMMAND_LINE, pointer: '', message: problem, expected: usage }])),
    );
  process.stderr.write(`continuum-gen ${command}: ${problem}\n${usage}\n`);
  return 1;
}

const VALIDATE_USAGE = 'Usage: continuum-gen validate --spec=<file|folder|glob> [--cwd=<folder>] [--adapter=<id>]... [--json]';

/** `continuum-gen validate`: every problem of every spec, as text or a run result; writes nothing. */
export async function validateCommand(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  let values: { spec?: string; cwd?: string; adapter?: string[]; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: 'string' },
        cwd: { type: 'string' },
        adapter: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usageError('validate', VALIDATE_USAGE, error instanceof Error ? error.message : String(error), json);
  }
  if (values.help) {
    process.stdout.write(
      `${VALIDATE_USAGE}\n\nChecks specs exactly as a generation would (schema, types, adapters, .yo-rc.json, plugins) and writes nothing.\n--json prints the result as schemas/run-result.schema.json describes it.\n`,
    );
    return 0;
  }
  if (values.spec === undefined || values.spec === '') return usageError('validate', VALIDATE_USAGE, 'missing --spec', json);
  const shellCwd = process.cwd();
  const projectRoot = resolve(shellCwd, values.cwd ?? '.');
  const spec = values.spec;
  const result = await validateSpecs(context('validate'), {
    projectRoot,
    sources: () => collectSpecSources(spec, shellCwd, projectRoot),
    adapters: extraAdapterIds(values.adapter ?? []),
  });
  if (json) process.stdout.write(formatRunResult(result));
  if (result.ok) {
    for (const spec of result.specs ?? [])
      process.stderr.write(`valid ${spec.specFile}: ${spec.name} (${spec.adapters.join(', ')}), ${spec.files.length} files planned\n`);
    process.stderr.write(`${result.message}\n`);
  } else {
    process.stderr.write(`continuum-gen: ${describeRefusal(new SpecError(result.issues))}\n`);
  }
  return result.exitCode;
}

const SCHEMA_USAGE = `Usage: continuum-gen schema [${Object.keys(PUBLISHED_SCHEMAS).join('|')}]   (default: command-spec-v2)`;

/** `continuum-gen schema [name]`: a published JSON Schema on stdout, byte for byte as shipped. */
export function schemaCommand(argv: readonly string[]): number {
  const [name = 'command-spec-v2', ...more] = argv;
  if (name === '--help' || name === '-h' || name === '--list') {
    process.stdout.write(
      `${SCHEMA_USAGE}\n\n${Object.entries(PUBLISHED_SCHEMAS)
        .map(([n, what]) => `  ${n.padEnd(16)} ${what}`)
        .join('\n')}\n`,
    );
    return 0;
  }
  if (more.length > 0 || !isPublishedSchema(name)) {
    process.stderr.write(
      `continuum-gen schema: ${more.length > 0 ? `one schema name at a time; found ${argv.join(' ')}` : `unknown schema ${JSON.stringify(name)}`}\n${SCHEMA_USAGE}\n`,
    );
    return 1;
  }
  process.stdout.write(publishedSchemaText(name));
  return 0;
}

/** `continuum-gen adapters --json`: the adapter listing as a run result. */
export async function adaptersJson(projectRoot: string): Promise<number> {
  try {
    const adapters = await projectAdapterDescriptions(resolve(projectRoot));
    process.stdout.write(formatRunResult(doneResult(context('adapters'), `${adapters.length} adapters`, [], { adapters })));
    return 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stdout.write(formatRunResult(invalidResult(context('adapters'), error.issues)));
    process.stderr.write(`continuum-gen: ${error.issues.map(formatIssue).join('\n')}\n`);
    return 1;
  }
}
