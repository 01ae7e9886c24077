/**
 * The one place ts-morph and the TypeScript compiler it bundles are loaded, each on first use: the
 * fast path loads neither, and reverse and audit load only the compiler (loading it alone costs ~100 ms
 * of CPU and ~22 MiB less than all of ts-morph; the 5,000-command audit's peak fell ~75 MiB, issue 18).
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

const fromHere = createRequire(import.meta.url);

let tsMorph: typeof TsMorph | undefined;
/** ts-morph itself: what edits a hand-written file (a mixin, a Types file's imports) needs. */
export function loadTsMorph(): typeof TsMorph {
  return (tsMorph ??= fromHere('ts-morph') as typeof TsMorph);
}

let compiler: typeof TsMorph.ts | undefined;
/**
 * The compiler alone: the very file ts-morph requires (resolved from ts-morph's own folder), so a run
 * that loads both holds one copy of TypeScript (ts-morph's `ts` is a namespace over this module, with
 * the same functions).
 */
export function loadTypeScript(): typeof TsMorph.ts {
  return (compiler ??= createRequire(fromHere.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js') as typeof TsMorph.ts);
}
