import type { AdapterTypeMapping } from '../adapter.js';

export const PROTO_ADAPTER_ID = 'proto';

/** How proto3 spells the spec's types, and what it refuses; the namer spells with these very entries. */
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
