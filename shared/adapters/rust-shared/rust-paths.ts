import { posix } from 'node:path';
import { rustCodeOnly } from '../../edits/rust-source.js';
import type { ProjectReader } from '../adapter.js';
import type { RustLayout } from './rust-layout.js';

/**
 * Does a `use` path resolve in the crate? Read from the project's files as they will be after the
 * run (module declarations in lib.rs and mod.rs files, items and re-exports in the last module):
 * a text check, not a compiler, so anything it cannot follow (an inline module, a glob re-export)
 * counts as resolving. Only a path it can prove broken is reported.
 */

const ITEM = (name: string): RegExp =>
  new RegExp(
    `(?:^|[\\s;{}])(?:pub(?:\\([^)]*\\))?\\s+)?(?:(?:async|const|unsafe|extern\\s+"[^"]*")\\s+)*(?:struct|enum|union|trait|type|fn|const|static|mod)\\s+(?:r#)?${name}\\b`,
  );
const USE_STATEMENTS = /\bpub(?:\([^)]*\))?\s+use\s+([^;]+);/g;

/** Names a `pub use` tree brings in (`a::{B, c::D as E}` -> B, E), and whether it has a glob. */
function usedNames(tree: string): { names: Set<string>; glob: boolean } {
  const names = new Set<string>();
  let glob = false;
  for (const part of tree.replace(/[{}]/g, ',').split(',')) {
    const item = part.trim();
    if (item === '') continue;
    if (item.endsWith('*')) glob = true;
    const alias = /\bas\s+([A-Za-z_][A-Za-z0-9_]*)$/.exec(item);
    names.add(alias ? alias[1] : item.split('::').pop()!.trim());
  }
  return { names, glob };
}

/** The file of child module `name` declared by module file `file` (src/lib.rs, src/x/mod.rs, src/x.rs). */
function childFiles(file: string, name: string): string[] {
  const dir = posix.dirname(file);
  const base = posix.basename(file);
  const folder = base === 'lib.rs' || base === 'main.rs' || base === 'mod.rs' ? dir : `${dir}/${base.slice(0, -3)}`;
  return [`${folder}/${name}.rs`, `${folder}/${name}/mod.rs`];
}

/** Crates a path may start with besides `crate`: the standard ones and the crate's dependencies. */
function externalRoots(layout: RustLayout, read: ProjectReader): Set<string> | undefined {
  const manifest = read(`${layout.crateRoot}/Cargo.toml`);
  if (manifest === undefined) return undefined;
  const roots = new Set(['std', 'core', 'alloc']);
  let inDependencies = false;
  for (const line of manifest.split(/\r?\n/)) {
    const table = /^\s*\[([^\]]+)\]/.exec(line);
    if (table) {
      inDependencies = /(^|\.)(dev-)?dependencies$/.test(table[1].trim());
      continue;
    }
    const key = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(line);
    if (inDependencies && key) roots.add(key[1].replace(/-/g, '_'));
  }
  return roots;
}

/** Why `path` does not resolve in the crate (a sentence naming the file), or undefined when it does or cannot be told. */
export function unresolvedRustPath(path: string, layout: RustLayout, read: ProjectReader): string | undefined {
  const roots = externalRoots(layout, read);
  if (roots === undefined) return undefined; // No crate here to resolve against (an empty project).
  const segments = path.split('::');
  if (segments[0] !== 'crate') {
    return roots.has(segments[0]) ? undefined : `the crate ${segments[0]} is not a dependency in ${layout.crateRoot}/Cargo.toml`;
  }
  let file = `${layout.crateRoot}/src/lib.rs`;
  for (let i = 1; i < segments.length; i++) {
    const text = read(file);
    if (text === undefined) return `${file} does not exist`;
    const code = rustCodeOnly(text);
    const name = segments[i];
    const last = i === segments.length - 1;
    const declared = new RegExp(`(?:^|[\\s;}])(?:pub(?:\\([^)]*\\))?\\s+)?mod\\s+(?:r#)?${name}\\s*([;{])`).exec(code);
    if (declared?.[1] === '{') return undefined; // An inline module: not followed.
    if (declared) {
      const child = childFiles(file, name).find((f) => read(f) !== undefined);
      if (child === undefined) return `${file} declares \`mod ${name};\` but neither ${childFiles(file, name).join(' nor ')} exists`;
      if (last) return undefined;
      file = child;
      continue;
    }
    const uses = [...code.matchAll(USE_STATEMENTS)].map((m) => usedNames(m[1]));
    if (uses.some((u) => u.names.has(name) || u.glob)) return undefined; // A re-export: not followed.
    if (last && ITEM(name).test(code)) return undefined;
    return last
      ? `${file} has no item \`${name}\` (no struct, enum, trait, type, fn or re-export of that name)`
      : `${file} declares no module \`${name}\``;
  }
  return undefined;
}

/**
 * Issues for the `use` paths of a spec that do not resolve: `rust.imports`, the Rust paths of the
 * imports it uses (from the spec or the project config), and any more the adapter writes.
 */
export function usePathIssues(
  model: {
    readonly specFile: string;
    readonly rust?: { readonly imports: readonly string[] };
    readonly imports: ReadonlyArray<{ readonly name: string; readonly rust?: string; readonly pointer?: string }>;
  },
  layout: RustLayout,
  read: ProjectReader,
  more: ReadonlyArray<{ readonly path: string; readonly pointer: string; readonly hint: string }> = [],
): Array<{ file: string; pointer: string; message: string; found: string; expected: string }> {
  const expected = (hint: string): string =>
    `a path that resolves in ${layout.crateRoot} once this run is written${hint === '' ? '' : ` (${hint})`}`;
  const candidates: Array<{ path: string; pointer: string; hint: string }> = [
    ...(model.rust?.imports ?? []).map((path, index) => ({ path, pointer: `/rust/imports/${index}`, hint: '' })),
    ...model.imports
      .filter((i) => i.rust?.includes('::'))
      .map((i) => ({
        path: i.rust!,
        pointer: i.pointer !== undefined ? `${i.pointer}/rust` : '',
        hint: i.pointer !== undefined ? '' : `the Rust path of ${i.name} comes from the project config's imports`,
      })),
    ...more,
  ];
  const seen = new Set<string>();
  return candidates.flatMap(({ path, pointer, hint }) => {
    if (seen.has(path)) return [];
    seen.add(path);
    const problem = unresolvedRustPath(path, layout, read);
    return problem === undefined
      ? []
      : [
          {
            file: model.specFile,
            pointer,
            message: `the Rust path ${path} does not resolve: ${problem}`,
            found: JSON.stringify(path),
            expected: expected(hint),
          },
        ];
  });
}
