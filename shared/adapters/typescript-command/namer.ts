/**
 * The naming pass of the TypeScript command: every path, module specifier and derived name the
 * command's files print, decided once from the model and the project config, with the derived
 * names a spec type would collide with.
 */
import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type { CommandModel } from '../../model/command-model.js';
import { TS_HOST_NAMES, tsString } from '../../targets/typescript/typescript-text.js';
import { importSpecifier, rustLayout } from '../rust-shared/rust-layout.js';
import type { Naming } from '../target.js';

/** Where the command's files go, the module specifiers they import each other by, and the names the Types file derives. */
export interface CommandNames {
  readonly className: string;
  readonly files: {
    readonly dir: string;
    readonly types: string;
    readonly server: string;
    readonly browser: string;
    readonly readme: string;
    readonly unitTest: string;
    readonly integrationTest: string;
    readonly packageJson: string;
    readonly npmignore: string;
  };
  /** Alias-based module specifiers of the command's own files. */
  readonly modules: { readonly types: string; readonly server: string; readonly browser: string };
  /** The command folder's package name (`@scope/<command>`). */
  readonly packageName: string;
  /** The host modules the files import (CommandBase, UUID, ...), as the project config names them. */
  readonly hostImports: ProjectConfig['importPaths'];
  /** `import type { A, B } from 'x';` lines for imported spec types (the UUID import merged in). */
  readonly typeImportLines: readonly string[];
  /** The names the Types file declares besides the spec's types, each with what it is. */
  readonly derived: ReadonlyMap<string, string>;
}

function commandFiles(model: CommandModel, config: ProjectConfig): Pick<CommandNames, 'files' | 'modules'> {
  const C = model.className;
  const dir = `${config.roots.commands}/${model.name}`;
  const alias = `${config.importPaths.commandsAlias}/${model.name}`;
  // A shared Types file (spec typesFile) is imported by its own module path.
  const typesModule = model.typesFile
    ? `${config.importPaths.commandsAlias}/${posix.relative(config.roots.commands, model.typesFile).replace(/\.ts$/, '')}`
    : `${alias}/shared/${C}Types`;
  return {
    files: {
      dir,
      types: model.typesFile ?? `${dir}/shared/${C}Types.ts`,
      server: `${dir}/server/${C}ServerCommand.ts`,
      browser: `${dir}/browser/${C}BrowserCommand.ts`,
      readme: `${dir}/README.md`,
      unitTest: `${dir}/test/unit/${C}Command.test.ts`,
      integrationTest: `${dir}/test/integration/${C}Integration.test.ts`,
      packageJson: `${dir}/package.json`,
      npmignore: `${dir}/.npmignore`,
    },
    modules: { types: typesModule, server: `${alias}/server/${C}ServerCommand`, browser: `${alias}/browser/${C}BrowserCommand` },
  };
}

/**
 * Imported spec types, grouped by module; UUID is always needed by the factories. A type whose
 * file the generator places (ts-rs's JsonValue, a generated wire type) is imported from there,
 * by a path relative to the Types file the imports land in.
 */
function typeImportLines(model: CommandModel, config: ProjectConfig, typesPath: string): string[] {
  const byModule = new Map<string, Set<string>>([[config.importPaths.uuid, new Set(['UUID'])]]);
  for (const imported of model.imports) {
    const from = importSpecifier(rustLayout(config), typesPath, imported, 'alias');
    const names = byModule.get(from) ?? new Set<string>();
    names.add(imported.name);
    byModule.set(from, names);
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, names]) => `import type { ${[...names].sort().join(', ')} } from ${tsString(from)};`);
}

/** Names the Types file derives; a spec type of the same name would be declared twice. */
function derivedNames(model: CommandModel): Map<string, string> {
  return new Map([
    [model.paramsTypeName, 'the params interface'],
    [model.resultTypeName, 'the result interface'],
    [model.className, 'the static accessor'],
    [`create${model.className}Params`, 'the params factory'],
    [`create${model.className}Result`, 'the result factory'],
    [`create${model.className}ResultFromParams`, 'the result factory'],
  ]);
}

/** A derived name that is a host name the Types file imports, or a spec type named like a derived one. */
function derivedNameIssues(model: CommandModel, derived: ReadonlyMap<string, string>): SpecIssue[] {
  // A command named `command` is CommandParams and CommandResult: the names the Types file imports from the host.
  const clashing = [...derived].filter(([name]) => TS_HOST_NAMES.includes(name));
  const hostClashes: SpecIssue[] =
    clashing.length === 0
      ? []
      : [
          {
            file: model.specFile,
            pointer: model.classNamePointer,
            message: `class name ${model.className} makes ${clashing.map(([name, what]) => `${what} ${name}`).join(' and ')}: host names the generated TypeScript imports`,
            found: JSON.stringify(model.className),
            expected: `set className to another PascalCase name (e.g. ${JSON.stringify(`${model.className}Run`)}): derived names may not be ${TS_HOST_NAMES.join(', ')}`,
          },
        ];
  return [
    ...hostClashes,
    ...model.types
      .filter((t) => derived.has(t.name))
      .map((t) => ({
        file: model.specFile,
        pointer: pointerOf('types', t.name),
        message: `type name ${t.name} collides with ${derived.get(t.name)} the Types file declares`,
        found: JSON.stringify(t.name),
        expected: 'another name',
      })),
  ];
}

export function nameCommand(model: CommandModel, config: ProjectConfig): Naming<CommandNames> {
  const located = commandFiles(model, config);
  const derived = derivedNames(model);
  return {
    names: {
      className: model.className,
      ...located,
      packageName: `${config.packageScope}/${model.name}`,
      hostImports: config.importPaths,
      typeImportLines: typeImportLines(model, config, located.files.types),
      derived,
    },
    issues: derivedNameIssues(model, derived),
  };
}
