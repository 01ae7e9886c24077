/**
 * The naming pass of rust-ipc's Rust module part: the module's commands (every spec naming the
 * same rust.module) with their names, as a hand-written host module and mixin have them, the
 * traits it implements, and every problem of the module, decided once per run.
 */
import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import type { PlanContext } from '../adapter.js';
import type { KnownTrait, TraitCatalog } from '../trait-only/index.js';
import type { Naming } from '../target.js';
import { hostParts, withHostNames, type HostParts } from './host-parts.js';
import { checkRustIpc, moduleIssues } from './module-checks.js';
import { crateExists } from './module-edits.js';
import { moduleMembers, RUST_IPC_RESERVED, type ModuleMember } from './module-members.js';
import { rustModuleNames, type RustModuleNames } from './rust-module-view.js';

export interface RustIpcNames {
  /** The run's own command's names (the struct and mixin a hand-written host module and mixin have). */
  readonly own: RustModuleNames;
  /** Every command of the module, in command-name order, with its names. */
  readonly members: readonly ModuleMember[];
  /** The hand-written module and mixin the command joins, when the host has them. */
  readonly host: HostParts;
  /** The traits the module implements, in the order its specs list them. */
  readonly traits: readonly KnownTrait[];
  /** The module is registered at start-up by an edit (configured, generated, and there is a crate to register in). */
  readonly registersAtStartup: boolean;
}

export function nameRustModule(
  model: CommandModel,
  config: ProjectConfig,
  catalog: TraitCatalog,
  context: PlanContext,
): Naming<RustIpcNames> {
  const host = hostParts(rustModuleNames(model, config), model, context);
  const found = moduleMembers(model, config, context, RUST_IPC_RESERVED);
  const members = withHostNames(found.members, host);
  const own = members.find((m) => m.model.name === model.name)!.names;
  const traitNames = [...new Set(members.flatMap((m) => rustOf(m.model).traits))];
  return {
    names: {
      own,
      members,
      host,
      traits: traitNames.flatMap((t) => catalog.get(t) ?? []),
      // A hand-written module is registered at start-up by hand, with its own state (GpuModule::new(manager)).
      registersAtStartup: own.layout.startup !== undefined && !host.module && crateExists(own, context.project),
    },
    issues: [...checkRustIpc(model, config, catalog), ...moduleIssues(model, config, catalog, found), ...host.issues],
  };
}
