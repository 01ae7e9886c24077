/** The checks of a rust-ipc spec and of its module as a whole (its other specs, types declared twice, methods two commands share). */
import type { ProjectConfig } from '../../config/project-config.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { closestNames, editDistance } from '../../model/naming.js';
import { rustOf } from '../../model/resolve-model.js';
import { modulePathProblem } from '../rust-shared/rust-layout.js';
import { rustWireIssues } from '../rust-shared/rust-wire.js';
import type { TraitCatalog } from '../trait-only/index.js';
import { commandNameIssues } from '../typescript-command/index.js';
import { moduleDeclarations, type FoundMembers } from './module-members.js';
import { moduleWireDeclarations, rustModuleNames, type RustModuleNames } from './rust-module-view.js';

const RUST_PATH = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Types the Rust module file declares or imports; a spec type of that name would collide. */
function rustDerivedNameIssues(model: CommandModel, names: RustModuleNames, catalog: TraitCatalog): SpecIssue[] {
  const taken = new Map<string, string>([
    [names.structName, 'the module struct'],
    ...rustOf(model).traits.map((t): [string, string] => [t, 'a trait the module implements']),
  ]);
  for (const traitName of rustOf(model).traits) {
    const known = catalog.get(traitName);
    for (const typeName of known?.typePaths.keys() ?? [])
      taken.set(known!.names.nameOf(typeName), `a type the signatures of ${traitName} use`);
  }
  return model.types
    .filter((t) => taken.has(t.name))
    .map((t) => ({
      file: model.specFile,
      pointer: t.pointer,
      message: `type name ${t.name} collides with ${taken.get(t.name)} in ${names.crateRelativeFile}`,
      found: JSON.stringify(t.name),
      expected: 'another name',
    }));
}

function fieldPointer(model: CommandModel, names: RustModuleNames): (owner: string, field: FieldModel) => string {
  return (owner, field) => (owner === names.paramsStruct || owner === names.resultStruct ? `${field.pointer}/name` : field.pointer);
}

export function checkRustIpc(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog): SpecIssue[] {
  const file = model.specFile;
  const names = rustModuleNames(model, config);
  const issues: SpecIssue[] = [];
  const problem = modulePathProblem(names.modulePath);
  if (problem)
    issues.push({
      file,
      pointer: rustOf(model).modulePointer,
      message: `the Rust module ${names.modulePath} ${problem}`,
      found: JSON.stringify(names.modulePath),
      expected: 'snake_case segments such as modules/gpu',
    });
  if (!model.name.startsWith(names.commandPrefix)) {
    issues.push({
      file,
      pointer: rustOf(model).commandPrefixPointer,
      message: `the registry would never route ${model.name} to a module with the prefix ${names.commandPrefix}`,
      found: JSON.stringify(names.commandPrefix),
      expected: `a prefix of the command name, e.g. ${JSON.stringify(`${model.segments[0]}/`)}`,
    });
  }
  rustOf(model).traits.forEach((traitName, index) => {
    if (catalog.get(traitName)) return;
    const known = catalog.names();
    const close = closestNames(traitName, known, 1).filter((n) => editDistance(n, traitName) <= 3);
    issues.push({
      file,
      pointer: pointerOf('rust', 'traits', index),
      message: `unknown trait ${traitName}${close.length > 0 ? ` (did you mean ${close[0]}?)` : ''}`,
      found: JSON.stringify(traitName),
      expected: `one of the known traits: ${known.join(', ')}`,
    });
  });
  rustOf(model).imports.forEach((path, index) => {
    if (!RUST_PATH.test(path))
      issues.push({
        file,
        pointer: pointerOf('rust', 'imports', index),
        message: 'not a Rust use path',
        found: JSON.stringify(path),
        expected: 'one path per entry, e.g. crate::system::pressure::PressureLevel (no braces, no globs)',
      });
  });
  for (const reserved of ['command', 'requestId']) {
    const index = model.params.findIndex((p) => p.name === reserved);
    if (index >= 0)
      issues.push({
        file,
        pointer: pointerOf('params', index, 'name'),
        message: `a param named '${reserved}' would overwrite the ${reserved === 'command' ? 'command name' : 'request id'} of the IPC request`,
        found: JSON.stringify(reserved),
        expected: 'another name',
      });
  }
  issues.push(...ambiguousMethodIssues(model, catalog));
  return [
    ...issues,
    ...rustWireIssues(model, moduleWireDeclarations(model, names), fieldPointer(model, names)),
    ...rustDerivedNameIssues(model, names, catalog),
  ];
}

/** The host's ServiceModule methods (host-real.md): a listed trait must not reuse one of these names. */
const SERVICE_MODULE_METHODS = [
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
];

/**
 * A method name two of the module's traits share (ServiceModule's included) makes a call such as
 * `module.shutdown()` ambiguous wherever both traits are in scope (E0034): refused at the trait.
 */
function ambiguousMethodIssues(model: CommandModel, catalog: TraitCatalog): SpecIssue[] {
  const owners = new Map<string, string>(SERVICE_MODULE_METHODS.map((m) => [m, 'ServiceModule']));
  const issues: SpecIssue[] = [];
  rustOf(model).traits.forEach((traitName, index) => {
    const known = catalog.get(traitName);
    for (const method of known?.trait.methods ?? []) {
      const owner = owners.get(method.name);
      if (owner !== undefined && owner !== traitName) {
        issues.push({
          file: model.specFile,
          pointer: pointerOf('rust', 'traits', index),
          message: `trait ${traitName} has a method ${method.name}, like ${owner}: with both in scope, ${method.name}() on the module is ambiguous (E0034)`,
          found: JSON.stringify(method.name),
          expected: `another name for ${traitName}::${method.name} in ${known!.spec.specFile}`,
        });
      }
      owners.set(method.name, traitName);
    }
  });
  return issues;
}

/** Problems of the module as a whole: its other specs, types declared twice, two commands on one method. */
export function moduleIssues(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog, found: FoundMembers): SpecIssue[] {
  const { members, issues } = found;
  const out = [...issues, ...moduleDeclarations(members, model).issues];
  const own = rustModuleNames(model, config);
  for (const member of members) {
    if (member.model.name === model.name) continue;
    // A sibling the module cannot hold stops this run too, cited at its own file.
    out.push(
      ...[...checkRustIpc(member.model, config, catalog), ...commandNameIssues(member.model, config)].map((i) => ({
        ...i,
        ...member.locate?.(i.pointer),
        message: `${i.message} (${member.model.name} is a command of ${own.modulePath} too)`,
      })),
    );
    if (member.names.method === own.method || member.names.handlerModule === own.handlerModule) {
      out.push({
        file: model.specFile,
        pointer: '/name',
        message: `${model.name} and ${member.model.name} (${member.file}) both become the method ${own.structName}::${own.method} (handler ${own.handlerModule}.rs) of ${own.modulePath}`,
        found: JSON.stringify(model.name),
        expected: 'command names whose last parts differ in snake_case',
      });
    }
  }
  return out;
}
