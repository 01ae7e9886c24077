import { posix } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError } from '../errors.js';
import { snakeCase } from '../model/naming.js';
import { ModulePaths } from '../reverse/module-paths.js';
import { ReverseEngineer, type ReversedCommand } from '../reverse/reverse-engineer.js';
import type { SourceReader } from '../reverse/source-reader.js';
import type { SpecIndex } from '../reverse/spec-index.js';
import { syntaxError } from '../reverse/types-file.js';
import type { CommandSpecV2 } from '../spec/command-spec.js';
import { parseJsonSource } from '../spec/json-source.js';
import { compareFindings, type AuditFinding, type AuditLocation } from './findings.js';
import { AUDIT_RULES, ruleOf, type RuleId } from './rules.js';
import { managedCodeFindings } from './managed-code.js';
import { healOf, moduleFileCandidates, readRustCrate, type RustFile } from './rust-crate.js';
import { describeDrift, specDrift } from './spec-drift.js';
import { AuditTreeReader, type TreeProblem } from './tree-reader.js';
import { rawExecuteCalls, typesFileFacts, type TypesFileFacts } from './types-file-facts.js';

/** `full`: every check. `enforce`: only whether each command folder has a spec, new folders failing. */
export type AuditMode = 'full' | 'enforce';

export interface AuditOptions {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  /** How files are read; by default the real file system, loop-safe (AuditTreeReader). */
  readonly reader?: SourceReader;
  readonly mode?: AuditMode;
  /**
   * Enforce: given the project-relative command folders found, those that are new, with why
   * (`untracked`, `staged`, `added since <ref>`).
   */
  readonly classifyNew?: (folders: readonly string[]) => ReadonlyMap<string, string>;
}

/** A reader that also reports what it could not read (AuditTreeReader, or an overlay of one). */
export interface ReportingReader extends SourceReader {
  readonly problems: readonly TreeProblem[];
}

const isReporting = (reader: SourceReader): reader is ReportingReader => Array.isArray((reader as Partial<ReportingReader>).problems);

/** One command folder as the audit saw it. */
export interface AuditedCommand {
  /** The name the code gives it (accessor, then command class, then folder). */
  readonly name: string;
  /** Project-relative folder. */
  readonly folder: string;
  /** First segment of the name. */
  readonly namespace: string;
  /** The Types file read, when one was. */
  readonly typesFile?: string;
  /** The spec file matched by name, when there is one. */
  readonly spec?: string;
  /** `failed`: no Types file could be read or parsed. */
  readonly status: 'read' | 'failed';
  /** Why the folder counts as new (enforce only). */
  readonly newBecause?: string;
  /** No finding of a pattern rule (accessor, any, params/result, raw execute, unreadable) is about it. */
  readonly conforms: boolean;
}

/**
 * The counts of the design's success table that the tree can give (the time to add a command cannot
 * be counted); null when the run did not measure it (enforce measures specs and accessors only).
 */
export interface AuditMetrics {
  readonly commands: number;
  readonly namespaces: number;
  readonly conforming: number;
  readonly commandsWithSpecs: number;
  readonly commandsWithStaticAccessors: number;
  readonly commandsWithAny: number | null;
  readonly anyInCommandTypes: number | null;
  readonly rawExecuteCalls: number | null;
  readonly driftingCommands: number | null;
  readonly specs: number;
  readonly orphanSpecs: number | null;
  readonly rustServiceModules: number | null;
  readonly rustModulesWithManagedService: number | null;
  readonly rustModulesWithHeal: number | null;
}

export interface AuditResult {
  readonly mode: AuditMode;
  /** Project-relative commands root. */
  readonly commandsRoot: string;
  readonly commands: readonly AuditedCommand[];
  /** Sorted by file, line, rule. */
  readonly findings: readonly AuditFinding[];
  readonly metrics: AuditMetrics;
  /** What reverse read of each command folder (for --fix: specs of commands that have none). */
  readonly reversed: readonly ReversedCommand[];
  readonly specIndex: SpecIndex;
}

const isTsSource = (name: string): boolean => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'target']);

/**
 * Audit a host project: every command folder under the commands root is read once by the reverse
 * engine (one ts-morph project), its Types file checked while it is open, its spec (matched by
 * name) compared with what reverse reads; then the tree-wide checks (raw Commands.execute calls
 * in every TS source, orphan and duplicate specs, the Rust crate's services). Reads only.
 */
