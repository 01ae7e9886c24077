/**
 * Project-local adapters: the project config's `adapters` list names ES modules (a path relative
 * to the project root, or an npm package installed in the project) whose default export (or
 * named export `adapter`) is a GeneratorAdapter or a factory returning one. Each is checked,
 * wrapped so that a failure inside it is a SpecError naming the plugin, and registered beside
 * the built-ins. Nothing is written when a plugin is broken: every problem is a SpecError thrown
 * before the engine returns a plan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, CONFIG_KEY, unsafeRelativePath, type PluginDeclaration, type ProjectConfig } from '../config/project-config.js';
import { SpecError, describeValue, type SpecIssue } from '../errors.js';
import {
  ADAPTER_ID_PATTERN,
  SPEC_BLOCKS,
  type AdapterOptionDeclaration,
  type AdapterOptions,
  type FilePlan,
  type GeneratorAdapter,
  type PlannedEdit,
  type PlannedFile,
} from './adapter.js';
import { ADAPTER_OF_ENVIRONMENT } from '../spec/spec-defaults.js';
import { optionValueProblem } from './adapter-options.js';
import { builtinAdapters } from './builtin-adapters.js';
import type { AdapterRegistry } from './registry.js';
import { resolveProjectTraits, traitSpecsAmong, type TraitCatalog, type TraitSpecSource } from './trait-only/trait-catalog.js';
import { globSync } from 'tinyglobby';
import { nodeProbe } from '../write/node-tree.js';
import { ProjectPaths, platformNameLimits } from '../write/path-safety.js';
import { importModule } from '../import-module.js';

const OPTION_TYPES = ['string', 'path', 'boolean', 'string-map', 'type-map'];
const ENVIRONMENTS = Object.keys(ADAPTER_OF_ENVIRONMENT);

/** Where a registered project-local adapter came from. */
export interface PluginOrigin {
  readonly id: string;
  /** The `module` entry as written in the config. */
  readonly module: string;
  /** Index in the config's adapters list. */
  readonly index: number;
}

export interface LoadedAdapters {
  /** Built-ins and project-local adapters together. */
  readonly registry: AdapterRegistry;
  /** The project-local ones, in config order. */
  readonly plugins: readonly PluginOrigin[];
}

/** What a factory export receives. */
export interface AdapterFactoryContext {
  /** The `options` of the plugin's entry in the project config. */
  readonly options: Readonly<Record<string, unknown>>;
}

const entryPointer = (index: number, key = 'module'): string => `/${CONFIG_KEY}/adapters/${index}/${key}`;

/**
 * The file a plugin specifier names: a path inside the project (./tools/x.mjs), or a package
 * installed in the project's node_modules. Nothing outside the project is loaded: ../ and absolute
 * paths are refused, a path is walked without following a symlink the config does not allow, and
 * a package must resolve (links followed) to a file inside the project.
 */
export function resolvePluginModule(
  projectRoot: string,
  specifier: string,
  allowSymlinks: readonly string[] = [],
): { path: string } | { problem: string; expected: string } {
  const root = nodeProbe.realpath(projectRoot) ?? projectRoot;
  if (specifier.startsWith('../') || specifier === '..' || isAbsolute(specifier) || specifier.includes('\\')) {
    return {
      problem: 'is outside the project: plugins load only from inside the project root',
      expected: 'a path inside the project starting with ./ (e.g. ./tools/my-adapter.mjs), or an npm package installed in the project',
    };
  }
  if (specifier.startsWith('./')) {
    const relative = posix.normalize(specifier.slice(2));
    const unsafe = unsafeRelativePath(relative);
    if (unsafe)
      return { problem: `is not a path inside the project: it ${unsafe}`, expected: 'a path inside the project starting with ./' };
    const verdict = new ProjectPaths(root, allowSymlinks, nodeProbe, platformNameLimits(process.platform)).check(relative);
    if ('problem' in verdict) return { problem: `cannot be loaded: the path ${verdict.problem}`, expected: verdict.expected };
    if (nodeProbe.kind(verdict.absolute) !== 'file')
      return {
        problem: 'the module file does not exist (paths are relative to the project root)',
        expected: 'the path of an ES module file, e.g. ./tools/my-adapter.js',
      };
    return { path: verdict.absolute };
  }
  let path: string | undefined;
  try {
    path = createRequire(join(root, 'package.json')).resolve(specifier);
  } catch {
    // ESM-only packages may export no `require` condition: read their package.json ourselves.
    path = packageEntry(root, specifier);
  }
  if (path === undefined)
    return {
      problem: `npm package ${specifier} is not installed in the project`,
      expected: `npm install ${specifier} in the project, or a path starting with ./`,
    };
  const real = nodeProbe.realpath(path) ?? path;
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return {
      problem: `resolves to ${real}, outside the project (a package installed above it, or linked in from elsewhere)`,
      expected: `npm install ${specifier} in the project itself`,
    };
  }
  return { path: real };
}

