import { SpecError, type SpecIssue } from '../errors.js';
import { validateWithSchema } from '../spec/schema-validation.js';

export interface ImportDeclaration {
  readonly name: string;
  readonly from: string;
  readonly rust?: string;
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
  };
  readonly importPaths: {
    readonly jtagTypes: string;
    readonly commands: string;
    readonly errorTypes: string;
    readonly uuid: string;
    readonly commandBase: string;
    readonly commandsAlias: string;
  };
  readonly imports: readonly ImportDeclaration[];
  readonly packageScope: string;
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
  },
  imports: [{ name: 'UUID', from: '@system/core/types/CrossPlatformUUID', rust: 'String' }],
  packageScope: '@jtag-commands',
};

export const CONFIG_KEY = 'generator-continuum';

/**
 * Validate a user's config (the generator-continuum entry of .yo-rc.json) and merge it over the
 * defaults. Imports are added to the defaults, not replacing them, unless a name repeats.
 */
export function resolveProjectConfig(raw: unknown, file = '.yo-rc.json'): ProjectConfig {
  if (raw === undefined || raw === null) return defaultProjectConfig;
  const issues: SpecIssue[] = validateWithSchema('project-config', raw, file, `/${CONFIG_KEY}`);
  const user = raw as Partial<{ roots: Partial<ProjectConfig['roots']>; importPaths: Partial<ProjectConfig['importPaths']>; imports: ImportDeclaration[]; packageScope: string }>;
  for (const [key, value] of Object.entries(user.roots ?? {})) {
    const problem = unsafeRelativePath(String(value));
    if (problem) issues.push({ file, pointer: `/${CONFIG_KEY}/roots/${key}`, message: `root ${key} ${problem}`, found: JSON.stringify(value), expected: 'a project-relative folder with forward slashes, e.g. src/commands' });
  }
  if (issues.length > 0) throw new SpecError(issues);
  const userImports = user.imports ?? [];
  const imports = [...defaultProjectConfig.imports.filter((d) => !userImports.some((u) => u.name === d.name)), ...userImports];
  return {
    roots: { ...defaultProjectConfig.roots, ...user.roots },
    importPaths: { ...defaultProjectConfig.importPaths, ...user.importPaths },
    imports,
    packageScope: user.packageScope ?? defaultProjectConfig.packageScope,
  };
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
