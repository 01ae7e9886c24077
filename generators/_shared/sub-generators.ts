import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * The names and summaries, written at build time (writeSubGeneratorListing), so that a listing
 * (--help, the app's chooser, finding the one to run) does not import every generator and what
 * each imports (seconds: ts-morph, yeoman-generator).
 */
const LISTING = join(generatorsDir, 'sub-generators.json');

/**
 * The sub-generators that exist, found in the generators folder itself, so adding one is adding a
 * folder: every `<name>/index.js` except `app` (the chooser) and `_`-prefixed helpers. Each module
 * exports a one-line `summary`; the build's listing of them is used while it names the same folders.
 */
export async function listSubGenerators(): Promise<SubGenerator[]> {
  const names = subGeneratorNames();
  try {
    const listed = JSON.parse(readFileSync(LISTING, 'utf8')) as { name: string; summary: string }[];
    if (listed.map((s) => s.name).join('\n') === names.join('\n'))
      return listed.map(({ name, summary }) => ({ name, path: join(generatorsDir, name, 'index.js'), summary }));
  } catch {
    // No listing (before the first build) or an unreadable one: import them.
  }
  return importSubGenerators(names);
}

function subGeneratorNames(): string[] {
  return readdirSync(generatorsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'app' && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(generatorsDir, name, 'index.js')))
    .sort();
}

/** Import each sub-generator for its summary. */
export async function importSubGenerators(names: readonly string[] = subGeneratorNames()): Promise<SubGenerator[]> {
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

/** Build step: write the listing of the compiled sub-generators (scripts/bundle.mjs). */
export async function writeSubGeneratorListing(): Promise<void> {
  const listing = (await importSubGenerators()).map(({ name, summary }) => ({ name, summary }));
  writeFileSync(LISTING, `${JSON.stringify(listing, null, 2)}\n`);
}
