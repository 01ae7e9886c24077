/**
 * The rules a spec's field names, type strings and default values must follow, as small pure
 * functions: the resolver reports them with the spec's pointers, and a wizard can check one
 * answer at a time with the same rules.
 */
import { pointerOf } from '../errors.js';
import { TypeSyntaxError, parseTypeString } from '../types/type-grammar.js';
import { foldType, type TypeFold } from '../types/fold.js';
import { typeToSpecText, type PrimitiveName, type TypeNode } from '../types/type-tree.js';
import type { TaggedUnionDeclaration, TypeDeclaration } from './command-model.js';
import { didYouMean } from './naming.js';

/** What is wrong and what would be accepted. */
export interface RuleProblem {
  readonly problem: string;
  readonly expected: string;
}

/** What every JavaScript object inherits: names a field cannot have. */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype)
    .filter((n) => n !== '__proto__')
    .sort(),
);

/** Why `name` cannot name a field (a param, a result, a field of a type), or undefined when it can. */
export function fieldNameProblem(name: string): RuleProblem | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return {
      problem: `field name ${JSON.stringify(name)} is not an identifier`,
      expected: 'letters, digits and _, not starting with a digit (camelCase by convention)',
    };
  }
  // In a JavaScript object literal `{ __proto__: x }` sets the prototype: the field would vanish.
  if (name === '__proto__')
    return { problem: 'field name "__proto__" would set the prototype of every object literal that carries it', expected: 'another name' };
  // An absent `toString` reads as the inherited function: validation fails at run time, and tsc refuses `{}` for the type.
  if (OBJECT_MEMBERS.has(name))
    return {
      problem: `field name ${JSON.stringify(name)} is a member of every JavaScript object (Object.prototype)`,
      expected: `a name other than ${[...OBJECT_MEMBERS].join(', ')}`,
    };
  return undefined;
}

/** A type string parsed by the spec grammar, or where and why the grammar refuses it. */
export function parseTypeText(text: string): { type: TypeNode } | { offset: number; problem: string; expected: string } {
  try {
    return { type: parseTypeString(text) };
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    return { offset: error.offset, problem: error.problem, expected: error.suggestion };
  }
}

/** The types a default value can name: the spec's declarations (enums, interfaces, unions) and imported names. */
export interface DefaultTypes {
  readonly declarations: ReadonlyMap<string, TypeDeclaration | TaggedUnionDeclaration>;
  readonly imported: ReadonlySet<string>;
}

