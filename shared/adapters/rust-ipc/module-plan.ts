/** The files of a rust-ipc module: the Rust module (or generated part), the wire types' TypeScript, the IPC mixin, the handlers. */
import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import type { PlanContext, PlannedFile } from '../adapter.js';
import { buildRustWire } from '../rust-shared/rust-wire.js';
import type { TraitCatalog } from '../trait-only/index.js';
import { hostParts, withHostNames } from './host-parts.js';
import { mixinFile } from './ipc-mixin.js';
import { commandPart, handlerFile, rustModuleFile, traitImpls, type ModuleContents } from './module-file.js';
import { moduleDeclarations, moduleMembers, RUST_IPC_RESERVED, type ModuleMember } from './module-members.js';
import { derivedDocs, moduleWireDeclarations, rustModuleNames, type RustModuleNames } from './rust-module-view.js';

/** The wire types, trait implementations, prefixes and command parts of every command of the module. */
function moduleContents(
  members: readonly ModuleMember[],
  model: CommandModel,
  names: RustModuleNames,
  catalog: TraitCatalog,
): ModuleContents {
  const { declarations } = moduleDeclarations(members, model);
  const imports = new Map<string, CommandModel['imports'][number]>();
  for (const member of members) for (const i of member.model.imports) if (!imports.has(i.name)) imports.set(i.name, i);
  const docs = new Map(members.flatMap((m) => [...derivedDocs(m.model, m.names)]));
  const wire = buildRustWire(declarations, [...imports.values()], { layout: names.layout, folder: names.module, docs });
  const traitNames = [...new Set(members.flatMap((m) => rustOf(m.model).traits))];
  const impls = traitImpls(
    traitNames.map((t) => catalog.get(t)!),
    names,
  );
  return {
    wire,
    impls,
    commandPrefixes: [...new Set(members.map((m) => m.names.commandPrefix))].sort(),
    parts: members.map((m) => commandPart(m, declarations)),
  };
}

/** A wire type's file belongs to the commands that declare it; the module's own files to all of them. */
function wireTypeFiles(members: readonly ModuleMember[], wire: ModuleContents['wire']): PlannedFile[] {
  const everyone = members.map((m) => m.model.name);
  const declaredBy = new Map<string, string[]>();
  for (const member of members)
    for (const d of moduleWireDeclarations(member.model, member.names))
      declaredBy.set(d.name, [...(declaredBy.get(d.name) ?? []), member.model.name]);
  return wire.tsFiles.map((file) => {
    const typeName = posix.basename(file.path, '.ts');
    return { ...file, owners: declaredBy.get(typeName) ?? everyone };
  });
}

/** The module's files (the names of the run's own command with them: the TypeScript command's server slot reads them). */
export function planRustModule(
  model: CommandModel,
  config: ProjectConfig,
  catalog: TraitCatalog,
  context: PlanContext | undefined,
): { files: PlannedFile[]; names: RustModuleNames } {
  const host = hostParts(rustModuleNames(model, config), model, context);
  const { members: found } = moduleMembers(model, config, context, RUST_IPC_RESERVED);
  const members = withHostNames(found, host);
  const names = members.find((m) => m.model.name === model.name)!.names;
  const contents = moduleContents(members, model, names, catalog);
  const files = [
    rustModuleFile(model, members, names, contents, host.module !== undefined),
    ...wireTypeFiles(members, contents.wire),
    ...(host.mixin ? [] : [mixinFile(members, names, contents.commandPrefixes)]),
    ...members.map((m, i) => handlerFile(m, contents.parts[i])),
  ];
  return { files, names };
}
