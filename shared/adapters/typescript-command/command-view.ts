import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel, EnumDeclaration, FieldModel } from '../../model/command-model.js';
import { words } from '../../model/naming.js';
import { renderTsDeclaration, renderTsFields, renderTsType, renderTsValue } from '../../render/typescript-renderer.js';
import { sampleValue } from '../../render/sample-values.js';
import { namedReferences, typeLeaf, type TypeNode } from '../../types/type-tree.js';
import { HOST_ERROR_TYPE } from '../../model/resolve-model.js';
import { markdownCell, markdownCode, markdownFencedLine, markdownParagraph } from '../../targets/markdown/markdown-text.js';
import { tsCommentText, tsString } from '../../targets/typescript/typescript-text.js';
import { nameCommand, type CommandNames } from './namer.js';
import type { RenderedServerImplementation } from './server-implementation.js';
import { enumOf, resultCheck, validationBlock } from './wire-checks.js';

/** Which command classes a TypeScript command adapter writes. */
export interface CommandSides {
  readonly server: boolean;
  readonly browser: boolean;
}

/**
 * Everything the command templates print, computed once from the model. Templates only lay
 * this out; they hold no naming or type logic of their own.
 */
export interface CommandView {
  readonly name: string;
  readonly className: string;
  readonly title: string;
  /** The description as text inside a TypeScript comment (one line, no comment end). */
  readonly description: string;
  /** The description as a README paragraph. */
  readonly readmeDescription: string;
  readonly accessLevel: string;
  readonly environment: string;
  readonly sides: CommandSides;
  /** True when the browser class holds the logic (browser-only commands). */
  readonly browserImplements: boolean;
  readonly hostImports: CommandNames['hostImports'];
  readonly files: CommandNames['files'];
  readonly modules: CommandNames['modules'];
  readonly packageName: string;
  readonly typeImportLines: CommandNames['typeImportLines'];
  readonly declarations: readonly string[];
  /** Each enum's name and its values as TypeScript string literals, for the value lists. */
  readonly enums: readonly { readonly name: string; readonly valueList: string }[];
  readonly paramLines: readonly string[];
  readonly hasParams: boolean;
  readonly defaultLines: readonly string[];
  readonly resultLines: readonly string[];
  /** The host's result conventions (success, error): required ones before the spec's results, optional ones after. */
  readonly resultConventionLines: { readonly before: readonly string[]; readonly after: readonly string[] };
  /** A result field names the host's error type, so the Types file imports it. */
  readonly usesHostError: boolean;
  /** How the README states the conventions: `success: boolean` and `error?: JTAGError`. */
  readonly resultConventionText: string;
  /** Validation statements for the implementing class, one block per param. */
  readonly validationBlocks: readonly string[];
  readonly usesValidationError: boolean;
  /** Guards and value lists the validation imports from the Types file. */
  readonly validationImports: readonly string[];
  /** Values the implementing class imports from the Types file. */
  readonly implementationImports: readonly string[];
  /** Object-literal lines of placeholder result values, or undefined when a value cannot be made. */
  readonly placeholderResultLines?: readonly string[];
  /** A TS expression of the smallest valid input for the static accessor. */
  readonly sampleInput: string;
  /** True when sampleInput could be built (no required param of an imported type other than the host's UUID). */
  readonly sampleInputKnown: boolean;
  /** sampleInput calls generateUUID() (its file must import it). */
  readonly sampleInputUsesUuid: boolean;
  /** The first enum-typed param, for the rejects-bad-input test. */
  readonly enumParam?: { readonly name: string; readonly enumName: string };
  /** A required param, for the rejects-missing-param test. */
  readonly requiredParam?: string;
  readonly resultChecks: readonly string[];
  readonly readme: {
    readonly paramRows: readonly string[];
    readonly resultRows: readonly string[];
    readonly typeSections: readonly string[];
    readonly cliExamples: readonly string[];
    readonly hasNullable: boolean;
  };
  readonly usageExamples: readonly string[];
  /** The spec's examples as README text: paragraphs, and a line inside a code block. */
  readonly examples: readonly { readonly description: string; readonly command: string; readonly expectedResult?: string }[];
  /** The command folder's package.json (JSON.stringify is its escaping). */
  readonly packageJson: string;
  readonly keywords: readonly string[];
  /** The server's implementation slot, filled by a composing adapter; undefined (but present, for the templates): the placeholder. */
  readonly serverImplementation: RenderedServerImplementation | undefined;
}

