import { posix } from 'node:path';
import type { TypeNode } from '../types/type-tree.js';
import { childPath, type SourceReader } from './source-reader.js';

/** The JSON shape of a Rust field type, as far as it tells integers from numbers. */
export type RustShape =
  { readonly kind: 'integer' | 'number' | 'other' } | { readonly kind: 'array' | 'record' | 'option'; readonly inner: RustShape };

/** What a Rust module of the host crate says about the commands it serves. */
export interface RustModuleFacts {
  /** Crate-src-relative POSIX path of the file. */
  readonly file: string;
  /** `modules/gpu` */
  readonly module: string;
  readonly commandPrefix?: string;
  /** Traits implemented for a type of the module (`impl X for Y`), in file order, minus the ones every module has. */
  readonly traits: readonly string[];
  /** Every `use` path, groups expanded (`use a::{b, c}` -> a::b, a::c). */
  readonly usePaths: readonly string[];
  /** Struct name -> JSON field name -> shape of its Rust type. */
  readonly structs: ReadonlyMap<string, ReadonlyMap<string, RustShape>>;
}

/** Traits every module implements or derives, never listed in a spec's `rust.traits`. */
const IMPLICIT_TRAITS = new Set([
  'ServiceModule',
  'Default',
  'Debug',
  'Clone',
  'Copy',
  'PartialEq',
  'Eq',
  'Hash',
  'Display',
  'From',
  'Into',
  'Drop',
  'Serialize',
  'Deserialize',
  'TS',
  'Send',
  'Sync',
  'AsRef',
  'Deref',
  'Iterator',
  'FromStr',
  'TryFrom',
]);

/**
 * Blank out comments and string literals, keeping every offset and line break, so scans see only
 * code and a position in the result is the same position in the source.
 */
export function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\]|\\.)*"/g, (match) =>
    match.startsWith('"') ? `"${match.slice(1, -1).replace(/[^\n]/g, ' ')}"` : match.replace(/[^\n]/g, ' '),
  );
}

/**
 * Index of the host crate's modules by the command names their routing matches (`"gpu/stats" =>`).
 * Built once per run, on first use, by reading `<crate>/src/**.rs` through the reader.
 */
export class RustCrateIndex {
  private index: Map<string, RustModuleFacts> | undefined;

  constructor(
    private readonly crateSrc: string,
    private readonly reader: SourceReader,
  ) {}

  /** The module serving this command, or undefined. */
  moduleFor(commandName: string): RustModuleFacts | undefined {
    this.index ??= this.build();
    return this.index.get(commandName);
  }

  private build(): Map<string, RustModuleFacts> {
    const index = new Map<string, RustModuleFacts>();
    const walk = (folder: string): void => {
      for (const entry of this.reader.listFolder(folder) ?? []) {
        const path = childPath(folder, entry.name);
        if (entry.isFolder) {
          if (entry.name !== 'target' && !entry.name.startsWith('.')) walk(path);
          continue;
        }
        if (!entry.name.endsWith('.rs')) continue;
        const text = this.reader.readFile(path);
        if (text === undefined) continue;
        // Match arms of the router: "gpu/stats" => (comments removed, strings kept).
        const withoutComments = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
        const names = [...withoutComments.matchAll(/"([A-Za-z][A-Za-z0-9_-]*(?:\/[A-Za-z0-9_-]+)+)"\s*(?:\|[^=]*)?=>/g)].map((m) => m[1]);
        if (names.length === 0) continue;
        const facts = moduleFacts(posix.relative(this.crateSrc, path), text);
        for (const name of names) if (!index.has(name)) index.set(name, facts);
      }
    };
    walk(this.crateSrc);
    return index;
  }
}

/** Expand one use tree: `a::{b, c::{d}}` -> a::b, a::c::d. */
function expandUse(tree: string, prefix = ''): string[] {
  const text = tree.trim();
  const open = text.indexOf('{');
  if (open < 0) return text === '' ? [] : [`${prefix}${text}`];
  const head = text.slice(0, open);
  const body = text.slice(open + 1, text.lastIndexOf('}'));
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.flatMap((p) => expandUse(p, `${prefix}${head}`)).map((p) => p.replace(/::self$/, ''));
}

function moduleFacts(file: string, text: string): RustModuleFacts {
  const code = codeOnly(text);
  const module = file.replace(/\.rs$/, '').replace(/\/mod$/, '');
  const prefix = /command_prefixes\s*:\s*&\s*\[\s*"([^"]*)"/.exec(text.replace(/\/\/[^\n]*/g, ''))?.[1];
  const traits = [
    ...new Set([...code.matchAll(/impl(?:\s*<[^>]*>)?\s+(?:[a-z_]+::)*([A-Z][A-Za-z0-9_]*)\s+for\s+[A-Z]/g)].map((m) => m[1])),
  ].filter((t) => !IMPLICIT_TRAITS.has(t));
  // Module-level uses only (a `mod tests` block's `use super::*` is indented and not the module's).
  const usePaths = [...code.matchAll(/^(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/gm)]
    .flatMap((m) => expandUse(m[1].replace(/\s+/g, '')))
    .filter((p) => !p.startsWith('super::') && !p.startsWith('self::'));
  return { file, module, commandPrefix: prefix, traits, usePaths, structs: structShapes(text) };
}

