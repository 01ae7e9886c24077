import type { AdapterTypeMapping } from '../adapter.js';

export const KOTLIN_ADAPTER_ID = 'kotlin';

/** How Kotlin spells the spec's types; the namer spells with these very entries. */
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
