import { posix } from 'node:path';
import { rustLayout } from '../adapters/rust-shared/rust-layout.js';
import type { ProjectConfig } from '../config/project-config.js';
import { closestNames, editDistance } from '../model/naming.js';
import { childPath, type SourceReader } from './source-reader.js';

/** A type some module of the project exports, and the specifier to import it by. */
export interface KnownType {
  readonly name: string;
  readonly from: string;
}

/** The design's type registry as generation and reverse consult it: who exports a name. */
export interface KnownTypes {
  /** Every module exporting exactly this name. */
  lookup(name: string): readonly KnownType[];
  /** The closest exported names to an unknown one (at most `limit`). */
  suggestions(name: string, limit?: number): string[];
}

/** `export interface X`, `export type X`, `export enum X`, `export class X` at the start of a line. */
const EXPORTED_TYPE =
  /^[ \t]*export[ \t]+(?:declare[ \t]+)?(?:interface|type|enum|const[ \t]+enum|(?:abstract[ \t]+)?class)[ \t]+([A-Za-z_$][A-Za-z0-9_$]*)/gm;

/** Blank out comments and strings, keeping line starts, so a commented-out export is not taken. */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
}

/** The type names a TypeScript module exports, read from its text (no parse: the fast path has no TypeScript). */
export function exportedTypeNames(text: string): string[] {
  return [...codeOnly(text).matchAll(EXPORTED_TYPE)].map((m) => m[1]);
}

/**
 * The type names `<ipcBindings>/RustCoreIPC.ts` re-exports from its mixin modules
 * (`export type { GpuStatsResponse, SubsystemInfo } from './modules/gpu';`), under their exported names.
 */
export function reExportedTypeNames(text: string): string[] {
  const found = new Set<string>();
  for (const statement of text.matchAll(/^export\s+type\s*\{([^}]*)\}\s*from\s*['"][^'"]+['"]/gm)) {
    for (const part of statement[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (/^[A-Z][A-Za-z0-9_]*$/.test(name)) found.add(name);
    }
  }
  return [...found].sort();
}

/**
 * The types the project's code exports (the design's registry: "from existing commands, from
 * Rust ts-rs exports"): every command's `shared/*Types.ts` and every file under the ts-rs export
 * folder, each named by the alias the generated code imports it with (the folder's project path
 * when it has no alias). Last, the types the host's IPC client re-exports (RustCoreIPC.ts, which
 * the host's own specs name without an import): only for a name no scanned module exports, for a
 * re-export is the same type as the ts-rs file it comes from. Scanned once, on the first lookup,
 * so a run whose names all resolve never reads a file.
 */
export function projectTypeIndex(projectRoot: string, config: ProjectConfig, reader: SourceReader): KnownTypes {
  let byName: Map<string, KnownType[]> | undefined;
  let reExported: Map<string, KnownType> | undefined;
  const index = (): Map<string, KnownType[]> => {
    if (byName) return byName;
    byName = new Map();
    const add = (name: string, from: string): void => {
      const entries = byName!.get(name) ?? [];
      if (!entries.some((e) => e.from === from)) entries.push({ name, from });
      byName!.set(name, entries);
    };
    const generatedTypes = config.roots.generatedTypes;
    const roots: { root: string; alias: string; wanted: (path: string) => boolean }[] = [
      { root: config.roots.commands, alias: config.importPaths.commandsAlias, wanted: (p) => /\/shared\/[^/]*Types\.ts$/.test(p) },
      {
        root: generatedTypes,
        alias: rustLayout(config).generatedTypesAlias ?? generatedTypes,
        wanted: (p) => p.endsWith('.ts') && !p.endsWith('.d.ts'),
      },
    ];
    for (const { root, alias, wanted } of roots) {
      const base = posix.join(projectRoot, root);
      const walk = (folder: string, depth: number): void => {
        if (depth > 12) return;
        for (const entry of reader.listFolder(folder) ?? []) {
          const path = childPath(folder, entry.name);
          if (entry.isFolder) {
            if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path, depth + 1);
            continue;
          }
          if (!wanted(path)) continue;
          const text = reader.readFile(path);
          if (text === undefined) continue;
          const from = `${alias}/${posix.relative(base, path).replace(/\.ts$/, '')}`;
          for (const name of exportedTypeNames(text)) add(name, from);
        }
      };
      walk(base, 0);
    }
    return byName;
  };
  const reExports = (): Map<string, KnownType> => {
    if (reExported) return reExported;
    const composition = `${config.roots.ipcBindings}/RustCoreIPC`;
    const text = reader.readFile(posix.join(projectRoot, `${composition}.ts`));
    reExported = new Map((text === undefined ? [] : reExportedTypeNames(text)).map((name) => [name, { name, from: composition }]));
    return reExported;
  };
  return {
    lookup: (name) => {
      const exporters = index().get(name);
      if (exporters) return exporters;
      const reExport = reExports().get(name);
      return reExport ? [reExport] : [];
    },
    suggestions: (name, limit = 3) => {
      // A few edits apart (a typo) wins; else names with the same stem (PersonaEntity -> PersonaSummary).
      const names = [...new Set([...index().keys(), ...reExports().keys()])];
      const close = names.filter((candidate) => candidateIsClose(name, candidate));
      return closestNames(name, close.length > 0 ? close : names.filter((candidate) => sameStem(name, candidate)), limit);
    },
  };
}

function candidateIsClose(unknown: string, candidate: string): boolean {
  const a = unknown.toLowerCase();
  const b = candidate.toLowerCase();
  return b.includes(a) || a.includes(b) || editDistance(a, b) <= Math.max(2, Math.floor(a.length / 3));
}

/** The same first word of a PascalCase name (Persona in PersonaEntity and PersonaSummary). */
function sameStem(unknown: string, candidate: string): boolean {
  const stem = /^[A-Z][a-z0-9]+/.exec(unknown)?.[0];
  return stem !== undefined && stem.length >= 4 && candidate.startsWith(stem);
}
