/**
 * The size limits of a spec, in one place (README "Limits"). Past them a compiler refuses the
 * output (5,000 params give TS2563 in the generated command) or a parser would run out of stack,
 * so a spec that exceeds one is refused with the place and the limit instead.
 */
export const SPEC_LIMITS = {
  /** Bytes of a spec file. */
  bytes: 1024 * 1024,
  /** Nested arrays and objects in a spec file. */
  jsonDepth: 64,
  /** Nested Array<...>, Record<string, ...>, (...) and [] in one type string. */
  typeDepth: 32,
  /** Characters of one type string. */
  typeLength: 4096,
  /** Entries of params, and of results. */
  fields: 256,
  /** Fields of one declared type or variant. */
  typeFields: 256,
  /** Declared types of one spec. */
  types: 256,
  /** Values of an enum, and members of a literal union ('a' | 'b'). */
  unionMembers: 256,
} as const;
