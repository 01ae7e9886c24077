/** Naming conventions shared by every adapter: case conversion and command-name splitting. */
import { distance as levenshtein } from 'fastest-levenshtein';

/** Split an identifier or command name into words: gpu/stats, bag-of-words, gpuName, snake_case. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The host's class-name rule: split on / - _, capitalise each part, join (docs/read -> DocsRead). */
export function commandClassName(commandName: string): string {
  return commandName
    .split(/[/_-]/)
    .filter((p) => p.length > 0)
    .map(capitalise)
    .join('');
}

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => capitalise(w))
    .join('');
}

export function camelCase(text: string): string {
  const pascal = words(text)
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalise(w)))
    .join('');
  return pascal;
}

export function snakeCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

/** File-name form of a command name for its spec: gpu/stats -> gpu-stats.json. */
export function specFileName(commandName: string): string {
  return `${commandName.split('/').join('-')}.json`;
}

/** Why a command name cannot become a folder inside the project, or undefined when it can. */
export function commandNameProblem(name: string): { problem: string; expected: string } | undefined {
  const expected = 'slash-separated segments of letters, digits, - and _, each starting with a letter (e.g. gpu/stats)';
  if (name.includes('\\')) return { problem: 'contains a backslash, which would write outside the command folder on Windows', expected };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { problem: 'is an absolute path', expected };
  const segments = name.split('/');
  if (segments.includes('..') || segments.includes('.'))
    return { problem: "contains a '.' or '..' segment, which would write outside the commands folder", expected };
  if (segments.some((s) => s === '')) return { problem: 'has an empty segment (a leading, trailing or double slash)', expected };
  const bad = segments.find((s) => !/^[A-Za-z][A-Za-z0-9_-]*$/.test(s));
  if (bad !== undefined) return { problem: `has an invalid segment ${JSON.stringify(bad)}`, expected };
  return undefined;
}

/** Case-insensitive Levenshtein distance (fastest-levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  return levenshtein(a.toLowerCase(), b.toLowerCase());
}

/** The closest known names to an unknown one, best first (at most `limit`). */
export function closestNames(unknown: string, known: readonly string[], limit = 3): string[] {
  return [...known]
    .map((name) => ({ name, distance: editDistance(unknown, name) }))
    .sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.name);
}

/**
 * The one known name an unknown one is most likely a typo of, or undefined when none is close:
 * within a third of the name's length, rounded up (at least 1, at most 3 edits), or the same but for case.
 */
export function didYouMean(unknown: string, known: readonly string[]): string | undefined {
  const [best] = closestNames(
    unknown,
    known.filter((k) => k !== unknown),
    1,
  );
  if (best === undefined) return undefined;
  return editDistance(unknown, best) <= Math.min(3, Math.max(1, Math.ceil(unknown.length / 3))) ? best : undefined;
}

/** The name of the enum lifted from an inline literal union: the owner's name and the field's, PascalCase (GpuStatsMode). */
export function liftedEnumName(owner: string, fieldName: string): string {
  return `${owner}${pascalCase(fieldName)}`;
}