/** The entry file of a package in the project's own node_modules (a package installed above the project is not the project's). */
function packageEntry(projectRoot: string, name: string): string | undefined {
  const manifest = join(projectRoot, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown; module?: string; main?: string };
  const root =
    typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports
      ? (pkg.exports as Record<string, unknown>)['.']
      : pkg.exports;
  const entry =
    typeof root === 'string'
      ? root
      : typeof root === 'object' && root !== null
        ? ([(root as Record<string, unknown>).import, (root as Record<string, unknown>).default].find((v) => typeof v === 'string') as
            string | undefined)
        : undefined;
  return join(dirname(manifest), entry ?? pkg.module ?? pkg.main ?? 'index.js');
}

/** Everything wrong with a plugin's export, as sentences. */
export function adapterShapeProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object')
    return [`the export is ${value === null ? 'null' : typeof value}, not an adapter object`];
  const a = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof a.id !== 'string' || !ADAPTER_ID_PATTERN.test(a.id))
    problems.push(`id ${describeValue(a.id)} is not a lowercase id (letters, digits, -)`);
  if (typeof a.description !== 'string' || a.description === '') problems.push('description is missing (one line for the adapter listing)');
  if (!Array.isArray(a.writes) || !a.writes.every((w) => typeof w === 'string'))
    problems.push('writes is not a list of strings (what the adapter writes, for the listing)');
  if (typeof a.plan !== 'function') problems.push('plan is not a function (model, config, options) => [{ path, content }]');
  for (const hook of ['check', 'edits'] as const)
    if (a[hook] !== undefined && typeof a[hook] !== 'function') problems.push(`${hook} is neither a function nor absent`);
  return [...problems, ...declarationProblems(a), ...optionDeclarationProblems(a.options)];
}

/** The problems of a plugin's optional declarations (environments, accepts, reservedNames, ...): each absent or of its type. */
function declarationProblems(a: Record<string, unknown>): string[] {
  const problems = [
    ...listProblems(a.environments, 'environments', ENVIRONMENTS),
    ...listProblems(a.defaultFor, 'defaultFor', ENVIRONMENTS),
    ...listProblems(a.accepts, 'accepts', SPEC_BLOCKS),
  ];
  if (a.reservedNames !== undefined && !(a.reservedNames instanceof Map)) problems.push('reservedNames is neither a Map nor absent');
  if (a.typeMapping !== undefined && (a.typeMapping === null || typeof a.typeMapping !== 'object'))
    problems.push('typeMapping is neither an object nor absent');
  if (a.writesRustModule !== undefined && typeof a.writesRustModule !== 'boolean')
    problems.push('writesRustModule is neither a boolean nor absent');
  return problems;
}

/** The problems of a plugin's option declarations (absent is none). */
function optionDeclarationProblems(options: unknown): string[] {
  const problems: string[] = [];
  if (options !== undefined) {
    if (!Array.isArray(options)) problems.push('options is neither a list of option declarations nor absent');
    else
      options.forEach((o: unknown, i) => {
        const d = o as Partial<AdapterOptionDeclaration> | null;
        if (
          !d ||
          typeof d.name !== 'string' ||
          typeof d.description !== 'string' ||
          !OPTION_TYPES.includes(String(d.type)) ||
          d.default === undefined
        ) {
          problems.push(`options[${i}] is not { name, type (${OPTION_TYPES.join(' | ')}), description, default }`);
        } else if (optionValueProblem(d as AdapterOptionDeclaration, d.default))
          problems.push(`the default of option ${d.name} does not fit its type ${d.type}`);
      });
  }
  return problems;
}

