import { posix } from 'node:path';
import type { GeneratorAdapter } from '../adapters/adapter.js';
import { builtinAdapters } from '../adapters/builtin-adapters.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import { accessLevelsOf, payloadOf, type ImportDeclaration, type ProjectConfig } from '../config/project-config.js';
import { commandClassName, pascalCase } from '../model/naming.js';
import { canonicalSpec } from '../spec/canonical-spec.js';
import type {
  AccessLevel,
  AdapterId,
  CommandSpecV2,
  Environment,
  RustBlock,
  SpecExample,
  SpecField,
  SpecTypeDeclaration,
} from '../spec/command-spec.js';
import { parseTypeString } from '../types/type-grammar.js';
import { mapLeaves } from '../types/fold.js';
import { namedReferences, typeToSpecText, type TypeNode } from '../types/type-tree.js';
import { readDefaults, type ModuleLoader } from './defaults.js';
import { ModulePaths } from './module-paths.js';
import { readReadme, type ReadmeFacts } from './readme-facts.js';
import { adoptRustIntegers, RustCrateIndex, type RustModuleFacts } from './rust-facts.js';
import { resolveProjectTraits, type TraitCatalog } from '../adapters/trait-only/trait-catalog.js';
import { childPath, nodeSourceReader, ownStrings, readIfListed, withKeptListings, type SourceReader } from './source-reader.js';
import { indexSpecs, type IndexedSpec, type SpecIndex } from './spec-index.js';
import { SpecTypeBuilder, type CollectedDeclaration, type CollectedField } from './spec-type-builder.js';
import {
  classStems,
  findAccessor,
  findAccessors,
  headerDescription,
  memberName,
  type AccessorFacts,
  payloadDeclarations,
  superCommandName,
  syntaxError,
  type DeclarationResolver,
  type PayloadBases,
  type PayloadDeclaration,
} from './types-file.js';
import { projectTypeIndex, type KnownTypes } from './exported-types.js';
import { hasGeneratedBlock } from '../edits/types-file-merge.js';
import type { ReverseWarning } from './warnings.js';
import { declarationIn, descendantsOfKind, importedNames, isExported, parseSource, reExportsOf, ts } from './syntax.js';

export interface ReverseEngineerOptions {
  /** Absolute POSIX path of the host project (where .yo-rc.json and tsconfig.json are). */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  /** How files are read; the real file system by default. */
  readonly reader?: SourceReader;
  /** The adapters an inferred spec may name (a project's plugins among them); the built-in ones by default. */
  readonly registry?: AdapterRegistry;
}

/** Sees a command's Types file (parsed, with its project-relative path, its accessor and payload declarations) during `reverse`. */
export type TypesFileInspector = (typesFile: ts.SourceFile, label: string, accessor?: AccessorFacts, payload?: PayloadCandidates) => void;

/** Every params and result declaration of a Types file (payloadDeclarations), read once for reverse and its inspector. */
export interface PayloadCandidates {
  readonly params: readonly PayloadDeclaration[];
  readonly result: readonly PayloadDeclaration[];
}

/** The outcome for one command folder. */
export interface ReversedCommand {
  /** Project-relative POSIX path of the command folder. */
  readonly folder: string;
  /**
   * `failed` when no Types file could be read (the run goes on with the next command);
   * `not-a-command` when the Types files hold no accessor, params or result (shared types of a namespace).
   */
  readonly status: 'reversed' | 'failed' | 'not-a-command';
  /** The spec in canonical v2 form, when reversed. */
  readonly spec?: CommandSpecV2;
  /** Project-relative path of the Types file the spec was read from (a shared one sits above the folder). */
  readonly typesFile?: string;
  readonly warnings: readonly ReverseWarning[];
}

/** Folders never searched for commands. (`test` and `browser` are not here: `ai/adapter/test` and `interface/browser/capabilities` are commands.) */
const NEVER_COMMAND_FOLDERS = new Set(['node_modules', 'dist']);

/** Crates every generated Rust module uses for itself; their paths are never spec imports. */
const ADAPTER_CRATES = new Set(['std', 'core', 'alloc', 'serde', 'serde_json', 'async_trait', 'ts_rs']);

/** A cheap test before parsing a server command: only a file that mentions an IPC client can use one. */
const MENTIONS_IPC_CLIENT = /IPCClient|RustCoreIPC|continuum-core\/bindings/i;

const isTypesFile = (name: string): boolean => /Types\.ts$/.test(name) && !name.endsWith('.d.ts');
const isSourceFile = (name: string): boolean => /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/**
 * Reads hand-written (or generated) command folders back into CommandSpec v2. One instance is
 * one run: files are parsed to the compiler's syntax tree alone (no program, no wrappers), the
 * specs folder and the Rust crate are indexed once, and nothing is written.
 */
export class ReverseEngineer {
  /**
   * The run's parsed files by path: a command's own files until its folder is read (then let go,
   * so memory stays flat), the modules its imports reach for the whole run.
   */
  private readonly files = new Map<string, ts.SourceFile>();
  private readonly reader: SourceReader;
  private readonly root: string;
  private readonly config: ProjectConfig;
  private readonly modulePaths: ModulePaths;
  private readonly rustIndex: RustCrateIndex;
  /** Types exported across the project, read on first need (a name a Types file uses without importing). */
  readonly registry: KnownTypes;
  private specIndex: SpecIndex | undefined;
  private readonly adapters: AdapterRegistry;

  constructor(options: ReverseEngineerOptions) {
    this.adapters = options.registry ?? builtinAdapters();
    this.reader = withKeptListings(options.reader ?? nodeSourceReader);
    this.root = options.projectRoot;
    this.config = options.config;
    this.modulePaths = ModulePaths.forProject(this.root, this.config, this.reader);
    this.rustIndex = new RustCrateIndex(posix.join(this.root, this.config.roots.rustCrate, 'src'), this.reader);
    this.registry = projectTypeIndex(this.root, this.config, this.reader);
  }

  /** The specs folder's specs by name (read once per run). */
  existingSpecs(): SpecIndex {
    this.specIndex ??= indexSpecs(this.root, this.config.roots.specs, this.reader);
    return this.specIndex;
  }

