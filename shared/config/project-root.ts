import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE } from './load-project-config.js';
import { CONFIG_KEY, type ProjectConfig } from './project-config.js';

/** Where a run's project root is, and why there. */
export interface ProjectRoot {
  /** Absolute path of the project root: every planned path is relative to it. */
  readonly root: string;
  /**
   * yo-rc: the nearest folder holding .yo-rc.json; git: the git root; host: the nearest folder
   * that looks like a Continuum checkout (init only); start: none of these was found above the start.
   */
  readonly foundBy: 'yo-rc' | 'git' | 'host' | 'start';
}

/**
 * The project root for a run started in `start`: the nearest folder upwards holding .yo-rc.json,
 * else the root of the git checkout, else `start` itself. A .yo-rc.json above the git root does
 * not count (it belongs to another project, or to the home folder).
 */
export function findProjectRoot(start: string): ProjectRoot {
  const from = resolve(start);
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return { root: dir, foundBy: 'yo-rc' };
    // .git is a folder in a clone and a file in a worktree or submodule.
    if (existsSync(join(dir, '.git'))) return { root: dir, foundBy: 'git' };
    if (dirname(dir) === dir) return { root: from, foundBy: 'start' };
  }
}

/** One line saying that the run writes into a folder above the one it started in; undefined when they are the same. */
export function projectRootNotice(start: string, found: ProjectRoot): string | undefined {
  if (resolve(start) === found.root) return undefined;
  const why = {
    'yo-rc': `the folder holding ${CONFIG_FILE}`,
    git: 'the root of the git checkout',
    host: 'the nearest folder that looks like a Continuum checkout',
    start: 'where the run started',
  }[found.foundBy];
  const below = relative(found.root, resolve(start)).split(sep).join('/');
  return `Project root: ${found.root} (${why}); paths are relative to it, not to ${below}/.`;
}

/** What marks a folder as a Continuum checkout, checked against the project's layout. */
export interface HostCheck {
  readonly looksLikeHost: boolean;
  /** The marks looked for, each found or not, in a fixed order (for messages). */
  readonly marks: ReadonlyArray<{ readonly what: string; readonly found: boolean }>;
}

const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/** Does the project's .yo-rc.json hold a generator-continuum entry (written by `init`, or by hand)? */
export function hasContinuumConfig(root: string): boolean {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return false;
  try {
    const document = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return document !== null && typeof document === 'object' && CONFIG_KEY in document;
  } catch {
    // A malformed file is reported with its line and column by the config loader.
    return false;
  }
}

/**
 * Does `root` look like a Continuum checkout? Any one mark is enough: a generator-continuum
 * entry in .yo-rc.json, the commands folder, the Rust crate's Cargo.toml, or the IPC composition.
 */
export function checkHost(root: string, config: ProjectConfig): HostCheck {
  const { commands, rustCrate, ipcBindings } = config.roots;
  const marks = [
    { what: `a "${CONFIG_KEY}" entry in ${CONFIG_FILE}`, found: hasContinuumConfig(root) },
    { what: `${commands}/`, found: isDirectory(join(root, commands)) },
    { what: `${rustCrate}/Cargo.toml`, found: existsSync(join(root, rustCrate, 'Cargo.toml')) },
    { what: `${ipcBindings}/RustCoreIPC.ts`, found: existsSync(join(root, ipcBindings, 'RustCoreIPC.ts')) },
  ];
  return { looksLikeHost: marks.some((m) => m.found), marks };
}

/** The warning a run prints when its root does not look like a Continuum checkout; undefined when it does. */
export function notAHostWarning(root: string, check: HostCheck): string | undefined {
  if (check.looksLikeHost) return undefined;
  return `Warning: ${root} does not look like a Continuum checkout (none of ${check.marks.map((m) => m.what).join(', ')}); run from the host's root, or run \`continuum-gen init\` there first.`;
}

/**
 * Where `init` writes .yo-rc.json: an existing .yo-rc.json decides; otherwise the nearest folder
 * between `start` and the git root that looks like a Continuum checkout (so a host inside a
 * monorepo gets its own), else the found root.
 */
export function initProjectRoot(start: string, found: ProjectRoot, config: ProjectConfig): ProjectRoot {
  if (found.foundBy === 'yo-rc') return found;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (checkHost(dir, config).looksLikeHost) return dir === found.root ? found : { root: dir, foundBy: 'host' };
    if (dir === found.root || dirname(dir) === dir) return found;
  }
}
