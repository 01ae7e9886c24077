import type { AdapterOptionDeclaration } from '../adapter.js';
import { reservedNameMap } from '../language/language-support.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { nameKotlin } from './namer.js';
import { KOTLIN_ADAPTER_ID, kotlinTypeMapping } from './type-mapping.js';
import { renderKotlin } from './view.js';

export const kotlinOptions: readonly AdapterOptionDeclaration[] = [
  {
    name: 'outputDir',
    type: 'path',
    description: 'Source root the Kotlin files are written under (one folder per package)',
    default: 'generated/kotlin',
  },
  { name: 'package', type: 'string', description: 'Base package; each command gets <package>.<its name segments>', default: 'commands' },
  { name: 'importedTypes', type: 'type-map', description: 'Kotlin type of each imported spec type (UUID -> String)', default: {} },
];

const KOTLIN_RESERVED = reservedNameMap([
  [
    ['String', 'Long', 'Int', 'Double', 'Boolean', 'List', 'Map', 'Any', 'Unit', 'Nothing', 'Array', 'Pair', 'Result'],
    'is a Kotlin standard type and would shadow it',
  ],
  [['Serializable', 'SerialName', 'KSerializer'], 'is a kotlinx.serialization name the generated file imports'],
  [['CommandTransport'], 'is the transport interface the generated client uses'],
]);

export function kotlinAdapter(): TargetAdapter {
  return defineTarget({
    id: KOTLIN_ADAPTER_ID,
    folder: 'kotlin',
    description: 'Kotlin: kotlinx.serialization data classes, enums with @SerialName, a suspend fun client per command',
    writes: ['<outputDir>/<package as folders>/<name segments>/<C>.kt', '<outputDir>/<package as folders>/CommandTransport.kt'],
    reservedNames: KOTLIN_RESERVED,
    options: kotlinOptions,
    typeMapping: kotlinTypeMapping,
    name: nameKotlin,
    render: renderKotlin,
  });
}
