import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the installed generator-continuum package (holds schemas/ and the adapters' templates), from source or dist. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('generator-continuum: cannot find the package root (schemas/ next to package.json)');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const schemasDir = join(packageRoot, 'schemas');
/**
 * The ejs templates of one adapter, shared/adapters/<adapter>/templates: a target keeps its
 * templates in its own folder, and the package ships them from there (package.json `files`).
 */
export function adapterTemplates(adapter: string): string {
  return join(packageRoot, 'shared', 'adapters', adapter, 'templates');
}
/** The example specs the package ships (the design's specs and the trait specs); `init` copies some into a project. */
export const shippedSpecsDir = join(packageRoot, 'specs');
