import { RUST_RESERVED_TYPE_NAMES } from '../../render/rust-renderer.js';
import { rustLayout } from '../rust-shared/rust-layout.js';
import { usePathIssues } from '../rust-shared/rust-paths.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { nameTraitSpec } from './namer.js';
import { renderTraitSpec } from './view.js';

/** The `trait-only` adapter: Rust traits and their wire types, the TypeScript interfaces, and companions. */
export function traitOnlyAdapter(): TargetAdapter {
  return defineTarget({
    id: 'trait-only',
    folder: 'trait-only',
    description: 'Rust traits with ts-rs wire types and TypeScript interfaces (cross-cutting contracts; no command)',
    // No environments: it writes no command.
    accepts: ['rust', 'traits', 'companions', 'variants'],
    writes: [
      '<rustCrate>/src/<traitsModule>/<spec>.rs',
      '<rustCrate>/src/<traitsModule>.rs (pub mod + pub use, edited; parents declared up to lib.rs)',
      '<generatedTypes>/system/<Type>.ts',
      '<generatedTypes>/system/<Trait>.ts',
      'companions: <rustCrate>/src/system/pressure.rs (re-exports the host PressureLevel), supervisor.rs',
    ],
    reservedNames: RUST_RESERVED_TYPE_NAMES,
    options: [],
    renders: { unions: true, traits: true },
    name: (model, _options, config) => nameTraitSpec(model, config),
    render: (model, names) => renderTraitSpec(model, names),
    checkProject: (model, config, project) => usePathIssues(model, rustLayout(config), project),
  });
}
