/** Checks of a rust-ipc command against the project once the run is in: every Rust `use` path it prints resolves in the crate. */
import type { ProjectConfig } from '../../config/project-config.js';
import type { SpecIssue } from '../../errors.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import type { ProjectReader } from '../adapter.js';
import { rustLayout } from '../rust-shared/rust-layout.js';
import { usePathIssues } from '../rust-shared/rust-paths.js';
import type { TraitCatalog } from '../trait-only/index.js';

/** The spec's use paths and the paths of the traits it implements (a trait's hint: generate its spec first). */
export function rustIpcProjectIssues(model: CommandModel, config: ProjectConfig, project: ProjectReader, known: TraitCatalog): SpecIssue[] {
  const traitPaths = rustOf(model).traits.flatMap((name, index) => {
    const trait = known.get(name);
    return trait
      ? [
          {
            path: trait.rustPath,
            pointer: `/rust/traits/${index}`,
            hint: `generate ${trait.spec.specFile} first: continuum-gen trait --spec=<that spec>`,
          },
        ]
      : [];
  });
  return usePathIssues(model, rustLayout(config), project, traitPaths);
}
