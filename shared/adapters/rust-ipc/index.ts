/**
 * The `rust-ipc` adapter, and its public entry: the whole vertical of a Rust-backed command as a
 * composition. Its Rust module part (namer.ts, view.ts: a ServiceModule in the crate, ts-rs wire
 * types and their TypeScript, the IPC mixin, handlers, and the edits of the shared files around
 * them) is the core; the TypeScript command is composed on its names, with rust-ipc's
 * ServerImplementation in the server's slot (command-slot.ts).
 */
import type { ProjectConfig } from '../../config/project-config.js';
import type { PlanContext } from '../adapter.js';
import { defineComposition, type TargetAdapter } from '../target.js';
import { shippedTraitCatalog, type TraitCatalog } from '../trait-only/index.js';
import { sidesOf, typeScriptCommandPart } from '../typescript-command/index.js';
import { rustIpcServer } from './command-slot.js';
import { relatedOf, RUST_IPC_RESERVED } from './module-members.js';
import { nameRustModule } from './namer.js';
import { rustIpcNextSteps } from './next-steps.js';
import { rustIpcProjectIssues } from './project-checks.js';
import { renderRustModule } from './view.js';

export interface RustIpcAdapterOptions {
  /** The traits `rust.traits` may name (default: the trait specs shipped in specs/traits/). */
  readonly traits?: (config: ProjectConfig) => TraitCatalog;
}

export function rustIpcAdapter(options: RustIpcAdapterOptions = {}): TargetAdapter {
  const fallback = options.traits ?? shippedTraitCatalog;
  // The run's traits when the engine resolved them (the project's own among them), else the adapter's own.
  const catalog = (config: ProjectConfig, context: PlanContext | undefined): TraitCatalog => context?.traits?.() ?? fallback(config);
  return defineComposition({
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
    core: {
      folder: 'rust-ipc',
      name: (model, _options, config, context) => nameRustModule(model, config, catalog(config, context), context),
      render: (model, names) => renderRustModule(model, names),
    },
    parts: (model, config, names) => [
      typeScriptCommandPart({ sides: sidesOf(model.environment), server: rustIpcServer(model, config, names.own) }),
    ],
    relatedSpecs: (model, names) => relatedOf(names.members, model),
    nextSteps: (model, config, project) => rustIpcNextSteps(model, config, project),
    checkProject: (model, config, project, context) => rustIpcProjectIssues(model, config, project, catalog(config, context)),
  });
}