  /**
   * Command folders at or under `path` (absolute), sorted: every folder holding `shared/*Types.ts`,
   * nested ones included. Throws when `path` is not a folder.
   */
  discover(path: string): string[] {
    if (this.reader.listFolder(path) === undefined) throw new Error(`${this.relative(path) || '.'} is not a folder`);
    const found: string[] = [];
    const walk = (folder: string): void => {
      const entries = this.reader.listFolder(folder) ?? [];
      if (entries.some((e) => e.isFolder && e.name === 'shared') && this.typesFilesIn(folder).length > 0) found.push(folder);
      for (const entry of entries) {
        if (entry.isFolder && !NEVER_COMMAND_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(childPath(folder, entry.name));
      }
    };
    walk(path);
    return found.sort();
  }

  /** Reverse every folder in order (a shared Types file gives one result per command); `onProgress` is called after each folder. */
  reverseAll(folders: readonly string[], onProgress?: (done: number, total: number, result: ReversedCommand) => void): ReversedCommand[] {
    return folders.flatMap((folder, index) => {
      const results = this.reverseCommands(folder);
      onProgress?.(index + 1, folders.length, results[0]);
      return results;
    });
  }

  /** Reverse one command folder (absolute path): its first command (see reverseCommands for a shared Types file). */
  reverse(folder: string, inspect?: TypesFileInspector): ReversedCommand {
    return this.reverseCommands(folder, inspect)[0];
  }

  /**
   * Reverse the commands of one folder (absolute path): one, or one per static accessor when the
   * folder's Types file declares several commands whose folders sit below it (WallTypes.ts).
   * `inspect` sees each command's parsed Types file while it is open (the audit reads it for its
   * own checks without parsing it again).
   */
  reverseCommands(folder: string, inspect?: TypesFileInspector): ReversedCommand[] {
    const opened: ts.SourceFile[] = [];
    const run = (chosen?: AccessorFacts): ReversedCommand => {
      const warnings: ReverseWarning[] = [];
      const outcome = this.reverseFolder(folder, (w) => warnings.push(w), opened, inspect, chosen);
      // Warnings in reading order: by file, then line.
      warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
      if (outcome === 'failed' || outcome === 'not-a-command')
        return { folder: this.relative(folder), status: outcome, warnings: outcome === 'failed' ? warnings : [] };
      return { folder: this.relative(outcome.folder), status: 'reversed', spec: outcome.spec, typesFile: outcome.typesFile, warnings };
    };
    try {
      const shared = this.sharedAccessors(folder, opened);
      return ownStrings(shared.length > 0 ? shared.map((accessor) => run(accessor)) : [run()]);
    } finally {
      // Each command's own files are let go once read, so memory stays flat.
      for (const file of opened) if (this.files.get(file.fileName) === file) this.files.delete(file.fileName);
    }
  }

  /**
   * The accessors of a shared Types file: those naming a command whose folder is below this one
   * and has no Types file of its own. Empty for an ordinary command folder.
   */
  private sharedAccessors(folder: string, opened: ts.SourceFile[]): AccessorFacts[] {
    // A folder with its own command classes is an ordinary command (speed: its Types file is parsed once, later).
    if (
      ['server', 'browser'].some((side) =>
        (this.reader.listFolder(posix.join(folder, side)) ?? []).some((e) => !e.isFolder && isSourceFile(e.name)),
      )
    )
      return [];
    const commandsRoot = posix.join(this.root, this.config.roots.commands);
    const accessors: AccessorFacts[] = [];
    for (const path of this.typesFilesIn(folder)) {
      const text = this.reader.readFile(path);
      if (text === undefined || !/Commands\s*\.\s*execute|commandName/.test(text)) continue;
      const file = this.parse(path, text);
      opened.push(file);
      if (syntaxError(file)) continue;
      for (const accessor of findAccessors(file)) {
        const name = accessor.executeName ?? accessor.commandName;
        if (name === undefined) continue;
        const commandFolder = posix.join(commandsRoot, name);
        if (
          commandFolder.startsWith(`${folder}/`) &&
          this.reader.listFolder(commandFolder) !== undefined &&
          this.typesFilesIn(commandFolder).length === 0 &&
          !accessors.some((a) => (a.executeName ?? a.commandName) === name)
        )
          accessors.push(accessor);
      }
    }
    return accessors;
  }

  /**
   * The spec's rust block from the module: its path, prefix, the traits it implements, and the `use`
   * paths nothing else explains (not the runtime, the traits or what their signatures need, nor the
   * Rust side of a TypeScript import): those are the spec's own `rust.imports`.
   */
  private rustBlock(facts: RustModuleFacts, importedNames: readonly string[]): RustBlock {
    const catalog = this.traitCatalog();
    const implied = new Set<string>();
    for (const name of facts.traits) {
      const known = catalog?.get(name);
      if (!known) continue;
      implied.add(known.rustPath);
      for (const path of known.typePaths.values()) implied.add(path);
    }
    const explained = (path: string): boolean => {
      const root = path.split('::')[0];
      const last = path.split('::').pop()!;
      return (
        ADAPTER_CRATES.has(root) ||
        path.startsWith('crate::runtime::') ||
        implied.has(path) ||
        facts.traits.includes(last) ||
        importedNames.includes(last)
      );
    };
    const imports = [...new Set(facts.usePaths.filter((p) => p.includes('::') && !explained(p)))];
    return {
      module: facts.module,
      ...(facts.commandPrefix !== undefined ? { command_prefix: facts.commandPrefix } : {}),
      ...(facts.traits.length > 0 ? { traits: [...facts.traits] } : {}),
      ...(imports.length > 0 ? { imports } : {}),
    };
  }

  private catalog: TraitCatalog | null | undefined;

  /** The traits a rust-ipc module may implement (the package's trait specs), or null when they cannot be read. */
  private traitCatalog(): TraitCatalog | null {
    if (this.catalog === undefined) {
      try {
        this.catalog = resolveProjectTraits([...this.existingSpecs().byName.values()], this.config);
      } catch {
        this.catalog = null;
      }
    }
    return this.catalog;
  }

  private relative(path: string): string {
    return posix.relative(this.root, path);
  }

  /** Does a folder below this one hold a command (a Types file, or a command class)? */
  private hasCommandBelow(folder: string): boolean {
    const isCommand = (f: string): boolean =>
      this.typesFilesIn(f).length > 0 ||
      ['server', 'browser'].some((side) =>
        (this.reader.listFolder(posix.join(f, side)) ?? []).some((e) => !e.isFolder && isSourceFile(e.name)),
      );
    const walk = (current: string, depth: number): boolean =>
      depth < 6 &&
      (this.reader.listFolder(current) ?? []).some((e) => {
        if (
          !e.isFolder ||
          NEVER_COMMAND_FOLDERS.has(e.name) ||
          e.name.startsWith('.') ||
          ['shared', 'server', 'browser', 'test'].includes(e.name)
        )
          return false;
        const child = childPath(current, e.name);
        return isCommand(child) || walk(child, depth + 1);
      });
    return walk(folder, 0);
  }

  private typesFilesIn(folder: string): string[] {
    const shared = childPath(folder, 'shared');
    return (this.reader.listFolder(shared) ?? []).filter((e) => !e.isFolder && isTypesFile(e.name)).map((e) => childPath(shared, e.name));
  }

  /** Parse a file and keep it for the run (its imports may name it), replacing an earlier parse of the path. */
  private parse(path: string, text: string): ts.SourceFile {
    const file = parseSource(path, text);
    this.files.set(path, file);
    return file;
  }

  /** Parse one of a command's files; a file with syntax errors is reported and skipped. */
  private open(path: string, warn: (w: ReverseWarning) => void, opened: ts.SourceFile[]): ts.SourceFile | undefined {
    const text = this.reader.readFile(path);
    if (text === undefined) return undefined;
    const file = this.parse(path, text);
    opened.push(file);
    const problem = syntaxError(file);
    if (problem) {
      warn({ kind: 'parse-error', file: this.relative(path), line: problem.line, message: `does not parse (${problem.message}); skipped` });
      return undefined;
    }
    return file;
  }

  /** A name's interface or alias: declared in the file, or imported from a module of the project (re-exports followed). */
  readonly resolveDeclaration: DeclarationResolver = (name, from) => {
    const local = declarationIn(from, name);
    if (local) return local;
    const imported = importedNames(from).find((n) => n.local === name);
    if (!imported) return undefined;
    const module = this.loadModule(imported.specifier, from);
    return module ? this.exportedDeclaration(imported.imported, module, 0) : undefined;
  };

  /** An exported interface or alias of a module, following `export { X } from` and `export * from` (a few levels). */
  private exportedDeclaration(name: string, module: ts.SourceFile, depth: number): ReturnType<DeclarationResolver> {
    const own = declarationIn(module, name);
    if (own) return isExported(own) ? own : undefined;
    if (depth > 4) return undefined;
    for (const { specifier, named } of reExportsOf(module)) {
      const match = named.find((n) => n.exported === name);
      if (named.length > 0 && !match) continue;
      const next = this.loadModule(specifier, module);
      const found = next ? this.exportedDeclaration(match?.original ?? name, next, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A spec type text read the way reverse reads code (for v1 specs, whose types the grammar may not
   * take): inline objects lifted into named types (<Owner><Field>), untyped JSON and what JSON
   * cannot carry written as unknown, a name one module of the project exports imported from it.
   */
  specTypeOfText(
    text: string,
    owner: string,
    field: string,
  ): { type: string; types: Record<string, SpecTypeDeclaration>; imports: ImportDeclaration[]; warnings: ReverseWarning[] } {
    const warnings: ReverseWarning[] = [];
    const path = posix.join(this.root, this.config.roots.specs, `__v1_${owner}_${field}.ts`);
    const file = parseSource(path, `interface __V1Field {\n  ${JSON.stringify(field)}: ${text};\n}\n`);
    if (syntaxError(file))
      return {
        type: text,
        types: {},
        imports: [],
        warnings: [
          { kind: 'inexpressible-type', file: this.config.roots.specs, message: `type ${text} of ${field} does not parse as TypeScript` },
        ],
      };
    const builder = new SpecTypeBuilder(file, {
      config: this.config,
      modulePaths: this.modulePaths,
      fileLabel: this.config.roots.specs,
      warn: (w) => warnings.push(w),
      knownTypes: this.registry,
      labelOf: (p) => this.relative(p),
      resolveDeclaration: this.resolveDeclaration,
    });
    const [collected] = builder.fieldsOf((declarationIn(file, '__V1Field') as ts.InterfaceDeclaration).members, {
      owner,
      label: (f) => `${f}: `,
    });
    const types: Record<string, SpecTypeDeclaration> = {};
    for (const declaration of [...builder.declarations.values()].sort((a, b) => a.position - b.position))
      types[declaration.name] = specType(declaration, (f) => f.type);
    return { type: collected ? typeToSpecText(collected.type) : text, types, imports: [...builder.imports.values()], warnings };
  }

  /** The host's payload base names, from the project config. */
  payloadBases(): PayloadBases {
    const payload = payloadOf(this.config);
    return { params: payload.paramsBase, result: payload.resultBase, payload: payload.payloadBase };
  }

  private readonly loadModule: ModuleLoader = (specifier, from) => {
    const path = this.modulePaths.resolve(specifier, from.fileName);
    if (!path) return undefined;
    const existing = this.files.get(path);
    if (existing) return existing;
    const text = this.reader.readFile(path);
    return text === undefined ? undefined : this.parse(path, text);
  };

  /**
   * One command of a folder. With `chosen` (an accessor of a shared Types file), the command's
   * sides and README are in the folder its name gives, below this one. Read in steps, each
   * warning in the order a reader meets it: the files, the Types file, the name, the payloads,
   * the sides, the field types, the Types file's sharing, then the spec.
   */
  private reverseFolder(
    typesFolder: string,
    warn: (w: ReverseWarning) => void,
    opened: ts.SourceFile[],
    inspect?: TypesFileInspector,
    chosen?: AccessorFacts,
  ): { spec: CommandSpecV2; folder: string; typesFile: string } | 'failed' | 'not-a-command' {
    const commandsRoot = posix.join(this.root, this.config.roots.commands);
    const chosenName = chosen ? (chosen.executeName ?? chosen.commandName)! : undefined;
    const folder = chosenName !== undefined ? posix.join(commandsRoot, chosenName) : typesFolder;
    const files = this.commandFiles(typesFolder, folder, warn, opened);
    if (files.typesFiles.length === 0) return 'failed';
    const types = this.commandTypes(files, chosen);
    if (types === 'not-a-command') return types;
    inspect?.(types.file, types.label, types.accessor, { params: types.params, result: types.result });
    if (chosen) this.warnSharedAccessor(types, chosen, chosenName!, folder, warn);

    const name = this.commandName(files, types, commandsRoot, warn);
    const className = this.className(files, types, name);
    const builder = new SpecTypeBuilder(types.file, {
      config: this.config,
      modulePaths: this.modulePaths,
      fileLabel: types.label,
      warn,
      knownTypes: this.registry,
      labelOf: (p) => this.relative(p),
      resolveDeclaration: this.resolveDeclaration,
    });
    const { params, results } = this.payloadFields(types, className, builder, warn);

    // What code does not say: the README, then an existing spec of the same name.
    const readmeText = readIfListed(this.reader, posix.join(folder, 'README.md'));
    const readme: ReadmeFacts | undefined = readmeText !== undefined ? readReadme(readmeText, accessLevelsOf(this.config)) : undefined;
    const existing: IndexedSpec | undefined = this.existingSpecs().byName.get(name);
    const sides = this.sidesOf(files, name, existing, warn);
    const typeOf = fieldTypes({ className, params, results, builder, rust: sides.rust, readme, existing });

    const defaults = readDefaults(types.file, className, this.loadModule);
    for (const problem of defaults.unreadable) {
      if (params.some((p) => p.name === problem.name)) {
        warn({
          kind: 'default',
          file: types.label,
          line: problem.line,
          message: `the default ${problem.text} is not a constant this reader can evaluate; the spec has no default for ${problem.name}`,
        });
      }
    }
    const specParams: SpecField[] = params.map((field) => {
      const type = typeOf('params', field);
      let value = defaults.values.get(field.name);
      if (value !== undefined && !field.optional) {
        warn({
          kind: 'default',
          file: types.label,
          line: field.line,
          message: `create${className}Params gives the required param ${field.name} a default; a spec default needs an optional param, so it is left out`,
        });
        value = undefined;
      }
      return specField(field, type, value);
    });
    const specResults: SpecField[] = results.map((field) => specField(field, typeOf('results', field), undefined));
    const declared: Record<string, SpecTypeDeclaration> = {};
    for (const declaration of [...builder.declarations.values()].sort((a, b) => a.position - b.position)) {
      declared[declaration.name] = specType(declaration, (field) => typeOf(declaration.name, field));
    }
    const sharedFile = this.isSharedTypesFile(
      files,
      types,
      chosen !== undefined,
      name,
      regeneratedExports(className, specParams, specResults, declared),
      warn,
    );
    const spec = this.assembleSpec(
      { name, className, types, sides, readme, existing, builder, sharedFile, folder },
      { params: specParams, results: specResults, declared },
      warn,
    );
    return { spec, folder, typesFile: types.label };
  }

  /** A command's files: its Types files parsed, its command classes listed (read and parsed only when asked). */
  private commandFiles(typesFolder: string, folder: string, warn: (w: ReverseWarning) => void, opened: ts.SourceFile[]): CommandFiles {
    const typesFiles = this.typesFilesIn(typesFolder)
      .map((path) => this.open(path, warn, opened))
      .filter((f): f is ts.SourceFile => f !== undefined);
    const sourcesIn = (side: string): string[] => {
      const sideFolder = childPath(folder, side);
      return (this.reader.listFolder(sideFolder) ?? [])
        .filter((e) => !e.isFolder && isSourceFile(e.name))
        .map((e) => childPath(sideFolder, e.name));
    };
    // A command class's text is asked for twice (the IPC client, the imports of the Types file): read once.
    const texts = new Map<string, string>();
    const textOf = (path: string): string => {
      if (!texts.has(path)) texts.set(path, this.reader.readFile(path) ?? '');
      return texts.get(path)!;
    };
    // Command classes are parsed only when the Types file leaves a question they answer (speed: most never are).
    const parsed = new Map<string, ts.SourceFile | undefined>();
    const parse = (paths: readonly string[]): ts.SourceFile[] =>
      paths
        .map((p) => {
          if (!parsed.has(p)) parsed.set(p, this.open(p, warn, opened));
          return parsed.get(p);
        })
        .filter((f): f is ts.SourceFile => f !== undefined);
    return { folder, typesFiles, serverPaths: sourcesIn('server'), browserPaths: sourcesIn('browser'), textOf, parse };
  }

  /** The Types file a command is read from: the one holding the accessor (or `chosen`), else the params or result interface. */
  private commandTypes(files: CommandFiles, chosen: AccessorFacts | undefined): CommandTypes | 'not-a-command' {
    const payloadOptions = { bases: this.payloadBases(), resolve: this.resolveDeclaration };
    const isCommandTypes = (f: ts.SourceFile): boolean =>
      findAccessor(f) !== undefined ||
      payloadDeclarations(f, 'params', payloadOptions).length > 0 ||
      payloadDeclarations(f, 'result', payloadOptions).length > 0;
    const { typesFiles } = files;
    // Shared types of a namespace (commands/file/shared/FileTypes.ts, data/shared/BaseDataTypes.ts) sit
    // where a command's would: no command class here, and the commands are in the folders below.
    const sidesHere = files.serverPaths.length > 0 || files.browserPaths.length > 0;
    if (!sidesHere && !chosen && (!typesFiles.some(isCommandTypes) || this.hasCommandBelow(files.folder))) return 'not-a-command';
    const file = chosen
      ? typesFiles.find((f) => findAccessors(f).some((a) => a.line === chosen.line && a.className === chosen.className))!
      : (typesFiles.find((f) => findAccessor(f) !== undefined) ?? typesFiles.find(isCommandTypes) ?? typesFiles[0]);
    return {
      file,
      label: this.relative(file.fileName),
      accessor: chosen ?? findAccessor(file),
      params: payloadDeclarations(file, 'params', payloadOptions),
      result: payloadDeclarations(file, 'result', payloadOptions),
    };
  }

  private warnSharedAccessor(
    types: CommandTypes,
    chosen: AccessorFacts,
    chosenName: string,
    folder: string,
    warn: (w: ReverseWarning) => void,
  ): void {
    const siblings = findAccessors(types.file)
      .map((a) => a.executeName ?? a.commandName)
      .filter((n): n is string => n !== undefined && n !== chosenName);
    warn({
      kind: 'shared-types-file',
      file: types.label,
      line: chosen.line,
      message: `${types.label} declares ${siblings.length + 1} commands (${[chosenName, ...siblings].join(', ')}); this spec is ${chosenName}'s, and its command classes are in ${this.relative(folder)}`,
    });
  }

  /** Name: what the code passes to Commands.execute, then commandName, then the classes' super(), then the folder. */
  private commandName(files: CommandFiles, types: CommandTypes, commandsRoot: string, warn: (w: ReverseWarning) => void): string {
    const { folder } = files;
    const { accessor, label } = types;
    const folderName = folder.startsWith(`${commandsRoot}/`) ? posix.relative(commandsRoot, folder) : posix.basename(folder);
    const superName =
      (accessor?.executeName ?? accessor?.commandName)
        ? undefined
        : files
            .parse([...files.serverPaths, ...files.browserPaths])
            .map(superCommandName)
            .find((n) => n !== undefined);
    const name = accessor?.executeName ?? accessor?.commandName ?? superName ?? folderName;
    if (!accessor) {
      warn({
        kind: 'missing-accessor',
        file: label,
        line: 1,
        message: `no static accessor (export const <C> = { execute(...) { return Commands.execute(...) }, commandName }); the command name ${JSON.stringify(name)} comes from ${superName !== undefined ? 'the command class' : 'the folder'}`,
      });
    } else if (accessor.executeName !== undefined && accessor.commandName !== undefined && accessor.executeName !== accessor.commandName) {
      warn({
        kind: 'name',
        file: label,
        line: accessor.line,
        message: `the accessor executes ${JSON.stringify(accessor.executeName)} but its commandName is ${JSON.stringify(accessor.commandName)}; the spec uses ${JSON.stringify(accessor.executeName)}`,
      });
    }
    if (name !== folderName && folder.startsWith(`${commandsRoot}/`)) {
      warn({
        kind: 'name',
        file: label,
        line: accessor?.line ?? 1,
        message: `the code names the command ${JSON.stringify(name)} but its folder is ${this.config.roots.commands}/${folderName}; the spec keeps ${JSON.stringify(name)}`,
      });
    }
    return name;
  }

  /** Class name: read from code (accessor, then interfaces and classes), never derived from the path. */
  private className(files: CommandFiles, types: CommandTypes, name: string): string {
    return (
      types.accessor?.className ??
      stemOf(types.params[0]?.name, 'Params') ??
      stemOf(types.result[0]?.name, 'Result') ??
      [
        ...files.parse(files.serverPaths).flatMap((f) => classStems(f, 'ServerCommand')),
        ...files.parse(files.browserPaths).flatMap((f) => classStems(f, 'BrowserCommand')),
      ][0] ??
      stemOf(posix.basename(types.file.fileName), 'Types.ts') ??
      commandClassName(name)
    );
  }

  /** The params and results the payload interfaces declare (host base fields, and results restating a host convention, left out). */
  private payloadFields(
    types: CommandTypes,
    className: string,
    builder: SpecTypeBuilder,
    warn: (w: ReverseWarning) => void,
  ): { params: CollectedField[]; results: CollectedField[] } {
    const pick = (candidates: readonly PayloadDeclaration[], wanted: string | undefined, suffix: string): PayloadDeclaration | undefined =>
      candidates.find((c) => c.name === wanted) ?? candidates.find((c) => c.name === `${className}${suffix}`) ?? candidates[0];
    const paramsDeclaration = pick(types.params, types.accessor?.paramsType, 'Params');
    const resultDeclaration = pick(types.result, types.accessor?.resultType, 'Result');
    if (!paramsDeclaration)
      warn({ kind: 'missing-params', file: types.label, line: 1, message: 'no interface extends CommandParams; the spec has no params' });
    if (!resultDeclaration)
      warn({ kind: 'missing-result', file: types.label, line: 1, message: 'no interface extends CommandResult; the spec has no results' });
    const payload = payloadOf(this.config);
    const read = (declaration: PayloadDeclaration | undefined, kind: 'param' | 'result', excluded: readonly string[]): CollectedField[] =>
      declaration ? this.payloadDeclarationFields(declaration, { kind, excluded: new Set(excluded), className, builder, types, warn }) : [];
    const params = read(paramsDeclaration, 'param', payload.paramsFields);
    const allResults = read(resultDeclaration, 'result', payload.resultFields);
    // success and error: the host's conventions; a result declaring one differently (error?: string) keeps it.
    const results = allResults.filter((field) => {
      const convention = payload.resultConventions.find((c) => c.name === field.name);
      if (!convention) return true;
      const same = typeToSpecText(field.type) === convention.type && field.optional === (convention.optional === true);
      if (!same) {
        warn({
          kind: 'host-field',
          file: field.file,
          line: field.line,
          message: `result ${field.name} is ${typeToSpecText(field.type)}${field.optional ? ' (optional)' : ''} in the code but ${convention.type}${convention.optional ? ' (optional)' : ''} by the host's convention; the spec keeps the code's type, so code that sets it keeps compiling`,
        });
      }
      return !same;
    });
    return { params, results };
  }

  /** The fields of one payload interface, with what reading it could not keep said as warnings. */
  private payloadDeclarationFields(
    declaration: PayloadDeclaration,
    how: {
      kind: 'param' | 'result';
      excluded: ReadonlySet<string>;
      className: string;
      builder: SpecTypeBuilder;
      types: CommandTypes;
      warn: (w: ReverseWarning) => void;
    },
  ): CollectedField[] {
    const { kind, warn } = how;
    const file = how.types.label;
    const payload = payloadOf(this.config);
    for (const [parameter, substitute] of declaration.typeParameters) {
      warn({
        kind: 'generic',
        file,
        line: declaration.line,
        message: substitute
          ? `${declaration.name} is generic; its type parameter ${parameter} is read as ${substitute.getText()} (its ${declaration.node.typeParameters?.find((p) => p.name.text === parameter)?.default ? 'default' : 'constraint'})`
          : `${declaration.name} is generic; its type parameter ${parameter} has no default or constraint, so fields using it are written as imports`,
      });
    }
    for (const base of declaration.foreignBases) {
      warn({
        kind: 'inexpressible-type',
        file,
        line: declaration.line,
        message: `${declaration.name} also extends ${base}, whose fields could not be read (not found in the project, or not an interface); they are not in the spec: list them in ${declaration.name} or under types`,
      });
    }
    for (const base of declaration.inheritedFrom) {
      warn({
        kind: 'inherited',
        file,
        line: declaration.line,
        message: `${declaration.name} inherits the fields of ${base.name} (${this.relative(base.file)}); the spec lists them as its own ${kind}s, and the regenerated ${declaration.name} extends ${kind === 'param' ? payload.paramsBase : payload.resultBase} with them flattened in`,
      });
    }
    // Base fields (context, sessionId, userId) are the host's: not read, so their types are not imported.
    const own = declaration.members.filter((m) => !(ts.isPropertySignature(m) && how.excluded.has(memberName(m))));
    return how.builder.fieldsOf(own, {
      owner: how.className,
      typeParameters: declaration.typeParameters,
      label: (f) => `${kind} ${f}: `,
    });
  }

  /** Sides, and whether the server command talks to the Rust core (then its Rust module). */
  private sidesOf(files: CommandFiles, name: string, existing: IndexedSpec | undefined, warn: (w: ReverseWarning) => void): CommandSides {
    const { serverPaths, browserPaths, folder } = files;
    const rustEnvironment: Environment = browserPaths.length > 0 ? 'both' : 'server';
    const rustAdapter = rustModuleAdapter(this.adapters, rustEnvironment);
    const rustBacked =
      rustAdapter !== undefined &&
      files.parse(serverPaths.filter((p) => MENTIONS_IPC_CLIENT.test(files.textOf(p)))).some(usesRustIpcClient);
    let environment: Environment;
    let adapter: AdapterId | undefined;
    if (rustBacked) {
      // The server talks to the Rust core; a browser side (delegating to the server) is kept.
      adapter = rustAdapter.id;
      environment = rustEnvironment;
    } else if (serverPaths.length > 0 || browserPaths.length > 0) {
      environment = serverPaths.length > 0 && browserPaths.length > 0 ? 'both' : serverPaths.length > 0 ? 'server' : 'browser';
    } else {
      environment = existing?.spec.environment ?? 'server';
      warn({
        kind: 'environment',
        file: this.relative(folder),
        message: `neither server/ nor browser/ holds a command class; environment ${environment} is ${existing?.spec.environment ? `taken from ${existing.file}` : 'assumed'}`,
      });
    }
    const rust = rustBacked ? this.rustIndex.moduleFor(name) : undefined;
    if (rustBacked && !rust) {
      warn({
        kind: 'rust',
        file: this.relative(serverPaths[0]),
        message: `the server command uses the Rust IPC client, but no module under ${this.config.roots.rustCrate}/src routes ${JSON.stringify(name)}; the spec has no rust block`,
      });
    }
    return { environment, adapter, rust };
  }

  /**
   * A Types file holding more than this command's declarations (other commands, helpers, the user's
   * own types) is shared: regenerating merges into it (spec typesFile) instead of writing it whole.
   * Warns of the user's code it keeps, and (when it is not shared) of exports the command classes
   * import that regenerating would drop.
   */
  private isSharedTypesFile(
    files: CommandFiles,
    types: CommandTypes,
    chosen: boolean,
    name: string,
    regenerated: ReadonlySet<string>,
    warn: (w: ReverseWarning) => void,
  ): boolean {
    // Read on the compiler's own nodes: wrapping every statement costs more than the whole check.
    const source = types.file;
    const label = types.label;
    const userCode = source.statements.filter((s) => !ts.isImportDeclaration(s) && !statementNames(s).every((n) => regenerated.has(n)));
    const sharedFile = chosen || userCode.length > 0 || hasGeneratedBlock(source.text);
    if (sharedFile && !chosen && userCode.length > 0) {
      const names = userCode.flatMap(statementNames);
      warn({
        kind: 'shared-types-file',
        file: label,
        line: source.getLineAndCharacterOfPosition(userCode[0].getStart(source)).line + 1,
        message: `${label} also holds code of its own (${names.length > 0 ? names.join(', ') : 'statements'}); the spec names it as typesFile, so regenerating replaces only ${name}'s declarations and keeps the rest`,
      });
    }
    for (const path of sharedFile ? [] : [...files.serverPaths, ...files.browserPaths]) {
      for (const used of importsOf(files.textOf(path))) {
        if (this.modulePaths.resolve(used.specifier, path) !== source.fileName) continue;
        for (const imported of used.names) {
          if (regenerated.has(imported)) continue;
          warn({
            kind: 'lost-export',
            file: this.relative(path),
            line: used.line,
            message: `imports ${imported} from ${label}, which the regenerated Types file does not export (only the spec's declarations are written); move ${imported} to a module of its own and import it from there before regenerating`,
          });
        }
      }
    }
    return sharedFile;
  }

  /** Description, access level and examples: the README's, then the Types file header's (a description), then the existing spec's. */
  private whatCodeDoesNotSay(
    types: CommandTypes,
    readme: ReadmeFacts | undefined,
    existing: IndexedSpec | undefined,
    warn: (w: ReverseWarning) => void,
  ): { description?: string; accessLevel?: AccessLevel; examples: readonly SpecExample[] } {
    const description = readme?.description ?? headerDescription(types.file) ?? existing?.spec.description;
    if (description === undefined) {
      warn({
        kind: 'description',
        file: types.label,
        line: 1,
        message: 'no description in the README, the Types file header or an existing spec; the spec says TODO',
      });
    }
    const accessLevel: AccessLevel | undefined = readme?.accessLevel ?? existing?.spec.accessLevel;
    const examples: readonly SpecExample[] = readme && readme.examples.length > 0 ? readme.examples : (existing?.spec.examples ?? []);
    return { description, accessLevel, examples };
  }

  /** The spec of what was read: what code does not say taken from the README, then the existing spec. */
  private assembleSpec(
    read: {
      name: string;
      className: string;
      types: CommandTypes;
      sides: CommandSides;
      readme: ReadmeFacts | undefined;
      existing: IndexedSpec | undefined;
      builder: SpecTypeBuilder;
      sharedFile: boolean;
      folder: string;
    },
    fields: { params: SpecField[]; results: SpecField[]; declared: Record<string, SpecTypeDeclaration> },
    warn: (w: ReverseWarning) => void,
  ): CommandSpecV2 {
    const { name, className, types, sides, readme, existing } = read;
    const { description, accessLevel, examples } = this.whatCodeDoesNotSay(types, readme, existing, warn);
    const { rust } = sides;
    const imports = specImports(read.builder, fields, rust);
    const rustBlock = rust
      ? this.rustBlock(
          rust,
          imports.map((i) => i.name),
        )
      : undefined;
    return canonicalSpec({
      version: 2,
      name,
      className: className !== commandClassName(name) ? className : undefined,
      description: description ?? `TODO: describe ${name}`,
      environment: sides.environment,
      adapter: sides.adapter,
      accessLevel,
      typesFile: read.sharedFile ? types.label : undefined,
      rust: rustBlock,
      imports: imports.length > 0 ? imports : undefined,
      types: Object.keys(fields.declared).length > 0 ? fields.declared : undefined,
      params: fields.params.length > 0 ? fields.params : undefined,
      results: fields.results.length > 0 ? fields.results : undefined,
      examples: examples.length > 0 ? [...examples] : undefined,
    });
  }
}

/** A command folder's files as reverse reads them: Types files parsed, command classes listed (read and parsed on demand). */
interface CommandFiles {
  /** The folder of the command's classes and README. */
  readonly folder: string;
  readonly typesFiles: readonly ts.SourceFile[];
  readonly serverPaths: readonly string[];
  readonly browserPaths: readonly string[];
  readonly textOf: (path: string) => string;
  readonly parse: (paths: readonly string[]) => ts.SourceFile[];
}

/** The Types file a command is read from, with its project-relative label, accessor and payload candidates. */
interface CommandTypes {
  readonly file: ts.SourceFile;
  readonly label: string;
  readonly accessor?: AccessorFacts;
  readonly params: readonly PayloadDeclaration[];
  readonly result: readonly PayloadDeclaration[];
}

/** Where a command runs, what writes it, and its Rust module when it talks to the Rust core. */
interface CommandSides {
  readonly environment: Environment;
  readonly adapter?: AdapterId;
  readonly rust?: RustModuleFacts;
}

/**
 * Imports a spec field uses (a host convention's type read and dropped needs none), each with
 * the Rust path a Rust-backed command's module `use`s for the same name; sorted by name.
 */
function specImports(
  builder: SpecTypeBuilder,
  fields: { params: readonly SpecField[]; results: readonly SpecField[]; declared: Record<string, SpecTypeDeclaration> },
  rust: RustModuleFacts | undefined,
): ImportDeclaration[] {
  const usedNames = new Set(
    [...fields.params, ...fields.results, ...Object.values(fields.declared).flatMap((t) => Object.values(t.fields ?? {}))].flatMap((f) =>
      namesInText(f.type),
    ),
  );
  return [...builder.imports.values()]
    .filter((i) => usedNames.has(i.name))
    .map((i) => {
      const path = i.rust === undefined ? rust?.usePaths.find((p) => p.endsWith(`::${i.name}`)) : undefined;
      return path ? { ...i, rust: path } : i;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * How each field's type is spelled in the spec: lifted unions (<Owner><Field>, used by that one
 * field) folded back inline (their declarations dropped from the builder), and numbers that are
 * integers (TypeScript says number for both) told apart by the Rust structs, the README or the
 * existing spec.
 */
function fieldTypes(read: {
  className: string;
  params: readonly CollectedField[];
  results: readonly CollectedField[];
  builder: SpecTypeBuilder;
  rust: RustModuleFacts | undefined;
  readme: ReadmeFacts | undefined;
  existing: IndexedSpec | undefined;
}): (owner: string, field: CollectedField) => TypeNode {
  const { className, builder, rust, readme, existing } = read;
  const existingField = (owner: string, field: string): string | undefined => {
    if (!existing) return undefined;
    if (owner === 'params' || owner === 'results') return existing.spec[owner]?.find((f) => f.name === field)?.type;
    return existing.spec.types?.[owner]?.fields?.[field]?.type;
  };
  // A Rust-backed command's structs say it exactly (i64 or f64), at any depth.
  const rustStruct = (owner: string): string =>
    owner === 'params' ? `${className}Params` : owner === 'results' ? `${className}Result` : owner;
  const refine = (owner: string, field: CollectedField): TypeNode => {
    const type = rust ? adoptRustIntegers(field.type, rust.structs.get(rustStruct(owner))?.get(field.name)) : field.type;
    if (readme?.integerFields.has(`${owner}.${field.name}`)) return withInteger(type);
    const known = existingField(owner, field.name);
    return known !== undefined ? adoptIntegers(type, known) : type;
  };
  const everyField: { owner: string; field: CollectedField }[] = [
    ...read.params.map((field) => ({ owner: className, field })),
    ...read.results.map((field) => ({ owner: className, field })),
    ...[...builder.declarations.values()].flatMap((d) =>
      d.kind === 'interface' ? d.fields.map((field) => ({ owner: d.name, field })) : [],
    ),
  ];
  const references = new Map<string, number>();
  for (const { field } of everyField) for (const n of namedReferences(field.type)) references.set(n, (references.get(n) ?? 0) + 1);
  const folded = new Map<CollectedField, TypeNode>();
  for (const { owner, field } of everyField) {
    const liftedName = `${owner}${pascalCase(field.name)}`;
    const lifted = builder.declarations.get(liftedName);
    if (lifted?.kind === 'enum' && references.get(liftedName) === 1 && namedReferences(field.type).includes(liftedName)) {
      folded.set(field, replaceNamed(field.type, liftedName, { kind: 'literals', values: lifted.values }));
      builder.declarations.delete(liftedName);
    }
  }
  return (owner, field) => refine(owner, { ...field, type: folded.get(field) ?? field.type });
}

/**
 * What the generated Types file exports for a spec: the params and result interfaces and their
 * factories, the accessor, the declared types, every enum (declared, or lifted from an inline
 * union as <Owner><Field>) with its Values list and guard.
 */
function regeneratedExports(
  className: string,
  params: readonly SpecField[],
  results: readonly SpecField[],
  types: Record<string, SpecTypeDeclaration>,
): Set<string> {
  const names = new Set([
    `${className}Params`,
    `${className}Result`,
    `create${className}Params`,
    `create${className}Result`,
    `create${className}ResultFromParams`,
    className,
  ]);
  const addEnum = (name: string): void => {
    for (const n of [name, `${name}Values`, `is${name}`]) names.add(n);
  };
  const inline = (owner: string, field: string, text: string): void => {
    if (text.includes("'")) addEnum(`${owner}${pascalCase(field)}`);
  };
  for (const f of [...params, ...results]) inline(className, f.name, f.type);
  for (const [name, declaration] of Object.entries(types)) {
    if (declaration.enum) addEnum(name);
    else names.add(name);
    for (const [field, f] of Object.entries(declaration.fields ?? {})) inline(name, field, f.type);
  }
  return names;
}

/** The named imports of a file (`import { a, type B } from 'x'`), read from its import statements. */
function importsOf(text: string): { specifier: string; names: string[]; line: number }[] {
  const out: { specifier: string; names: string[]; line: number }[] = [];
  // Lines counted on from the previous import, not from the top for each.
  let [line, counted] = [1, 0];
  for (const match of text.matchAll(/^\s*import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
    const names = match[1]
      .split(',')
      .map((n) =>
        n
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]
          .trim(),
      )
      .filter((n) => n !== '');
    const at = match.index + match[0].indexOf('import');
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    out.push({ specifier: match[2], names, line });
  }
  return out;
}

/** The names a top-level statement declares (an interface, type, enum, class, function or const). */
function statementNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if (
    (ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isFunctionDeclaration(statement)) &&
    statement.name
  )
    return [statement.name.text];
  return [];
}

/** The type names a spec type text mentions. */
function namesInText(text: string): string[] {
  try {
    return namedReferences(parseTypeString(text));
  } catch {
    return [];
  }
}

function stemOf(name: string | undefined, suffix: string): string | undefined {
  return name && name.endsWith(suffix) && name.length > suffix.length ? name.slice(0, -suffix.length) : undefined;
}

/**
 * The adapter of a command whose server talks to the Rust core: the first (by id) that writes the
 * spec's Rust module and runs in `environment`, so a project's own such adapter is inferred the same way.
 */
export function rustModuleAdapter(registry: AdapterRegistry, environment: Environment): GeneratorAdapter | undefined {
  return registry.list().find((a) => a.writesRustModule === true && a.environments?.includes(environment) === true);
}

/** Does a server command create or use the Rust core's IPC client? */
function usesRustIpcClient(file: ts.SourceFile): boolean {
  const imports = file.statements.filter(ts.isImportDeclaration);
  const specifier = (d: ts.ImportDeclaration): string => (ts.isStringLiteralLike(d.moduleSpecifier) ? d.moduleSpecifier.text : '');
  const importsClient =
    imports.some((d) => /RustCoreIPC|continuum-core\/bindings/.test(specifier(d))) ||
    importedNames(file).some((n) => /IPCClient$/i.test(n.imported));
  if (importsClient) return true;
  return descendantsOfKind(file, ts.isNewExpression).some((n) => /IPCClient$/i.test(n.expression.getText(file)));
}

function specField(field: CollectedField, type: TypeNode, value: unknown): SpecField {
  return {
    name: field.name,
    type: typeToSpecText(type),
    ...(field.optional ? { optional: true } : {}),
    ...(field.optional && type.kind === 'nullable' ? { optionalNullable: true } : {}),
    ...(value !== undefined ? { default: value } : {}),
    ...(field.description ? { description: field.description } : {}),
  };
}

function specType(declaration: CollectedDeclaration, typeOf: (field: CollectedField) => TypeNode): SpecTypeDeclaration {
  if (declaration.kind === 'enum')
    return { ...(declaration.description ? { description: declaration.description } : {}), enum: [...declaration.values] };
  const fields: NonNullable<SpecTypeDeclaration['fields']> = {};
  for (const field of declaration.fields) {
    const type = typeOf(field);
    fields[field.name] = {
      type: typeToSpecText(type),
      ...(field.optional ? { optional: true } : {}),
      ...(field.optional && type.kind === 'nullable' ? { optionalNullable: true } : {}),
      ...(field.description ? { description: field.description } : {}),
    };
  }
  return { ...(declaration.description ? { description: declaration.description } : {}), fields };
}

/** The same tree with each `name` reference replaced by `by`. */
const replaceNamed = (node: TypeNode, name: string, by: TypeNode): TypeNode =>
  mapLeaves(node, (leaf) => (leaf.kind === 'named' && leaf.name === name ? by : leaf));

/** Every `number` leaf written as integer (the README marks a field whose one leaf is an integer, at any depth: integer[], Record<string, integer>). */
const withInteger = (node: TypeNode): TypeNode =>
  mapLeaves(node, (leaf) => (leaf.kind === 'primitive' && leaf.name === 'number' ? { kind: 'primitive', name: 'integer' } : leaf));

/** Every `integer` leaf written as number: the tree as TypeScript code says it. */
const erase = (node: TypeNode): TypeNode =>
  mapLeaves(node, (leaf) => (leaf.kind === 'primitive' && leaf.name === 'integer' ? { kind: 'primitive', name: 'number' } : leaf));

/** Take an existing spec's type when it is the code's type with some numbers written as integer. */
function adoptIntegers(node: TypeNode, existingText: string): TypeNode {
  // Without an integer the existing type is the code's or another: either way the code's (most fields; no parse).
  if (!existingText.includes('integer')) return node;
  let existing: TypeNode;
  try {
    existing = parseTypeString(existingText);
  } catch {
    return node;
  }
  return JSON.stringify(erase(existing)) === JSON.stringify(node) ? existing : node;
}
