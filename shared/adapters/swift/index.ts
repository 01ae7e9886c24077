import type { AdapterOptionDeclaration } from '../adapter.js';
import { reservedNameMap } from '../language/language-support.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { nameSwift } from './namer.js';
import { SWIFT_ADAPTER_ID, swiftTypeMapping } from './type-mapping.js';
import { renderSwift } from './view.js';

export const swiftOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder the Swift files are written to', default: 'generated/swift' },
  { name: 'importedTypes', type: 'type-map', description: 'Swift type of each imported spec type (UUID -> String)', default: {} },
];

const SWIFT_RESERVED = reservedNameMap([
  [
    [
      'String',
      'Int',
      'Double',
      'Bool',
      'Array',
      'Dictionary',
      'Optional',
      'Result',
      'Error',
      'Never',
      'Void',
      'Any',
      'Type',
      'Protocol',
      'Self',
    ],
    'is a Swift standard type and would shadow it',
  ],
  [
    ['Codable', 'Encodable', 'Decodable', 'Encoder', 'Decoder', 'CodingKey', 'CaseIterable', 'Equatable', 'Hashable', 'Sendable'],
    'is a Swift standard protocol the generated code uses',
  ],
  [['Data', 'Date', 'URL', 'UUID', 'Foundation'], 'is a Foundation name the generated file imports'],
  [['CommandTransport'], 'is the transport protocol the generated client uses'],
  [['JSONValue'], 'is the untyped-JSON type the generated file declares'],
]);

export function swiftAdapter(): TargetAdapter {
  return defineTarget({
    id: SWIFT_ADAPTER_ID,
    folder: 'swift',
    description: 'Swift: Codable structs, String-backed enums, an async throws client function per command',
    writes: ['<outputDir>/<C>.swift', '<outputDir>/CommandTransport.swift'],
    reservedNames: SWIFT_RESERVED,
    options: swiftOptions,
    typeMapping: swiftTypeMapping,
    name: nameSwift,
    render: renderSwift,
  });
}