/** One place inside a default value that does not fit its type. */
export interface DefaultProblem {
  /** JSON pointer of the offending part, relative to the default itself ('' for the whole value). */
  readonly at: string;
  readonly problem: string;
  readonly suggestion?: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every place where a default value does not fit its type, checked to the leaf: array items,
 * record values, interface fields (required ones present, no unknown ones), enum values,
 * finite numbers and safe integers (any JSON value fits `unknown`). Names the type does not resolve are not checked here (the
 * resolver reports them); imported types are refused, for the generator cannot tell their
 * values (the host's UUID is a branded string: no JSON value type-checks as one).
 */
export function defaultValueProblems(value: unknown, type: TypeNode, types: DefaultTypes, at = ''): DefaultProblem[] {
  return foldType(type, DEFAULT_CHECKERS)(value, at, types);
}

/** The problems of a value of a subtree, at a pointer relative to the whole default. */
type DefaultChecker = (value: unknown, at: string, types: DefaultTypes) => DefaultProblem[];

const problemAt = (at: string, problem: string, suggestion?: string): DefaultProblem[] => [
  { at, problem, ...(suggestion ? { suggestion } : {}) },
];

/** One of `values` exactly, or a problem naming them all (with the nearest as a suggestion). */
function oneOf(value: unknown, values: readonly string[], at: string): DefaultProblem[] {
  return typeof value === 'string' && values.includes(value)
    ? []
    : problemAt(
        at,
        `expected one of ${values.map((v) => `'${v}'`).join(', ')}`,
        typeof value === 'string' ? didYouMean(value, values) : undefined,
      );
}

function primitiveProblems(name: PrimitiveName, value: unknown, at: string): DefaultProblem[] {
  switch (name) {
    case 'integer':
      return Number.isSafeInteger(value)
        ? []
        : problemAt(
            at,
            typeof value === 'number' && Number.isInteger(value)
              ? 'expected an integer JavaScript holds exactly (at most 2^53 - 1 in size)'
              : 'expected an integer',
          );
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : problemAt(at, 'expected a finite number');
    default:
      return typeof value === name ? [] : problemAt(at, `expected a ${name}`);
  }
}

/** The problems of one record entry: keys an object literal cannot hold as data, else its value's. */
function recordEntryProblems(key: string, item: unknown, at: string, types: DefaultTypes, value: DefaultChecker): DefaultProblem[] {
  if (key === '__proto__')
    return problemAt(at + pointerOf(key), 'a key named __proto__ would set the prototype of the object literal instead');
  // tsc types `{ toString: 'a' }` from the inherited member, not the record's values: TS2322 for an enum value.
  if (OBJECT_MEMBERS.has(key))
    return problemAt(
      at + pointerOf(key),
      `a key named ${key}, a member of every JavaScript object (Object.prototype), is typed by TypeScript as that member, not as the record's value`,
    );
  return value(item, at + pointerOf(key), types);
}

const DEFAULT_CHECKERS: TypeFold<DefaultChecker> = {
  // Untyped JSON: any JSON value fits.
  unknown: () => () => [],
  primitive: (node) => (value, at) => primitiveProblems(node.name, value, at),
  literals: (node) => (value, at) => oneOf(value, node.values, at),
  nullable: (inner) => (value, at, types) => (value === null ? [] : inner(value, at, types)),
  array: (element, node) => (value, at, types) =>
    Array.isArray(value)
      ? value.flatMap((item, index) => element(item, `${at}/${index}`, types))
      : problemAt(at, `expected an array (${typeToSpecText(node)})`),
  record: (entry, node) => (value, at, types) =>
    isPlainObject(value)
      ? Object.entries(value).flatMap(([key, item]) => recordEntryProblems(key, item, at, types, entry))
      : problemAt(at, `expected an object (${typeToSpecText(node)})`),
  named: (node) => (value, at, types) => namedProblems(node.name, value, types, at),
};

/** The problems of a value of a named type: imported (refused), enum, interface or tagged union; unresolved names pass. */
function namedProblems(name: string, value: unknown, types: DefaultTypes, at: string): DefaultProblem[] {
  if (types.imported.has(name))
    return problemAt(
      at,
      `${name} is an imported type: the generator cannot check or type a value of it; set the value in the implementation instead`,
    );
  const declared = types.declarations.get(name);
  if (!declared) return [];
  if (declared.kind === 'enum') return oneOf(value, declared.values, at);
  if (!isPlainObject(value)) return problemAt(at, `expected an object of type ${name}`);
  if (declared.kind === 'interface') return fieldProblems(value, declared.fields, name, types, at, []);
  const tag = value[declared.tag];
  const variant = typeof tag === 'string' ? declared.variants.find((v) => v.name === tag) : undefined;
  if (!variant) {
    const names = declared.variants.map((v) => v.name);
    return problemAt(
      at + pointerOf(declared.tag),
      `expected '${declared.tag}' to be one of ${names.map((n) => `'${n}'`).join(', ')} (the variants of ${name})`,
      typeof tag === 'string' ? didYouMean(tag, names) : undefined,
    );
  }
  return fieldProblems(value, variant.fields, `${name} variant ${variant.name}`, types, at, [declared.tag]);
}

/** The problems of an object against declared fields: missing required ones, unknown ones, each value. */
function fieldProblems(
  value: Record<string, unknown>,
  fields: readonly { name: string; type: TypeNode; optional: boolean }[],
  owner: string,
  types: DefaultTypes,
  at: string,
  alsoKnown: readonly string[],
): DefaultProblem[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems: DefaultProblem[] = [];
  for (const field of fields) {
    if (!field.optional && !Object.hasOwn(value, field.name)) problems.push({ at, problem: `missing field '${field.name}' of ${owner}` });
  }
  for (const [key, item] of Object.entries(value)) {
    const field = byName.get(key);
    if (field) problems.push(...defaultValueProblems(item, field.type, types, at + pointerOf(key)));
    else if (!alsoKnown.includes(key)) {
      const suggestion = didYouMean(key, [...byName.keys()]);
      problems.push({ at: at + pointerOf(key), problem: `${owner} has no field '${key}'`, ...(suggestion ? { suggestion } : {}) });
    }
  }
  return problems;
}
