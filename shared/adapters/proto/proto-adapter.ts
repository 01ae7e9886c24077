import { CONFIG_FILE, CONFIG_KEY, type ProjectConfig } from '../../config/project-config.js';
import { protoComment, protoCommentText } from '../../targets/proto/proto-text.js';
import type { SpecIssue } from '../../errors.js';
import { pointerOf } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import type { TypeNode } from '../../types/type-tree.js';
import type { AdapterOptionDeclaration, AdapterOptions, AdapterTypeMapping, FilePlan, GeneratorAdapter } from '../adapter.js';
import {
  UnmappableType,
  commandDerivedNames,
  derivedNameIssues,
  distinctNames,
  enums,
  fieldDocText,
  importsUsed,
  lowerSnake,
  mappingIssues,
  paramsTypeName,
  reservedNameMap,
  resolveNamed,
  resultTypeName,
  stringOption,
  structSources,
  unsupportedDeclarationIssues,
  upperSnake,
  usesUnknown,
} from '../language/language-support.js';

export const PROTO_ADAPTER_ID = 'proto';
/** Declares google.protobuf.Value, the spelling of untyped JSON (spec `unknown`). */
const PROTO_STRUCT_FILE = 'google/protobuf/struct.proto';
const TEMPLATES = adapterTemplates('proto');

export const protoTypeMapping: AdapterTypeMapping = {
  language: 'Protocol Buffers (proto3)',
  string: 'string',
  number: 'double',
  integer: 'int64',
  boolean: 'bool',
  unknown: 'google.protobuf.Value',
  enum: 'enum X { X_UNSPECIFIED = 0; X_A = 1; ... }',
  array: 'repeated T',
  record: 'map<string, T>',
  optional: 'optional T',
  nullable: 'optional T',
  interface: 'message Name',
  imported: 'adapterOptions.proto.importedTypes (name -> proto type, or { type, import: <file.proto> })',
  refuses: [
    'lists or maps nested in lists or maps (T[][], Record<string, T[]>): declare a named type for the inner one',
    'nullable elements or values ((T | null)[], Record<string, T | null>)',
    'nullable lists and maps (T[] | null): make the field optional instead (an absent list is an empty one)',
  ],
};

export const protoOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder the .proto files are written to (the proto import root)', default: 'generated/proto' },
  { name: 'package', type: 'string', description: 'Base package; each command gets <package>.<its name segments>', default: 'commands' },
  { name: 'importedTypes', type: 'type-map', description: 'Proto type of each imported spec type (UUID -> string)', default: {} },
];

const PROTO_RESERVED = reservedNameMap([[['Any', 'Empty', 'Timestamp', 'Duration', 'Struct', 'Value'], 'is a well-known protobuf type name; pick another to avoid confusion with google.protobuf']]);


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

const basePackage = (options: AdapterOptions | undefined): string => stringOption(options, 'package', 'commands');
const packageName = (model: CommandModel, options: AdapterOptions | undefined): string => [basePackage(options), ...model.segments.map((s) => lowerSnake(s))].join('.');

/** A scalar, enum, message or imported type: what may stand alone, in a list or as a map value. */
function protoElement(node: TypeNode, model: CommandModel, options: AdapterOptions | undefined, where: string): string {
  switch (node.kind) {
    case 'primitive':
      return { string: protoTypeMapping.string, number: protoTypeMapping.number, integer: protoTypeMapping.integer, boolean: protoTypeMapping.boolean }[node.name];
    case 'named': {
      const target = resolveNamed(PROTO_ADAPTER_ID, model, options, node.name);
      return target.kind === 'imported' ? target.mapping.type : node.name;
    }
    case 'unknown':
      return protoTypeMapping.unknown!;
    case 'array':
    case 'record':
      throw new UnmappableType(`proto3 cannot put a ${node.kind === 'array' ? 'repeated field' : 'map'} inside ${where}`, 'a named type (in types) that holds the inner list or map as a field');
    case 'nullable':
      throw new UnmappableType(`proto3 has no null inside ${where}`, 'a non-nullable element type');
    case 'literals':
      throw new UnmappableType('an inline string union was not lifted into a named enum', 'a model from resolveCommandModel');
  }
}

/** The field declaration without its number: `optional string name`, `repeated T name`, `map<string, T> name`. */
export function protoFieldType(field: FieldModel, model: CommandModel, options: AdapterOptions | undefined): string {
  const node = field.type;
  const inner = node.kind === 'nullable' ? node.inner : node;
  if (inner.kind === 'array' || inner.kind === 'record') {
    if (node.kind === 'nullable') throw new UnmappableType('proto3 lists and maps have no presence, so null cannot be told from empty', 'make the field optional instead of | null (an absent list or map is an empty one)');
    return inner.kind === 'array' ? `repeated ${protoElement(inner.element, model, options, 'a repeated field')}` : `map<string, ${protoElement(inner.value, model, options, 'a map')}>`;
  }
  const type = protoElement(inner, model, options, 'a field');
  return field.optional || node.kind === 'nullable' ? `optional ${type}` : type;
}

