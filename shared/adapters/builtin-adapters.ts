import { AdapterRegistry } from './registry.js';
import { typeScriptCommandAdapter } from './typescript-command/command-adapter.js';

/** Every adapter that ships with the generator, registered in this one place. */
export function builtinAdapters(): AdapterRegistry {
  return new AdapterRegistry()
    .register(typeScriptCommandAdapter('server-only', 'TypeScript command that runs on the server (Types, server command, README, tests)', { server: true, browser: false }))
    .register(typeScriptCommandAdapter('browser-only', 'TypeScript command that runs in the browser (Types, browser command, README, tests)', { server: false, browser: true }))
    .register(typeScriptCommandAdapter('full-stack', 'TypeScript command on both sides: server implements, browser delegates', { server: true, browser: true }));
}
