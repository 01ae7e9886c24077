import type { AdapterTypeMapping } from '../adapter.js';

export const SWIFT_ADAPTER_ID = 'swift';

/** How Swift spells the spec's types; the namer spells with these very entries. */
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
