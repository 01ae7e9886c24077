import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvInstance, ErrorObject, Options, ValidateFunction } from 'ajv';
import { describeValue, pointerOf, valueAtPointer, type SpecIssue } from '../errors.js';
import { didYouMean } from '../model/naming.js';
import { schemasDir } from '../package-root.js';
import { readPrecompiledValidators } from './precompiled-validators.js';

export type SchemaName = 'command-spec-v2' | 'project-config' | 'generation-record';
export const SCHEMA_NAMES: readonly SchemaName[] = ['command-spec-v2', 'project-config', 'generation-record'];

const schemaTexts = (): string[] => SCHEMA_NAMES.map((name) => readFileSync(join(schemasDir, `${name}.schema.json`), 'utf8'));

/** A fingerprint of the schemas, so validators compiled from older schemas are never used. */
export function schemasFingerprint(): string {
  return createHash('sha256').update(schemaTexts().join('\0')).digest('hex');
}

/** An ajv instance holding every schema (the config schema $refs the spec schema's definitions). */
export function createSchemaAjv(extra: Options = {}): AjvInstance {
  // Loaded on demand: runs with precompiled validators never load ajv's compiler.
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, ...extra });
  schemaTexts().forEach((text, i) => ajv.addSchema(JSON.parse(text) as object, `${SCHEMA_NAMES[i]}.schema.json`));
  return ajv;
}

let validators: ReadonlyMap<SchemaName, ValidateFunction> | undefined;

function loadValidators(): ReadonlyMap<SchemaName, ValidateFunction> {
  // Validators compiled at build time, so a run does not pay for ajv's compiler; never stale ones.
  const precompiled = readPrecompiledValidators();
  if (precompiled?.schemasFingerprint === schemasFingerprint())
    return new Map(SCHEMA_NAMES.map((name) => [name, precompiled[name] as ValidateFunction]));
  const ajv = createSchemaAjv();
  return new Map(SCHEMA_NAMES.map((name) => [name, ajv.getSchema(`${name}.schema.json`)!]));
}

function validatorFor(name: SchemaName): ValidateFunction {
  validators ??= loadValidators();
  return validators.get(name)!;
}

/** A schema issue, with what the loader needs to locate it and to check the rest without it. */
export interface SchemaIssue extends SpecIssue {
  /** Locate at the key, not the value (an unknown property). */
  readonly atKey?: boolean;
  /** The required member the object at `pointer` lacks. */
  readonly missing?: string;
}

/** Turn one ajv error into an issue that says what was found and what is accepted. */
function toIssue(error: ErrorObject, document: unknown, file: string, prefix: string): SchemaIssue {
  const pointer = error.instancePath;
  const found = describeValue(valueAtPointer(document, pointer));
  const at = prefix + pointer;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        file,
        pointer: at,
        message: `missing required property '${String(params.missingProperty)}'`,
        expected: `an object with '${String(params.missingProperty)}'`,
        missing: String(params.missingProperty),
      };
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).sort();
      const key = String(params.additionalProperty);
      const suggestion = didYouMean(key, allowed);
      return {
        file,
        pointer: `${at}${pointerOf(key)}`,
        message: `unknown property '${key}'`,
        expected: allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'no other properties',
        ...(suggestion ? { suggestion } : {}),
        atKey: true,
      };
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const value = valueAtPointer(document, pointer);
      const suggestion =
        typeof value === 'string'
          ? didYouMean(
              value,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return {
        file,
        pointer: at,
        message: 'value not allowed',
        found,
        expected: `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        ...(suggestion ? { suggestion } : {}),
      };
    }
    case 'const':
      return { file, pointer: at, message: 'value not allowed', found, expected: JSON.stringify(params.allowedValue) };
    case 'type':
      return { file, pointer: at, message: 'wrong type', found, expected: `a value of type ${String(params.type)}` };
    case 'pattern':
      return {
        file,
        pointer: at,
        message: 'value does not match the required pattern',
        found,
        expected: `a string matching ${String(params.pattern)}`,
      };
    case 'propertyNames':
      return {
        file,
        pointer: `${at}${pointerOf(String(params.propertyName))}`,
        atKey: true,
        message: `invalid name '${String(params.propertyName)}'`,
        expected: 'a PascalCase name (letters and digits, starting with a capital)',
      };
    case 'minLength':
      return { file, pointer: at, message: 'must not be empty', found, expected: 'a non-empty string' };
    case 'minItems':
      return { file, pointer: at, message: `needs at least ${String(params.limit)} item(s)`, found };
    case 'uniqueItems':
      return { file, pointer: at, message: `items ${String(params.j)} and ${String(params.i)} are duplicates`, expected: 'each item once' };
    case 'oneOf':
      return {
        file,
        pointer: at,
        message:
          'a type declaration needs exactly one of fields (an interface) or enum (a string enum), or variants (a tagged union, trait-only specs)',
        found,
      };
    default:
      return { file, pointer: at, message: error.message ?? `fails ${error.keyword}`, found };
  }
}

/** Validate a document against one of the package's schemas; returns every issue (empty when valid). */
export function validateWithSchema(name: SchemaName, document: unknown, file: string, pointerPrefix = ''): SpecIssue[] {
  return schemaIssues(name, document, file, pointerPrefix).map(({ atKey: _atKey, missing: _missing, ...issue }) => issue);
}

/** validateWithSchema, with what the spec loader needs to locate each issue and to check the rest without it. */
export function schemaIssues(name: SchemaName, document: unknown, file: string, pointerPrefix = ''): SchemaIssue[] {
  const validate = validatorFor(name);
  if (validate(document)) return [];
  const errors = validate.errors ?? [];
  // A failed oneOf also reports each branch's own failures; keep only the oneOf summary.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.schemaPath.startsWith(p + '/')));
  // propertyNames reports the failing inner keyword too; keep one message per name.
  const filtered = kept.filter((e) => !(e.keyword === 'pattern' && e.propertyName !== undefined));
  return filtered.map((e) => toIssue(e, document, file, pointerPrefix));
}
