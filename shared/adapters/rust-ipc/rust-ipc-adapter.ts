import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import type { FilePlan, GeneratorAdapter, PlanContext } from '../adapter.js';
import { planTypeScriptCommand, sidesOf, typesFileEdits } from '../typescript-command/index.js';
import { shippedTraitCatalog, type TraitCatalog } from '../trait-only/index.js';
import { rustIpcServer } from './command-slot.js';
import { hostParts } from './host-parts.js';
import { checkRustIpc, moduleIssues } from './module-checks.js';
import { rustIpcEdits } from './module-edits.js';
import { moduleMembers, relatedOf, RUST_IPC_RESERVED } from './module-members.js';
import { planRustModule } from './module-plan.js';
import { rustIpcNextSteps } from './next-steps.js';
import { rustIpcProjectIssues } from './project-checks.js';
import { rustModuleNames } from './rust-module-view.js';

/** The Rust module's files, then the TypeScript command whose server slot calls the module. */
function planRustIpc(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog, context: PlanContext | undefined): FilePlan {
  const { files, names } = planRustModule(model, config, catalog, context);
  return [...files, ...planTypeScriptCommand(model, config, sidesOf(model.environment), rustIpcServer(model, config, names))];
}

export interface RustIpcAdapterOptions {
  /** The traits `rust.traits` may name (default: the trait specs shipped in specs/traits/). */
  readonly traits?: (config: ProjectConfig) => TraitCatalog;
}

/**
 * The `rust-ipc` adapter: the whole vertical of a Rust-backed command. A ServiceModule in the
 * crate (serde params in, result out, implementations of the listed traits), ts-rs wire types
 * and their TypeScript, the IPC mixin, and the TypeScript command whose server side calls it.
 */
export function rustIpcAdapter(options: RustIpcAdapterOptions = {}): GeneratorAdapter {
  const fallback = options.traits ?? shippedTraitCatalog;
  // The run's traits when the engine resolved them (the project's own among them), else the adapter's own.
  const catalog = (config: ProjectConfig, context: PlanContext | undefined): TraitCatalog => context?.traits?.() ?? fallback(config);
  return {
    id: 'rust-ipc',
    description: 'Rust ServiceModule with ts-rs wire types, IPC mixin and a TypeScript command that calls it (one spec, full vertical)',
    // The command may also have a browser side, which delegates to the server (like full-stack).
    environments: ['server', 'both'],
    writesRustModule: true,
    accepts: ['rust'],
    writes: [
      '<rustCrate>/src/<rust.module>.rs: every command of the module (+ pub mod in its parents up to lib.rs, edited)',
      '<rustCrate>/src/<rust.module>/<command>.rs: the handler, yours (created once, never rewritten)',
      '<rustCrate>/src/ipc/mod.rs: the start-up registration (edited; rust.startup)',
      '<generatedTypes>/<module>/<Type>.ts',
      '<ipcBindings>/modules/<module>.ts (+ RustCoreIPC.ts: type re-exports and the mixin, edited)',
      'shared/<C>Types.ts',
      'server/<C>ServerCommand.ts',
      'README.md',
      'test/unit/<C>Command.test.ts',
      'test/integration/<C>Integration.test.ts',
      'package.json',
      '.npmignore',
    ],
    reservedNames: RUST_IPC_RESERVED,
    check: (model, config, _options, context) => [
      ...checkRustIpc(model, config, catalog(config, context)),
      ...moduleIssues(model, config, catalog(config, context), context),
      ...hostParts(rustModuleNames(model, config), model, context).issues,
    ],
    plan: (model, config, _options, context) => planRustIpc(model, config, catalog(config, context), context),
    relatedSpecs: (model, config, _options, context) => relatedOf(moduleMembers(model, config, context, RUST_IPC_RESERVED).members, model),
    edits: (model, config, _options, project, context) => [
      ...rustIpcEdits(model, config, project, context),
      ...typesFileEdits(model, config),
    ],
    nextSteps: (model, config, project) => rustIpcNextSteps(model, config, project),
    checkProject: (model, config, project, context) => rustIpcProjectIssues(model, config, project, catalog(config, context)),
  };
}
