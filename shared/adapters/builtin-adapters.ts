import type { ProjectConfig } from '../config/project-config.js';
import type { TraitCatalog } from './trait-only/index.js';
import { cAdapter } from './c/index.js';
import { kotlinAdapter } from './kotlin/index.js';
import { protoAdapter } from './proto/index.js';
import { pythonAdapter } from './python/index.js';
import { AdapterRegistry } from './registry.js';
import { swiftAdapter } from './swift/index.js';
import { rustIpcAdapter } from './rust-ipc/index.js';
import { traitOnlyAdapter } from './trait-only/index.js';
import { typeScriptCommandAdapter } from './typescript-command/index.js';

export interface BuiltinAdapterOptions {
  /** The traits rust-ipc specs may name (default: the trait specs shipped in specs/traits/). */
  readonly rustTraits?: (config: ProjectConfig) => TraitCatalog;
}

/** Every adapter that ships with the generator, registered in this one place. */
export function builtinAdapters(options: BuiltinAdapterOptions = {}): AdapterRegistry {
  return (
    new AdapterRegistry()
      .register(
        typeScriptCommandAdapter(
          'server-only',
          'TypeScript command that runs on the server (Types, server command, README, tests)',
          'server',
        ),
      )
      .register(
        typeScriptCommandAdapter(
          'browser-only',
          'TypeScript command that runs in the browser (Types, browser command, README, tests)',
          'browser',
        ),
      )
      .register(typeScriptCommandAdapter('full-stack', 'TypeScript command on both sides: server implements, browser delegates', 'both'))
      .register(rustIpcAdapter(options.rustTraits ? { traits: options.rustTraits } : {}))
      .register(traitOnlyAdapter())
      // Extra languages, run beside a spec's own adapter with --adapter=<id>.
      .register(swiftAdapter())
      .register(kotlinAdapter())
      .register(pythonAdapter())
      .register(protoAdapter())
      .register(cAdapter())
  );
}
