import { CONFIG_FILE, CONFIG_KEY } from '../../config/project-config.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { foldType } from '../../types/fold.js';
import type { TypeNode } from '../../types/type-tree.js';
import type { AdapterOptions } from '../adapter.js';
import { UnmappableType, lowerSnake, resolveNamed, upperSnake } from '../language/language-support.js';
import { NamingPass, type CommandTypeNames, type NamedEnum, type NamedField, type NamedStruct } from '../language/naming-pass.js';
import { stringOption, type Naming } from '../target.js';
import { PROTO_ADAPTER_ID, protoTypeMapping } from './type-mapping.js';

/** A message field: its snake_case name, its full type (`optional string`, `repeated T`), and its json_name when protoc's would differ from the wire key. */
export interface ProtoField extends NamedField {
  readonly jsonName?: string;
}

/** Every identifier the .proto file prints, decided once. */
export interface ProtoNames extends CommandTypeNames {
  /** The command's package: the base package, then each name segment in snake_case. */
  readonly packageName: string;
  /** The file name without .proto. */
  readonly file: string;
  readonly service: string;
  /** The zero value's name of each enum, by enum name; the other cases are <ENUM>_<VALUE>. */
  readonly unspecified: ReadonlyMap<string, string>;
  readonly enums: readonly NamedEnum[];
  readonly structs: readonly NamedStruct<ProtoField>[];
}

/** protoc's default JSON name of a field: lowerCamelCase of its snake_case name. */
export function protocJsonName(fieldName: string): string {
  let out = '';
  let upper = false;
  for (const c of fieldName) {
    if (c === '_') upper = true;
    else {
      out += upper ? c.toUpperCase() : c;
      upper = false;
    }
  }
  return out;
}

export const protoFieldName = (wire: string): string => lowerSnake(wire);
export const protoEnumValueName = (enumName: string, value: string): string => `${upperSnake(enumName)}_${upperSnake(value)}`;

/** What to declare instead of a list or map inside a list or map. */
const NESTED_CONTAINER_FIX = 'a named type (in types) that holds the inner list or map as a field';

/** A scalar, enum, message or imported type: what may stand alone, in a list or as a map value. */
function protoElement(node: TypeNode, model: CommandModel, options: AdapterOptions, where: string): string {
  // Folded to functions of the place, so a refused container is refused before its child is spelled.
  return foldType<(where: string) => string>(node, {
    primitive: (n) => () => protoTypeMapping[n.name],
    named: (n) => () => {
      const target = resolveNamed(PROTO_ADAPTER_ID, model, options, n.name);
      return target.kind === 'imported' ? target.mapping.type : n.name;
    },
    unknown: () => () => protoTypeMapping.unknown!,
    array: () => (place) => {
      throw new UnmappableType(`proto3 cannot put a repeated field inside ${place}`, NESTED_CONTAINER_FIX);
    },
    record: () => (place) => {
      throw new UnmappableType(`proto3 cannot put a map inside ${place}`, NESTED_CONTAINER_FIX);
    },
    nullable: () => (place) => {
      throw new UnmappableType(`proto3 has no null inside ${place}`, 'a non-nullable element type');
    },
    literals: () => () => {
      throw new UnmappableType('an inline string union was not lifted into a named enum', 'a model from resolveCommandModel');
    },
  })(where);
}

/** The field declaration without its name and number: `optional string`, `repeated T`, `map<string, T>`. */
export function protoFieldType(field: FieldModel, model: CommandModel, options: AdapterOptions): string {
  const node = field.type;
  const inner = node.kind === 'nullable' ? node.inner : node;
  if (inner.kind === 'array' || inner.kind === 'record') {
    if (node.kind === 'nullable')
      throw new UnmappableType(
        'proto3 lists and maps have no presence, so null cannot be told from empty',
        'make the field optional instead of | null (an absent list or map is an empty one)',
      );
    return inner.kind === 'array'
      ? `repeated ${protoElement(inner.element, model, options, 'a repeated field')}`
      : `map<string, ${protoElement(inner.value, model, options, 'a map')}>`;
  }
  const type = protoElement(inner, model, options, 'a field');
  return field.optional || node.kind === 'nullable' ? `optional ${type}` : type;
}

function protoField(field: FieldModel): Omit<ProtoField, 'field' | 'pointer' | 'type'> {
  const name = protoFieldName(field.name);
  return protocJsonName(name) === field.name ? { name } : { name, jsonName: field.name };
}

/** protoc refuses two fields whose default JSON names meet (x1 and x_1 are both x1), whatever json_name says. */
function jsonNameCollisions(pass: NamingPass, struct: NamedStruct<ProtoField>): void {
  const byJsonName = new Map<string, ProtoField>();
  for (const f of struct.fields) {
    const jsonName = protocJsonName(f.name);
    const first = byJsonName.get(jsonName);
    if (first !== undefined && first.name !== f.name) {
      pass.collision({
        file: pass.model.specFile,
        pointer: `${f.pointer}/name`,
        message: `adapter proto: fields ${JSON.stringify(first.field.name)} and ${JSON.stringify(f.field.name)} of message ${struct.name} have the same default JSON name ${jsonName}, which protoc refuses in proto3`,
        found: JSON.stringify(f.field.name),
        expected: 'field names that differ in more than underscores before digits',
      });
    }
    if (first === undefined) byJsonName.set(jsonName, f);
  }
}

export function nameProto(model: CommandModel, options: AdapterOptions): Naming<ProtoNames> {
  const pass = new NamingPass(PROTO_ADAPTER_ID, model);
  const service = `${model.className}Service`;
  const commandTypes = pass.commandTypes(new Map([[service, 'the service']]));
  const base = stringOption(options, 'package');
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(base)) {
    pass.report({
      file: CONFIG_FILE,
      pointer: `/${CONFIG_KEY}/adapterOptions/proto/package`,
      message: 'option package of adapter proto is not a proto package name',
      found: JSON.stringify(base),
      expected: 'dot-separated identifiers, e.g. acme.commands',
    });
  }
  const structs = pass.structs(protoField, (field) => protoFieldType(field, model, options));
  const namedEnums = pass.enums((value, e) => protoEnumValueName(e.name, value));
  const unspecified = new Map(namedEnums.map((e) => [e.declaration.name, `${upperSnake(e.declaration.name)}_UNSPECIFIED`]));
  for (const e of namedEnums) {
    // Value names share the package scope, hence the enum-name prefix; UNSPECIFIED is taken by the zero value.
    const pointer = e.declaration.pointer;
    pass.distinct(`enum ${e.declaration.name}`, [
      { source: '(zero value)', name: unspecified.get(e.declaration.name)!, pointer },
      ...e.cases.map((c) => ({ source: c.value, name: upperSnake(c.value) === '' ? '' : c.name, pointer })),
    ]);
  }
  for (const struct of structs) {
    pass.distinct(
      `message ${struct.name}`,
      struct.fields.map((f) => ({ source: f.field.name, name: f.name, pointer: f.pointer })),
    );
    jsonNameCollisions(pass, struct);
  }
  return pass.result({
    ...commandTypes,
    packageName: [base, ...model.segments.map((s) => lowerSnake(s))].join('.'),
    file: lowerSnake(model.segments.join('_')),
    service,
    unspecified,
    enums: namedEnums,
    structs,
  });
}
