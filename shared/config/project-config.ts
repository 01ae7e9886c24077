import { SpecError, type SpecIssue } from '../errors.js';
import { validateWithSchema } from '../spec/schema-validation.js';

export interface ImportDeclaration {
  readonly name: string;
  readonly from: string;
  readonly rust?: string;
}

/** A result field every generated result declares unless the spec lists one of that name (`success`, `error`). */
export interface ResultConvention {
  readonly name: string;
  /** Spec type text; `JTAGError` is the host's error type (importPaths.errorTypes). */
  readonly type: string;
  readonly optional?: boolean;
}

/** What the host's payload base types declare: facts of the host, kept out of the engine. */
export interface PayloadConfig {
  /** The params base interface (reverse follows extends chains to it, across files). */
  readonly paramsBase: string;
  /** The result base interface. */
  readonly resultBase: string;
  /** The base of both (a result may extend it directly; reverse then tells params from results by name). */
  readonly payloadBase: string;
  /** Fields the params base already declares: never spec params. */
  readonly paramsFields: readonly string[];
  /** Fields the result base already declares: never spec results. */
  readonly resultFields: readonly string[];
  /** Result fields every generated result declares; a spec result of the same name replaces one (`error` typed `string`). */
  readonly resultConventions: readonly ResultConvention[];
}

/** Where things live in the host project and how generated code imports the host. */
export interface ProjectConfig {
  readonly roots: {
    readonly source: string;
    readonly commands: string;
    readonly specs: string;
    readonly rustCrate: string;
    readonly generatedTypes: string;
    readonly ipcBindings: string;
    /** Folder of the generation records (default: generation/ beside the specs folder). */
    readonly records?: string;
  };
  readonly importPaths: {
    readonly jtagTypes: string;
    readonly commands: string;
    readonly errorTypes: string;
    readonly uuid: string;
    readonly commandBase: string;
    readonly commandsAlias: string;
    /** Alias of the generatedTypes root (ts-rs wire types), e.g. @shared/generated. */
    readonly generatedTypes?: string;
    /** Module exporting SYSTEM_SCOPES (the default userId of params factories). */
    readonly systemScopes: string;
    /** Module exporting RustBackedCommand, the base of Rust-backed server commands. */
    readonly rustBackedCommand: string;
    /** Module exporting `jtag`, whose connect() integration tests call first. */
    readonly serverIndex: string;
  };
  readonly imports: readonly ImportDeclaration[];
  readonly packageScope: string;
  /** Project-relative paths of symlinks the generator may go through (every other one is refused). */
  readonly allowSymlinks?: readonly string[];
  /** Where the Rust adapters put what is not a command module. */
  readonly rust?: {
    /**
     * Module path, inside the crate's src/, of the traits module (default system/traits ->
     * src/system/traits.rs); its parents are declared by edits up to lib.rs (`pub mod system;`).
     */
    readonly traitsModule?: string;
    /**
     * Where a new module is registered at start-up: a crate-relative file and the statement
     * (`{constructor}` is the module's `new()` call). `false`: no edit; the run prints the line to add.
     */
    readonly startup?: false | { readonly file?: string; readonly statement?: string };
  };
  /**
   * Options of each adapter by adapter id (`outputDir`, `importedTypes`, ...); each adapter declares
   * what it accepts (see docs/adapters.md). Merged over the defaults per adapter and option.
   */
  readonly adapterOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Project-local adapter plugins, loaded by shared/adapters/plugin-loader.ts. */
  readonly adapters?: readonly PluginDeclaration[];
  /** The access levels a spec may name (the host's set by default); the first one listed is not the default, `internal` is when listed. */
  readonly accessLevels?: readonly string[];
  /** The host's payload base types and the fields they declare. */
  readonly payload?: PayloadConfig;
}

/** The host's access levels: the four of its v1 generator and those its commands use besides. */
export const HOST_ACCESS_LEVELS: readonly string[] = [
  'ai-safe',
  'internal',
  'system',
  'dangerous',
  'owner-only',
  'admin',
  'human-only',
  'owner',
];

