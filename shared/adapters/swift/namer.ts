import type { CommandModel, FieldModel } from '../../model/command-model.js';
import type { AdapterOptions } from '../adapter.js';
import { lowerCamel, notLeadingDigit, resolveNamed } from '../language/language-support.js';
import { NamingPass, type CommandTypeNames, type NamedEnum, type NamedField, type NamedStruct } from '../language/naming-pass.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';
import type { Naming } from '../target.js';
import { SWIFT_KEYWORDS, SWIFT_UNUSABLE } from '../../targets/swift/swift-text.js';
import { SWIFT_ADAPTER_ID, swiftTypeMapping } from './type-mapping.js';

/** A Swift property: its identifier as written (backticks for keywords) and bare (what CodingKeys compare with the wire key). */
export interface SwiftField extends NamedField {
  readonly bare: string;
}

/** Every identifier the Swift file prints, decided once. */
export interface SwiftNames extends CommandTypeNames {
  readonly functionName: string;
  /** Property names and types without the `?` of an optional field. */
  readonly structs: readonly NamedStruct<SwiftField>[];
  /** Case names as written (backticks for keywords). */
  readonly enums: readonly NamedEnum[];
}

/** A Swift identifier for a wire name: backticks for keywords, a trailing _ for the unusable ones. */
export function swiftIdentifier(name: string): string {
  if (SWIFT_UNUSABLE.has(name)) return `${name}_`;
  return SWIFT_KEYWORDS.has(name) ? `\`${name}\`` : name;
}

/** The case name of an enum value: lowerCamelCase of its words, escaped. */
export function swiftCaseName(value: string): string {
  return swiftIdentifier(notLeadingDigit(lowerCamel(value)));
}

const unescaped = (identifier: string): string => identifier.replace(/`/g, '');

function swiftType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions): string {
  return spellType(
    node,
    spellingFromMapping(swiftTypeMapping, (name) => {
      const target = resolveNamed(SWIFT_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

export function nameSwift(model: CommandModel, options: AdapterOptions): Naming<SwiftNames> {
  const pass = new NamingPass(SWIFT_ADAPTER_ID, model);
  const commandTypes = pass.commandTypes();
  const structs = pass.structs<SwiftField>(
    (field) => {
      const name = swiftIdentifier(field.name);
      return { name, bare: unescaped(name) };
    },
    (field) => swiftType(field.type, model, options),
  );
  const namedEnums = pass.enums(swiftCaseName);
  for (const e of namedEnums)
    pass.distinct(
      `enum ${e.declaration.name}`,
      e.cases.map((c) => ({ source: c.value, name: unescaped(c.name), pointer: e.declaration.pointer })),
    );
  return pass.result({ ...commandTypes, functionName: swiftIdentifier(lowerCamel(model.className)), structs, enums: namedEnums });
}
