import { commandClassName } from '../model/naming.js';
import type {
  CommandSpecV2,
  SpecField,
  SpecTrait,
  SpecTraitMethod,
  SpecTypeDeclaration,
  SpecTypeField,
  SpecVariant,
} from './command-spec.js';

/** Copy an object keeping only defined values, in the given key order (JSON output is then stable). */
function ordered<T extends object>(value: T, keys: ReadonlyArray<keyof T>): T {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

const FIELD_KEYS: ReadonlyArray<keyof SpecField> = ['name', 'type', 'optional', 'optionalNullable', 'default', 'description'];
const TYPE_FIELD_KEYS: ReadonlyArray<keyof SpecTypeField> = ['type', 'optional', 'optionalNullable', 'description'];
const METHOD_KEYS: ReadonlyArray<keyof SpecTraitMethod> = [
  'name',
  'description',
  'receiver',
  'async',
  'params',
  'returns',
  'returnsBorrowed',
  'fallible',
  'defaultBody',
  'stub',
  'todo',
];

const canonicalFields = (fields: Record<string, SpecTypeField> | undefined): Record<string, SpecTypeField> | undefined =>
  fields ? Object.fromEntries(Object.entries(fields).map(([f, field]) => [f, ordered(field, TYPE_FIELD_KEYS)])) : undefined;

const canonicalTraits = (traits: Record<string, SpecTrait> | undefined): Record<string, SpecTrait> | undefined =>
  traits
    ? Object.fromEntries(
        Object.entries(traits).map(([name, trait]): [string, SpecTrait] => [
          name,
          ordered(
            {
              ...trait,
              methods: trait.methods.map((m) =>
                ordered({ ...m, params: m.params?.map((p) => ordered(p, ['name', 'type', 'description'])) }, METHOD_KEYS),
              ),
            },
            ['description', 'supertraits', 'methods'],
          ),
        ]),
      )
    : undefined;

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
              fields: canonicalFields(declaration.fields),
              variants: declaration.variants
                ? Object.fromEntries(
                    Object.entries(declaration.variants).map(([v, variant]): [string, SpecVariant] => [
                      v,
                      ordered({ ...variant, fields: canonicalFields(variant.fields) }, ['description', 'fields']),
                    ]),
                  )
                : undefined,
            },
            ['description', 'enum', 'valueDescriptions', 'ordered', 'tag', 'variants', 'fields'],
          ),
        ]),
      )
    : undefined;
  // Empty lists and a className equal to the derived one say nothing: the canonical form leaves them out.
  const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);
  return ordered(
    {
      ...spec,
      version: 2,
      className: spec.className === commandClassName(spec.name) ? undefined : spec.className,
      types: types && Object.keys(types).length > 0 ? types : undefined,
      traits: canonicalTraits(spec.traits),
      params: nonEmpty(spec.params?.map((f) => ordered(f, FIELD_KEYS))),
      results: nonEmpty(spec.results?.map((f) => ordered(f, FIELD_KEYS))),
      examples: nonEmpty(spec.examples?.map((e) => ordered(e, ['description', 'command', 'expectedResult']))),
      imports: nonEmpty(spec.imports?.map((i) => ordered(i, ['name', 'from', 'rust']))),
      rust: spec.rust ? ordered(spec.rust, ['module', 'command_prefix', 'traits', 'imports', 'companions']) : undefined,
    },
    [
      '$schema',
      'version',
      'name',
      'className',
      'description',
      'environment',
      'adapter',
      'accessLevel',
      'typesFile',
      'rust',
      'imports',
      'types',
      'traits',
      'params',
      'results',
      'examples',
    ],
  );
}

/** Serialise a spec the way the generator saves it: canonical order, two-space indent, final newline. */
export function serialiseSpec(spec: CommandSpecV2): string {
  return `${JSON.stringify(canonicalSpec(spec), null, 2)}\n`;
}