/** The host's payload types (JTAGTypes.ts). */
export const HOST_PAYLOAD: PayloadConfig = {
  paramsBase: 'CommandParams',
  resultBase: 'CommandResult',
  payloadBase: 'JTAGPayload',
  paramsFields: ['context', 'sessionId', 'userId'],
  resultFields: ['context', 'sessionId', 'userId'],
  resultConventions: [
    { name: 'success', type: 'boolean' },
    { name: 'error', type: 'JTAGError', optional: true },
  ],
};

/** The config's payload facts (the host's when the config predates them). */
export const payloadOf = (config: ProjectConfig): PayloadConfig => config.payload ?? HOST_PAYLOAD;

/** The access levels the config allows. */
export const accessLevelsOf = (config: ProjectConfig): readonly string[] => config.accessLevels ?? HOST_ACCESS_LEVELS;

/** One project-local adapter: a module path (relative to the project root) or an npm package name. */
export interface PluginDeclaration {
  readonly module: string;
  /** Passed to a factory export, and used as the plugin's option values. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The Continuum layout (see the host conventions); every value can be overridden in .yo-rc.json. */
export const defaultProjectConfig: ProjectConfig = {
  roots: {
    source: 'src',
    commands: 'src/commands',
    specs: 'src/generator/specs',
    rustCrate: 'src/workers/continuum-core',
    generatedTypes: 'src/shared/generated',
    ipcBindings: 'src/workers/continuum-core/bindings',
  },
  importPaths: {
    jtagTypes: '@system/core/types/JTAGTypes',
    commands: '@system/core/shared/Commands',
    errorTypes: '@system/core/types/ErrorTypes',
    uuid: '@system/core/types/CrossPlatformUUID',
    commandBase: '@daemons/command-daemon/shared/CommandBase',
    commandsAlias: '@commands',
    // generatedTypes: no default; the alias follows roots.generatedTypes (@shared/generated under src/, none outside it).
    systemScopes: '@system/core/types/SystemScopes',
    rustBackedCommand: '@daemons/command-daemon/shared/RustBackedCommand',
    serverIndex: '@server/server-index',
  },
  // The host's own types: UUID, and the memory PressureLevel its system monitor exports (ts-rs).
  imports: [
    { name: 'UUID', from: '@system/core/types/CrossPlatformUUID', rust: 'String' },
    { name: 'PressureLevel', from: '@shared/generated/system/PressureLevel', rust: 'crate::system_resources::PressureLevel' },
  ],
  packageScope: '@jtag-commands',
  rust: { traitsModule: 'system/traits' },
  // The host's UUID import (above) in each language adapter.
  adapterOptions: {
    swift: { importedTypes: { UUID: 'String' } },
    kotlin: { importedTypes: { UUID: 'String' } },
    python: { importedTypes: { UUID: 'str' } },
    proto: { importedTypes: { UUID: 'string' } },
    c: { importedTypes: { UUID: 'char *' } },
  },
  adapters: [],
  accessLevels: HOST_ACCESS_LEVELS,
  payload: HOST_PAYLOAD,
};

/** The project's config file, at the project root (Yeoman's), holding the CONFIG_KEY entry. */
export const CONFIG_FILE = '.yo-rc.json';

export const CONFIG_KEY = 'generator-continuum';

/** The generator-continuum entry of .yo-rc.json, once the schema has checked it. */
type UserConfig = Partial<{
  roots: Partial<ProjectConfig['roots']>;
  importPaths: Partial<ProjectConfig['importPaths']>;
  imports: ImportDeclaration[];
  packageScope: string;
  allowSymlinks: string[];
  rust: NonNullable<ProjectConfig['rust']>;
  adapterOptions: Record<string, Record<string, unknown>>;
  adapters: PluginDeclaration[];
  accessLevels: string[];
  payload: Partial<PayloadConfig>;
}>;

/**
 * Validate a user's config (the generator-continuum entry of .yo-rc.json) and merge it over the
 * defaults. Imports are added to the defaults, not replacing them, unless a name repeats.
 */
export function resolveProjectConfig(raw: unknown, file = CONFIG_FILE): ProjectConfig {
  if (raw === undefined || raw === null) return defaultProjectConfig;
  const issues: SpecIssue[] = validateWithSchema('project-config', raw, file, `/${CONFIG_KEY}`);
  const user = raw as UserConfig;
  issues.push(...unsafePathIssues(user, file));
  if (issues.length > 0) throw new SpecError(issues);
  return overDefaults(user);
}

/** Every path of the config that could escape the project or misbehave: the roots, the allowed links, the start-up file. */
function unsafePathIssues(user: UserConfig, file: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [key, value] of Object.entries(user.roots ?? {})) {
    const problem = unsafeRelativePath(String(value));
    if (problem)
      issues.push({
        file,
        pointer: `/${CONFIG_KEY}/roots/${key}`,
        message: `root ${key} ${problem}`,
        found: JSON.stringify(value),
        expected: 'a project-relative folder with forward slashes, e.g. src/commands',
      });
  }
  for (const [index, link] of (user.allowSymlinks ?? []).entries()) {
    const problem = typeof link === 'string' ? unsafeRelativePath(link) : undefined;
    if (problem)
      issues.push({
        file,
        pointer: `/${CONFIG_KEY}/allowSymlinks/${index}`,
        message: `allowed symlink ${problem}`,
        found: JSON.stringify(link),
        expected: 'the project-relative path of a symbolic link, with forward slashes, e.g. src/shared',
      });
  }
  const startup = user.rust?.startup;
  const startupProblem =
    startup && typeof startup === 'object' && startup.file !== undefined ? unsafeRelativePath(startup.file) : undefined;
  if (startupProblem)
    issues.push({
      file,
      pointer: `/${CONFIG_KEY}/rust/startup/file`,
      message: `the start-up file ${startupProblem}`,
      found: JSON.stringify(startup && typeof startup === 'object' ? startup.file : startup),
      expected: 'a crate-relative file such as src/ipc/mod.rs',
    });
  return issues;
}

