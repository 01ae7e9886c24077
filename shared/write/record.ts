/**
 * The generation record: per command, what its last generation wrote (docs/generation-record.md).
 * A re-run compares each file on disk with the recorded hash (untouched since generation, or
 * edited by hand) and reproduces the previous generation from the recorded spec (the merge base).
 * Pure: text in, text out; reading and writing the file is the commit pipeline's.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError, pointerOf, type SpecIssue } from '../errors.js';
import { specFileName } from '../model/naming.js';
import { parseJsonSource, withinJsonDepth } from '../spec/json-source.js';
import { validateWithSchema } from '../spec/schema-validation.js';

export const RECORD_FORMAT = 'generator-continuum/generation-record/1';

/** What one generation wrote to one file. */
export interface RecordedFile {
  /** The adapter that planned the file. */
  readonly adapter: string;
  /** Hash of the generated text (contentHash), as generated. */
  readonly content: string;
  /** generator-continuum's version then. */
  readonly generator: string;
  /** Hash of the canonical spec text it came from: a key of `specs`. */
  readonly spec: string;
  /** Hashes of the other specs it was made from (the other commands of its Rust module), sorted: keys of `specs`. */
  readonly with?: readonly string[];
}

export interface GenerationRecord {
  readonly command: string;
  /** Project-relative POSIX path -> what generated it. */
  readonly files: ReadonlyMap<string, RecordedFile>;
  /** Spec hash -> the canonical spec text (what reproduces that generation). */
  readonly specs: ReadonlyMap<string, string>;
}

/** The hash the record stores for a text: sha256 of its UTF-8 bytes. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The records folder: roots.records, else generation/ beside the specs folder. */
export function recordsRoot(config: ProjectConfig): string {
  if (config.roots.records !== undefined) return config.roots.records;
  const parent = posix.dirname(config.roots.specs);
  return parent === '.' ? 'generation' : `${parent}/generation`;
}

/** Where a command's record lives (gpu/stats -> src/generator/generation/gpu-stats.json). */
export function recordPath(config: ProjectConfig, commandName: string): string {
  return `${recordsRoot(config)}/${specFileName(commandName)}`;
}

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The record's text: keys sorted, two-space indentation, a final newline; only specs that a file
 * still refers to are kept. The same record always gives the same bytes.
 */
export function serialiseRecord(record: GenerationRecord): string {
  const files = byKey(record.files.entries());
  const used = new Set(files.flatMap(([, f]) => [f.spec, ...(f.with ?? [])]));
  const document = {
    format: RECORD_FORMAT,
    command: record.command,
    files: Object.fromEntries(
      files.map(([path, f]) => [
        path,
        {
          adapter: f.adapter,
          content: f.content,
          generator: f.generator,
          spec: f.spec,
          ...(f.with && f.with.length > 0 ? { with: [...f.with].sort() } : {}),
        },
      ]),
    ),
    specs: Object.fromEntries(
      byKey(record.specs.entries())
        .filter(([hash]) => used.has(hash))
        .map(([hash, text]) => [hash, JSON.parse(text) as unknown]),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Parse a record file. Every problem is reported at once with its line and JSON pointer: a record
 * that cannot be trusted must not decide whether a hand edit is overwritten.
 */
export function parseRecord(text: string, file: string): GenerationRecord {
  // A record that checks out needs only JSON.parse; the locating scanner runs to report what does not.
  const quick = quickRecord(text, file);
  if (quick) return quick;
  const source = parseJsonSource(text, file);
  const issues = recordIssues(source.value, file);
  if (issues.length > 0) throw new SpecError(issues.map((i) => ({ ...i, ...source.locate(i.pointer) })));
  return recordOf(source.value);
}

/** The record, when the text parses and has no problem; undefined sends it to the locating parse. */
function quickRecord(text: string, file: string): GenerationRecord | undefined {
  try {
    const document: unknown = JSON.parse(text);
    return withinJsonDepth(document) && recordIssues(document, file).length === 0 ? recordOf(document) : undefined;
  } catch {
    return undefined;
  }
}

/** What makes a parsed record untrustworthy: its schema, a spec not under its hash, a file naming a spec it lacks. */
function recordIssues(document: unknown, file: string): SpecIssue[] {
  const issues: SpecIssue[] = validateWithSchema('generation-record', document, file);
  if (issues.length > 0) return issues;
  const { specs } = document as { specs: Record<string, unknown> };
  for (const [hash, spec] of Object.entries(specs)) {
    const actual = contentHash(canonicalSpecText(spec));
    if (actual !== hash)
      issues.push({
        file,
        pointer: pointerOf('specs', hash),
        message: 'the spec does not have the hash it is filed under (edited by hand?)',
        found: actual,
        expected: hash,
      });
  }
  for (const [path, entry] of Object.entries((document as { files: Record<string, RecordedFile> }).files)) {
    if (!(entry.spec in specs))
      issues.push({
        file,
        pointer: pointerOf('files', path, 'spec'),
        message: 'names a spec the record does not hold',
        found: entry.spec,
        expected: `one of the keys of /specs`,
      });
    (entry.with ?? []).forEach((hash, index) => {
      if (!(hash in specs))
        issues.push({
          file,
          pointer: pointerOf('files', path, 'with', index),
          message: 'names a spec the record does not hold',
          found: hash,
          expected: `one of the keys of /specs`,
        });
    });
  }
  return issues;
}

function recordOf(document: unknown): GenerationRecord {
  const { command, files, specs } = document as { command: string; files: Record<string, RecordedFile>; specs: Record<string, unknown> };
  return {
    command,
    files: new Map(Object.entries(files)),
    specs: new Map(Object.entries(specs).map(([hash, spec]) => [hash, canonicalSpecText(spec)])),
  };
}

/** The text a recorded spec is hashed and regenerated from (the saved spec's own form). */
export function canonicalSpecText(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
