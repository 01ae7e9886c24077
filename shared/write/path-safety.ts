/**
 * Nothing outside the project: every path the generator writes or reads for an edit is walked
 * from the project root, segment by segment, without following a symbolic link unless the
 * project config allows that link (allowSymlinks). Names the file system cannot hold are refused
 * here too, before anything is written. Pure: the file system is seen through a PathProbe.
 */
import { posix } from 'node:path';

export type EntryKind = 'missing' | 'file' | 'folder' | 'symlink' | 'other';

/** What the checks need to know about the file system (lstat, realpath and readlink). */
export interface PathProbe {
  kind(absolute: string): EntryKind;
  /** The path with every link resolved, or undefined when it dangles or loops. */
  realpath(absolute: string): string | undefined;
  /** A link's own text, for messages. */
  readlink(absolute: string): string | undefined;
}

/** The longest name and path the file system holds, in bytes (NAME_MAX, and PATH_MAX less its NUL). */
export interface NameLimits {
  readonly name: number;
  readonly path: number;
}

/** Linux and macOS: 255-byte names; paths of 4095 bytes on Linux, 1023 on macOS. */
export const platformNameLimits = (platform: string): NameLimits => ({ name: 255, path: platform === 'darwin' ? 1023 : 4095 });

/** Where a safe path ends up, or why it is refused (one sentence, with the offending part). */
export type PathVerdict = { readonly absolute: string } | { readonly problem: string; readonly expected: string };

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Checks paths of one project. `root` is the project root with its own links resolved (links
 * above the project are the user's business); prefixes are cached, so a batch of thousands of
 * files walks each folder once.
 */
export class ProjectPaths {
  private readonly walked = new Map<string, PathVerdict>();
  /** Checked paths with no entry there: below a missing folder nothing is probed, and nothing need be read. */
  private readonly missing = new Set<string>();
  private readonly allowed: ReadonlySet<string>;

  constructor(
    readonly root: string,
    allowSymlinks: readonly string[],
    private readonly probe: PathProbe,
    private readonly limits: NameLimits,
  ) {
    this.allowed = new Set(allowSymlinks);
  }

  /** Where the project-relative `path` is, if the generator may write or read it there. */
  check(path: string): PathVerdict {
    const segments = path.split('/');
    const long = segments.find((segment) => bytes(segment) > this.limits.name);
    if (long !== undefined) {
      return {
        problem: `has a name the file system cannot hold: ${JSON.stringify(long.length > 40 ? `${long.slice(0, 37)}...` : long)} is ${bytes(long)} bytes (ENAMETOOLONG)`,
        expected: `names of at most ${this.limits.name} bytes (shorten the command or type name)`,
      };
    }
    const verdict = this.walk(segments, segments.length);
    if ('problem' in verdict) return verdict;
    if (bytes(verdict.absolute) > this.limits.path) {
      return {
        problem: `is ${bytes(verdict.absolute)} bytes long as an absolute path (ENAMETOOLONG)`,
        expected: `paths of at most ${this.limits.path} bytes`,
      };
    }
    return verdict;
  }

  /** Whether a check of `path` found nothing there (the file, or a folder above it, missing). */
  seenMissing(path: string): boolean {
    return this.missing.has(path);
  }

  /** Walk the first `count` segments: each must be a real folder (the last a file or nothing), or an allowed link. */
  private walk(segments: readonly string[], count: number): PathVerdict {
    const relative = segments.slice(0, count).join('/');
    const cached = this.walked.get(relative);
    if (cached) return cached;
    const verdict = count === 0 ? { absolute: this.root } : this.step(segments, count, relative);
    this.walked.set(relative, verdict);
    return verdict;
  }

  private step(segments: readonly string[], count: number, relative: string): PathVerdict {
    const parent = this.walk(segments, count - 1);
    if ('problem' in parent) return parent;
    const absolute = posix.join(parent.absolute, segments[count - 1]);
    const last = count === segments.length;
    const kind = count > 1 && this.missing.has(segments.slice(0, count - 1).join('/')) ? 'missing' : this.probe.kind(absolute);
    switch (kind) {
      case 'missing':
        this.missing.add(relative);
        return { absolute };
      case 'file':
        return last
          ? { absolute }
          : { problem: `needs ${relative} to be a folder, and it is a file`, expected: 'a folder there, or no entry' };
      case 'folder':
        return last ? { problem: `is a folder`, expected: 'a file, or no entry' } : { absolute };
      case 'symlink': {
        const target = this.probe.readlink(absolute) ?? '?';
        if (!this.allowed.has(relative)) {
          return {
            problem: `goes through the symbolic link ${relative} (-> ${target})`,
            expected: `a real ${last ? 'file' : 'folder'} inside the project, or "${relative}" in allowSymlinks of .yo-rc.json`,
          };
        }
        const resolved = this.probe.realpath(absolute);
        if (resolved === undefined)
          return {
            problem: `goes through the allowed symbolic link ${relative} (-> ${target}), which dangles or loops`,
            expected: 'a link to an existing folder',
          };
        return { absolute: resolved };
      }
      default:
        return { problem: `meets ${relative}, which is neither a file nor a folder`, expected: 'a regular file or folder' };
    }
  }
}
