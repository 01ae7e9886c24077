/**
 * The validators build-validators.ts compiles from the schemas, read from dist/ (undefined before
 * the first build). The bin's bundle holds the compiled file itself instead (scripts/bundle.mjs
 * replaces this module), so that a run loads it with the bundle, from the code cache.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Found from the package root, not from this module: the bundle holds this code elsewhere. */
export const PRECOMPILED_VALIDATORS = join(packageRoot, 'dist', 'shared', 'spec', 'precompiled-validators.cjs');

/** The compiled module: a validate function per schema name, and the fingerprint of the schemas it was compiled from. */
export type PrecompiledValidators = Readonly<Record<string, unknown>> & { readonly schemasFingerprint?: string };

export function readPrecompiledValidators(): PrecompiledValidators | undefined {
  return existsSync(PRECOMPILED_VALIDATORS) ? (createRequire(import.meta.url)(PRECOMPILED_VALIDATORS) as PrecompiledValidators) : undefined;
}
