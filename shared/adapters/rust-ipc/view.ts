/** The rendering of rust-ipc's Rust module part: the Rust module (or generated part), the wire types' TypeScript, the IPC mixin, the handlers. */
import { posix } from 'node:path';
import type { CommandModel } from '../../model/command-model.js';
import type { PlannedFile } from '../adapter.js';
import { buildRustWire } from '../rust-shared/rust-wire.js';
import type { Rendering } from '../target.js';
import type { KnownTrait } from '../trait-only/index.js';
import { mixinFile } from './ipc-mixin.js';
import { commandPart, handlerFile, rustModuleFile, traitImpls, type ModuleContents } from './module-file.js';
import { rustIpcEdits } from './module-edits.js';
import { moduleDeclarations, type ModuleMember } from './module-members.js';
import type { RustIpcNames } from './namer.js';
import { derivedDocs, moduleWireDeclarations, type RustModuleNames } from './rust-module-view.js';

/** The wire types, trait implementations, prefixes and command parts of every command of the module. */
function moduleContents(
  members: readonly ModuleMember[],
  model: CommandModel,
  names: RustModuleNames,
  traits: readonly KnownTrait[],
): ModuleContents {
  const { declarations } = moduleDeclarations(members, model);
  const imports = new Map<string, CommandModel['imports'][number]>();
  for (const member of members) for (const i of member.model.imports) if (!imports.has(i.name)) imports.set(i.name, i);
  const docs = new Map(members.flatMap((m) => [...derivedDocs(m.model, m.names)]));
  const wire = buildRustWire(declarations, [...imports.values()], { layout: names.layout, folder: names.module, docs });
  const impls = traitImpls(traits, names);
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

/** The module's files and the edits of the shared files around it. */
export function renderRustModule(model: CommandModel, names: RustIpcNames): Rendering {
  const { members, host, own } = names;
  const contents = moduleContents(members, model, own, names.traits);
  const files = [
    rustModuleFile(model, members, own, contents, host.module !== undefined),
    ...wireTypeFiles(members, contents.wire),
    ...(host.mixin ? [] : [mixinFile(members, own, contents.commandPrefixes)]),
    ...members.map((m, i) => handlerFile(m, contents.parts[i])),
  ];
  return { files, edits: rustIpcEdits(model, names) };
}
