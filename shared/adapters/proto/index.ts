import type { AdapterOptionDeclaration } from '../adapter.js';
import { reservedNameMap } from '../language/language-support.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { nameProto } from './namer.js';
import { PROTO_ADAPTER_ID, protoTypeMapping } from './type-mapping.js';
import { renderProto } from './view.js';

export const protoOptions: readonly AdapterOptionDeclaration[] = [
  {
    name: 'outputDir',
    type: 'path',
    description: 'Folder the .proto files are written to (the proto import root)',
    default: 'generated/proto',
  },
  { name: 'package', type: 'string', description: 'Base package; each command gets <package>.<its name segments>', default: 'commands' },
  { name: 'importedTypes', type: 'type-map', description: 'Proto type of each imported spec type (UUID -> string)', default: {} },
];

const PROTO_RESERVED = reservedNameMap([
  [
    ['Any', 'Empty', 'Timestamp', 'Duration', 'Struct', 'Value'],
    'is a well-known protobuf type name; pick another to avoid confusion with google.protobuf',
  ],
]);

export function protoAdapter(): TargetAdapter {
  return defineTarget({
    id: PROTO_ADAPTER_ID,
    folder: 'proto',
    description: 'Protocol Buffers: proto3 messages, enums prefixed with their name, one service with an rpc per command',
    writes: ['<outputDir>/<name_segments>.proto'],
    reservedNames: PROTO_RESERVED,
    options: protoOptions,
    typeMapping: protoTypeMapping,
    name: nameProto,
    render: renderProto,
  });
}
