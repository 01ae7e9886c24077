import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot, schemasDir } from '../package-root.js';

/** The JSON Schemas this package publishes, by the name `continuum-gen schema <name>` takes. */
export const PUBLISHED_SCHEMAS = {
  'command-spec-v2': 'CommandSpec v2: the spec of one command (what validate and generate take)',
  'run-result': 'the result of every --json run and of the MCP tools validate, generate, reverse, list_adapters',
  'project-config': 'the generator-continuum entry of .yo-rc.json (roots, import paths, adapters)',
  'audit-report': 'what audit --json prints and the MCP audit tool returns',
  'generation-record': 'the record of what was generated for one command (beside the specs; the base of three-way merges)',
} as const;

export type PublishedSchemaName = keyof typeof PUBLISHED_SCHEMAS;

export function isPublishedSchema(name: string): name is PublishedSchemaName {
  return Object.hasOwn(PUBLISHED_SCHEMAS, name);
}

/** A published schema's text, exactly as shipped in schemas/. */
export function publishedSchemaText(name: PublishedSchemaName): string {
  return readFileSync(join(schemasDir, `${name}.schema.json`), 'utf8');
}

/** One example spec shipped in specs/: its name (path without .json, e.g. traits/managed-service) and text. */
export interface ExampleSpec {
  readonly name: string;
  readonly text: string;
}

/** Every example spec shipped with the package, sorted by name. */
export function exampleSpecs(): ExampleSpec[] {
  const root = join(packageRoot, 'specs');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .map((path) => ({
      name: relative(root, join(root, path))
        .split(sep)
        .join('/')
        .replace(/\.json$/, ''),
      text: readFileSync(join(root, path), 'utf8'),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
