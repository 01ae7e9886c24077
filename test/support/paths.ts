import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (compiled tests run from dist/test/, sources live at the root). */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schemas'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const goldenDir = join(repoRoot, 'test', 'golden');
export const specsDir = join(repoRoot, 'specs');
export const binTsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
export const binTsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