export function runAudit(options: AuditOptions): AuditResult {
  const mode = options.mode ?? 'full';
  const { projectRoot, config } = options;
  const reader: SourceReader = options.reader ?? new AuditTreeReader();
  const engine = new ReverseEngineer({ projectRoot, config, reader });
  const relative = (path: string): string => posix.relative(projectRoot, path);
  const findings: AuditFinding[] = [];
  const add = (ruleId: RuleId, at: AuditLocation, message: string, extra: Partial<AuditFinding> = {}): void => {
    findings.push({ ruleId, severity: ruleOf(ruleId).severity, file: at.file, line: Math.max(1, at.line), message, ...extra });
  };

  const commandsRootAbs = posix.join(projectRoot, config.roots.commands);
  const folders = reader.listFolder(commandsRootAbs) === undefined ? [] : engine.discover(commandsRootAbs);
  const specIndex = engine.existingSpecs();
  const newFolders = options.classifyNew?.(folders.map(relative)) ?? new Map<string, string>();
  const specSources = new SpecSources(projectRoot, reader);

  interface Read {
    readonly result: ReversedCommand;
    readonly facts?: TypesFileFacts;
    readonly typesFile?: string;
  }
  const reads: Read[] = [];
  const scannedTypesFiles = new Set<string>();
  for (const folder of folders) {
    // A shared Types file gives one command per accessor; each is read with its own accessor's facts.
    const seen: { facts: TypesFileFacts; typesFile: string }[] = [];
    const results = engine.reverseCommands(folder, (file, label, accessor) => {
      scannedTypesFiles.add(file.getFilePath());
      seen.push({ typesFile: label, facts: typesFileFacts(file, { bases: engine.payloadBases(), resolve: engine.resolveDeclaration }, accessor) });
    });
    results.forEach((result, index) => {
      if (result.status === 'not-a-command') return;
      reads.push({ result, facts: seen[index]?.facts, typesFile: seen[index]?.typesFile });
    });
  }

  const commandsRelative = (folder: string): string => posix.relative(config.roots.commands, folder);
  const commands: AuditedCommand[] = [];
  const commandNames = new Set<string>();
  // Who owns each command name: the folder its path names, else the first in order (two folders claiming one name is an error).
  const claimedBy = new Map<string, string>();
  for (const { result } of reads) {
    if (result.status !== 'reversed' || !result.spec) continue;
    const owner = claimedBy.get(result.spec.name);
    if (owner === undefined || (commandsRelative(owner) !== result.spec.name && commandsRelative(result.folder) === result.spec.name)) claimedBy.set(result.spec.name, result.folder);
  }
  // A shared Types file's own facts (any, raw executes) are reported once, not once per command.
  const reportedTypesFiles = new Set<string>();
  for (const { result, facts, typesFile } of reads) {
    const folder = result.folder;
    const name = result.spec?.name ?? commandsRelative(folder);
    const folderName = commandsRelative(folder);
    commandNames.add(name);
    commandNames.add(folderName);
    const at: AuditLocation = { file: typesFile ?? folder, line: 1 };
    // Findings name the command by its folder when its code names another (a copy names the original).
    const about = { command: name === folderName || !folder.startsWith(`${config.roots.commands}/`) ? name : folderName, folder };
    const newBecause = newFolders.get(folder);
    // A folder's spec is the one its path names (enforcement is by folder, as the design says); a
    // folder whose code names another command (a copy) is reported, and the code's name is the fallback.
    const byFolder = specIndex.byName.get(folderName);
    const indexed = byFolder ?? (newBecause === undefined ? specIndex.byName.get(name) : undefined);
    // The guard (enforce) judges what a change brings: an old mismatch or duplicate is the full audit's to report.
    const judged = mode === 'full' || newBecause !== undefined;
    if (judged && result.status === 'reversed' && name !== folderName && folder.startsWith(`${config.roots.commands}/`)) {
      add('CG017-folder-name-mismatch', { file: typesFile ?? folder, line: facts?.accessor?.line ?? 1 }, `${folder} is named ${JSON.stringify(name)} by its code, not ${JSON.stringify(folderName)} as its path says (a copied or moved folder?)`, { ...about, properties: { folderName, codeName: name } });
    }
    const owner = claimedBy.get(name);
    if (owner !== undefined && owner !== folder && result.status === 'reversed' && judged) {
      add('CG018-duplicate-command', at, `${folder} claims the command name ${JSON.stringify(name)}, which ${owner} already has`, { ...about, related: { file: owner, line: 1, message: 'the folder that has the name' } });
    }

    if (result.status === 'failed') {
      const parseErrors = result.warnings.filter((w) => w.kind === 'parse-error');
      for (const warning of parseErrors) add('CG014-unreadable', { file: warning.file, line: warning.line ?? 1 }, `${warning.file} ${warning.message}`, about);
      if (parseErrors.length === 0) add('CG014-unreadable', at, `no Types file of ${name} could be read (shared/<Name>Types.ts)`, about);
    }

    if (!indexed) {
      const fix = result.status === 'reversed' ? `continuum-gen reverse ${folder}` : `yo continuum:command --name=${name}`;
      const where = `${config.roots.specs} (no spec has the name ${JSON.stringify(newBecause !== undefined ? folderName : name)})`;
      if (newBecause !== undefined) {
        add('CG015-new-command-without-spec', at, `new command ${folderName} (${newBecause}) has no spec in ${where}; write it from the code: ${fix} (or create the command from a spec: yo continuum:command --name=${folderName})`, { ...about, fix });
      } else {
        add('CG001-missing-spec', at, `${name} has no spec in ${where}; write it from the code: ${fix}`, { ...about, fix });
      }
    }

    if (facts && typesFile && mode === 'full') {
      const firstReadOfFile = !reportedTypesFiles.has(typesFile);
      reportedTypesFiles.add(typesFile);
      if (!facts.accessor) add('CG002-missing-accessor', { file: typesFile, line: 1 }, `${name} has no static accessor in ${posix.basename(typesFile)} (export const <C> = { execute(...) { return Commands.execute(...) }, commandName })${facts.params && facts.result ? '; continuum-gen audit --fix inserts it' : ''}`, about);
      if (firstReadOfFile) for (const line of facts.anyLines) add('CG003-any-in-types', { file: typesFile, line }, `\`any\` in the Types file of ${name}`, about);
      if (!facts.params) add('CG004-missing-params', { file: typesFile, line: 1 }, `no interface of ${posix.basename(typesFile)} extends CommandParams (a command without params declares \`_noParams?: never\`)`, about);
      if (!facts.result) add('CG005-missing-result', { file: typesFile, line: 1 }, `no interface of ${posix.basename(typesFile)} extends CommandResult`, about);
      if (firstReadOfFile) for (const call of facts.rawExecutes) addRawExecute(add, { file: typesFile, line: call.line }, call.name, about);
      // Untyped JSON: accepted by generation, counted here (a person may declare the shape).
      for (const { owner, field, line } of facts.untypedFields) {
        const subject = owner === 'params' ? `param ${field}` : owner === 'results' ? `result ${field}` : `field ${owner}.${field}`;
        add('CG016-untyped-json', { file: typesFile, line }, `${name}: ${subject} is untyped JSON (unknown); declare its shape under types when it is known`, { ...about, properties: { owner, field } });
      }
    }

    if (mode === 'full' && indexed && result.spec && typesFile) {
      let drift: ReturnType<typeof specDrift> = [];
      try {
        drift = specDrift(indexed.spec, result.spec, config);
      } catch {
        drift = [];
      }
      for (const entry of drift) {
        const line = (entry.field !== undefined ? facts?.fieldLines.get(entry.owner)?.get(entry.field) : undefined) ?? facts?.ownerLines.get(entry.owner) ?? facts?.ownerLines.get(entry.owner === 'params' ? 'params' : 'results') ?? 1;
        const specLine = specSources.line(indexed.file, entry.pointer);
        add('CG006-spec-drift', { file: typesFile, line }, `${name}: ${describeDrift(entry)} (${indexed.file})`, {
          ...about,
          related: { file: indexed.file, line: specLine, message: `the spec's side of the drift` },
          fix: `continuum-gen reverse ${folder} --force`,
          properties: { drift: entry.kind, owner: entry.owner, ...(entry.field !== undefined ? { field: entry.field } : {}), ...(entry.spec !== undefined ? { spec: entry.spec } : {}), ...(entry.code !== undefined ? { code: entry.code } : {}) },
        });
      }
    }

    commands.push({
      name,
      folder,
      // The folder's namespace: where the command sits (a copied folder is where it was copied to).
      namespace: (folder.startsWith(`${config.roots.commands}/`) ? folderName : name).split('/')[0],
      ...(typesFile !== undefined ? { typesFile } : {}),
      ...(indexed ? { spec: indexed.file } : {}),
      status: result.status === 'failed' ? 'failed' : 'read',
      ...(newBecause !== undefined ? { newBecause } : {}),
      conforms: true,
    });
  }

  let rust: RustSummary | undefined;
  if (mode === 'full') {
    rust = auditRust(projectRoot, config, reader, specIndex, commands, specSources, add);
    scanSources(projectRoot, config, reader, scannedTypesFiles, add);
    managedCodeFindings({ projectRoot, config, reader, specIndex, jsonLine: (file, pointer) => specSources.line(file, pointer), add });
    for (const [name, indexed] of specIndex.byName) {
      if (commandNames.has(name) || isTraitOnly(indexed.spec)) continue;
      add('CG010-orphan-spec', { file: indexed.file, line: specSources.line(indexed.file, '/name') }, `the spec ${indexed.file} names ${JSON.stringify(name)}, which no command folder under ${config.roots.commands} has; generate it (continuum-gen command --spec=${indexed.file}) or delete the spec`, {
        command: name,
        fix: `continuum-gen command --spec=${indexed.file}`,
      });
    }
    for (const duplicate of specIndex.duplicates) {
      add('CG011-duplicate-spec-name', { file: duplicate.file, line: specSources.line(duplicate.file, '/name') }, `${duplicate.file} names ${JSON.stringify(duplicate.name)}, which ${duplicate.claimedBy} already names; only ${duplicate.claimedBy} is used`, {
        command: duplicate.name,
        related: { file: duplicate.claimedBy, line: specSources.line(duplicate.claimedBy, '/name'), message: 'the spec that is used' },
      });
    }
    for (const file of specIndex.unreadable) {
      add('CG014-unreadable', { file, line: specSources.syntaxErrorLine(file) }, `${file} is not a spec (a JSON object with a string name); skipped`);
    }
  }
  for (const problem of isReporting(reader) ? reader.problems : []) add('CG014-unreadable', { file: relative(problem.path), line: 1 }, `${relative(problem.path)} ${problem.message}`);

  // Findings in a command folder belong to it (the deepest folder, for nested commands).
  const byDepth = [...commands].sort((a, b) => b.folder.length - a.folder.length);
  const owned = findings.map((finding): AuditFinding => {
    if (finding.folder !== undefined || AUDIT_RULES.find((r) => r.id === finding.ruleId)?.scope === 'command') return finding;
    const owner = byDepth.find((c) => finding.file.startsWith(`${c.folder}/`));
    return owner ? { ...finding, command: owner.name, folder: owner.folder } : finding;
  });
  owned.sort(compareFindings);
  const offenders = new Set(owned.filter((f) => ruleOf(f.ruleId).pattern && f.folder !== undefined).map((f) => f.folder!));
  const finalCommands = commands.map((c) => ({ ...c, conforms: !offenders.has(c.folder) })).sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));

  const countCommands = (ruleId: RuleId): number => new Set(owned.filter((f) => f.ruleId === ruleId).map((f) => f.folder)).size;
  const countFindings = (ruleId: RuleId): number => owned.filter((f) => f.ruleId === ruleId).length;
  const full = mode === 'full';
  const metrics: AuditMetrics = {
    commands: finalCommands.length,
    namespaces: new Set(finalCommands.map((c) => c.namespace)).size,
    conforming: finalCommands.filter((c) => c.conforms).length,
    commandsWithSpecs: finalCommands.filter((c) => c.spec !== undefined).length,
    commandsWithStaticAccessors: reads.filter((r) => r.facts?.accessor !== undefined).length,
    commandsWithAny: full ? countCommands('CG003-any-in-types') : null,
    anyInCommandTypes: full ? countFindings('CG003-any-in-types') : null,
    rawExecuteCalls: full ? countFindings('CG009-raw-execute') : null,
    driftingCommands: full ? countCommands('CG006-spec-drift') : null,
    specs: specIndex.byName.size + specIndex.duplicates.length,
    orphanSpecs: full ? countFindings('CG010-orphan-spec') : null,
    rustServiceModules: rust ? rust.serviceModules : null,
    rustModulesWithManagedService: rust ? rust.managed : null,
    rustModulesWithHeal: rust ? rust.healed : null,
  };
  return { mode, commandsRoot: config.roots.commands, commands: finalCommands, findings: owned, metrics, reversed: reads.map((r) => r.result), specIndex };
}

