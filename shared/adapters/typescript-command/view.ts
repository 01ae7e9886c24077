/**
 * The rendering of the TypeScript command: its files from this folder's templates, laid out
 * from the command's names and view; a server implementation in the slot (filled by a
 * composing adapter, see ServerImplementation) replaces the placeholder implementation.
 */
import type { CommandModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { renderTsValue } from '../../render/typescript-renderer.js';
import { mergeTypesFile } from '../../edits/types-file-merge.js';
import type { PlannedEdit } from '../adapter.js';
import type { Rendering, TemplateFile } from '../target.js';
import { commandView, type CommandSides, type CommandView } from './command-view.js';
import type { CommandNames } from './namer.js';
import type { RenderedServerImplementation, ServerImplementation } from './server-implementation.js';
import { validationBlock } from './wire-checks.js';

const TEMPLATE_FOLDER = adapterTemplates('typescript-command');

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

/** The merge of the command's declarations into its shared Types file (spec typesFile); none without one. */
function typesFileEdits(model: CommandModel, names: CommandNames): PlannedEdit[] {
  if (!model.typesFile) return [];
  const view = commandView(model, names, { server: true, browser: false });
  const text = renderTemplate(TEMPLATE_FOLDER, 'types.ts', { ...view, ...testView(view, model) });
  return [
    {
      path: model.typesFile,
      description: `the declarations of ${model.name}`,
      apply: (existing) => mergeTypesFile(existing, { command: model.name, text }),
    },
  ];
}

/** The command folder of the host conventions for the given sides, and the merge into a shared Types file. */
export function renderCommand(model: CommandModel, names: CommandNames, sides: CommandSides, server?: ServerImplementation): Rendering {
  const base = commandView(model, names, sides, server?.base.refusesBlankStrings === true);
  const view = server ? composedView(base, model, server) : base;
  const data = { ...view, ...testView(view, model) };
  const file = (path: string, template: string): TemplateFile => ({ path, template, data });
  const files: TemplateFile[] = [
    // A shared Types file is merged into (typesFileEdits), not written whole.
    ...(model.typesFile ? [] : [file(view.files.types, 'types.ts')]),
    file(view.files.readme, 'README.md'),
    file(view.files.unitTest, 'unit-test.ts'),
    file(view.files.integrationTest, 'integration-test.ts'),
    file(view.files.packageJson, 'package.json'),
    file(view.files.npmignore, 'npmignore'),
    ...(sides.server ? [file(view.files.server, 'server-command.ts')] : []),
    ...(sides.browser ? [file(view.files.browser, 'browser-command.ts')] : []),
  ];
  return { files, edits: typesFileEdits(model, names) };
}
