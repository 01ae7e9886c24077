import type { ProjectConfig } from '../../config/project-config.js';
import { TS_HOST_NAMES, TYPESCRIPT_RESERVED_TYPE_NAMES } from '../../targets/typescript/typescript-text.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type { CommandModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import type { Environment } from '../../spec/command-spec.js';
import { renderTemplate } from '../../render/template-engine.js';
import { renderTsValue } from '../../render/typescript-renderer.js';
import { mergeTypesFile } from '../../edits/types-file-merge.js';
import type { FilePlan, GeneratorAdapter, PlannedEdit, PlannedFile } from '../adapter.js';
import { buildCommandView, validationBlock, type CommandSides, type CommandView } from './command-view.js';
import type { RenderedServerImplementation, ServerImplementation } from './server-implementation.js';

const TEMPLATE_FOLDER = adapterTemplates('typescript-command');

/** Names a generated Types file cannot declare: TypeScript globals, utility types, and what it imports. */
export const TYPESCRIPT_RESERVED = TYPESCRIPT_RESERVED_TYPE_NAMES;

/** Names the Types file derives; a spec type of the same name would be declared twice. */
export function derivedNameIssues(model: CommandModel): SpecIssue[] {
  const derived = new Map<string, string>([
    [model.paramsTypeName, 'the params interface'],
    [model.resultTypeName, 'the result interface'],
    [model.className, 'the static accessor'],
    [`create${model.className}Params`, 'the params factory'],
    [`create${model.className}Result`, 'the result factory'],
    [`create${model.className}ResultFromParams`, 'the result factory'],
  ]);
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

function testView(view: CommandView, model: CommandModel) {
  const implementingSide = view.sides.server ? 'server' : 'browser';
  const badField = view.enumParam?.name ?? view.requiredParam;
  const composed = view.serverImplementation !== undefined;
  const testsExecute = !composed && view.placeholderResultLines !== undefined && view.sampleInputKnown;
  return {
    implementingSide,
    implementingClass: view.sides.server ? 'ServerCommand' : 'BrowserCommand',
    implementingModule: view.sides.server ? view.modules.server : view.modules.browser,
    // A composed server's execute needs its backing service running: the integration test covers it.
    testsExecute,
    // Its validation runs before it calls out, so a unit test can check that without the service.
    testsValidation: badField !== undefined && view.sampleInputKnown && (testsExecute || composed),
    badField,
    badInput: view.enumParam ? `{ ${view.enumParam.name}: 'not-a-${view.enumParam.enumName}' }` : `{ ${view.requiredParam}: undefined }`,
    defaultChecks: model.params
      .filter((p) => p.optional && p.default !== undefined)
      .map(
        (p) =>
          `assert(JSON.stringify(params.${p.name}) === ${renderTsValue(JSON.stringify(p.default))}, '${p.name} defaults to ${JSON.stringify(p.default).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}');`,
      ),
  };
}

/** The view with a composing adapter's server implementation in its slot (see ServerImplementation). */
function composedView(base: CommandView, model: CommandModel, server: ServerImplementation): CommandView {
  const validationBlocks = server.base.checksRequiredParams
    ? model.params.map((p) => validationBlock(p, model, false)).filter((b): b is string => b !== undefined)
    : base.validationBlocks;
  const usesValidationError = validationBlocks.length > 0;
  const rendered: RenderedServerImplementation = {
    ...server,
    body: server.body({ className: model.className, validationBlocks, usesValidationError }),
  };
  return {
    ...base,
    serverImplementation: rendered,
    validationBlocks,
    usesValidationError,
    implementationImports: [...server.typesValues, ...base.validationImports],
  };
}

/**
 * Plan the TypeScript command folder of the host conventions for the given sides. With `server`
 * (filled by a composing adapter, see ServerImplementation) the server command does what the slot
 * says instead of holding a placeholder implementation.
 */
export function planTypeScriptCommand(
  model: CommandModel,
  config: ProjectConfig,
  sides: CommandSides,
  server?: ServerImplementation,
): PlannedFile[] {
  const base = buildCommandView(model, config, sides, server?.base.refusesBlankStrings === true);
  const view = server ? composedView(base, model, server) : base;
  const data = { ...view, ...testView(view, model) };
  const files: PlannedFile[] = [
    // A shared Types file is merged into (typesFileEdits), not written whole.
    ...(model.typesFile ? [] : [{ path: view.files.types, content: renderTemplate(TEMPLATE_FOLDER, 'types.ts', data) }]),
    { path: view.files.readme, content: renderTemplate(TEMPLATE_FOLDER, 'README.md', data) },
    { path: view.files.unitTest, content: renderTemplate(TEMPLATE_FOLDER, 'unit-test.ts', data) },
    { path: view.files.integrationTest, content: renderTemplate(TEMPLATE_FOLDER, 'integration-test.ts', data) },
    { path: view.files.packageJson, content: renderTemplate(TEMPLATE_FOLDER, 'package.json', data) },
    { path: view.files.npmignore, content: renderTemplate(TEMPLATE_FOLDER, 'npmignore', data) },
  ];
  if (sides.server) files.push({ path: view.files.server, content: renderTemplate(TEMPLATE_FOLDER, 'server-command.ts', data) });
  if (sides.browser) files.push({ path: view.files.browser, content: renderTemplate(TEMPLATE_FOLDER, 'browser-command.ts', data) });
  return files;
}

/** The merge of the command's declarations into its shared Types file (spec typesFile); none without one. */
export function typesFileEdits(model: CommandModel, config: ProjectConfig): PlannedEdit[] {
  if (!model.typesFile) return [];
  const view = buildCommandView(model, config, { server: true, browser: false });
  const text = renderTemplate(TEMPLATE_FOLDER, 'types.ts', { ...view, ...testView(view, model) });
  return [
    {
      path: model.typesFile,
      description: `the declarations of ${model.name}`,
      apply: (existing) => mergeTypesFile(existing, { command: model.name, text }),
    },
  ];
}

/** The command classes a TypeScript command of an environment has. */
export function sidesOf(environment: Environment): CommandSides {
  return { server: environment !== 'browser', browser: environment !== 'server' };
}

/** A TypeScript-only command adapter for one environment: the default adapter of a spec of that environment that names none. */
export function typeScriptCommandAdapter(id: string, description: string, environment: Environment): GeneratorAdapter {
  const sides = sidesOf(environment);
  const writes = [
    'shared/<C>Types.ts',
    ...(sides.server ? ['server/<C>ServerCommand.ts'] : []),
    ...(sides.browser ? ['browser/<C>BrowserCommand.ts'] : []),
    'README.md',
    'test/unit/<C>Command.test.ts',
    'test/integration/<C>Integration.test.ts',
    'package.json',
    '.npmignore',
  ];
  return {
    id,
    description,
    environments: [environment],
    defaultFor: [environment],
    writes,
    reservedNames: TYPESCRIPT_RESERVED,
    check: (model) => derivedNameIssues(model),
    plan: (model: CommandModel, config: ProjectConfig): FilePlan => planTypeScriptCommand(model, config, sides),
    edits: (model, config) => typesFileEdits(model, config),
  };
}