/** serde's camelCase rename of a snake_case field (`gpu_id` -> `gpuId`, `self_` -> `self`). */
function serdeCamelCase(field: string): string {
  let out = '';
  let upper = false;
  for (const ch of field) {
    if (ch === '_') upper = true;
    else {
      out += upper ? ch.toUpperCase() : ch;
      upper = false;
    }
  }
  return out;
}

/** The JSON fields of every `struct` in a file, with the shape of their Rust types. */
function structShapes(text: string): Map<string, Map<string, RustShape>> {
  const structs = new Map<string, Map<string, RustShape>>();
  const lines = text.split(/\r?\n/);
  let current: { name: string; camel: boolean; fields: Map<string, RustShape> } | undefined;
  let pendingAttributes: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!current) {
      if (trimmed.startsWith('#[')) pendingAttributes.push(trimmed);
      const start = /^(?:pub(?:\([^)]*\))?\s+)?struct\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{\s*$/.exec(trimmed);
      if (start) {
        current = { name: start[1], camel: pendingAttributes.some((a) => /rename_all\s*=\s*"camelCase"/.test(a)), fields: new Map() };
        pendingAttributes = [];
      } else if (!trimmed.startsWith('#[') && !trimmed.startsWith('///') && trimmed !== '') pendingAttributes = [];
      continue;
    }
    if (trimmed.startsWith('}')) {
      structs.set(current.name, current.fields);
      current = undefined;
      continue;
    }
    if (trimmed.startsWith('#[')) {
      pendingAttributes.push(trimmed);
      continue;
    }
    const field = /^(?:pub(?:\([^)]*\))?\s+)?(r#)?([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?),?\s*$/.exec(trimmed);
    if (field) {
      const renamed = pendingAttributes.map((a) => /serde\([^)]*\brename\s*=\s*"([^"]*)"/.exec(a)?.[1]).find((r) => r !== undefined);
      const json = renamed ?? (current.camel ? serdeCamelCase(field[2]) : field[2]);
      current.fields.set(json, rustShape(field[3]));
      pendingAttributes = [];
    } else if (!trimmed.startsWith('///') && !trimmed.startsWith('//')) {
      pendingAttributes = [];
    }
  }
  return structs;
}

const INTEGER_TYPES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);

/** The shape of a Rust type's text: Option, Vec, maps, Box, integers and floats. */
export function rustShape(typeText: string): RustShape {
  const text = typeText.trim().replace(/^(?:std::)?(?:[a-z_]+::)*/, '');
  const generic = /^([A-Za-z_][A-Za-z0-9_]*)\s*<(.*)>$/.exec(text);
  if (generic) {
    const [, outer, args] = generic;
    const lastArg = splitTopLevel(args).pop() ?? '';
    if (outer === 'Option') return { kind: 'option', inner: rustShape(lastArg) };
    if (outer === 'Vec' || outer === 'VecDeque') return { kind: 'array', inner: rustShape(lastArg) };
    if (outer === 'BTreeMap' || outer === 'HashMap') return { kind: 'record', inner: rustShape(lastArg) };
    if (outer === 'Box' || outer === 'Arc' || outer === 'Rc') return rustShape(lastArg);
    return { kind: 'other' };
  }
  if (INTEGER_TYPES.has(text)) return { kind: 'integer' };
  if (text === 'f32' || text === 'f64') return { kind: 'number' };
  return { kind: 'other' };
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * TypeScript says `number` for integers and floats alike; the Rust struct of a Rust-backed command
 * says which (i64 or f64), at any depth. A nullable consumes one Option, an optional field another.
 * Not a fold: it walks the Rust shape alongside the tree, and an Option without a nullable skips a level.
 */
export function adoptRustIntegers(tree: TypeNode, shape: RustShape | undefined): TypeNode {
  if (!shape) return tree;
  if (shape.kind === 'option')
    return tree.kind === 'nullable'
      ? { kind: 'nullable', inner: adoptRustIntegers(tree.inner, shape.inner) }
      : adoptRustIntegers(tree, shape.inner);
  if (tree.kind === 'array' && shape.kind === 'array') return { kind: 'array', element: adoptRustIntegers(tree.element, shape.inner) };
  if (tree.kind === 'record' && shape.kind === 'record') return { kind: 'record', value: adoptRustIntegers(tree.value, shape.inner) };
  if (tree.kind === 'primitive' && tree.name === 'number' && shape.kind === 'integer') return { kind: 'primitive', name: 'integer' };
  return tree;
}
