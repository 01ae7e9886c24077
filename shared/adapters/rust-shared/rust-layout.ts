import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import { RUST_KEYWORDS } from '../../render/rust-renderer.js';

/**
 * Where the Rust adapters write, from the project config (host-conventions.md: every root is a
 * default in the config, never a constant here).
 */
export interface RustLayout {
  /** Crate root (holds Cargo.toml), e.g. src/workers/continuum-core. */
  readonly crateRoot: string;
  /** ts-rs's export dir: `./bindings` of the crate unless TS_RS_EXPORT_DIR says otherwise. */
  readonly tsRsExportDir: string;
  /** Folder of the ts-rs wire types, one folder per module. */
  readonly generatedTypes: string;
  /** Import alias of `generatedTypes`, e.g. @shared/generated. */
  readonly generatedTypesAlias: string;
  /** Folder of the IPC bindings (modules/<module>.ts and the composition file). */
  readonly ipcBindings: string;
  /** Module path of the traits module, e.g. system/traits. */
  readonly traitsModule: string;
}

export function rustLayout(config: ProjectConfig): RustLayout {
  const generatedTypes = config.roots.generatedTypes;
  const sourceRelative = posix.relative(config.roots.source, generatedTypes);
  return {
    crateRoot: config.roots.rustCrate,
    tsRsExportDir: `${config.roots.rustCrate}/bindings`,
    generatedTypes,
    generatedTypesAlias: config.importPaths.generatedTypes ?? `@${sourceRelative}`,
    ipcBindings: config.roots.ipcBindings,
    traitsModule: config.rust?.traitsModule ?? 'system/traits',
  };
}

/** `src/<module>.rs` of the crate, for a module path such as modules/gpu. */
export function rustModuleFile(layout: RustLayout, modulePath: string): string {
  return `${layout.crateRoot}/src/${modulePath}.rs`;
}

/**
 * The file that declares a module: a crate-level folder keeps its `mod.rs` (the host's
 * `modules/mod.rs`, `system/mod.rs`); deeper parents are `<parent>.rs` files (system/traits.rs).
 */
export function parentModuleFile(layout: RustLayout, modulePath: string): string {
  const parent = modulePath.split('/').slice(0, -1);
  return parent.length === 1 ? `${layout.crateRoot}/src/${parent[0]}/mod.rs` : `${layout.crateRoot}/src/${parent.join('/')}.rs`;
}

/** `crate::a::b` for a module path a/b. */
export function rustCratePath(modulePath: string): string {
  return ['crate', ...modulePath.split('/')].join('::');
}

/** The last segment of a module path (modules/gpu -> gpu). */
export function moduleName(modulePath: string): string {
  return modulePath.split('/').pop()!;
}

/** Why a module path cannot be a Rust module inside the crate, or undefined. */
export function modulePathProblem(modulePath: string): string | undefined {
  const segments = modulePath.split('/');
  if (segments.length < 2) return 'needs a parent module (e.g. modules/gpu), because the generator registers it in the parent';
  const bad = segments.find((s) => !/^[a-z][a-z0-9_]*$/.test(s));
  if (bad !== undefined) return `has the segment ${JSON.stringify(bad)}, which is not a snake_case module name`;
  const keyword = segments.find((s) => RUST_KEYWORDS.has(s));
  if (keyword !== undefined) return `has the segment ${JSON.stringify(keyword)}, which is a Rust keyword`;
  if (segments.includes('mod')) return "has a segment named 'mod'";
  return undefined;
}

/** The TS file of a wire type: <generatedTypes>/<folder>/<Type>.ts. */
export function wireTypeFile(layout: RustLayout, folder: string, typeName: string): string {
  return `${layout.generatedTypes}/${folder}/${typeName}.ts`;
}

/**
 * `#[ts(export_to = ...)]` of a wire type: ts-rs resolves it against its export dir, so it is the
 * path from `<crate>/bindings/` to the TS file (../../../shared/generated/gpu/X.ts for the
 * default layout). A function of the configured roots: if the crate moves, the `..` count changes.
 */
export function exportTo(layout: RustLayout, folder: string, typeName: string): string {
  return posix.relative(layout.tsRsExportDir, wireTypeFile(layout, folder, typeName));
}

/** Where ts-rs puts serde_json::Value (feature serde-json-impl): <export dir>/serde_json/JsonValue.ts. */
export const JSON_VALUE_FOLDER = 'serde_json';