type Add = (ruleId: RuleId, at: AuditLocation, message: string, extra?: Partial<AuditFinding>) => void;

function addRawExecute(add: Add, at: AuditLocation, name: string | undefined, extra: Partial<AuditFinding> = {}): void {
  add('CG009-raw-execute', at, name !== undefined ? `raw Commands.execute('${name}', ...) outside a static accessor; call the command's static accessor instead` : 'raw Commands.execute(...) with a computed command name, outside a static accessor; call the static accessor of the command instead', {
    ...extra,
    ...(name !== undefined ? { properties: { executes: name } } : {}),
  });
}

/** Trait specs declare Rust traits, not a command: they have no command folder. */
function isTraitOnly(spec: CommandSpecV2): boolean {
  return spec.adapter === 'trait-only';
}

/**
 * Every TypeScript source of the project (the source root, and the commands root when it lies
 * outside) except the Types files already read: `Commands.execute` calls outside static
 * accessors. A file is parsed only when its text mentions `Commands` and `execute`; the decision is the syntax tree's.
 */
function scanSources(projectRoot: string, config: ProjectConfig, reader: SourceReader, alreadyScanned: ReadonlySet<string>, add: Add): void {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  // The host's own executor and the command base class are where Commands.execute is defined and forwarded, not raw calls.
  const modulePaths = ModulePaths.forProject(projectRoot, config, reader);
  const hostFiles = new Set([config.importPaths.commands, config.importPaths.commandBase].map((specifier) => modulePaths.resolve(specifier, posix.join(projectRoot, 'index.ts'))).filter((p): p is string => p !== undefined));
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    if (visited.has(folder)) return;
    visited.add(folder);
    for (const entry of reader.listFolder(folder) ?? []) {
      const path = posix.join(folder, entry.name);
      if (entry.isFolder) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path);
        continue;
      }
      if (!isTsSource(entry.name) || alreadyScanned.has(path) || hostFiles.has(path)) continue;
      const text = reader.readFile(path);
      // Only a file naming both can hold the call (the parse decides whether it does).
      if (text === undefined || !text.includes('Commands') || !text.includes('execute')) continue;
      const file = project.createSourceFile(path, text, { overwrite: true, scriptKind: path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS });
      try {
        const label = posix.relative(projectRoot, path);
        const problem = syntaxError(file);
        if (problem) {
          add('CG014-unreadable', { file: label, line: problem.line }, `${label} does not parse (${problem.message}); its Commands.execute calls were not checked`);
          continue;
        }
        // A file declaring the Commands class itself (a copy of the executor, a test double) defines execute.
        if (file.getClasses().some((c) => c.getName() === 'Commands')) continue;
        for (const call of rawExecuteCalls(file)) addRawExecute(add, { file: label, line: call.line }, call.name);
      } finally {
        project.removeSourceFile(file);
      }
    }
  };
  const roots = [config.roots.source, config.roots.commands].map((r) => posix.join(projectRoot, r));
  const sourceRoot = roots[0];
  walk(sourceRoot);
  if (!roots[1].startsWith(`${sourceRoot}/`)) walk(roots[1]);
}

