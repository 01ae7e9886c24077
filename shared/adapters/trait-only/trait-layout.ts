import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import { rustLayout } from '../rust-shared/rust-layout.js';

/**
 * The module a trait spec writes: `rust.module` when given, else one submodule of the traits
 * module per spec (the model applies spec-defaults' defaultTraitModule), re-exported by
 * system/traits.rs so that `crate::system::traits::ManagedService` names it.
 */
export function traitModulePath(model: CommandModel): string {
  return rustOf(model).module;
}

/** The folder under generatedTypes for a trait spec's wire types: the first segment of the traits module (system). */
export function traitTypesFolder(config: ProjectConfig): string {
  return rustLayout(config).traitsModule.split('/')[0];
}

/** The module that holds the traits module (system): companions (pressure, supervisor) live beside it. */
export function systemModulePath(config: ProjectConfig): string {
  return rustLayout(config).traitsModule.split('/').slice(0, -1).join('/');
}
