import { CONFIG_FILE, CONFIG_KEY, type ProjectConfig } from '../../config/project-config.js';
import { kotlinDoc, kotlinString } from '../../targets/kotlin/kotlin-text.js';
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
  lowerSnake,
  mappingIssues,
  notLeadingDigit,
  paramsTypeName,
  reservedNameMap,
  resolveNamed,
  resultTypeName,
  stringOption,
  structSources,
  unsupportedDeclarationIssues,
  upperSnake,
} from '../language/language-support.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';

export const KOTLIN_ADAPTER_ID = 'kotlin';
const TEMPLATES = adapterTemplates('kotlin');

/** Kotlin's hard keywords: as identifiers they take backticks (type-mapping.md, pitfalls). */
export const KOTLIN_KEYWORDS: ReadonlySet<string> = new Set([
  'as', 'break', 'class', 'continue', 'do', 'else', 'false', 'for', 'fun', 'if', 'in', 'interface', 'is', 'null', 'object', 'package', 'return', 'super', 'this',
  'throw', 'true', 'try', 'typealias', 'typeof', 'val', 'var', 'when', 'while',
]);

export const kotlinTypeMapping: AdapterTypeMapping = {
  language: 'Kotlin (kotlinx.serialization)',
  string: 'String',
  number: 'Double',
  integer: 'Long',
  boolean: 'Boolean',
  // Fully qualified: kotlinx.serialization's JSON tree type needs no import line.
  unknown: 'kotlinx.serialization.json.JsonElement',
  enum: '@Serializable enum class X { @SerialName("a") A }',
  array: 'List<T>',
  record: 'Map<String, T>',
  optional: 'T? = null',
  nullable: 'T?',
  interface: '@Serializable data class Name',
  imported: 'adapterOptions.kotlin.importedTypes (name -> Kotlin type, or { type, import: <fully qualified name> })',
};

export const kotlinOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Source root the Kotlin files are written under (one folder per package)', default: 'generated/kotlin' },
  { name: 'package', type: 'string', description: 'Base package; each command gets <package>.<its name segments>', default: 'commands' },
  { name: 'importedTypes', type: 'type-map', description: 'Kotlin type of each imported spec type (UUID -> String)', default: {} },
];

const KOTLIN_RESERVED = reservedNameMap([
  [['String', 'Long', 'Int', 'Double', 'Boolean', 'List', 'Map', 'Any', 'Unit', 'Nothing', 'Array', 'Pair', 'Result'], 'is a Kotlin standard type and would shadow it'],
  [['Serializable', 'SerialName', 'KSerializer'], 'is a kotlinx.serialization name the generated file imports'],
  [['CommandTransport'], 'is the transport interface the generated client uses'],
]);

export const kotlinIdentifier = (name: string): string => (KOTLIN_KEYWORDS.has(name) ? `\`${name}\`` : name);

/** The entry name of an enum value: SCREAMING_SNAKE_CASE of its words. */
export const kotlinEntryName = (value: string): string => notLeadingDigit(upperSnake(value));


const basePackage = (options: AdapterOptions | undefined): string => stringOption(options, 'package', 'commands');

/** The command's package segments: the base package, then each name segment in snake_case. */
function packageSegments(model: CommandModel, options: AdapterOptions | undefined): string[] {
  return [...basePackage(options).split('.'), ...model.segments.map((s) => lowerSnake(s))];
}

function kotlinType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions | undefined): string {
  return spellType(
    node,
    spellingFromMapping(kotlinTypeMapping, (name) => {
      const target = resolveNamed(KOTLIN_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

function kotlinView(model: CommandModel, options: AdapterOptions | undefined) {
  const modelEnums = enums(model);
  return {
    name: model.name,
    packageLine: packageSegments(model, options).map(kotlinIdentifier).join('.'),
    imports: [`${basePackage(options).split('.').map(kotlinIdentifier).join('.')}.CommandTransport`, ...(modelEnums.length > 0 ? ['kotlinx.serialization.SerialName'] : []), 'kotlinx.serialization.Serializable', ...importsUsed(model, options)].sort(),
    enums: modelEnums.map((e) => ({
      name: e.name,
      doc: kotlinDoc(e.description),
      entries: e.values.map((value, i) => ({ doc: kotlinDoc(e.valueDescriptions?.[i], '    '), serialName: `@SerialName(${kotlinString(value)})`, name: kotlinEntryName(value) })),
    })),
    classes: structSources(model).map((source) => ({
      name: source.name,
      doc: kotlinDoc(source.description),
      properties: source.fields.map((field) => {
        const type = kotlinType(field.type, model, options);
        const nullableType = field.optional && field.type.kind !== 'nullable' ? `${type}?` : type;
        return { doc: kotlinDoc(fieldDocText(field), '    '), line: `val ${kotlinIdentifier(field.name)}: ${nullableType}${field.optional ? ' = null' : ''},` };
      }),
    })),
    functionName: kotlinIdentifier(lowerCamel(model.className)),
    paramsType: paramsTypeName(model),
    resultType: resultTypeName(model),
    commandLiteral: kotlinString(model.name),
    doc: kotlinDoc(model.description),
  };
}

function kotlinCheck(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): SpecIssue[] {
  const issues = [...unsupportedDeclarationIssues(KOTLIN_ADAPTER_ID, model), ...derivedNameIssues(KOTLIN_ADAPTER_ID, model, commandDerivedNames(model))];
  const base = basePackage(options);
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/.test(base)) {
    issues.push({ file: CONFIG_FILE, pointer: `/${CONFIG_KEY}/adapterOptions/kotlin/package`, message: 'option package of adapter kotlin is not a Kotlin package name', found: JSON.stringify(base), expected: 'lowercase dot-separated identifiers, e.g. com.example.commands' });
  }
  issues.push(...mappingIssues(KOTLIN_ADAPTER_ID, model, (site) => void kotlinType(site.field.type, model, options)));
  for (const e of enums(model)) {
    issues.push(...distinctNames(KOTLIN_ADAPTER_ID, model.specFile, `enum ${e.name}`, e.values.map((value) => ({ source: value, name: kotlinEntryName(value), pointer: pointerOf('types', e.name) }))));
  }
  return issues;
}

function kotlinPlan(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): FilePlan {
  const dir = stringOption(options, 'outputDir', 'generated/kotlin');
  const base = basePackage(options);
  return [
    { path: `${dir}/${packageSegments(model, options).join('/')}/${model.className}.kt`, content: renderTemplate(TEMPLATES, 'command.kt', kotlinView(model, options)) },
    // Shared by every command's client; identical each time, so regenerating is a no-op.
    { path: `${dir}/${base.split('.').join('/')}/CommandTransport.kt`, content: renderTemplate(TEMPLATES, 'command-transport.kt', { packageLine: base.split('.').map(kotlinIdentifier).join('.') }) },
  ];
}

export function kotlinAdapter(): GeneratorAdapter {
  return {
    id: KOTLIN_ADAPTER_ID,
    description: 'Kotlin: kotlinx.serialization data classes, enums with @SerialName, a suspend fun client per command',
    writes: ['<outputDir>/<package as folders>/<name segments>/<C>.kt', '<outputDir>/<package as folders>/CommandTransport.kt'],
    reservedNames: KOTLIN_RESERVED,
    options: kotlinOptions,
    typeMapping: kotlinTypeMapping,
    check: kotlinCheck,
    plan: kotlinPlan,
  };
}