interface RustSummary {
  readonly serviceModules: number;
  readonly managed: number;
  readonly healed: number;
}

/**
 * The Rust side: for each rust-ipc command's spec, the module exists and implements every trait
 * it lists (and ServiceModule); across the crate, every ServiceModule type implements
 * ManagedService, and every ManagedService implementation has a real heal().
 */
function auditRust(projectRoot: string, config: ProjectConfig, reader: SourceReader, specIndex: SpecIndex, commands: readonly AuditedCommand[], specSources: SpecSources, add: Add): RustSummary {
  const crate = readRustCrate(projectRoot, config.roots.rustCrate, reader);
  const byPath = new Map(crate.map((f) => [f.file, f]));

  for (const command of commands) {
    if (command.spec === undefined) continue;
    const spec = specIndex.byName.get(command.name)?.spec;
    if (spec?.adapter !== 'rust-ipc') continue;
    const modulePath = spec.rust?.module ?? `modules/${snakeCase(command.name.split('/')[0])}`;
    const candidates = moduleFileCandidates(config.roots.rustCrate, modulePath);
    const moduleFile: RustFile | undefined = candidates.map((c) => byPath.get(c)).find((f) => f !== undefined);
    const about = { command: command.name, folder: command.folder };
    if (!moduleFile) {
      add('CG007-rust-module-missing', { file: command.spec, line: specSources.line(command.spec, spec.rust?.module !== undefined ? '/rust/module' : '/adapter') }, `${command.name} is rust-ipc, but its module ${modulePath} is not in the crate (neither ${candidates.join(' nor ')}); write it: continuum-gen rust-module --spec=${command.spec}`, { ...about, fix: `continuum-gen rust-module --spec=${command.spec}` });
      continue;
    }
    const serviceImpl = moduleFile.impls.find((i) => i.trait === 'ServiceModule');
    const wanted = ['ServiceModule', ...(spec.rust?.traits ?? [])];
    for (const [index, trait] of wanted.entries()) {
      if (moduleFile.impls.some((i) => i.trait === trait)) continue;
      const pointer = index === 0 ? '/adapter' : `/rust/traits/${index - 1}`;
      add('CG008-rust-trait-missing', { file: moduleFile.file, line: serviceImpl?.line ?? 1 }, `${moduleFile.file} does not implement ${trait}, which ${index === 0 ? `every rust-ipc module (${command.name}) must` : `the spec of ${command.name} lists (${command.spec})`}`, {
        ...about,
        related: { file: command.spec, line: specSources.line(command.spec, pointer), message: index === 0 ? 'the rust-ipc spec' : `the spec lists ${trait}` },
        properties: { trait },
      });
    }
  }

  const managedTypes = new Set(crate.flatMap((f) => f.impls.filter((i) => i.trait === 'ManagedService').map((i) => i.type)));
  const serviceTypes = new Map<string, { file: RustFile; line: number }>();
  for (const file of crate) for (const impl of file.impls) if (impl.trait === 'ServiceModule' && !serviceTypes.has(impl.type)) serviceTypes.set(impl.type, { file, line: impl.line });
  for (const [type, where] of serviceTypes) {
    if (managedTypes.has(type)) continue;
    add('CG012-unmanaged-service', { file: where.file.file, line: where.line }, `${type} implements ServiceModule but not ManagedService (health, pressure_response, shed_load, heal, shutdown)`, { properties: { type } });
  }
  const healed = new Set<string>();
  for (const file of crate) {
    for (const impl of file.impls) {
      if (impl.trait !== 'ManagedService') continue;
      const heal = healOf(file, impl);
      if (heal.state === 'implemented') {
        healed.add(impl.type);
        continue;
      }
      const why = heal.state === 'missing' ? 'has no heal()' : heal.state === 'stub' ? 'heal() is still the generated TODO stub' : 'heal() always returns false';
      add('CG013-no-heal', { file: file.file, line: heal.line }, `ManagedService for ${impl.type}: ${why}, so nothing heals it when it turns Unhealthy`, { properties: { type: impl.type, heal: heal.state } });
    }
  }
  const serviceNames = [...serviceTypes.keys()];
  return { serviceModules: serviceNames.length, managed: serviceNames.filter((t) => managedTypes.has(t)).length, healed: serviceNames.filter((t) => healed.has(t)).length };
}

