import type { ProjectConfig } from '../../config/project-config.js';
import { swiftDoc, swiftDocText, swiftString } from '../../targets/swift/swift-text.js';
import type { SpecIssue } from '../../errors.js';
import { pointerOf } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import type { AdapterOptionDeclaration, AdapterOptions, AdapterTypeMapping, FilePlan, GeneratorAdapter } from '../adapter.js';
import {
  commandDerivedNames,
  derivedNameIssues,
  distinctNames,
  enums,
  fieldDocText,
  importsUsed,
  lowerCamel,
  mappingIssues,
  notLeadingDigit,
  paramsTypeName,
  reservedNameMap,
  resolveNamed,
  resultTypeName,
  stringOption,
  structSources,
  unsupportedDeclarationIssues,
  usesUnknown,
} from '../language/language-support.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';

export const SWIFT_ADAPTER_ID = 'swift';
const TEMPLATES = adapterTemplates('swift');

/** Words Swift reserves; as identifiers they take backticks (type-mapping.md, pitfalls). */
export const SWIFT_KEYWORDS: ReadonlySet<string> = new Set([
  'associatedtype', 'class', 'deinit', 'enum', 'extension', 'fileprivate', 'func', 'import', 'init', 'inout', 'internal', 'let', 'open', 'operator', 'private',
  'precedencegroup', 'protocol', 'public', 'rethrows', 'static', 'struct', 'subscript', 'typealias', 'var', 'break', 'case', 'catch', 'continue', 'default', 'defer',
  'do', 'else', 'fallthrough', 'for', 'guard', 'if', 'in', 'repeat', 'return', 'throw', 'switch', 'where', 'while', 'Any', 'as', 'await', 'false', 'is', 'nil',
  'super', 'throws', 'true', 'try',
]);

/** Keywords that cannot be identifiers even in backticks: the property is renamed and keeps its key through CodingKeys. */
const SWIFT_UNUSABLE: ReadonlySet<string> = new Set(['self', 'Self', '_']);

export const swiftTypeMapping: AdapterTypeMapping = {
  language: 'Swift',
  string: 'String',
  number: 'Double',
  integer: 'Int',
  boolean: 'Bool',
  unknown: 'JSONValue',
  enum: 'enum X: String, Codable, CaseIterable',
  array: '[T]',
  record: '[String: T]',
  optional: 'T?',
  nullable: 'T?',
  interface: 'struct Name: Codable',
  imported: 'adapterOptions.swift.importedTypes (name -> Swift type, or { type, import: <module> })',
};

export const swiftOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder the Swift files are written to', default: 'generated/swift' },
  { name: 'importedTypes', type: 'type-map', description: 'Swift type of each imported spec type (UUID -> String)', default: {} },
];

const SWIFT_RESERVED = reservedNameMap([
  [['String', 'Int', 'Double', 'Bool', 'Array', 'Dictionary', 'Optional', 'Result', 'Error', 'Never', 'Void', 'Any', 'Type', 'Protocol', 'Self'], 'is a Swift standard type and would shadow it'],
  [['Codable', 'Encodable', 'Decodable', 'Encoder', 'Decoder', 'CodingKey', 'CaseIterable', 'Equatable', 'Hashable', 'Sendable'], 'is a Swift standard protocol the generated code uses'],
  [['Data', 'Date', 'URL', 'UUID', 'Foundation'], 'is a Foundation name the generated file imports'],
  [['CommandTransport'], 'is the transport protocol the generated client uses'],
  [['JSONValue'], 'is the untyped-JSON type the generated file declares'],
]);

/** A Swift identifier for a wire name: backticks for keywords, a trailing _ for the unusable ones. */
export function swiftIdentifier(name: string): string {
  if (SWIFT_UNUSABLE.has(name)) return `${name}_`;
  return SWIFT_KEYWORDS.has(name) ? `\`${name}\`` : name;
}

/** The case name of an enum value: lowerCamelCase of its words, escaped. */
export function swiftCaseName(value: string): string {
  return swiftIdentifier(notLeadingDigit(lowerCamel(value)));
}


