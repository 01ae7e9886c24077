import { posix } from 'node:path';
import { codeOnly } from '../reverse/rust-facts.js';
import { childPath, type SourceReader } from '../reverse/source-reader.js';

/** One `impl Trait for Type { ... }` block of a Rust file. */
export interface RustImpl {
  /** The trait's last path segment (`ManagedService` for `traits::ManagedService`). */
  readonly trait: string;
  /** The implementing type's last path segment, without generics. */
  readonly type: string;
  readonly line: number;
  /** Offsets of the block's `{` and `}` in the file. */
  readonly open: number;
  readonly close: number;
}

/** A Rust file of the crate: its text, the same text with comments and strings blanked, its impls. */
export interface RustFile {
  /** Project-relative POSIX path. */
  readonly file: string;
  readonly text: string;
  readonly code: string;
  readonly impls: readonly RustImpl[];
}

const IMPL =
  /\bimpl\b(?:\s*<[^{};]*?>)?\s+((?:[A-Za-z_][A-Za-z0-9_]*::)*)([A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^{};]*?>)?\s+for\s+((?:[A-Za-z_][A-Za-z0-9_]*::)*)([A-Za-z_][A-Za-z0-9_]*)[^{;]*\{/g;

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/** The offset of the brace closing the one at `open`, in comment- and string-free code. */
export function matchingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return code.length - 1;
}

/** Read one Rust file's impl blocks. */
export function readRustFile(file: string, text: string): RustFile {
  const code = codeOnly(text);
  const impls: RustImpl[] = [];
  for (const match of code.matchAll(IMPL)) {
    const open = match.index! + match[0].length - 1;
    impls.push({ trait: match[2], type: match[4], line: lineAt(code, match.index!), open, close: matchingBrace(code, open) });
  }
  return { file, text, code, impls };
}

/** Every `.rs` file under `<crate>/src` (skipping target/ and hidden folders), in path order. */
export function readRustCrate(projectRoot: string, crateRoot: string, reader: SourceReader): RustFile[] {
  const files: RustFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of reader.listFolder(folder) ?? []) {
      const path = childPath(folder, entry.name);
      if (entry.isFolder) {
        if (entry.name !== 'target' && !entry.name.startsWith('.')) walk(path);
      } else if (entry.name.endsWith('.rs')) {
        const text = reader.readFile(path);
        if (text !== undefined) files.push(readRustFile(posix.relative(projectRoot, path), text));
      }
    }
  };
  walk(posix.join(projectRoot, crateRoot, 'src'));
  return files;
}

/** How a ManagedService implementation heals: a real body, the generated stub, always false, or no heal() at all. */
export type HealState = 'implemented' | 'stub' | 'always-false' | 'missing';

/** The state of `fn heal` inside an impl block, and its line. */
export function healOf(file: RustFile, impl: RustImpl): { state: HealState; line: number } {
  const block = file.code.slice(impl.open, impl.close + 1);
  const found = /\bfn\s+heal\s*\(/.exec(block);
  if (!found) return { state: 'missing', line: impl.line };
  const start = impl.open + found.index;
  const line = lineAt(file.code, start);
  const bodyOpen = file.code.indexOf('{', start);
  if (bodyOpen < 0 || bodyOpen > impl.close) return { state: 'missing', line };
  const bodyClose = matchingBrace(file.code, bodyOpen);
  const bodyCode = file.code.slice(bodyOpen + 1, bodyClose).trim();
  const bodyText = file.text.slice(bodyOpen + 1, bodyClose);
  if (/\bTODO\b/.test(bodyText) && (bodyCode === 'false' || bodyCode === '' || /^(todo|unimplemented)!\s*\(/.test(bodyCode)))
    return { state: 'stub', line };
  if (bodyCode === 'false' || /^return\s+false\s*;?$/.test(bodyCode)) return { state: 'always-false', line };
  return { state: 'implemented', line };
}

/** The file of a module path (`modules/gpu`): `src/modules/gpu.rs` or `src/modules/gpu/mod.rs`, whichever exists. */
export function moduleFileCandidates(crateRoot: string, modulePath: string): [string, string] {
  return [`${crateRoot}/src/${modulePath}.rs`, `${crateRoot}/src/${modulePath}/mod.rs`];
}