/** A declaration list (environments, defaultFor, accepts) that is absent or holds only known values, else its problem. */
function listProblems(value: unknown, name: string, known: readonly string[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => known.includes(v as string))) return [];
  return [`${name} is neither absent nor a list of ${known.map((k) => JSON.stringify(k)).join(', ')}`];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Who a plugin's failure names, and where in the config it points. */
interface PluginBlame {
  /** `adapter plugin ./tools/x.js (id x)`. */
  readonly who: string;
  readonly pointer: string;
}

/** One problem of a plugin's hook, as an issue at its config entry. */
function blameIssue(blame: PluginBlame, message: string, found?: string, expected?: string): SpecIssue {
  return {
    file: CONFIG_FILE,
    pointer: blame.pointer,
    message: `${blame.who} ${message}`,
    ...(found === undefined ? {} : { found }),
    ...(expected === undefined ? {} : { expected }),
  };
}

const blameError = (blame: PluginBlame, message: string, found?: string, expected?: string): SpecError =>
  new SpecError([blameIssue(blame, message, found, expected)]);

/** Call a plugin's hook: a throw other than a SpecError becomes one naming the plugin and the hook. */
function guardedCall<T>(blame: PluginBlame, hook: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw blameError(blame, `threw in ${hook}: ${messageOf(error)}`);
  }
}

/** Why a path a plugin planned or edits would leave the project, or undefined. */
const pluginPathProblem = (path: unknown): string | undefined =>
  typeof path !== 'string' ? 'is not a string' : (unsafeRelativePath(path) ?? (path.endsWith('/') ? 'ends with a slash' : undefined));
const PROJECT_PATH = 'a project-relative file path with forward slashes and no ..';

/** What a plugin's plan returned, checked: a list of { path, content } inside the project. */
function checkedPlan(files: unknown, blame: PluginBlame): FilePlan {
  if (files !== null && typeof files === 'object' && typeof (files as { then?: unknown }).then === 'function')
    throw blameError(blame, 'returned a Promise from plan; plan must return its files synchronously');
  if (!Array.isArray(files))
    throw blameError(blame, 'returned something other than a list of files from plan', describeValue(files), '[{ path, content }, ...]');
  const issues: SpecIssue[] = [];
  files.forEach((file: unknown, i) => {
    const f = file as Partial<PlannedFile> | null;
    if (!f || typeof f.path !== 'string' || typeof f.content !== 'string') {
      issues.push(
        blameIssue(blame, `planned file ${i} without a string path and content`, describeValue(file), '{ path: string, content: string }'),
      );
      return;
    }
    const problem = pluginPathProblem(f.path);
    if (problem) issues.push(blameIssue(blame, `planned a path outside the project: it ${problem}`, JSON.stringify(f.path), PROJECT_PATH));
  });
  if (issues.length > 0) throw new SpecError(issues);
  return (files as PlannedFile[]).map((f) => ({ path: f.path, content: f.content }));
}

/** What a plugin's edits returned, checked: a list of { path, description, apply } inside the project, each apply guarded. */
function checkedEdits(edits: unknown, blame: PluginBlame): PlannedEdit[] {
  if (!Array.isArray(edits))
    throw blameError(
      blame,
      'returned something other than a list of edits from edits',
      describeValue(edits),
      '[{ path, description, apply }, ...]',
    );
  const issues: SpecIssue[] = [];
  edits.forEach((edit: unknown, i) => {
    const e = edit as Partial<PlannedEdit> | null;
    if (!e || typeof e.description !== 'string' || typeof e.apply !== 'function') {
      issues.push(
        blameIssue(
          blame,
          `planned edit ${i} without a description and an apply function`,
          describeValue(edit),
          '{ path: string, description: string, apply(existing) => string }',
        ),
      );
      return;
    }
    const problem = pluginPathProblem(e.path);
    if (problem)
      issues.push(blameIssue(blame, `planned an edit of a path outside the project: it ${problem}`, describeValue(e.path), PROJECT_PATH));
  });
  if (issues.length > 0) throw new SpecError(issues);
  return (edits as PlannedEdit[]).map((e) => ({
    path: e.path,
    description: e.description,
    apply: (existing) =>
      checkedEditText(
        guardedCall(blame, `its edit of ${e.path}`, () => e.apply(existing)),
        e.path,
        blame,
      ),
  }));
}

