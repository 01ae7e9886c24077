/**
 * The trait-only target's rendering: lays out what nameTraitSpec decided (the module with its
 * traits and wire types, the TypeScript interfaces, the companions) and the module registrations.
 */
import { rustDocLines } from '../../targets/rust/rust-text.js';
import { registerRustModule } from '../../edits/rust-module-registration.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import { tsExportAttribute } from '../../render/rust-renderer.js';
import type { PlannedEdit, PlannedFile } from '../adapter.js';
import type { Rendering, TemplateFile } from '../target.js';
import { exportTo, moduleName, parentModuleFile } from '../rust-shared/rust-layout.js';
import { renderRustTrait } from '../rust-shared/rust-traits.js';
import type { TraitNames } from './namer.js';

/** The companions' files: pressure.rs, supervisor.rs and the supervisor's wire types. */
function companionFiles(model: CommandModel, names: TraitNames): TemplateFile[] {
  const { pressure, supervisor } = names;
  const exportAttribute = (name: string): string => tsExportAttribute(exportTo(names.layout, names.typesFolder, name));
  return [
    ...(pressure
      ? [
          {
            path: pressure.path,
            template: 'pressure.rs',
            data: { specName: model.name, pressurePath: pressure.pressurePath, hostPressureLevel: pressure.hostPressureLevel },
          },
        ]
      : []),
    ...(supervisor
      ? [
          { path: supervisor.path, template: 'supervisor.rs', data: { specName: model.name, traitsAt: names.traitsAt, exportAttribute } },
          ...supervisor.files.map((f) => ({ path: f.path, template: f.template, data: { imports: f.imports }, verbatim: true })),
        ]
      : []),
  ];
}

/** Registration of the spec's module (re-exported by its parent) and of the companions, up to lib.rs. */
function traitEdits(model: CommandModel, names: TraitNames): PlannedEdit[] {
  const edits: PlannedEdit[] = [];
  const register = (path: string, reexport: boolean): void => {
    const segments = path.split('/');
    // Up to lib.rs: the host's crate root has no `system` module until something declares it.
    for (let depth = segments.length; depth >= 1; depth--) {
      const child = segments.slice(0, depth).join('/');
      const name = moduleName(child);
      const isLeaf = depth === segments.length;
      const file = parentModuleFile(names.layout, child);
      if (edits.some((e) => e.path === file && e.description === `pub mod ${name};`)) continue;
      edits.push({
        path: file,
        description: `pub mod ${name};${isLeaf && reexport ? ` pub use ${name}::*;` : ''}`,
        apply: (existing) =>
          registerRustModule(existing, {
            module: name,
            reexport: isLeaf && reexport,
            header:
              depth === 1
                ? 'Crate root.'
                : `The \`${segments.slice(0, depth - 1).join('::')}\` module (generated module list of generator-continuum).`,
          }),
      });
    }
  };
  register(names.modulePath, true);
  for (const companion of rustOf(model).companions) register(`${names.systemModule}/${companion}`, false);
  return edits;
}

/** Phase two of the trait-only target: the files and edits, from the names alone. */
export function renderTraitSpec(model: CommandModel, names: TraitNames): Rendering {
  const { wire } = names;
  const traits = model.traits ?? [];
  const files: (TemplateFile | PlannedFile)[] = [
    {
      path: names.moduleFile,
      template: 'traits.rs',
      data: {
        specName: model.name,
        descriptionLines: rustDocLines(model.description, '', '//!'),
        itemNames: [...traits.map((t) => t.name), ...wire.declarations.map((d) => d.name)],
        uses: names.uses,
        traits: traits.map((t) => renderRustTrait(t, wire.names)),
        declarations: wire.rust,
        wireTests: wire.tests,
      },
    },
    ...wire.tsFiles,
    ...names.interfaces.map((i) => ({
      path: i.path,
      template: 'interface.ts',
      data: {
        trait: i.trait.name,
        specName: model.name,
        rustPath: `${names.traitsAt}::${i.trait.name}`,
        docs: i.docs,
        importLines: i.importLines,
        memberLines: i.memberLines,
      },
    })),
    ...(names.jsonValue ? [names.jsonValue] : []),
    ...companionFiles(model, names),
  ];
  return { files, edits: traitEdits(model, names) };
}
