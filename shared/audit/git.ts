import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** A git question the audit cannot answer (not a repository, an unknown ref): the message says what to do. */
export class GitProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitProblem';
  }
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function gitOrUndefined(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

const nulList = (text: string | undefined): string[] => (text ?? '').split('\0').filter((p) => p !== '');
const toPosix = (path: string): string => path.split(sep).join('/');

/** The repository holding a project folder: its top, and the project's path inside it ('' at the top). */
export interface Repository {
  readonly top: string;
  readonly projectPrefix: string;
}

export function repositoryOf(projectRoot: string): Repository {
  const top = gitOrUndefined(projectRoot, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top)
    throw new GitProblem(
      `${projectRoot} is not inside a git repository (git rev-parse --show-toplevel failed); --enforce and --install-hook need one`,
    );
  const prefix = toPosix(relative(realpathSync(top), realpathSync(projectRoot)));
  return { top, projectPrefix: prefix };
}

/** The branches a default base is taken from, in order, after origin/HEAD. */
const MAIN_BRANCHES = ['origin/main', 'origin/master', 'main', 'master'];

/**
 * The commit new command folders are judged against: `--base` when given (must name a commit),
 * else the merge-base of HEAD with the main branch (origin/HEAD, origin/main, origin/master,
 * main, master: the first that exists), else HEAD itself; undefined when the repository has no
 * commit yet (everything is new). `label` is how messages name it.
 */
export function resolveBase(repository: Repository, given: string | undefined): { commit?: string; label: string } {
  const cwd = repository.top;
  const verify = (ref: string): string | undefined =>
    gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim() || undefined;
  const head = verify('HEAD');
  if (given !== undefined) {
    const commit = verify(given);
    if (!commit)
      throw new GitProblem(
        `--base=${given} does not name a commit of ${cwd} (git rev-parse --verify ${given} failed); give a branch, tag or commit, e.g. --base=origin/main`,
      );
    return { commit, label: given };
  }
  if (!head) return { label: 'the first commit (the repository has none yet)' };
  const originHead = gitOrUndefined(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])?.trim();
  for (const branch of [...(originHead ? [originHead] : []), ...MAIN_BRANCHES]) {
    if (!verify(branch)) continue;
    const mergeBase = gitOrUndefined(cwd, ['merge-base', 'HEAD', branch])?.trim();
    if (mergeBase) return { commit: mergeBase, label: `merge-base with ${branch} (${mergeBase.slice(0, 12)})` };
  }
  return { commit: head, label: `HEAD (${head.slice(0, 12)}; no main branch found)` };
}

/**
 * Which command folders are new: none of their files is in the base commit, and some file is
 * untracked, staged, or added by a commit since the base. Folders are project-relative; the
 * value says why (`untracked`, `staged`, `added since <base>`). Nested folders are judged on
 * their own files: a new child of an old parent is new.
 */
export function newCommandFolders(
  repository: Repository,
  commandsRoot: string,
  folders: readonly string[],
  base: { commit?: string; label: string },
): Map<string, string> {
  const cwd = repository.top;
  const fromTop = (path: string): string => (repository.projectPrefix === '' ? path : `${repository.projectPrefix}/${path}`);
  const scope = fromTop(commandsRoot);
  const hasHead = gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) !== undefined;
  const atBase = base.commit ? nulList(gitOrUndefined(cwd, ['ls-tree', '-r', '-z', '--name-only', base.commit, '--', scope])) : [];
  const untracked = nulList(gitOrUndefined(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', scope]));
  const staged = hasHead
    ? nulList(gitOrUndefined(cwd, ['diff', '--cached', '--name-only', '--diff-filter=A', '-z', '--', scope]))
    : nulList(gitOrUndefined(cwd, ['ls-files', '-z', '--', scope]));
  const committed =
    base.commit && hasHead
      ? nulList(gitOrUndefined(cwd, ['diff', '--name-only', '--diff-filter=A', '-z', base.commit, 'HEAD', '--', scope]))
      : [];

  /** Every folder that holds (at any depth) one of the files. */
  const foldersOf = (files: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const file of files)
      for (let dir = posix.dirname(file); dir !== '.' && dir !== '' && !out.has(dir); dir = posix.dirname(dir)) out.add(dir);
    return out;
  };
  const existed = foldersOf(atBase);
  const reasons: [Set<string>, string][] = [
    [foldersOf(untracked), 'untracked'],
    [foldersOf(staged), 'staged'],
    [foldersOf(committed), `added since ${base.label}`],
  ];
  const result = new Map<string, string>();
  for (const folder of folders) {
    const key = fromTop(folder);
    if (existed.has(key)) continue;
    const reason = reasons.find(([set]) => set.has(key))?.[1];
    if (reason !== undefined) result.set(folder, reason);
  }
  return result;
}

/** Where the pre-commit hook goes: husky's `.husky/pre-commit` when the project uses husky, else git's hooks folder. */
export interface HookTarget {
  readonly kind: 'husky' | 'git';
  /** Absolute path of the hook file. */
  readonly path: string;
}

/**
 * husky is in use when a `.husky/` folder exists at the project or the repository top, or the
 * project's package.json depends on husky; otherwise the hook is git's own (`git rev-parse
 * --git-path hooks/pre-commit`, which follows core.hooksPath and worktrees).
 */
export function hookTarget(
  projectRoot: string,
  repository: Repository,
  usesHusky: (folder: string) => boolean = projectUsesHusky,
): HookTarget {
  for (const folder of [projectRoot, repository.top]) {
    if (usesHusky(folder)) return { kind: 'husky', path: posix.join(toPosix(folder), '.husky', 'pre-commit') };
  }
  const gitPath = gitOrUndefined(projectRoot, ['rev-parse', '--git-path', 'hooks/pre-commit'])?.trim();
  const path = gitPath
    ? posix.resolve(toPosix(projectRoot), toPosix(gitPath))
    : posix.join(toPosix(repository.top), '.git', 'hooks', 'pre-commit');
  return { kind: 'git', path };
}

/** A `.husky/` folder, or husky among the dependencies of the folder's package.json. */
export function projectUsesHusky(folder: string): boolean {
  try {
    if (statSync(join(folder, '.husky')).isDirectory()) return true;
  } catch {
    // no .husky folder: look at package.json
  }
  try {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((key) => {
      const deps = manifest[key];
      return deps !== null && typeof deps === 'object' && 'husky' in deps;
    });
  } catch {
    return false;
  }
}
