/**
 * What happens to each planned file, decided before anything is written (pure: the disk, the
 * records, .yo-resolve and the merge base come in as data or callbacks).
 */
import { threeWayMerge } from './merge.js';
import { contentHash, type RecordedFile } from './record.js';
import type { Base } from './reproduce.js';

/**
 * create: new file; identical: nothing to write; update: a generated file untouched since its
 * generation, replaced; merged: hand edits and the new generation merged cleanly; edit: a shared
 * file (mod.rs) with the generator's lines added; force: replaced by the generated text as asked;
 * conflict: overlapping edits (or no base to merge with); skip: left as it is.
 */
export type FileState = 'create' | 'identical' | 'update' | 'merged' | 'edit' | 'force' | 'conflict' | 'skip';

/** Every state, in the order summaries list them. */
export const FILE_STATES: readonly FileState[] = ['create', 'update', 'merged', 'edit', 'force', 'conflict', 'identical', 'skip'];

/** States that change the file on disk when written. */
export const CHANGING_STATES: ReadonlySet<FileState> = new Set(['create', 'update', 'merged', 'edit', 'force', 'conflict']);

export interface CommitSettings {
  readonly force?: boolean;
  readonly bail?: boolean;
  readonly dryRun?: boolean;
  readonly skipYoResolve?: boolean;
  readonly ignoreWhitespace?: boolean;
  /** What a conflict does without a terminal: refuse the run (default) or write conflict markers. */
  readonly merge?: 'refuse' | 'markers';
}

/** What kind of file a planned path is. */
/** once: a file created when missing and never rewritten (the developer's, e.g. a Rust handler). */
export type PlannedKind = 'generated' | 'once' | 'edit' | 'rewrite' | 'record';

export interface FileDecision {
  readonly path: string;
  readonly kind: PlannedKind;
  readonly state: FileState;
  /** The whole text to write (undefined: nothing is written). */
  readonly content?: string;
  /** The file's text on disk before the run (undefined: no file). */
  readonly disk?: string;
  /** The new generation of a generated file (what the record then holds). */
  readonly generated?: string;
  /** Why, in a few words, when the state alone does not say it. */
  readonly reason?: string;
  /** For a conflict: the text with conflict markers (the merge, or the whole file against an empty base). */
  readonly markers?: string;
  /** For a conflict: no previous generation to merge with (a hand-written file, or one the record cannot reproduce). */
  readonly baseless?: boolean;
}

export interface DecideInput {
  readonly path: string;
  readonly kind: PlannedKind;
  readonly content: string;
  readonly disk: string | undefined;
  /** What the record says generated this file last time. */
  readonly recorded?: RecordedFile;
  /** The previous generation, reproduced (called only when a merge needs it). */
  readonly base: () => Base;
  /** The .yo-resolve entry for the file, unless --skip-yo-resolve. */
  readonly settled?: 'skip' | 'force';
}

const wordsOf = (text: string): string =>
  text
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ');
const same = (a: string, b: string, settings: CommitSettings): boolean =>
  a === b || (settings.ignoreWhitespace === true && wordsOf(a) === wordsOf(b));

/** Conflict markers between the disk and the new text, labelled like git's. */
const markersOf = (path: string, base: string, disk: string, generated: string, baseLabel: string): string =>
  threeWayMerge(base, disk, generated, { ours: `${path} (yours, on disk)`, base: baseLabel, theirs: `${path} (generated now)` }).text;

/** Files the generator makes (every run, or once): what their record holds. */
const isGenerated = (kind: PlannedKind): boolean => kind === 'generated' || kind === 'once';
const overlappingEdits = (count: number): string => `${count} overlapping edit${count === 1 ? '' : 's'}`;

/** Decide one file (conflicts are resolved afterwards: asked, refused, or written with markers). */
export function decideFile(input: DecideInput, settings: CommitSettings): FileDecision {
  const { path, kind, content, disk } = input;
  const decision = (state: FileState, extra: Partial<FileDecision> = {}): FileDecision => ({
    path,
    kind,
    state,
    ...(disk === undefined ? {} : { disk }),
    ...(isGenerated(kind) ? { generated: content } : {}),
    ...(state === 'identical' || state === 'skip' || state === 'conflict' ? {} : { content }),
    ...extra,
  });

  if (disk === undefined) {
    if (isGenerated(kind) && input.recorded && !settings.force)
      return decision('skip', { reason: 'deleted since it was generated (--force brings it back)' });
    return decision('create');
  }
  if (same(disk, content, settings)) return decision('identical');
  // The developer's file from its creation on: never rewritten, whatever the flags say.
  if (kind === 'once') return decision('skip', { reason: 'yours: created once, never rewritten' });
  if (input.settled === 'skip') return decision('skip', { reason: '.yo-resolve' });
  if (input.settled === 'force') return decision('force', { reason: '.yo-resolve' });
  if (kind === 'edit') return decision('edit');
  if (kind === 'rewrite' || kind === 'record') return decision(kind === 'record' ? 'update' : 'force');
  if (settings.force) return decision('force');
  if (input.recorded && contentHash(disk) === input.recorded.content)
    return decision('update', { reason: 'untouched since it was generated' });

  if (!input.recorded) {
    return decision('conflict', {
      reason: 'on disk with other content, and no generation record: written by hand, or before records were kept',
      markers: markersOf(path, '', disk, content, 'no common base'),
      baseless: true,
    });
  }
  const base = input.base();
  if ('problem' in base)
    return decision('conflict', { reason: base.problem, markers: markersOf(path, '', disk, content, 'no common base'), baseless: true });
  const merged = threeWayMerge(base.text, disk, content, {
    ours: `${path} (yours, on disk)`,
    base: `${path} (generated before)`,
    theirs: `${path} (generated now)`,
  });
  if (!merged.clean)
    return decision('conflict', {
      reason: overlappingEdits(merged.conflicts),
      markers: merged.text,
    });
  if (merged.text === disk) return decision('identical', { reason: 'your edits kept; nothing new from the generator there' });
  return decision('merged', { content: merged.text, reason: 'your edits kept, the new generation merged in' });
}
