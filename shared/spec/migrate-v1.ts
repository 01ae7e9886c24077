import { HOST_ACCESS_LEVELS } from '../config/project-config.js';
import type { CommandSpecV2 } from './command-spec.js';

/** Is this document a v1 spec (the host's current format: no version, or version 1)? */
export function isV1Spec(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const version = (document as Record<string, unknown>).version;
  return version === undefined || version === 1;
}

/** One change the migration made that a person may want to look at, with the v1 file's JSON pointer. */
export interface V1MigrationNote {
  readonly pointer: string;
  readonly message: string;
}

export interface V1Migration {
  readonly spec: CommandSpecV2;
  readonly notes: readonly V1MigrationNote[];
}

/** Top-level keys of real v1 specs that only document (the host's v1 generator ignores them). */
const DOCUMENTATION_ONLY_KEYS = ['category'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A CLI flag value as the host's `./jtag` takes it: bare when plain, quoted otherwise, JSON for objects and lists. */
function flagValue(value: unknown): string {
  if (typeof value === 'string') return /^[A-Za-z0-9_./:@-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${JSON.stringify(value).replace(/'/g, "'\\''")}'`;
}

/**
 * Migrate a v1 spec to v2 in memory, accepting everything the host's v1 generator accepted
 * (its CommandSpec.ts dialects) and saying what changed. Keys keep their positions where they
 * exist in both formats and no list entry is dropped, so schema errors on the migrated document
 * still point at the right place in the v1 file.
 *
 * - `implementation` is the older name of `environment`; without either, `both` (the host's v1
 *   generator always wrote a server and a browser command).
 * - `required: true|false` (the host's dialect) becomes `optional`; a param's `defaultValue` its `default`.
 * - `examples` given as command strings, or with `params` and no `command`, get a `command`
 *   (`./jtag <name> --k=v`); their documentation-only keys go, as do top-level ones (`category`).
 * - `success` and `error` listed among results stay: they replace the host's conventions with
 *   the types the spec gives.
 * - an access level that is not one of the project's is dropped (the default, internal, applies).
 * - `any` in a type becomes `unknown` (untyped JSON), which the grammar accepts.
 */
export function migrateV1SpecWithNotes(document: Json, accessLevels: readonly string[] = HOST_ACCESS_LEVELS): V1Migration {
  const notes: V1MigrationNote[] = [];
  const note = (pointer: string, message: string): void => {
    notes.push({ pointer, message });
  };
  const { version: _version, implementation, environment, ...rest } = document;
  const migrated: Json = { version: 2 };
  for (const [key, value] of Object.entries(rest)) {
    if (DOCUMENTATION_ONLY_KEYS.includes(key)) {
      note(`/${key}`, `${key} is documentation only in v1 (the generator ignored it); dropped`);
      continue;
    }
    if (key === 'params' || key === 'results') {
      migrated[key] = Array.isArray(value)
        ? value.map((field, i) => (isObject(field) ? migrateField(field, key, `/${key}/${i}`, note) : field))
        : value;
      continue;
    }
    if (key === 'examples') {
      migrated[key] = Array.isArray(value)
        ? value.map((example, i) =>
            migrateExample(example, typeof rest.name === 'string' ? rest.name : '<command>', `/examples/${i}`, note),
          )
        : value;
      continue;
    }
    if (key === 'accessLevel' && typeof value === 'string' && !accessLevels.includes(value)) {
      note(
        '/accessLevel',
        `access level ${JSON.stringify(value)} is not one of the project's (${accessLevels.join(', ')}); dropped, so the default (internal) applies: set the right one`,
      );
      continue;
    }
    migrated[key] = value;
  }
  const env = environment ?? implementation;
  if (env !== undefined) {
    migrated.environment = env;
    if (environment === undefined)
      note('/implementation', `implementation is the v1 name of environment; environment ${JSON.stringify(env)}`);
  } else {
    migrated.environment = 'both';
    note('', 'no environment: both, as the host v1 generator wrote a server and a browser command');
  }
  return { spec: migrated as unknown as CommandSpecV2, notes };
}

/** The v2 spec only (see migrateV1SpecWithNotes). */
export function migrateV1Spec(document: Json, accessLevels?: readonly string[]): CommandSpecV2 {
  return migrateV1SpecWithNotes(document, accessLevels).spec;
}

function migrateField(field: Json, list: 'params' | 'results', pointer: string, note: (pointer: string, message: string) => void): Json {
  const out: Json = {};
  const { required, defaultValue, ...rest } = field;
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'type' && typeof value === 'string' && /\bany\b/.test(value)) {
      out.type = value.replace(/\bany\b/g, 'unknown');
      note(
        `${pointer}/type`,
        `${value === 'any' ? 'any is refused by the grammar' : `${value} uses any, which the grammar refuses`}; written as ${String(out.type)} (untyped JSON): name the shape under types when it is known`,
      );
      continue;
    }
    out[key] = value;
  }
  if (typeof required === 'boolean' && out.optional === undefined) {
    if (!required) out.optional = true;
    else if (list === 'params') out.optional = false;
  } else if (typeof required === 'boolean' && out.optional === required) {
    note(`${pointer}/required`, `required: ${String(required)} contradicts optional: ${String(out.optional)}; optional is kept`);
  }
  if (defaultValue !== undefined) {
    if (out.default === undefined && out.optional === true && list === 'params') out.default = defaultValue;
    else
      note(
        `${pointer}/defaultValue`,
        `defaultValue ${JSON.stringify(defaultValue)} is dropped: a default belongs to an optional param${out.default !== undefined ? ' and default is already given' : ''}`,
      );
  }
  return out;
}

function migrateExample(example: unknown, name: string, pointer: string, note: (pointer: string, message: string) => void): unknown {
  if (typeof example === 'string') return { description: example, command: example };
  if (!isObject(example)) return example;
  const { description, command, expectedResult, params, ...extra } = example;
  for (const key of Object.keys(extra)) note(`${pointer}/${key}`, `example ${key} is documentation only; dropped`);
  let built = command;
  if (built === undefined) {
    const flags = isObject(params)
      ? Object.entries(params)
          .map(([k, v]) => ` --${k}=${flagValue(v)}`)
          .join('')
      : '';
    built = `./jtag ${name}${flags}`;
    note(`${pointer}`, `the example has no command; built from its params: ${String(built)}`);
  } else if (params !== undefined) {
    note(`${pointer}/params`, 'example params are documentation only next to a command; dropped');
  }
  return {
    description: description ?? built,
    command: built,
    ...(expectedResult !== undefined
      ? { expectedResult: typeof expectedResult === 'string' ? expectedResult : JSON.stringify(expectedResult) }
      : {}),
  };
}
