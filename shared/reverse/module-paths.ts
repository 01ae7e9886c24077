import { posix } from 'node:path';
import { ts } from './syntax.js';
import type { ProjectConfig } from '../config/project-config.js';
import { isListedFile, type SourceReader } from './source-reader.js';

/** One tsconfig `paths` entry: `@commands/*` -> [`src/commands/*`], targets relative to the project root. */
export interface PathAlias {
  readonly pattern: string;
  readonly targets: readonly string[];
}

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/**
 * Module specifiers of the host: which file an import names, and which alias names a file. The
 * project's tsconfig `paths` are the truth; the configured commands alias is the fallback. One
 * instance serves one run, over a tree that does not change under it: each answer is kept.
 */
export class ModulePaths {
  /** Resolved specifiers: by folder of the importing file for a relative one, else by the specifier alone. */
  private readonly resolved = new Map<string, string | undefined>();

  private constructor(
    private readonly projectRoot: string,
    private readonly aliases: readonly PathAlias[],
    private readonly reader: SourceReader,
  ) {}

  /** Aliases from `<root>/tsconfig.json` (following `extends`), then the config's commands alias. */
  static forProject(projectRoot: string, config: ProjectConfig, reader: SourceReader): ModulePaths {
    const aliases = [...readTsconfigAliases(projectRoot, reader)];
    const commandsPattern = `${config.importPaths.commandsAlias}/*`;
    if (!aliases.some((a) => a.pattern === commandsPattern))
      aliases.push({ pattern: commandsPattern, targets: [`${config.roots.commands}/*`] });
    return new ModulePaths(projectRoot, aliases, reader);
  }

  /** The absolute file an import specifier names, when it is relative or aliased and exists. */
  resolve(specifier: string, fromFile: string): string | undefined {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    const key = relative ? `${posix.dirname(fromFile)}\0${specifier}` : specifier;
    if (!this.resolved.has(key)) this.resolved.set(key, this.find(specifier, fromFile, relative));
    return this.resolved.get(key);
  }

  private find(specifier: string, fromFile: string, relative: boolean): string | undefined {
    const bases: string[] = [];
    if (relative) {
      bases.push(posix.join(posix.dirname(fromFile), specifier));
    } else {
      for (const alias of this.aliases) {
        const star = alias.pattern.indexOf('*');
        if (
          star < 0
            ? specifier !== alias.pattern
            : !(specifier.startsWith(alias.pattern.slice(0, star)) && specifier.endsWith(alias.pattern.slice(star + 1)))
        )
          continue;
        const captured = star < 0 ? '' : specifier.slice(star, specifier.length - (alias.pattern.length - star - 1));
        for (const target of alias.targets) bases.push(posix.join(this.projectRoot, target.replace('*', captured)));
      }
    }
    for (const base of bases) {
      const stripped = base.replace(/\.(js|mjs|cjs)$/, '');
      for (const candidate of [stripped, ...EXTENSIONS.map((e) => `${stripped}${e}`)]) {
        if (/\.(ts|tsx)$/.test(candidate) && isListedFile(this.reader, candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** The alias specifier of an absolute file (the longest matching target wins), or undefined. */
  aliasOf(file: string): string | undefined {
    const relative = posix.relative(this.projectRoot, file).replace(/(\/index)?\.(d\.ts|tsx?|ts)$/, '');
    let best: { specifier: string; length: number } | undefined;
    for (const alias of this.aliases) {
      for (const target of alias.targets) {
        const cleanTarget = target.replace(/^\.\//, '').replace(/\.(d\.ts|tsx?|ts)$/, '');
        const star = cleanTarget.indexOf('*');
        let specifier: string | undefined;
        if (star < 0) {
          if (relative === cleanTarget) specifier = alias.pattern;
        } else {
          const prefix = cleanTarget.slice(0, star);
          const suffix = cleanTarget.slice(star + 1);
          if (relative.startsWith(prefix) && relative.endsWith(suffix) && relative.length > prefix.length + suffix.length) {
            specifier = alias.pattern.replace('*', relative.slice(prefix.length, relative.length - suffix.length));
          }
        }
        if (specifier !== undefined && (!best || cleanTarget.length > best.length)) best = { specifier, length: cleanTarget.length };
      }
    }
    return best?.specifier;
  }
}

function readTsconfigAliases(projectRoot: string, reader: SourceReader): PathAlias[] {
  let file: string | undefined = posix.join(projectRoot, 'tsconfig.json');
  const seen = new Set<string>();
  while (file && !seen.has(file)) {
    seen.add(file);
    const text = reader.readFile(file);
    if (text === undefined) return [];
    const parsed = ts.parseConfigFileTextToJson(file, text);
    const config = parsed.config as
      { extends?: unknown; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
    if (!config) return [];
    const options = config.compilerOptions ?? {};
    if (options.paths) {
      const base = posix.join(posix.dirname(file), options.baseUrl ?? '.');
      return Object.entries(options.paths).map(([pattern, targets]) => ({
        pattern,
        targets: targets.map((t) => posix.relative(projectRoot, posix.join(base, t))),
      }));
    }
    file =
      typeof config.extends === 'string' && config.extends.startsWith('.')
        ? posix.join(posix.dirname(file), config.extends.endsWith('.json') ? config.extends : `${config.extends}.json`)
        : undefined;
  }
  return [];
}
