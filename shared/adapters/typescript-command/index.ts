/**
 * The public entry of the typescript-command adapter: what another adapter may compose. A vertical
 * that adds a backing service (rust-ipc) plans this command with its own ServerImplementation in
 * the server's slot, and reuses the command's name checks and Types file merge.
 */
export {
  derivedNameIssues,
  planTypeScriptCommand,
  sidesOf,
  typeScriptCommandAdapter,
  typesFileEdits,
  TYPESCRIPT_RESERVED,
} from './command-adapter.js';
export type { CommandSides } from './command-view.js';
export type { ServerBaseClass, ServerCommandParts, ServerImplementation } from './server-implementation.js';
