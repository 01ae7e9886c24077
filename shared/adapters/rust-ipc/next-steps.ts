/** What the user must still do by hand after a rust-ipc run. */
import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import type { ProjectReader } from '../adapter.js';
import { DEFAULT_STARTUP } from '../rust-shared/rust-layout.js';
import { crateExists, startupRegistration } from './module-edits.js';
import { rustModuleNames } from './rust-module-view.js';

/** What the user must do by hand when the project config turns the start-up edit off. */
export function rustIpcNextSteps(model: CommandModel, config: ProjectConfig, project?: ProjectReader): string[] {
  const names = rustModuleNames(model, config);
  if (names.layout.startup && crateExists(names, project)) return [];
  const statement = startupRegistration(model, names, DEFAULT_STARTUP.statement).statement;
  return [
    `register ${names.structName} at start-up, or its commands are never routed: add \`${statement}\` where the host registers its modules (${names.layout.crateRoot}/${DEFAULT_STARTUP.file} in Continuum)`,
  ];
}