function objectLiteralLines(fields: readonly FieldModel[], model: CommandModel, nonBlankStrings = false): string[] | undefined {
  const lines: string[] = [];
  for (const field of fields) {
    if (field.optional) continue;
    const sample = sampleValue(field.type, model.types);
    // A server base class that refuses blank strings (ServerBaseClass.refusesBlankStrings) takes one for a missing one.
    const value = nonBlankStrings && sample === '' ? 'text' : sample;
    if (value === undefined) return undefined;
    lines.push(`${field.name}: ${renderTsValue(value)},`);
  }
  return lines;
}

/**
 * The smallest valid input as a TypeScript expression: JSON samples, except that a host UUID (a
 * branded string no literal type-checks as) is a fresh `generateUUID()`, at any depth of declared types.
 */
function sampleInputLines(
  fields: readonly FieldModel[],
  model: CommandModel,
  uuidModule: string,
  nonBlankStrings: boolean,
): { lines: string[]; usesUuid: boolean } | undefined {
  let usesUuid = false;
  const isUuid = (name: string): boolean => model.imports.some((i) => i.name === name && i.name === 'UUID' && i.from === uuidModule);
  const expression = (node: TypeNode, seen: ReadonlySet<string>): string | undefined => {
    if (node.kind === 'named' && isUuid(node.name)) {
      usesUuid = true;
      return 'generateUUID()';
    }
    if (node.kind === 'named') {
      const declared = model.types.find((t) => t.name === node.name);
      if (declared?.kind === 'interface' && !seen.has(declared.name)) {
        const inner = new Set(seen).add(declared.name);
        const parts: string[] = [];
        for (const f of declared.fields.filter((x) => !x.optional)) {
          const value = expression(f.type, inner);
          if (value === undefined) return undefined;
          parts.push(`${f.name}: ${value}`);
        }
        return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
      }
    }
    const sample = sampleValue(node, model.types, seen);
    return sample === undefined ? undefined : renderTsValue(nonBlankStrings && sample === '' ? 'text' : sample);
  };
  const lines: string[] = [];
  for (const field of fields.filter((f) => !f.optional)) {
    const value = expression(field.type, new Set());
    if (value === undefined) return undefined;
    lines.push(`${field.name}: ${value},`);
  }
  return { lines, usesUuid };
}

function readmeType(node: TypeNode, model: CommandModel): string {
  const enumDeclaration = enumOf(node, model);
  // A tree has one leaf; when it is an integer, say so (TypeScript writes number for both, and reverse reads this back).
  const leafNode = typeLeaf(node);
  const integer = leafNode.kind === 'primitive' && leafNode.name === 'integer' ? ' (integer)' : '';
  const text = `${markdownCode(renderTsType(node))}${integer}`;
  return enumDeclaration && enumDeclaration.origin === 'inline'
    ? `${text} (${markdownCell(enumDeclaration.values.map((v) => `'${v}'`).join(' | '))})`
    : text;
}

