/** The IPC mixin of a rust-ipc module: the TypeScript client methods of its commands, composed into RustCoreIPC.ts. */
import type { CommandModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { tsCommentText } from '../../targets/typescript/typescript-text.js';
import type { PlannedFile } from '../adapter.js';
import { wireTypeFile, wireTypeSpecifier } from '../rust-shared/rust-layout.js';
import type { ModuleMember } from './module-members.js';
import type { RustModuleNames } from './rust-module-view.js';

const TEMPLATES = adapterTemplates('rust-ipc');

/** A wire type's module specifier from the mixin: through the generatedTypes alias (@shared/generated/gpu/X), or relative where it has none. */
export function mixinWireSpecifier(names: RustModuleNames): (typeName: string) => string {
  return (typeName) => wireTypeSpecifier(names.layout, names.mixinFile, wireTypeFile(names.layout, names.module, typeName), 'alias');
}

/** The mixin file of the module's commands (none when the host has a hand-written mixin: an edit extends that). */
export function mixinFile(members: readonly ModuleMember[], names: RustModuleNames, commandPrefixes: readonly string[]): PlannedFile {
  const wireSpecifier = mixinWireSpecifier(names);
  const wireImports = members
    .flatMap((m) => [m.names.paramsStruct, m.names.resultStruct])
    .map((t) => `import type { ${t} } from '${wireSpecifier(t)}';`);
  const specTypes = [...new Set(members.flatMap((m) => m.model.types.map((t) => t.name)))];
  return {
    path: names.mixinFile,
    owners: members.map((m) => m.model.name),
    content: renderTemplate(TEMPLATES, 'mixin.ts', {
      ...names,
      commandPrefixes,
      commands: members.map((m) => ({
        name: m.model.name,
        description: tsCommentText(m.model.description),
        clientMethod: m.names.clientMethod,
        paramsStruct: m.names.paramsStruct,
        resultStruct: m.names.resultStruct,
      })),
      wireImports,
      typeReexports: specTypes.map((t) => `export type { ${t} } from '${wireSpecifier(t)}';`),
      moduleFileInProject: names.moduleFile,
    }),
  };
}

/** The mixin methods of the module's commands for an edit of a hand-written mixin, with what each imports. */
export function mixinAdditions(members: readonly ModuleMember[], names: RustModuleNames) {
  const specifier = mixinWireSpecifier(names);
  return members.map((m) => ({
    command: m.model.name,
    description: tsCommentText(m.model.description),
    clientMethod: m.names.clientMethod,
    paramsStruct: m.names.paramsStruct,
    resultStruct: m.names.resultStruct,
    imports: [
      ...new Set([m.names.paramsStruct, m.names.resultStruct, ...m.model.types.map((t: CommandModel['types'][number]) => t.name)]),
    ].map((name) => ({ name, from: specifier(name) })),
  }));
}
