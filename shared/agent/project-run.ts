import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { loadProjectAdapters, projectSpecTexts } from '../adapters/plugin-loader.js';
import { CONFIG_FILE, projectConfigFromText } from '../config/load-project-config.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import { projectTypeIndex, type KnownTypes } from '../reverse/exported-types.js';
import { nodeSourceReader } from '../reverse/source-reader.js';
import { projectReader } from '../write/commit.js';
import { planSpecRunLoading, type SpecRun, type SpecRunOptions } from '../run/spec-run.js';
import type { SpecSource } from '../run/spec-sources.js';

export interface ProjectRunRequest {
  /** Absolute folder that holds .yo-rc.json; every planned path is relative to it. */
  readonly projectRoot: string;
  /** The specs to plan (may throw SpecError: a file that cannot be read). */
  readonly sources: () => readonly SpecSource[];
  readonly adapters?: readonly string[];
  readonly migrate?: boolean;
  readonly onlyAdapters?: SpecRunOptions['onlyAdapters'];
}

/**
 * Plan a run in a project on disk: its .yo-rc.json, its adapter plugins, its shared files for the
 * edits. Writes nothing; throws SpecError with every problem (config, plugins, specs) at once.
 */
export async function planProjectRun(request: ProjectRunRequest): Promise<SpecRun> {
  return (await loadProjectRun(request)).run;
}

/** planProjectRun, with the project config and the adapters it planned with (the host guard and the commit read them). */
export async function loadProjectRun(
  request: ProjectRunRequest,
): Promise<{ readonly run: SpecRun; readonly config: ProjectConfig; readonly registry: AdapterRegistry }> {
  const { projectRoot } = request;
  const config = projectConfigFromText(readProjectFile(projectRoot, CONFIG_FILE));
  const { registry } = await loadProjectAdapters(projectRoot, config);
  const run = await planSpecRunLoading(request.sources(), {
    config,
    registry,
    extraAdapters: request.adapters ?? [],
    migrate: request.migrate === true,
    onlyAdapters: request.onlyAdapters,
    // Edits read shared files through the commit's path checks: a link out of the project reads as absent.
    read: projectReader(projectRoot, config),
    specs: () => projectSpecTexts(projectRoot, config),
    knownTypes: projectKnownTypes(projectRoot, config),
  });
  return { run, config, registry };
}

/** The type registry of a project on disk (see projectTypeIndex): what a spec may name without an import. */
export function projectKnownTypes(projectRoot: string, config: ProjectConfig): KnownTypes {
  return projectTypeIndex(projectRoot.split(sep).join('/'), config, nodeSourceReader);
}

/** A project file's text, or undefined when it cannot be read (absent, a folder). */
export function readProjectFile(projectRoot: string, path: string): string | undefined {
  try {
    return readFileSync(join(projectRoot, path), 'utf8');
  } catch {
    return undefined;
  }
}