/** The README's section of one spec type: an enum's values, or an interface's field table. */
function readmeTypeSection(t: CommandModel['types'][number], model: CommandModel): string {
  const heading = [`### \`${t.name}\``, '', ...(t.description ? [markdownParagraph(t.description), ''] : [])];
  if (t.kind === 'enum') {
    return [
      ...heading,
      `${t.values.map((v) => markdownCode(`'${v}'`)).join(', ')}. Exported as the type \`${t.name}\`, the list \`${t.name}Values\` and the guard \`is${t.name}\`.`,
    ].join('\n');
  }
  return [
    ...heading,
    '| Field | Type | Required | Description |',
    '|---|---|---|---|',
    ...t.fields.map(
      (f) => `| \`${f.name}\` | ${readmeType(f.type, model)} | ${f.optional ? 'no' : 'yes'} | ${markdownCell(f.description)} |`,
    ),
  ].join('\n');
}

/** The README's tables, type sections and command lines. */
function readmeView(model: CommandModel): CommandView['readme'] {
  const allFields = [...model.params, ...model.results, ...model.types.flatMap((t) => (t.kind === 'interface' ? t.fields : []))];
  return {
    paramRows: model.params.map(
      (p) =>
        `| \`${p.name}\` | ${readmeType(p.type, model)} | ${p.optional ? 'no' : 'yes'} | ${p.default !== undefined ? markdownCode(JSON.stringify(p.default)) : ''} | ${markdownCell(p.description)} |`,
    ),
    resultRows: model.results.map(
      (r) => `| \`${r.name}\` | ${readmeType(r.type, model)} | ${r.optional ? 'no' : 'yes'} | ${markdownCell(r.description)} |`,
    ),
    typeSections: model.types.map((t) => readmeTypeSection(t, model)),
    cliExamples: model.examples.length > 0 ? model.examples.map((e) => markdownFencedLine(e.command)) : [`./jtag ${model.name}`],
    hasNullable: allFields.some((f) => f.type.kind === 'nullable'),
  };
}

/** The command folder's package.json text. */
function packageJsonText(model: CommandModel, names: CommandNames, sides: CommandSides): string {
  const C = names.className;
  const manifest = {
    name: names.packageName,
    version: '1.0.0',
    description: model.description,
    main: sides.server ? `server/${C}ServerCommand.ts` : `browser/${C}BrowserCommand.ts`,
    types: `shared/${C}Types.ts`,
    scripts: {
      test: 'npm run test:unit && npm run test:integration',
      'test:unit': `npx tsx test/unit/${C}Command.test.ts`,
      'test:integration': `npx tsx test/integration/${C}Integration.test.ts`,
    },
    files: ['shared/**/*.ts', ...(sides.server ? ['server/**/*.ts'] : []), ...(sides.browser ? ['browser/**/*.ts'] : []), 'README.md'],
    keywords: ['jtag', 'command', ...model.segments],
    license: 'MIT',
  };
  return JSON.stringify(manifest, null, 2);
}

/** The result interface's lines and the host's result conventions (success, error) around them. */
function resultView(
  model: CommandModel,
): Pick<CommandView, 'resultLines' | 'resultConventionLines' | 'usesHostError' | 'resultConventionText'> {
  return {
    resultLines: renderTsFields(model.results),
    resultConventionLines: {
      before: renderTsFields(model.resultConventions.filter((f) => !f.optional)),
      after: renderTsFields(model.resultConventions.filter((f) => f.optional)),
    },
    usesHostError: [
      ...model.resultConventions,
      ...model.results,
      ...model.types.flatMap((t) => (t.kind === 'interface' ? t.fields : [])),
    ].some((f) => namedReferences(f.type).includes(HOST_ERROR_TYPE)),
    resultConventionText: model.resultConventions
      .map((f) => `\`${f.name}${f.optional ? '?' : ''}: ${renderTsType(f.type)}\``)
      .join(' and ')
      .replace(/ and (?=.* and )/g, ', '),
  };
}

