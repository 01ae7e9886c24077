import type { AdapterTypeMapping } from '../adapter.js';

export const C_ADAPTER_ID = 'c';

/** How the C header spells the spec's types, and what it refuses. */
export const cTypeMapping: AdapterTypeMapping = {
  language: 'C (C11 header, usable from C++)',
  string: 'char * (NUL-terminated UTF-8)',
  number: 'double',
  integer: 'int64_t',
  boolean: 'bool',
  unknown: 'const char * (JSON text)',
  enum: 'typedef enum X { X_A = 0, ... } X; plus x_to_string / x_from_string',
  array: 'TArray { T *items; size_t count; }',
  record: 'TMap { char **keys; T *values; size_t count; } (keys sorted)',
  optional: 'NULL for strings and structs (T *), else bool has_f + T f',
  nullable: 'NULL for strings and structs (T *), else bool has_f + T f (absent and null are the same)',
  interface: 'typedef struct Name Name; struct Name { ... };',
  imported: 'adapterOptions.c.importedTypes (name -> C type, or { type, import: <header> } for #include)',
  refuses: [
    'nullable elements or values ((T | null)[], Record<string, T | null>)',
    'a cycle of required struct fields (a struct cannot contain itself by value)',
  ],
};
