import { deepStrictEqual, notDeepStrictEqual } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../support/paths.js';

const ADAPTERS = 'shared/adapters';
/** Folders of shared helpers that hold no adapter: every adapter may import any of their modules. */
const LIBRARIES: readonly string[] = ['language', 'rust-shared'];

interface SourceText {
  /** Repository-relative POSIX path. */
  readonly file: string;
  readonly text: string;
}

/** Every TypeScript module inside an adapter folder (shared/adapters/<folder>/**). */
function adapterModules(): SourceText[] {
  return readdirSync(join(repoRoot, ADAPTERS), { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.includes('/') && path.endsWith('.ts'))
    .sort()
    .map((path) => ({ file: `${ADAPTERS}/${path}`, text: readFileSync(join(repoRoot, ADAPTERS, path), 'utf8') }));
}

const folderOf = (file: string): string | undefined =>
  file.startsWith(`${ADAPTERS}/`) ? file.slice(ADAPTERS.length + 1).split('/')[0] : undefined;

/**
 * Imports (type-only and re-exports too) from one adapter folder into another adapter folder's
 * modules other than its public entry, index.ts: `file -> imported module`.
 */
function boundaryViolations(modules: readonly SourceText[]): string[] {
  const found: string[] = [];
  for (const { file, text } of modules) {
    const own = folderOf(file);
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), imported.fileName));
      const folder = folderOf(target);
      if (folder === undefined || folder === own || LIBRARIES.includes(folder) || target.slice(ADAPTERS.length + 1).split('/').length < 2)
        continue;
      if (target !== `${ADAPTERS}/${folder}/index.js`) found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe('adapters compose through public entries: no adapter imports another adapter folder’s internals', () => {
  const modules = adapterModules();

  it('every import from one adapter folder into another names that folder’s index', () => {
    deepStrictEqual(boundaryViolations(modules), []);
  });

  it('finds an import of another adapter’s internal module, type-only or not (the control)', () => {
    const rustIpc = modules.find((m) => m.file === `${ADAPTERS}/rust-ipc/index.ts`)!;
    const slot = modules.find((m) => m.file === `${ADAPTERS}/rust-ipc/command-slot.ts`)!;
    const internal = rustIpc.text.replace("from '../typescript-command/index.js'", "from '../typescript-command/view.js'");
    const internalType = slot.text.replace(
      "from '../typescript-command/index.js'",
      "from '../typescript-command/server-implementation.js'",
    );
    notDeepStrictEqual(internal, rustIpc.text, 'the control changed rust-ipc-adapter.ts');
    notDeepStrictEqual(internalType, slot.text, 'the control changed command-slot.ts');
    const changed = modules.map((m) => (m === rustIpc ? { ...m, text: internal } : m === slot ? { ...m, text: internalType } : m));
    deepStrictEqual(boundaryViolations(changed), [
      `${ADAPTERS}/rust-ipc/command-slot.ts -> ${ADAPTERS}/typescript-command/server-implementation.js`,
      `${ADAPTERS}/rust-ipc/index.ts -> ${ADAPTERS}/typescript-command/view.js`,
    ]);
  });

  it('the TypeScript command holds nothing of Rust but the shared layout helpers (its server slot is neutral)', () => {
    const rustSpecific = (texts: readonly SourceText[]): string[] =>
      texts
        .filter((m) => folderOf(m.file) === 'typescript-command' && /RustIpc|rustIpc|RustCoreIPC|continuum-core/.test(m.text))
        .map((m) => m.file);
    deepStrictEqual(rustSpecific(modules), []);
    // The control: the view type the command used to define for rust-ipc is seen.
    const withRustView = modules.map((m) =>
      m.file.endsWith('/command-view.ts') ? { ...m, text: `${m.text}\nexport interface RustIpcCommandView {}\n` } : m,
    );
    deepStrictEqual(rustSpecific(withRustView), [`${ADAPTERS}/typescript-command/command-view.ts`]);
  });
});