/** The param checks of the implementing class and the guards they import from the Types file. */
function validationView(model: CommandModel): Pick<CommandView, 'validationBlocks' | 'usesValidationError' | 'validationImports'> {
  const validationBlocks = model.params.map((p) => validationBlock(p, model)).filter((b): b is string => b !== undefined);
  const guards = model.params.map((p) => enumOf(p.type, model)).filter((e): e is EnumDeclaration => e !== undefined);
  return {
    validationBlocks,
    usesValidationError: validationBlocks.length > 0,
    validationImports: [...new Set(guards.map((e) => `is${e.name}`))].sort(),
  };
}

/**
 * Build the view for the TypeScript command templates from the command's names. `nonBlankStrings`:
 * sample inputs give required strings a non-empty value (for a server base class that refuses blanks).
 */
export function commandView(model: CommandModel, names: CommandNames, sides: CommandSides, nonBlankStrings = false): CommandView {
  const C = names.className;
  const enums = model.types.filter((t): t is EnumDeclaration => t.kind === 'enum');
  const validation = validationView(model);
  const sample = sampleInputLines(model.params, model, names.hostImports.uuid, nonBlankStrings);
  const requiredInput = sample?.lines;
  const sampleInput = requiredInput && requiredInput.length > 0 ? `{ ${requiredInput.map((l) => l.replace(/,$/, '')).join(', ')} }` : '{}';
  const enumParamField = model.params.find((p) => enumOf(p.type, model) !== undefined);
  const placeholderResultLines = objectLiteralLines(model.results, model);
  return {
    name: model.name,
    className: C,
    title: words(model.name)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
    description: tsCommentText(model.description),
    readmeDescription: markdownParagraph(model.description),
    accessLevel: model.accessLevel,
    environment: model.environment,
    sides,
    browserImplements: sides.browser && !sides.server,
    hostImports: names.hostImports,
    files: names.files,
    modules: names.modules,
    packageName: names.packageName,
    typeImportLines: names.typeImportLines,
    declarations: model.types.map((t) => renderTsDeclaration(t)),
    enums: enums.map((e) => ({ name: e.name, valueList: e.values.map(tsString).join(', ') })),
    paramLines:
      model.params.length > 0 ? renderTsFields(model.params) : ['  /** This command takes no parameters. */', '  _noParams?: never;'],
    hasParams: model.params.length > 0,
    defaultLines: model.params.filter((p) => p.optional && p.default !== undefined).map((p) => `${p.name}: ${renderTsValue(p.default)},`),
    ...resultView(model),
    ...validation,
    implementationImports: [...(placeholderResultLines ? [`create${C}ResultFromParams`] : []), ...validation.validationImports],
    placeholderResultLines,
    sampleInput,
    sampleInputKnown: requiredInput !== undefined,
    sampleInputUsesUuid: sample?.usesUuid === true,
    enumParam: enumParamField ? { name: enumParamField.name, enumName: enumOf(enumParamField.type, model)!.name } : undefined,
    requiredParam: model.params.find((p) => !p.optional)?.name,
    resultChecks: model.results.map((f) => resultCheck(f, model)).filter((c): c is string => c !== undefined),
    readme: readmeView(model),
    // Printed inside a JSDoc block too: `*\/` in a string literal is the same string, and cannot end the comment.
    usageExamples: [`const result = await ${C}.execute(${sampleInput.replace(/\*\//g, '*\\/')});`],
    examples: model.examples.map((e) => ({
      description: markdownParagraph(e.description),
      command: markdownFencedLine(e.command),
      ...(e.expectedResult !== undefined && e.expectedResult !== '' ? { expectedResult: markdownParagraph(e.expectedResult) } : {}),
    })),
    packageJson: packageJsonText(model, names, sides),
    keywords: ['jtag', 'command', ...model.segments],
    serverImplementation: undefined,
  };
}

/** The view of a command under a project config (its names decided on the way), for a caller outside a run (the audit's fix). */
export function buildCommandView(model: CommandModel, config: ProjectConfig, sides: CommandSides, nonBlankStrings = false): CommandView {
  return commandView(model, nameCommand(model, config).names, sides, nonBlankStrings);
}
