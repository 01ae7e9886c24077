import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, projectConfigSource, withConfigLines, type LocateInConfig } from '../config/load-project-config.js';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError } from '../errors.js';
import type { AdapterOptions, GeneratorAdapter } from './adapter.js';
import { resolveAdapterOptions } from './adapter-options.js';
import { loadProjectAdapters, type LoadedAdapters } from './plugin-loader.js';

/** One adapter as `continuum-gen adapters` shows it. */
export interface AdapterDescription {
  readonly id: string;
  /** 'built-in', or the plugin's module as written in the config. */
  readonly source: string;
  readonly description: string;
  /** What it writes, with <option> placeholders filled from the resolved options. */
  readonly writes: readonly string[];
  /** Resolved option values (empty when the configured ones are invalid). */
  readonly options: AdapterOptions;
  /** What is wrong with the configured options, when something is. */
  readonly optionsProblem?: string;
  readonly language?: string;
  /** Its declarations (see GeneratorAdapter), when it has them: the environments of its command, those it is the default of, the spec blocks it reads. */
  readonly environments?: readonly string[];
  readonly defaultFor?: readonly string[];
  readonly accepts?: readonly string[];
}

/** Fill `<outputDir>`-style placeholders of a writes entry with string option values. */
function fillWrites(writes: readonly string[], options: AdapterOptions): string[] {
  return writes.map((entry) =>
    entry.replace(/<([A-Za-z]+)>/g, (whole, name: string) => (typeof options[name] === 'string' ? (options[name] as string) : whole)),
  );
}

export function describeAdapter(adapter: GeneratorAdapter, source: string, config: ProjectConfig): AdapterDescription {
  let options: AdapterOptions = {};
  let optionsProblem: string | undefined;
  try {
    options = resolveAdapterOptions(adapter, config);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    optionsProblem = error.message;
  }
  return {
    id: adapter.id,
    source,
    description: adapter.description,
    writes: fillWrites(adapter.writes, options),
    options,
    ...(optionsProblem === undefined ? {} : { optionsProblem }),
    ...(adapter.typeMapping ? { language: adapter.typeMapping.language } : {}),
    ...(adapter.environments ? { environments: [...adapter.environments] } : {}),
    ...(adapter.defaultFor ? { defaultFor: [...adapter.defaultFor] } : {}),
    ...(adapter.accepts ? { accepts: [...adapter.accepts] } : {}),
  };
}

/** Every adapter of a registry: built-ins first (by id), then project-local ones in config order. */
export function describeAdapters(loaded: LoadedAdapters, config: ProjectConfig): AdapterDescription[] {
  const pluginIds = new Map(loaded.plugins.map((p) => [p.id, p.module]));
  const builtins = loaded.registry.list().filter((a) => !pluginIds.has(a.id));
  return [
    ...builtins.map((a) => describeAdapter(a, 'built-in', config)),
    ...loaded.plugins.map((p) => describeAdapter(loaded.registry.get(p.id)!, p.module, config)),
  ];
}

/** What a spec naming the adapter may hold, and when a spec gets it without naming it: `environment server or both; reads rust`. */
function declarationText(d: AdapterDescription): string {
  return [
    ...(d.environments ? [`environment ${d.environments.join(' or ')}`] : []),
    ...(d.defaultFor ? [`the default adapter of environment ${d.defaultFor.join(', ')}`] : []),
    ...(d.accepts ? [`reads ${d.accepts.join(', ')}`] : []),
  ].join('; ');
}

/** The text `continuum-gen adapters` prints. */
export function formatAdapterListing(descriptions: readonly AdapterDescription[]): string {
  const lines = ['Adapters (a spec names one with "adapter"; run more beside it with --adapter=<id>):', ''];
  for (const d of descriptions) {
    lines.push(`${d.id}  (${d.source})`, `  ${d.description}`);
    lines.push(`  writes: ${d.writes.join(', ')}`);
    if (d.optionsProblem !== undefined) lines.push(`  options: invalid in .yo-rc.json: ${d.optionsProblem}`);
    else {
      const entries = Object.entries(d.options).sort(([a], [b]) => (a < b ? -1 : 1));
      if (entries.length > 0) lines.push(`  options: ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
    }
    const declared = declarationText(d);
    if (declared !== '') lines.push(`  spec: ${declared}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * For front ends without Yeoman's file system (the bin's `adapters` listing): the project config
 * from <projectRoot>/.yo-rc.json (defaults when there is none), and where its pointers are.
 */
export function readProjectConfig(projectRoot: string): { config: ProjectConfig; locate: LocateInConfig } {
  const path = join(projectRoot, CONFIG_FILE);
  return projectConfigSource(existsSync(path) ? readFileSync(path, 'utf8') : undefined);
}

/** `continuum-gen adapters`: the listing of built-in and project-local adapters of the project at projectRoot. */
export async function projectAdapterListing(projectRoot: string): Promise<string> {
  return formatAdapterListing(await projectAdapterDescriptions(projectRoot));
}

/** The adapters of the project at projectRoot, as `continuum-gen adapters` (and its --json) shows them. */
export async function projectAdapterDescriptions(projectRoot: string): Promise<AdapterDescription[]> {
  const { config, locate } = readProjectConfig(projectRoot);
  let loaded: LoadedAdapters;
  try {
    loaded = await loadProjectAdapters(projectRoot, config);
  } catch (error) {
    return withConfigLines(() => {
      throw error;
    }, locate);
  }
  return describeAdapters(loaded, config);
}
