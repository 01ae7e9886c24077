/**
 * Command trees for the benches: the host's ~350 command names (bench/data), or more of them made
 * up from those, generated with the engine into a folder on disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../shared/config/project-config.js';
import { generateCommand } from '../shared/engine.js';
import { serialiseSpec } from '../shared/spec/canonical-spec.js';
import { benchNames, specFor } from './bench-specs.js';

/** `count` distinct command names: the real ones, then variants of their last segment. */
export function namesFor(count: number): string[] {
  const base = benchNames();
  const names = new Set(base.slice(0, count));
  for (let round = 2; names.size < count; round++) {
    for (const name of base) {
      if (names.size >= count) break;
      names.add(`${name}-v${round}`);
    }
  }
  return [...names];
}

/** The files audit and reverse read: each command's spec, Types file and command classes. */
export const readByAuditAndReverse = (file: PlannedFile): boolean =>
  file.path.startsWith(`${defaultProjectConfig.roots.specs}/`) ||
  file.path.endsWith('Types.ts') ||
  /\/(server|browser)\/[^/]+Command\.ts$/.test(file.path);

/**
 * Generate each name's command (spec of the n-th shape, bench-specs.ts) and write the files
 * `content` returns text for (undefined: leave the file out).
 */
export function writeCommandTree(
  dir: string,
  names: readonly string[],
  content: (file: PlannedFile, n: number) => string | undefined,
): void {
  names.forEach((name, n) => {
    const result = generateCommand({ specText: serialiseSpec(specFor(name, n)), specFile: `${name}.json`, config: defaultProjectConfig });
    for (const file of result.files) {
      const text = content(file, n);
      if (text === undefined) continue;
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), text);
    }
  });
}
