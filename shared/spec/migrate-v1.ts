import type { CommandSpecV2 } from './command-spec.js';

/** Is this document a v1 spec (the host's current format: no version, or version 1)? */
export function isV1Spec(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const version = (document as Record<string, unknown>).version;
  return version === undefined || version === 1;
}

/**
 * Migrate a v1 spec to v2 in memory. Keys keep their positions where they exist in both formats,
 * so schema errors on the migrated document still point at the right place in the v1 file.
 * v1's `implementation` is the older name of `environment`.
 */
export function migrateV1Spec(document: Record<string, unknown>): CommandSpecV2 {
  const { version: _version, implementation, environment, ...rest } = document;
  const migrated: Record<string, unknown> = { version: 2, ...rest };
  const env = environment ?? implementation;
  if (env !== undefined) migrated.environment = env;
  return migrated as unknown as CommandSpecV2;
}