function swiftType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions | undefined): string {
  return spellType(
    node,
    spellingFromMapping(swiftTypeMapping, (name) => {
      const target = resolveNamed(SWIFT_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

/** Everything the Swift template lays out, computed once from the model. */
function swiftView(model: CommandModel, options: AdapterOptions | undefined) {
  const structs = structSources(model).map((source) => {
    const fields = source.fields.map((field) => {
      const name = swiftIdentifier(field.name);
      const type = swiftType(field.type, model, options);
      const optionalType = field.optional && field.type.kind !== 'nullable' ? `${type}?` : type;
      return {
        name,
        bareName: name.replace(/`/g, ''),
        wire: field.name,
        type: optionalType,
        doc: swiftDoc(fieldDocText(field), '    '),
        // Nullable without optional: the key is always sent, null when nil.
        sendsNull: field.type.kind === 'nullable' && !field.optional,
        absentWhenNil: field.optional,
        initDefault: field.optional ? ' = nil' : '',
      };
    });
    const renamed = fields.some((f) => f.bareName !== f.wire);
    const customEncode = fields.some((f) => f.sendsNull);
    return {
      name: source.name,
      doc: swiftDoc(source.description),
      fields,
      codingKeys: renamed || customEncode ? fields.map((f) => (f.bareName === f.wire ? `case ${f.name}` : `case ${f.name} = ${swiftString(f.wire)}`)) : [],
      encodeLines: customEncode ? fields.map((f) => (f.sendsNull ? `try container.encode(${f.name}, forKey: .${f.name})` : f.absentWhenNil ? `try container.encodeIfPresent(${f.name}, forKey: .${f.name})` : `try container.encode(${f.name}, forKey: .${f.name})`)) : [],
      initParameters: fields.map((f) => `${f.name}: ${f.type}${f.initDefault}`).join(', '),
      initAssignments: fields.map((f) => `self.${f.name} = ${f.name}`),
    };
  });
  return {
    name: model.name,
    description: swiftDocText(model.description),
    // Foundation is always imported.
    imports: importsUsed(model, options).filter((module) => module !== 'Foundation'),
    enums: enums(model).map((e) => ({
      name: e.name,
      doc: swiftDoc(e.description),
      cases: e.values.map((value, i) => ({ doc: swiftDoc(e.valueDescriptions?.[i], '    '), line: `case ${swiftCaseName(value)} = ${swiftString(value)}` })),
    })),
    structs,
    // Swift has no JSON value type of its own: the file declares one when a field is untyped JSON.
    declaresJsonValue: usesUnknown(model),
    functionName: swiftIdentifier(lowerCamel(model.className)),
    paramsType: paramsTypeName(model),
    resultType: resultTypeName(model),
    commandLiteral: swiftString(model.name),
    doc: swiftDoc(model.description),
  };
}

function swiftCheck(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): SpecIssue[] {
  const issues = [...unsupportedDeclarationIssues(SWIFT_ADAPTER_ID, model), ...derivedNameIssues(SWIFT_ADAPTER_ID, model, commandDerivedNames(model))];
  issues.push(...mappingIssues(SWIFT_ADAPTER_ID, model, (site) => void swiftType(site.field.type, model, options)));
  for (const e of enums(model)) {
    issues.push(...distinctNames(SWIFT_ADAPTER_ID, model.specFile, `enum ${e.name}`, e.values.map((value) => ({ source: value, name: swiftCaseName(value).replace(/`/g, ''), pointer: pointerOf('types', e.name) }))));
  }
  return issues;
}

function swiftPlan(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): FilePlan {
  const dir = stringOption(options, 'outputDir', 'generated/swift');
  return [
    { path: `${dir}/${model.className}.swift`, content: renderTemplate(TEMPLATES, 'command.swift', swiftView(model, options)) },
    // Shared by every command's client; identical each time, so regenerating is a no-op.
    { path: `${dir}/CommandTransport.swift`, content: renderTemplate(TEMPLATES, 'command-transport.swift', {}) },
  ];
}

export function swiftAdapter(): GeneratorAdapter {
  return {
    id: SWIFT_ADAPTER_ID,
    description: 'Swift: Codable structs, String-backed enums, an async throws client function per command',
    writes: ['<outputDir>/<C>.swift', '<outputDir>/CommandTransport.swift'],
    reservedNames: SWIFT_RESERVED,
    options: swiftOptions,
    typeMapping: swiftTypeMapping,
    check: swiftCheck,
    plan: swiftPlan,
  };
}