function checkedEditText(text: unknown, path: string, blame: PluginBlame): string {
  if (typeof text !== 'string')
    throw blameError(blame, `returned something other than the file's new text from its edit of ${path}`, describeValue(text), 'a string');
  return text;
}

/**
 * The plugin as the engine sees it: its own fields and declarations, option defaults taken from its
 * config entry, and check/plan/edits guarded so that a throw, a non-plan, a non-edit or a path
 * outside the project becomes a SpecError naming the plugin.
 */
function guardPlugin(adapter: GeneratorAdapter, origin: PluginOrigin, entryOptions: Readonly<Record<string, unknown>>): GeneratorAdapter {
  const blame: PluginBlame = { who: `adapter plugin ${origin.module} (id ${adapter.id})`, pointer: entryPointer(origin.index) };
  const declared = adapter.options;
  // Declared options take their config entry's values as defaults; undeclared plugins get the entry's object as is.
  const options = declared?.map((d) =>
    d.name in entryOptions ? { ...d, default: entryOptions[d.name] as AdapterOptionDeclaration['default'] } : d,
  );
  const withEntry = (resolved: AdapterOptions | undefined): AdapterOptions =>
    declared ? (resolved ?? {}) : ({ ...entryOptions, ...resolved } as AdapterOptions);
  const { check, edits } = adapter;
  return {
    id: adapter.id,
    description: adapter.description,
    writes: [...adapter.writes],
    ...(adapter.environments ? { environments: [...adapter.environments] } : {}),
    ...(adapter.defaultFor ? { defaultFor: [...adapter.defaultFor] } : {}),
    ...(adapter.accepts ? { accepts: [...adapter.accepts] } : {}),
    ...(adapter.writesRustModule !== undefined ? { writesRustModule: adapter.writesRustModule } : {}),
    ...(adapter.reservedNames ? { reservedNames: adapter.reservedNames } : {}),
    ...(options ? { options } : {}),
    ...(adapter.typeMapping ? { typeMapping: adapter.typeMapping } : {}),
    ...(check
      ? {
          check: (model, config, resolved, context) => {
            const issues: unknown = guardedCall(blame, 'check', () => check.call(adapter, model, config, withEntry(resolved), context));
            if (!Array.isArray(issues))
              throw blameError(
                blame,
                'returned something other than a list of issues from check',
                describeValue(issues),
                '[] or [{ file, pointer, message }]',
              );
            return issues as SpecIssue[];
          },
        }
      : {}),
    plan: (model, config, resolved, context) =>
      checkedPlan(
        guardedCall(blame, 'plan', () => adapter.plan.call(adapter, model, config, withEntry(resolved), context)),
        blame,
      ),
    ...(edits
      ? {
          edits: (model, config, resolved, project, context) =>
            checkedEdits(
              guardedCall(blame, 'edits', () => edits.call(adapter, model, config, withEntry(resolved), project, context)),
              blame,
            ),
        }
      : {}),
  };
}

/** Every spec of the project's specs folder, sorted by path (a rust-ipc module is made from all that name it). */
export function projectSpecTexts(projectRoot: string, config: ProjectConfig): TraitSpecSource[] {
  const specsRoot = join(projectRoot, config.roots.specs);
  if (!existsSync(specsRoot)) return [];
  return globSync('**/*.json', { cwd: specsRoot, onlyFiles: true })
    .sort()
    .flatMap((relativePath) => {
      try {
        return [{ file: `${config.roots.specs}/${relativePath}`, text: readFileSync(join(specsRoot, relativePath), 'utf8') }];
      } catch {
        return []; // Unreadable: not this function's to report.
      }
    });
}

/** The trait-only specs in the project's specs folder (its own traits), sorted by path. */
export function projectTraitSpecs(projectRoot: string, config: ProjectConfig): TraitSpecSource[] {
  return traitSpecsAmong(projectSpecTexts(projectRoot, config));
}

/** The built-in adapters, with rust-ipc knowing the project's own trait specs beside the shipped ones. */
export function projectBuiltinAdapters(projectRoot: string, config: ProjectConfig): AdapterRegistry {
  // Read the specs folder only when a rust-ipc spec asks for its traits, once per run.
  let catalog: TraitCatalog | undefined;
  return builtinAdapters({ rustTraits: (cfg) => (catalog ??= resolveProjectTraits(projectSpecTexts(projectRoot, config), cfg)) });
}

