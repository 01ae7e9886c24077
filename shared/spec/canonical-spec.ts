import type { CommandSpecV2, SpecField, SpecTypeDeclaration, SpecTypeField } from './command-spec.js';

/** Copy an object keeping only defined values, in the given key order (JSON output is then stable). */
function ordered<T extends object>(value: T, keys: ReadonlyArray<keyof T>): T {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

const FIELD_KEYS: ReadonlyArray<keyof SpecField> = ['name', 'type', 'optional', 'optionalNullable', 'default', 'description'];
const TYPE_FIELD_KEYS: ReadonlyArray<keyof SpecTypeField> = ['type', 'optional', 'optionalNullable', 'description'];

/**
 * The canonical v2 form of a spec: keys in schema order, nothing undefined. Saved specs, migrated
 * specs and the round trip of the reverse generator all compare and write this form.
 */
export function canonicalSpec(spec: CommandSpecV2): CommandSpecV2 {
  const types = spec.types
    ? Object.fromEntries(
        Object.entries(spec.types).map(([name, declaration]): [string, SpecTypeDeclaration] => [
          name,
          ordered(
            {
              ...declaration,
              fields: declaration.fields ? Object.fromEntries(Object.entries(declaration.fields).map(([f, field]) => [f, ordered(field, TYPE_FIELD_KEYS)])) : undefined,
            },
            ['description', 'enum', 'fields'],
          ),
        ]),
      )
    : undefined;
  return ordered(
    {
      ...spec,
      version: 2,
      types,
      params: spec.params?.map((f) => ordered(f, FIELD_KEYS)),
      results: spec.results?.map((f) => ordered(f, FIELD_KEYS)),
      examples: spec.examples?.map((e) => ordered(e, ['description', 'command', 'expectedResult'])),
      imports: spec.imports?.map((i) => ordered(i, ['name', 'from', 'rust'])),
      rust: spec.rust ? ordered(spec.rust, ['module', 'command_prefix', 'traits', 'imports']) : undefined,
    },
    ['$schema', 'version', 'name', 'className', 'description', 'environment', 'adapter', 'accessLevel', 'rust', 'imports', 'types', 'params', 'results', 'examples'],
  );
}

/** Serialise a spec the way the generator saves it: canonical order, two-space indent, final newline. */
export function serialiseSpec(spec: CommandSpecV2): string {
  return `${JSON.stringify(canonicalSpec(spec), null, 2)}\n`;
}
