import { posix } from 'node:path';
import type { SourceFile } from 'ts-morph';
import { buildCommandView } from '../adapters/typescript-command/command-view.js';
import type { ProjectConfig } from '../config/project-config.js';
import { resolveCommandModel } from '../model/resolve-model.js';
import { findAccessor, payloadDeclarations, syntaxError } from '../reverse/types-file.js';
import { serialiseSpec } from '../spec/canonical-spec.js';
import type { CommandSpecV2 } from '../spec/command-spec.js';
import { parseJsonSource } from '../spec/json-source.js';
import { loadTsMorph } from '../edits/typescript-loader.js';

export interface AccessorFixInput {
  /** Project-relative path of the Types file. */
  readonly typesFile: string;
  readonly text: string;
  /** The command name the accessor executes (what reverse read: the command class's super(), else the folder). */
  readonly name: string;
  /** The spec reverse read from the folder: gives the usage line of the accessor's doc comment. */
  readonly reversed?: CommandSpecV2;
  readonly config: ProjectConfig;
}

/** The Types file with its accessor, or why it is left alone (nothing is guessed). */
export type AccessorFix = { readonly content: string; readonly className: string } | { readonly problem: string };

const VALUE_DECLARATIONS = (file: SourceFile, name: string): boolean =>
  file.getVariableDeclaration(name) !== undefined ||
  file.getClass(name) !== undefined ||
  file.getFunction(name) !== undefined ||
  file.getEnum(name) !== undefined;

/**
 * Insert the static accessor into a Types file that has none, in the exact shape the command
 * template writes (shared/adapters/typescript-command/templates/types.ts.ejs): a section rule, a JSDoc block with usage,
 * `export const <C> = { execute(params: CommandInput<<C>Params>): Promise<<C>Result> { return
 * Commands.execute<<C>Params, <C>Result>('<name>', params as Partial<<C>Params>); }, commandName:
 * '<name>' as const } as const;` The imports it needs (CommandInput from the module the file
 * takes CommandParams from, Commands from the configured path) are added with ts-morph. Refused
 * when the file does not parse, already has an accessor, lacks the params or result interface,
 * or already declares a value named <C>.
 */
export function insertStaticAccessor(input: AccessorFixInput): AccessorFix {
  // ts-morph only when a fix is applied: an audit that fixes nothing never loads it.
  const { Project, QuoteKind, ts } = loadTsMorph();
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
    manipulationSettings: { quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile(`/${input.typesFile}`, input.text);
  // The readers take the compiler's tree, which ts-morph keeps current through its edits.
  const broken = syntaxError(file.compilerNode);
  if (broken) return { problem: `${input.typesFile}:${broken.line} does not parse (${broken.message})` };
  if (findAccessor(file.compilerNode)) return { problem: `${input.typesFile} already has a static accessor` };
  const params = payloadDeclarations(file.compilerNode, 'params')[0];
  const result = payloadDeclarations(file.compilerNode, 'result')[0];
  if (!params || !result) {
    return {
      problem: `${input.typesFile} has no ${!params ? 'params interface (extends CommandParams)' : 'result interface (extends CommandResult)'}; the accessor's types would be a guess`,
    };
  }
  const className = accessorName(params.name, result.name);
  if (className === undefined)
    return {
      problem: `${input.typesFile}: neither ${params.name} nor ${result.name} is named <C>Params / <C>Result, so the accessor's name would be a guess`,
    };
  if (VALUE_DECLARATIONS(file, className)) return { problem: `${input.typesFile} already declares a value named ${className}` };
  const importProblem = addAccessorImports(file, input);
  if (importProblem) return { problem: importProblem };

  const C = className;
  const P = params.name;
  const R = result.name;
  const commandsRoot = `${input.config.roots.commands}/`;
  const typesModule = input.typesFile.startsWith(commandsRoot)
    ? `${input.config.importPaths.commandsAlias}/${input.typesFile.slice(commandsRoot.length).replace(/\.tsx?$/, '')}`
    : `./${posix.basename(input.typesFile).replace(/\.tsx?$/, '')}`;
  const accessor = [
    '',
    '// ── Static accessor ─────────────────────────────────────────────────────────',
    '',
    '/**',
    ` * ${C} — type-safe command executor.`,
    ' *',
    ' * Usage:',
    ` *   import { ${C} } from '${typesModule}';`,
    ' *',
    ` *   ${usageLine(input, C)}`,
    ' */',
    `export const ${C} = {`,
    `  execute(params: CommandInput<${P}>): Promise<${R}> {`,
    `    return Commands.execute<${P}, ${R}>('${input.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}', params as Partial<${P}>);`,
    '  },',
    `  commandName: '${input.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' as const,`,
    '} as const;',
    '',
  ].join('\n');
  file.replaceWithText(file.getFullText().replace(/\s*$/, '\n'));
  file.insertText(file.getEnd(), accessor);
  // The inserted accessor must be what the audit and reverse look for.
  if (findAccessor(file.compilerNode)?.executeName !== input.name)
    return { problem: `${input.typesFile}: the inserted accessor was not recognised; nothing written` };
  return { content: file.getFullText(), className: C };
}

/** <C> from <C>Params, else from <C>Result; undefined when neither is so named (the name would be a guess). */
function accessorName(paramsName: string, resultName: string): string | undefined {
  if (paramsName.endsWith('Params') && paramsName.length > 'Params'.length) return paramsName.slice(0, -'Params'.length);
  if (resultName.endsWith('Result') && resultName.length > 'Result'.length) return resultName.slice(0, -'Result'.length);
  return undefined;
}

/** Import what the accessor uses, CommandInput and Commands, unless the file has them; a problem when it cannot. */
function addAccessorImports(file: SourceFile, input: AccessorFixInput): string | undefined {
  // CommandInput comes from where the file takes CommandParams (the host's JTAGTypes).
  const payloadImport = file.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === 'CommandParams'));
  const jtagModule = payloadImport?.getModuleSpecifierValue() ?? input.config.importPaths.jtagTypes;
  const imported = (name: string): boolean =>
    file.getImportDeclarations().some((d) => d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name));
  if (!imported('CommandInput')) {
    const typeImport = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === jtagModule && d.isTypeOnly());
    if (typeImport) typeImport.addNamedImport('CommandInput');
    else if (payloadImport) payloadImport.addNamedImport({ name: 'CommandInput', isTypeOnly: !payloadImport.isTypeOnly() });
    else file.addImportDeclaration({ isTypeOnly: true, namedImports: ['CommandInput'], moduleSpecifier: jtagModule });
  }
  if (!imported('Commands')) {
    if (VALUE_DECLARATIONS(file, 'Commands'))
      return `${input.typesFile} declares its own Commands; the accessor would not reach the host's`;
    file.addImportDeclaration({ namedImports: ['Commands'], moduleSpecifier: input.config.importPaths.commands });
  }
  return undefined;
}

/** The generator's usage line for the accessor, from the reversed spec; a plain one when it does not resolve. */
function usageLine(input: AccessorFixInput, className: string): string {
  if (input.reversed) {
    try {
      const spec = { ...input.reversed, className };
      const model = resolveCommandModel(spec, parseJsonSource(serialiseSpec(spec), input.typesFile), input.config);
      const usage = buildCommandView(model, input.config, { server: true, browser: false }).usageExamples[0];
      if (usage) return usage;
    } catch {
      // A spec the generator refuses (an `any`, an unresolved type): the plain usage below.
    }
  }
  return `const result = await ${className}.execute(params);`;
}