/** Entry options a plugin declares must fit their types; the others are the factory's own. */
function entryOptionIssues(
  adapter: GeneratorAdapter,
  entryOptions: Record<string, unknown>,
  specifier: string,
  index: number,
): SpecIssue[] {
  return Object.entries(entryOptions).flatMap(([name, value]) => {
    const declared = adapter.options?.find((d) => d.name === name);
    const problem = declared ? optionValueProblem(declared, value) : undefined;
    return problem
      ? [
          {
            file: CONFIG_FILE,
            pointer: `${entryPointer(index, 'options')}/${name}`,
            message: `option ${name} of adapter plugin ${specifier} ${problem.problem}`,
            found: describeValue(value),
            expected: problem.expected,
          },
        ]
      : [];
  });
}

/**
 * Load the project's adapter plugins (config `adapters`) into a registry with the built-ins.
 * `projectRoot` is the absolute folder that holds .yo-rc.json. All problems of all plugins are
 * reported together in one SpecError.
 */
export async function loadProjectAdapters(
  projectRoot: string,
  config: ProjectConfig,
  base: AdapterRegistry = projectBuiltinAdapters(projectRoot, config),
): Promise<LoadedAdapters> {
  const plugins: PluginOrigin[] = [];
  const issues: SpecIssue[] = [];
  const declarations: readonly PluginDeclaration[] = config.adapters ?? [];
  for (const [index, declaration] of declarations.entries()) {
    const specifier = declaration.module;
    const fail = (message: string, expected?: string, found = JSON.stringify(specifier)): void => {
      issues.push({
        file: CONFIG_FILE,
        pointer: entryPointer(index),
        message: `adapter plugin ${specifier} ${message}`,
        found,
        ...(expected === undefined ? {} : { expected }),
      });
    };
    const located = resolvePluginModule(projectRoot, specifier, config.allowSymlinks ?? []);
    if ('problem' in located) {
      fail(`cannot be found: ${located.problem}`, located.expected);
      continue;
    }
    let exported: unknown;
    try {
      const module = await importModule(pathToFileURL(located.path).href);
      exported = module.default ?? module.adapter;
      if (exported === undefined) {
        fail(
          'exports no adapter',
          'a default export (or an export named adapter): a GeneratorAdapter object or a factory function returning one',
          `exports ${Object.keys(module).sort().join(', ') || 'nothing'}`,
        );
        continue;
      }
    } catch (error) {
      fail(`threw while loading: ${messageOf(error)}`, 'a module that loads without errors');
      continue;
    }
    const entryOptions = declaration.options ?? {};
    if (typeof exported === 'function') {
      try {
        exported = await (exported as (context: AdapterFactoryContext) => unknown)({ options: entryOptions });
      } catch (error) {
        fail(`factory threw: ${messageOf(error)}`, 'a factory that returns a GeneratorAdapter');
        continue;
      }
    }
    const problems = adapterShapeProblems(exported);
    if (problems.length > 0) {
      fail(
        `does not export a valid adapter: ${problems.join('; ')}`,
        'a GeneratorAdapter { id, description, writes, plan, check?, edits?, options?, typeMapping?, reservedNames?, environments?, defaultFor?, accepts?, writesRustModule? } (see docs/adapters.md)',
        describeValue(exported),
      );
      continue;
    }
    const adapter = exported as GeneratorAdapter;
    const origin: PluginOrigin = { id: adapter.id, module: specifier, index };
    const earlier = plugins.find((p) => p.id === adapter.id);
    if (earlier || base.get(adapter.id)) {
      fail(
        `has id ${adapter.id}, which ${earlier ? `adapter plugin ${earlier.module}` : 'a built-in adapter'} already uses`,
        `an id other than ${base.ids().join(', ')}`,
      );
      continue;
    }
    const unregistrable = base.registrationProblem(adapter);
    if (unregistrable) {
      fail(
        `(id ${adapter.id}) cannot be registered: ${unregistrable}`,
        'defaultFor only for environments no other adapter is the default of, or no defaultFor (a spec names its adapter)',
      );
      continue;
    }
    issues.push(...entryOptionIssues(adapter, entryOptions, specifier, index));
    base.register(guardPlugin(adapter, origin, entryOptions));
    plugins.push(origin);
  }
  if (issues.length > 0) throw new SpecError(issues);
  return { registry: base, plugins };
}
