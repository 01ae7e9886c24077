import type { CommandSpecV2 } from '../spec/command-spec.js';
import { defaultRustModule } from '../spec/spec-defaults.js';
import type { AuditContext, AuditedCommand } from './context.js';
import { specWritesRustModule } from './spec-adapter.js';
import { moduleFileCandidates, type RustFile } from './rust-crate.js';

/** A rust-ipc command with a spec, and the module file its spec names (undefined when the crate lacks it). */
export interface RustIpcModule {
  readonly command: AuditedCommand;
  readonly specFile: string;
  readonly spec: CommandSpecV2;
  /** The spec's rust.module, else the default. */
  readonly modulePath: string;
  readonly candidates: readonly string[];
  readonly moduleFile?: RustFile;
}

/** Full audit only: each rust-ipc command's module in the crate (CG007 and CG008 read it). */
export function rustIpcModules(context: AuditContext): RustIpcModule[] {
  if (!context.rust) return [];
  const byPath = new Map(context.rust.crate.map((f) => [f.file, f]));
  const modules: RustIpcModule[] = [];
  for (const command of context.commands) {
    if (command.spec === undefined) continue;
    const spec = context.specIndex.byName.get(command.name)?.spec;
    if (!spec || !specWritesRustModule(context, spec, command.spec)) continue;
    const modulePath = spec.rust?.module ?? defaultRustModule(command.name);
    const candidates = moduleFileCandidates(context.config.roots.rustCrate, modulePath);
    const moduleFile = candidates.map((c) => byPath.get(c)).find((f) => f !== undefined);
    modules.push({ command, specFile: command.spec, spec, modulePath, candidates, ...(moduleFile ? { moduleFile } : {}) });
  }
  return modules;
}
