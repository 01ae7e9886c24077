import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ResultSpec, RunResult } from '../../shared/agent/run-result.js';
import { tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

/** A validator for one of the package's published schemas, compiled once per call; returns the errors. */
export function schemaValidator(name: 'run-result' | 'audit-report' | 'command-spec-v2'): (document: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) as object);
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

/** A project holding the host files the Rust specs edit (the crate's module lists, the IPC composition). */
export function hostProject(): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, 'host', 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(dir, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
  return dir;
}

/** A project holding a copy of a fixture tree (reverse-tree, audit-tree). */
export function fixtureProject(tree: 'reverse-tree' | 'audit-tree'): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, tree), dir, { recursive: true });
  return dir;
}

/** A spec with problems in two places, each a JSON pointer the result must carry. */
export const badSpec = {
  version: 2,
  name: 'gpu/stats',
  description: 'Query GPU stats',
  params: [{ name: 'device', type: 'integr' }],
  results: [{ name: 'free', type: 'Strng' }],
};

/**
 * A run result read back from a process's stdout or a tool's answer (its schema checked by the
 * test): the envelope as typed, and the parts of each command's own fields the tests look at.
 */
export interface ReadResult extends RunResult {
  readonly specs: readonly ResultSpec[];
  readonly reversed: readonly {
    readonly folder: string;
    readonly status: string;
    readonly spec?: { readonly name: string };
    readonly warnings: readonly unknown[];
  }[];
  readonly migration: { readonly v1: readonly string[] };
  readonly adapters: readonly { readonly id: string }[];
  readonly findings: readonly { readonly ruleId: string }[];
}
