import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SpecError, type SpecIssue } from '../errors.js';
import { collectSpecSources, type SpecSource } from '../run/spec-sources.js';

/** How a tool call names the spec: the document itself, its JSON text, or a path in the project. */
export interface SpecInput {
  readonly spec?: unknown;
  readonly specText?: string;
  readonly specPath?: string;
}

/** The names issues cite for a spec given inline (it has no file): the object, or its JSON text. */
export const INLINE_SPEC = '<spec>';
export const INLINE_SPEC_TEXT = '<specText>';

/**
 * A spec given as an object is printed by the server before it is read, so line:column would
 * point into text the agent never saw: its issues keep the JSON pointer only.
 */
export function withoutInlinePositions(issues: readonly SpecIssue[]): SpecIssue[] {
  return issues.map(({ line, column, ...rest }) =>
    rest.file === INLINE_SPEC ? rest : { ...rest, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
  );
}

/**
 * The spec sources a tool call names. Exactly one of spec, specText, specPath; a path is relative
 * to the project root and must stay inside it (a folder or a glob takes every spec below it).
 * Throws SpecError naming the argument when the input is not usable.
 */
export function specSourcesOf(input: SpecInput, projectRoot: string): SpecSource[] {
  const given = (['spec', 'specText', 'specPath'] as const).filter((key) => input[key] !== undefined);
  if (given.length !== 1) {
    throw new SpecError([
      {
        file: INLINE_SPEC,
        pointer: '',
        message: given.length === 0 ? 'no spec was given' : `only one way of giving the spec may be used; found ${given.join(' and ')}`,
        expected: 'exactly one of spec (the CommandSpec object), specText (its JSON text) or specPath (a project-relative path)',
      },
    ]);
  }
  if (input.specText !== undefined) return [{ specText: input.specText, specFile: INLINE_SPEC_TEXT }];
  if (input.spec !== undefined) {
    if (input.spec === null || typeof input.spec !== 'object' || Array.isArray(input.spec)) {
      throw new SpecError([
        {
          file: INLINE_SPEC,
          pointer: '',
          message: 'the spec must be a JSON object (a CommandSpec v2)',
          found: Array.isArray(input.spec) ? 'an array' : typeof input.spec,
        },
      ]);
    }
    return [{ specText: `${JSON.stringify(input.spec, null, 2)}\n`, specFile: INLINE_SPEC }];
  }
  const path = input.specPath!;
  const outside = outsideRootIssue(projectRoot, path, 'specPath');
  if (outside) throw new SpecError([outside]);
  return collectSpecSources(path, projectRoot, projectRoot);
}

/**
 * A path an agent passes must name something inside the project root, symlinks resolved: `..`,
 * an absolute path elsewhere, or a link out of the tree is refused. Returns the issue, or undefined.
 */
export function outsideRootIssue(projectRoot: string, path: string, argument: string): SpecIssue | undefined {
  const absolute = resolve(projectRoot, path);
  if (isInside(realRoot(projectRoot), realNearest(absolute))) return undefined;
  return {
    file: argument,
    pointer: '',
    message: `${argument} points outside the project root ${projectRoot}`,
    found: JSON.stringify(path),
    expected: "a path inside the project root (the server's --cwd), relative to it",
  };
}

/**
 * Planned files whose real location (symlinks in their folders resolved) is outside the project
 * root: the plan's own paths are checked by the engine, but a linked folder could lead elsewhere.
 */
export function plannedOutsideRoot(projectRoot: string, paths: readonly string[]): SpecIssue[] {
  const root = realRoot(projectRoot);
  return paths
    .filter((path) => !isInside(root, realNearest(resolve(projectRoot, path))))
    .map((path) => ({
      file: path,
      pointer: '',
      message: 'this planned file would be written outside the project root through a symbolic link',
      found: JSON.stringify(realNearest(resolve(projectRoot, path))),
      expected: `a location inside ${root}`,
    }));
}

function realRoot(projectRoot: string): string {
  return realpathSync(projectRoot);
}

/** The real path of the nearest existing ancestor (the path itself when it exists), joined with the rest. */
function realNearest(absolute: string): string {
  let existing = absolute;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return absolute;
    existing = parent;
  }
  return resolve(realpathSync(existing), relative(existing, absolute));
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}
