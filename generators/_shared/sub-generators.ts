import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A runnable sub-generator of this package (`continuum:<name>`). */
export interface SubGenerator {
  readonly name: string;
  /** Absolute path of its compiled index.js. */
  readonly path: string;
  readonly summary: string;
}

/** The compiled generators folder this file was loaded from (dist/generators). */
export const generatorsDir = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The sub-generators that exist, found in the generators folder itself, so adding one is adding a
 * folder: every `<name>/index.js` except `app` (the chooser) and `_`-prefixed helpers. Each module
 * exports a one-line `summary`.
 */
export async function listSubGenerators(): Promise<SubGenerator[]> {
  const names = readdirSync(generatorsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'app' && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(generatorsDir, name, 'index.js')))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(generatorsDir, name, 'index.js');
      try {
        const module = (await import(pathToFileURL(path).href)) as { summary?: unknown };
        return { name, path, summary: typeof module.summary === 'string' ? module.summary : '' };
      } catch (error) {
        // One broken sub-generator must not hide the others from the listing.
        return { name, path, summary: `(cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
      }
    }),
  );
}
