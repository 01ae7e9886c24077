/** The public entry of the trait-only adapter: the adapter, and the catalog of traits a rust-ipc spec may name. */
export { traitOnlyAdapter } from './trait-adapter.js';
export {
  indexedProjectTraits,
  projectTraitCatalog,
  resolveProjectTraits,
  shippedTraitCatalog,
  type KnownTrait,
  type TraitCatalog,
  type TraitSpecSource,
} from './trait-catalog.js';
