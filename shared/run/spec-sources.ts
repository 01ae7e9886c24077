import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { SpecError } from '../errors.js';

/** One spec file to generate from, with the names messages and the engine use for it. */
export interface SpecSource {
  /** The file's bytes (checked as UTF-8 by the loader), or text. */
  readonly specText: string | Uint8Array;
  /** Project-relative when inside the project, else absolute (for messages). */
  readonly specFile: string;
  /** Project-relative POSIX path when the file is inside the project. */
  readonly specPathInProject?: string;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The spec files a `--spec` value names: one file, every .json file below a folder, or a glob.
 * Relative values are resolved from `shellCwd` (where the user typed the command). The list is
 * sorted so a batch runs in the same order everywhere.
 */
export function collectSpecSources(argument: string, shellCwd: string, projectRoot: string): SpecSource[] {
  const absolute = resolve(shellCwd, argument);
  let paths: string[];
  if (GLOB_CHARACTERS.test(argument)) {
    paths = globSync(argument, { cwd: shellCwd, absolute: true, onlyFiles: true });
    if (paths.length === 0)
      throw cannotRead(argument, 'no file matches this pattern', 'a pattern that matches spec files, e.g. src/generator/specs/*.json');
  } else {
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats)
      throw cannotRead(
        displayName(absolute, projectRoot),
        'ENOENT',
        'a readable CommandSpec JSON file, a folder of them, or a glob (--spec is relative to the current folder)',
      );
    if (stats.isDirectory()) {
      paths = globSync('**/*.json', { cwd: absolute, absolute: true, onlyFiles: true });
      if (paths.length === 0)
        throw cannotRead(displayName(absolute, projectRoot), 'a folder without .json files', 'a folder holding spec files');
    } else {
      paths = [absolute];
    }
  }
  return [...new Set(paths.map((p) => resolve(p)))].sort().map((path) => readSource(path, projectRoot));
}

/** A spec source for one file. */
export function readSource(absolute: string, projectRoot: string): SpecSource {
  const inProject = projectRelative(absolute, projectRoot);
  const specFile = inProject ?? absolute;
  let specText: Uint8Array;
  try {
    // Bytes, not 'utf8': decoding here would turn bytes that are not UTF-8 into U+FFFD unnoticed.
    specText = readFileSync(absolute);
  } catch (error) {
    throw cannotRead(specFile, (error as NodeJS.ErrnoException).code ?? String(error), 'a readable CommandSpec JSON file');
  }
  return inProject === undefined ? { specText, specFile } : { specText, specFile, specPathInProject: inProject };
}

function projectRelative(absolute: string, projectRoot: string): string | undefined {
  const fromRoot = relative(projectRoot, absolute);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot.split(sep).join('/') : undefined;
}

function displayName(absolute: string, projectRoot: string): string {
  return projectRelative(absolute, projectRoot) ?? absolute;
}

function cannotRead(file: string, found: string, expected: string): SpecError {
  return new SpecError([{ file, pointer: '', message: 'cannot read the spec file', found, expected }]);
}