/** A valid user config merged over the defaults. */
function overDefaults(user: UserConfig): ProjectConfig {
  const userImports = user.imports ?? [];
  const imports = [...defaultProjectConfig.imports.filter((d) => !userImports.some((u) => u.name === d.name)), ...userImports];
  return {
    roots: { ...defaultProjectConfig.roots, ...user.roots },
    importPaths: { ...defaultProjectConfig.importPaths, ...user.importPaths },
    imports,
    packageScope: user.packageScope ?? defaultProjectConfig.packageScope,
    ...(user.allowSymlinks ? { allowSymlinks: user.allowSymlinks.map((link) => link.replace(/\/+$/, '')) } : {}),
    rust: { ...defaultProjectConfig.rust, ...user.rust },
    adapterOptions: mergeAdapterOptionBlocks(defaultProjectConfig.adapterOptions ?? {}, user.adapterOptions ?? {}),
    adapters: user.adapters ?? [],
    accessLevels: user.accessLevels ?? HOST_ACCESS_LEVELS,
    payload: { ...HOST_PAYLOAD, ...user.payload },
  };
}

/** Merge two adapterOptions blocks: per adapter, per option; object-valued options (maps) by key. */
export function mergeAdapterOptionBlocks(
  base: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  over: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Record<string, Record<string, unknown>> {
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of [...new Set([...Object.keys(base), ...Object.keys(over)])].sort()) {
    const merged: Record<string, unknown> = { ...base[id] };
    for (const [name, value] of Object.entries(over[id] ?? {})) {
      const previous = merged[name];
      merged[name] = isMap(previous) && isMap(value) ? { ...previous, ...value } : value;
    }
    out[id] = merged;
  }
  return out;
}

/** Why a relative path could escape or misbehave, or undefined when it is safe. */
export function unsafeRelativePath(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  const segments = path.split('/');
  if (segments.includes('..')) return "contains '..'";
  if (segments.some((s, i) => s === '' && i !== segments.length - 1)) return 'has an empty segment';
  return undefined;
}
