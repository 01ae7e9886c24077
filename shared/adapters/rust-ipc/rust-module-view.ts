import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel, InterfaceDeclaration } from '../../model/command-model.js';
import { camelCase, pascalCase, snakeCase } from '../../model/naming.js';
import { RUST_KEYWORDS, rustIdent } from '../../render/rust-renderer.js';
import { rustOf } from '../../model/resolve-model.js';
import { moduleName, rustLayout, rustModuleFile, type RustLayout } from '../rust-shared/rust-layout.js';
import type { WireDeclaration } from '../rust-shared/rust-wire.js';

/** Method names the module struct already has (constructor, router, ServiceModule). */
const TAKEN_METHODS = new Set([
  'new',
  'dispatch',
  'config',
  'initialize',
  'handle_command',
  'handle_event',
  'tick',
  'adjusted_priority',
  'shutdown',
  'command_schemas',
  'artifact_subscriptions',
  'cadence',
  'on_artifact_available',
  'as_any',
]);

/**
 * The names and places of a rust-ipc module, decided once from the model and the config:
 * every template and check of the adapter reads them from here.
 */
export interface RustModuleNames {
  readonly layout: RustLayout;
  /** modules/gpu */
  readonly modulePath: string;
  /** gpu: module name, ModuleConfig name, folder of its wire types, TODO tag. */
  readonly module: string;
  /** GpuModule */
  readonly structName: string;
  /** gpu/ */
  readonly commandPrefix: string;
  /** The module method that implements the command (stats for gpu/stats). */
  readonly method: string;
  readonly paramsStruct: string;
  readonly resultStruct: string;
  /** src/workers/continuum-core/src/modules/gpu.rs */
  readonly moduleFile: string;
  /** The module file relative to the crate (src/modules/gpu.rs), as messages cite it. */
  readonly crateRelativeFile: string;
  /** GpuMixin, and its file under ipcBindings/modules. */
  readonly mixin: string;
  readonly mixinFile: string;
  /** The mixin's method (camelCase command name: gpuStats). */
  readonly clientMethod: string;
  /** The child module that holds the command's handler (stats), and its file: yours, created once. */
  readonly handlerModule: string;
  readonly handlerFile: string;
  /** The handler file relative to the crate (src/modules/gpu/stats.rs), as messages cite it. */
  readonly crateRelativeHandlerFile: string;
}

/** Child module names of a module that a handler module must not take: the tests module, the generated part, path keywords. */
const TAKEN_CHILD_MODULES = new Set(['tests', 'generated', 'self', 'super', 'crate']);

/** The handler's child module: the method's name, unless that is a keyword or already a child (stats; type -> type_handler). */
function handlerModuleName(method: string): string {
  const bare = method.replace(/^r#/, '');
  return RUST_KEYWORDS.has(bare) || TAKEN_CHILD_MODULES.has(bare) ? `${bare}_handler` : bare;
}

export function rustModuleNames(model: CommandModel, config: ProjectConfig): RustModuleNames {
  const layout = rustLayout(config);
  const rust = rustOf(model);
  const modulePath = rust.module;
  const module = moduleName(modulePath);
  const commandPrefix = rust.commandPrefix;
  const rest =
    model.name.startsWith(commandPrefix) && model.name.length > commandPrefix.length
      ? model.name.slice(commandPrefix.length)
      : model.segments[model.segments.length - 1];
  let method = snakeCase(rest) || 'run';
  if (TAKEN_METHODS.has(method)) method = `${method}_command`;
  const moduleFile = rustModuleFile(layout, modulePath);
  const handlerModule = handlerModuleName(rustIdent(method));
  const handlerFile = `${layout.crateRoot}/src/${modulePath}/${handlerModule}.rs`;
  return {
    layout,
    modulePath,
    module,
    structName: `${pascalCase(module)}Module`,
    commandPrefix,
    method: rustIdent(method),
    paramsStruct: model.paramsTypeName,
    resultStruct: model.resultTypeName,
    moduleFile,
    crateRelativeFile: posix.relative(layout.crateRoot, moduleFile),
    mixin: `${pascalCase(module)}Mixin`,
    mixinFile: `${layout.ipcBindings}/modules/${module}.ts`,
    clientMethod: camelCase(model.name),
    handlerModule,
    handlerFile,
    crateRelativeHandlerFile: posix.relative(layout.crateRoot, handlerFile),
  };
}

/** The wire types of the module: the spec's types, then the params and result structs. */
export function moduleWireDeclarations(model: CommandModel, names: RustModuleNames): WireDeclaration[] {
  const params: InterfaceDeclaration = { kind: 'interface', name: names.paramsStruct, fields: model.params, pointer: '/params' };
  const result: InterfaceDeclaration = { kind: 'interface', name: names.resultStruct, fields: model.results, pointer: '/results' };
  return [...model.types, params, result];
}

/** Doc text of the derived structs. */
export function derivedDocs(model: CommandModel, names: RustModuleNames): ReadonlyMap<string, string> {
  return new Map([
    [names.paramsStruct, `Params of \`${model.name}\`.`],
    [names.resultStruct, `Result of \`${model.name}\`.`],
  ]);
}