/** Spec files' text and positions, read on first need (only specs that a finding cites). */
class SpecSources {
  private readonly sources = new Map<string, ReturnType<typeof parseJsonSource> | null>();

  constructor(
    private readonly projectRoot: string,
    private readonly reader: SourceReader,
  ) {}

  /** Line of a JSON pointer in a spec file (its nearest existing parent), 1 when unknown. */
  line(file: string, pointer: string): number {
    return this.source(file)?.locate(pointer)?.line ?? 1;
  }

  /** Line of a file's JSON syntax error, 1 when it parses (or cannot be read). */
  syntaxErrorLine(file: string): number {
    const text = this.reader.readFile(posix.join(this.projectRoot, file));
    if (text === undefined) return 1;
    try {
      parseJsonSource(text, file);
    } catch (error) {
      if (error instanceof SpecError) return error.issues[0]?.line ?? 1;
    }
    return 1;
  }

  private source(file: string): ReturnType<typeof parseJsonSource> | undefined {
    let known = this.sources.get(file);
    if (known === undefined) {
      const text = this.reader.readFile(posix.join(this.projectRoot, file));
      try {
        known = text === undefined ? null : parseJsonSource(text, file);
      } catch {
        known = null;
      }
      this.sources.set(file, known);
    }
    return known ?? undefined;
  }
}
