import { SpecError } from '../errors.js';
import { parseJsonSource } from '../spec/json-source.js';
import { CONFIG_KEY, resolveProjectConfig, type ProjectConfig } from './project-config.js';

export const CONFIG_FILE = '.yo-rc.json';

/**
 * The project config from the text of .yo-rc.json (undefined when there is none): the
 * generator-continuum entry, validated and merged over the defaults. Errors carry the line and
 * column of the offending value, so the Yeoman path and the fast path report them alike.
 */
export function projectConfigFromText(text: string | undefined, file = CONFIG_FILE): ProjectConfig {
  if (text === undefined) return resolveProjectConfig(undefined, file);
  const source = parseJsonSource(text, file);
  const document = source.value;
  const raw = document !== null && typeof document === 'object' && !Array.isArray(document) ? (document as Record<string, unknown>)[CONFIG_KEY] : undefined;
  try {
    return resolveProjectConfig(raw, file);
  } catch (error) {
    if (error instanceof SpecError) throw new SpecError(error.issues.map((i) => ({ ...i, ...source.locate(i.pointer) })));
    throw error;
  }
}