function protoView(model: CommandModel, options: AdapterOptions | undefined) {
  return {
    name: model.name,
    packageName: packageName(model, options),
    imports: [...new Set([...importsUsed(model, options), ...(usesUnknown(model) ? [PROTO_STRUCT_FILE] : [])])].sort(),
    enums: enums(model).map((e) => ({
      name: e.name,
      comment: protoComment(e.description),
      values: [
        { comment: '', line: `${upperSnake(e.name)}_UNSPECIFIED = 0;` },
        ...e.values.map((value, i) => ({ comment: protoComment(e.valueDescriptions?.[i], '  '), line: `${protoEnumValueName(e.name, value)} = ${i + 1}; // ${protoCommentText(JSON.stringify(value))}` })),
      ],
    })),
    messages: structSources(model).map((source) => ({
      name: source.name,
      comment: protoComment(source.description),
      fields: source.fields.map((field, i) => {
        const name = protoFieldName(field.name);
        const jsonName = protocJsonName(name) === field.name ? '' : ` [json_name = ${JSON.stringify(field.name)}]`;
        const listNote = field.optional && (field.type.kind === 'array' || field.type.kind === 'record') ? ' (optional: absent is sent as empty)' : '';
        const doc = fieldDocText(field);
        return { comment: protoComment(doc || listNote ? `${doc ?? ''}${listNote}`.trim() : undefined, '  '), line: `${protoFieldType(field, model, options)} ${name} = ${i + 1}${jsonName};` };
      }),
    })),
    serviceName: `${model.className}Service`,
    rpcLine: `rpc ${model.className}(${paramsTypeName(model)}) returns (${resultTypeName(model)});`,
    comment: protoComment(model.description, '  '),
  };
}

function protoCheck(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): SpecIssue[] {
  const derived = commandDerivedNames(model).set(`${model.className}Service`, 'the service');
  const issues = [...unsupportedDeclarationIssues(PROTO_ADAPTER_ID, model), ...derivedNameIssues(PROTO_ADAPTER_ID, model, derived)];
  const base = basePackage(options);
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(base)) {
    issues.push({ file: CONFIG_FILE, pointer: `/${CONFIG_KEY}/adapterOptions/proto/package`, message: 'option package of adapter proto is not a proto package name', found: JSON.stringify(base), expected: 'dot-separated identifiers, e.g. acme.commands' });
  }
  issues.push(...mappingIssues(PROTO_ADAPTER_ID, model, (site) => void protoFieldType(site.field, model, options)));
  for (const e of enums(model)) {
    // Value names share the package scope, hence the enum-name prefix; UNSPECIFIED is taken by the zero value.
    issues.push(...distinctNames(PROTO_ADAPTER_ID, model.specFile, `enum ${e.name}`, [{ source: '(zero value)', name: `${upperSnake(e.name)}_UNSPECIFIED`, pointer: pointerOf('types', e.name) }, ...e.values.map((value) => ({ source: value, name: upperSnake(value) === '' ? '' : protoEnumValueName(e.name, value), pointer: pointerOf('types', e.name) }))]));
  }
  for (const source of structSources(model)) {
    issues.push(...distinctNames(PROTO_ADAPTER_ID, model.specFile, `message ${source.name}`, source.fields.map((f, i) => ({ source: f.name, name: protoFieldName(f.name), pointer: source.pointers[i].replace(/\/type$/, '') }))));
    // protoc refuses two fields whose default JSON names meet (x1 and x_1 are both x1), whatever json_name says.
    const byJsonName = new Map<string, string>();
    source.fields.forEach((f, i) => {
      const jsonName = protocJsonName(protoFieldName(f.name));
      const first = byJsonName.get(jsonName);
      if (first !== undefined && protoFieldName(first) !== protoFieldName(f.name)) {
        issues.push({ file: model.specFile, pointer: source.pointers[i].replace(/\/type$/, '/name'), message: `adapter proto: fields ${JSON.stringify(first)} and ${JSON.stringify(f.name)} of message ${source.name} have the same default JSON name ${jsonName}, which protoc refuses in proto3`, found: JSON.stringify(f.name), expected: 'field names that differ in more than underscores before digits' });
      }
      if (first === undefined) byJsonName.set(jsonName, f.name);
    });
  }
  return issues;
}

function protoPlan(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): FilePlan {
  const dir = stringOption(options, 'outputDir', 'generated/proto');
  return [{ path: `${dir}/${lowerSnake(model.segments.join('_'))}.proto`, content: renderTemplate(TEMPLATES, 'command.proto', protoView(model, options)) }];
}

export function protoAdapter(): GeneratorAdapter {
  return {
    id: PROTO_ADAPTER_ID,
    description: 'Protocol Buffers: proto3 messages, enums prefixed with their name, one service with an rpc per command',
    writes: ['<outputDir>/<name_segments>.proto'],
    reservedNames: PROTO_RESERVED,
    options: protoOptions,
    typeMapping: protoTypeMapping,
    check: protoCheck,
    plan: protoPlan,
  };
}
