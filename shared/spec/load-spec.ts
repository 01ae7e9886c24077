import { SpecError } from '../errors.js';
import type { CommandSpecV2 } from './command-spec.js';
import { parseJsonSource, type JsonSource } from './json-source.js';
import { isV1Spec, migrateV1Spec } from './migrate-v1.js';
import { validateWithSchema } from './schema-validation.js';

export interface LoadedSpec {
  readonly spec: CommandSpecV2;
  readonly source: JsonSource;
  /** True when the file is in the v1 format and was migrated in memory. */
  readonly migratedFromV1: boolean;
}

/**
 * Parse and schema-check a spec file's text. v1 specs are migrated in memory first; every
 * schema problem is reported at once, with its JSON pointer and line:column in the file.
 */
export function loadSpec(text: string, file: string): LoadedSpec {
  const source = parseJsonSource(text, file);
  const document = source.value;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new SpecError([{ file, pointer: '', line: 1, column: 1, message: 'a spec must be a JSON object', found: Array.isArray(document) ? 'an array' : typeof document, expected: '{ "version": 2, "name": ..., "description": ... }' }]);
  }
  const migratedFromV1 = isV1Spec(document);
  const spec = migratedFromV1 ? migrateV1Spec(document as Record<string, unknown>) : (document as CommandSpecV2);
  const issues = validateWithSchema('command-spec-v2', spec, file).map((issue) => ({ ...issue, ...source.locate(issue.pointer) }));
  if (issues.length > 0) throw new SpecError(issues);
  return { spec, source, migratedFromV1 };
}
