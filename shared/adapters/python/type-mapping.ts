import type { AdapterTypeMapping } from '../adapter.js';

export const PYTHON_ADAPTER_ID = 'python';

/** How Python spells the spec's types; the namer spells with these very entries. */
export const pythonTypeMapping: AdapterTypeMapping = {
  language: 'Python (Pydantic v2)',
  string: 'str',
  number: 'float',
  integer: 'int',
  boolean: 'bool',
  unknown: 'Any',
  enum: "Literal['a', 'b']",
  array: 'list[T]',
  record: 'dict[str, T]',
  optional: 'T | None = None',
  nullable: 'T | None',
  interface: 'class Name(BaseModel)',
  imported: 'adapterOptions.python.importedTypes (name -> Python type, or { type, import: <module> } for `from <module> import <type>`)',
};
