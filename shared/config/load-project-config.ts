import { SpecError } from '../errors.js';
import { parseJsonSource } from '../spec/json-source.js';
import { CONFIG_FILE, CONFIG_KEY, resolveProjectConfig, type ProjectConfig } from './project-config.js';

export { CONFIG_FILE } from './project-config.js';

/** Where a JSON pointer of the config file is (undefined when the file has no such place). */
export type LocateInConfig = (pointer: string) => { line: number; column: number } | undefined;

/**
 * The project config from the text of .yo-rc.json (undefined when there is none): the
 * generator-continuum entry, validated and merged over the defaults, and where its pointers are.
 * Errors carry the line and column of the offending value, so every front end reports them alike.
 */
export function projectConfigSource(text: string | undefined, file = CONFIG_FILE): { config: ProjectConfig; locate: LocateInConfig } {
  if (text === undefined) return { config: resolveProjectConfig(undefined, file), locate: () => undefined };
  const source = parseJsonSource(text, file);
  const document = source.value;
  const raw =
    document !== null && typeof document === 'object' && !Array.isArray(document)
      ? (document as Record<string, unknown>)[CONFIG_KEY]
      : undefined;
  return { config: withConfigLines(() => resolveProjectConfig(raw, file), source.locate, file), locate: source.locate };
}

/** The project config alone (projectConfigSource without the positions). */
export function projectConfigFromText(text: string | undefined, file = CONFIG_FILE): ProjectConfig {
  return projectConfigSource(text, file).config;
}

/** Run a step, adding line:column to the config file's issues of a SpecError it throws. */
export function withConfigLines<T>(step: () => T, locate: LocateInConfig, file = CONFIG_FILE): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof SpecError) throw new SpecError(error.issues.map((i) => (i.file === file ? { ...i, ...locate(i.pointer) } : i)));
    throw error;
  }
}
