import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import { DEFAULT_TRAITS_MODULE } from '../../spec/spec-defaults.js';
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
  /**
   * Import alias of `generatedTypes` (@shared/generated), or undefined when the folder lies
   * outside the TypeScript source root and none is configured (protocol/typescript): then
   * generated TypeScript imports it by relative path, as the host does.
   */
  readonly generatedTypesAlias: string | undefined;
  /** Folder of the IPC bindings (modules/<module>.ts and the composition file). */
  readonly ipcBindings: string;
  /** Module path of the traits module, e.g. system/traits. */
  readonly traitsModule: string;
  /** Where a new module is registered at start-up, or undefined when the config turns it off. */
  readonly startup: StartupRegistration | undefined;
}

/** The host's start-up wiring: the file (crate-relative) and the statement that registers a module. */
export interface StartupRegistration {
  /** Crate-relative file, e.g. src/ipc/mod.rs. */
  readonly file: string;
  /** The statement, with `{constructor}` where the module's constructor call goes. */
  readonly statement: string;
}

/** The host's shape: `runtime.register(Arc::new(GpuModule::new(..)));` in ipc/mod.rs (host-real.md). */
export const DEFAULT_STARTUP: StartupRegistration = { file: 'src/ipc/mod.rs', statement: 'runtime.register(Arc::new({constructor}));' };

export function rustLayout(config: ProjectConfig): RustLayout {
  const generatedTypes = config.roots.generatedTypes;
  const sourceRelative = posix.relative(config.roots.source, generatedTypes);
  const startup = config.rust?.startup;
  return {
    crateRoot: config.roots.rustCrate,
    tsRsExportDir: `${config.roots.rustCrate}/bindings`,
    generatedTypes,
    generatedTypesAlias: config.importPaths.generatedTypes ?? (sourceRelative.startsWith('..') ? undefined : `@${sourceRelative}`),
    ipcBindings: config.roots.ipcBindings,
    traitsModule: config.rust?.traitsModule ?? DEFAULT_TRAITS_MODULE,
    startup: startup === false ? undefined : { ...DEFAULT_STARTUP, ...startup },
  };
}

/** `src/<module>.rs` of the crate, for a module path such as modules/gpu. */
export function rustModuleFile(layout: RustLayout, modulePath: string): string {
  return `${layout.crateRoot}/src/${modulePath}.rs`;
}

/**
 * The file that declares a module: the crate root `lib.rs` for a top-level module (the host's
 * lib.rs lists its modules by hand), a crate-level folder's `mod.rs` (`modules/mod.rs`,
 * `system/mod.rs`) one level down, deeper parents `<parent>.rs` files (system/traits.rs).
 */
export function parentModuleFile(layout: RustLayout, modulePath: string): string {
  const parent = modulePath.split('/').slice(0, -1);
  if (parent.length === 0) return `${layout.crateRoot}/src/lib.rs`;
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

/**
 * Where ts-rs writes serde_json::Value (feature serde-json-impl): `<export dir>/serde_json/JsonValue.ts`,
 * the crate's bindings folder, not beside the types that use it.
 */
export function jsonValueFile(layout: RustLayout): string {
  return `${layout.tsRsExportDir}/serde_json/JsonValue.ts`;
}

/** A relative module specifier from a file to another file (without its .ts), as ts-rs and the host write them. */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile.replace(/\.ts$/, ''));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * The project file an import's `from` names, when it names one the generator can place: ts-rs's
 * JsonValue for serde_json::Value, a path under the generatedTypes alias, or a project path under
 * the generatedTypes folder itself (protocol/typescript/system/PressureLevel) or the IPC bindings
 * (a type the host's RustCoreIPC.ts re-exports). Undefined otherwise.
 */
export function importedTypeFile(layout: RustLayout, imported: { readonly from: string; readonly rust?: string }): string | undefined {
  if (imported.rust === 'serde_json::Value') return jsonValueFile(layout);
  const alias = layout.generatedTypesAlias;
  if (alias !== undefined && imported.from.startsWith(`${alias}/`))
    return `${layout.generatedTypes}/${imported.from.slice(alias.length + 1)}.ts`;
  if (imported.from.startsWith(`${layout.generatedTypes}/`) || imported.from.startsWith(`${layout.ipcBindings}/`))
    return `${imported.from}.ts`;
  return undefined;
}

/**
 * How a generated TypeScript file imports a wire type file: through the generatedTypes alias when
 * there is one and `style` allows it, else by relative path (ts-rs always writes relative paths).
 */
export function wireTypeSpecifier(layout: RustLayout, fromFile: string, typeFile: string, style: 'alias' | 'relative'): string {
  const alias = layout.generatedTypesAlias;
  if (style === 'alias' && alias !== undefined && typeFile.startsWith(`${layout.generatedTypes}/`))
    return `${alias}/${typeFile.slice(layout.generatedTypes.length + 1).replace(/\.ts$/, '')}`;
  return relativeSpecifier(fromFile, typeFile);
}

/** The specifier of an imported type in a generated TypeScript file: placed files by path (see wireTypeSpecifier), others as the spec wrote them. */
export function importSpecifier(
  layout: RustLayout,
  fromFile: string,
  imported: { readonly from: string; readonly rust?: string },
  style: 'alias' | 'relative',
): string {
  const file = importedTypeFile(layout, imported);
  return file === undefined ? imported.from : wireTypeSpecifier(layout, fromFile, file, style);
}
