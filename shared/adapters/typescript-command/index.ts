/**
 * The typescript-command target, and its public entry: what another adapter may compose. A
 * vertical that adds a backing service (rust-ipc) makes the command a part of its composition,
 * with its own ServerImplementation in the server's slot.
 */
import type { ProjectConfig } from '../../config/project-config.js';
import type { SpecIssue } from '../../errors.js';
import type { CommandModel } from '../../model/command-model.js';
import { TYPESCRIPT_RESERVED_TYPE_NAMES } from '../../targets/typescript/typescript-text.js';
import type { Environment } from '../../spec/command-spec.js';
import { defineTarget, type TargetAdapter, type TargetPart } from '../target.js';
import type { CommandSides } from './command-view.js';
import { nameCommand, type CommandNames } from './namer.js';
import type { ServerImplementation } from './server-implementation.js';
import { renderCommand } from './view.js';

export type { CommandSides } from './command-view.js';
export type { CommandNames } from './namer.js';
export type { ServerBaseClass, ServerCommandParts, ServerImplementation } from './server-implementation.js';

/** Names a generated Types file cannot declare: TypeScript globals, utility types, and what it imports. */
export const TYPESCRIPT_RESERVED = TYPESCRIPT_RESERVED_TYPE_NAMES;

/** What the command's naming pass finds (derived names a spec type collides with), for a composition that checks other specs too. */
export function commandNameIssues(model: CommandModel, config: ProjectConfig): readonly SpecIssue[] {
  return nameCommand(model, config).issues;
}

/** The command classes a TypeScript command of an environment has. */
export function sidesOf(environment: Environment): CommandSides {
  return { server: environment !== 'browser', browser: environment !== 'server' };
}

/** How a composition has the command: its sides, and what stands in the server's slot (absent: the placeholder). */
export interface CommandPartOptions {
  readonly sides: CommandSides;
  readonly server?: ServerImplementation;
}

/** The TypeScript command as a part of a target: named from the model and the config, rendered from this folder's templates. */
export function typeScriptCommandPart(options: CommandPartOptions): TargetPart<CommandNames> {
  return {
    folder: 'typescript-command',
    name: (model, _options, config) => nameCommand(model, config),
    render: (model, names) => renderCommand(model, names, options.sides, options.server),
  };
}

/** A TypeScript-only command adapter for one environment: the default adapter of a spec of that environment that names none. */
export function typeScriptCommandAdapter(id: string, description: string, environment: Environment): TargetAdapter {
  const sides = sidesOf(environment);
  return defineTarget({
    id,
    description,
    environments: [environment],
    defaultFor: [environment],
    writes: [
      'shared/<C>Types.ts',
      ...(sides.server ? ['server/<C>ServerCommand.ts'] : []),
      ...(sides.browser ? ['browser/<C>BrowserCommand.ts'] : []),
      'README.md',
      'test/unit/<C>Command.test.ts',
      'test/integration/<C>Integration.test.ts',
      'package.json',
      '.npmignore',
    ],
    reservedNames: TYPESCRIPT_RESERVED,
    ...typeScriptCommandPart({ sides }),
  });
}
