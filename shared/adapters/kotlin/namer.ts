import { CONFIG_FILE, CONFIG_KEY } from '../../config/project-config.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import type { AdapterOptions } from '../adapter.js';
import { lowerCamel, lowerSnake, notLeadingDigit, resolveNamed, upperSnake } from '../language/language-support.js';
import { NamingPass, type CommandTypeNames, type NamedEnum, type NamedStruct } from '../language/naming-pass.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';
import { stringOption, type Naming } from '../target.js';
import { KOTLIN_KEYWORDS } from '../../targets/kotlin/kotlin-text.js';
import { KOTLIN_ADAPTER_ID, kotlinTypeMapping } from './type-mapping.js';

/** Every identifier the Kotlin files print, decided once. */
export interface KotlinNames extends CommandTypeNames {
  /** The command's package: the base package, then each name segment in snake_case (unescaped, for folders). */
  readonly packageSegments: readonly string[];
  readonly packageLine: string;
  /** The base package (where CommandTransport is), unescaped segments and as a package line. */
  readonly baseSegments: readonly string[];
  readonly baseLine: string;
  readonly functionName: string;
  /** Property names (escaped) and types without the `?` of an optional field. */
  readonly structs: readonly NamedStruct[];
  readonly enums: readonly NamedEnum[];
}

export const kotlinIdentifier = (name: string): string => (KOTLIN_KEYWORDS.has(name) ? `\`${name}\`` : name);

/** The entry name of an enum value: SCREAMING_SNAKE_CASE of its words. */
export const kotlinEntryName = (value: string): string => notLeadingDigit(upperSnake(value));

const packageLine = (segments: readonly string[]): string => segments.map(kotlinIdentifier).join('.');

function kotlinType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions): string {
  return spellType(
    node,
    spellingFromMapping(kotlinTypeMapping, (name) => {
      const target = resolveNamed(KOTLIN_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

export function nameKotlin(model: CommandModel, options: AdapterOptions): Naming<KotlinNames> {
  const pass = new NamingPass(KOTLIN_ADAPTER_ID, model);
  const commandTypes = pass.commandTypes();
  const base = stringOption(options, 'package');
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/.test(base)) {
    pass.report({
      file: CONFIG_FILE,
      pointer: `/${CONFIG_KEY}/adapterOptions/kotlin/package`,
      message: 'option package of adapter kotlin is not a Kotlin package name',
      found: JSON.stringify(base),
      expected: 'lowercase dot-separated identifiers, e.g. com.example.commands',
    });
  }
  const structs = pass.structs(
    (field) => ({ name: kotlinIdentifier(field.name) }),
    (field) => kotlinType(field.type, model, options),
  );
  const namedEnums = pass.enums(kotlinEntryName);
  for (const e of namedEnums)
    pass.distinct(
      `enum ${e.declaration.name}`,
      e.cases.map((c) => ({ source: c.value, name: c.name, pointer: e.declaration.pointer })),
    );
  const baseSegments = base.split('.');
  const packageSegments = [...baseSegments, ...model.segments.map((s) => lowerSnake(s))];
  return pass.result({
    ...commandTypes,
    packageSegments,
    packageLine: packageLine(packageSegments),
    baseSegments,
    baseLine: packageLine(baseSegments),
    functionName: kotlinIdentifier(lowerCamel(model.className)),
    structs,
    enums: namedEnums,
  });
}
