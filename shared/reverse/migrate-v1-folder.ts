import { posix } from 'node:path';
import type { PlannedFile } from '../adapters/adapter.js';
import { accessLevelsOf, type ProjectConfig } from '../config/project-config.js';
import { generateCommand } from '../engine.js';
import { SpecError, formatIssue } from '../errors.js';
import { serialiseSpec } from '../spec/canonical-spec.js';
import type { CommandSpecV2, SpecField, SpecTypeDeclaration } from '../spec/command-spec.js';
import { parseJsonSource, type JsonSource } from '../spec/json-source.js';
import { isV1Spec, migrateV1SpecWithNotes } from '../spec/migrate-v1.js';
import { parseTypeString } from '../types/type-grammar.js';
import { namedReferences } from '../types/type-tree.js';
import { commandClassName } from '../model/naming.js';
import type { ReverseEngineer } from './reverse-engineer.js';
import type { SourceReader } from './source-reader.js';

export interface V1MigrationPlan {
  /** v2 text for each v1 file, at the same path (in place). */
  readonly files: readonly PlannedFile[];
  /** What each migrated file's migration changed, as `file:line (at pointer): message`. */
  readonly notes: readonly string[];
  /** Project-relative files already in v2. */
  readonly alreadyV2: readonly string[];
  /** Files that are not valid specs, or whose migration does not generate, with every problem. */
  readonly failed: readonly { readonly file: string; readonly problems: readonly string[] }[];
}

export interface V1MigrationOptions {
  readonly config: ProjectConfig;
  /** Reads types the grammar cannot take the way reverse reads code, and knows the project's exported types. */
  readonly engine: ReverseEngineer;
}

/**
 * Plan the in-place migration of every v1 spec under a folder (sub-folders included). Each is
 * migrated with the host's v1 dialects accepted (migrate-v1.ts), its types completed against the
 * project (inline objects lifted, undeclared names imported from the one module that exports
 * them), and then generated in memory: only a migration that generates is planned, so every file
 * written is one `continuum-gen command` accepts; the others fail with every problem.
 */
export function planV1Migration(folder: string, projectRoot: string, reader: SourceReader, options: V1MigrationOptions): V1MigrationPlan {
  const files: PlannedFile[] = [];
  const notes: string[] = [];
  const alreadyV2: string[] = [];
  const failed: { file: string; problems: string[] }[] = [];
  if (reader.listFolder(folder) === undefined) throw new Error(`${posix.relative(projectRoot, folder) || '.'} is not a folder`);
  const walk = (current: string): void => {
    for (const entry of reader.listFolder(current) ?? []) {
      const path = posix.join(current, entry.name);
      if (entry.isFolder) {
        walk(path);
        continue;
      }
      if (!entry.name.endsWith('.json')) continue;
      const file = posix.relative(projectRoot, path);
      const text = reader.readFile(path) ?? '';
      let source: JsonSource;
      try {
        source = parseJsonSource(text, file);
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        failed.push({ file, problems: error.issues.map(formatIssue) });
        continue;
      }
      const document = source.value;
      if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        failed.push({ file, problems: [`${file}: a spec must be a JSON object`] });
        continue;
      }
      if (!isV1Spec(document)) {
        alreadyV2.push(file);
        continue;
      }
      const migration = migrateV1SpecWithNotes(document as Record<string, unknown>, accessLevelsOf(options.config));
      const where = (pointer: string): string => {
        const at = source.locate(pointer);
        return `${file}${at ? `:${at.line}` : ''}${pointer ? ` (at ${pointer})` : ''}`;
      };
      const fileNotes = migration.notes.map((n) => `${where(n.pointer)}: ${n.message}`);
      const spec = completeTypes(migration.spec, options, (pointer, message) => fileNotes.push(`${where(pointer)}: ${message}`));
      const content = serialiseSpec(spec);
      try {
        generateCommand({ specText: content, specFile: file, config: options.config, knownTypes: options.engine.registry });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        failed.push({
          file,
          problems: error.issues.map(
            (issue) =>
              `${where(issue.pointer)}: ${issue.message}${issue.found !== undefined ? `; found ${issue.found}` : ''}${issue.expected !== undefined ? `; expected ${issue.expected}` : ''}`,
          ),
        });
        continue;
      }
      files.push({ path: file, content });
      notes.push(...fileNotes);
    }
  };
  walk(folder);
  return { files, notes, alreadyV2, failed };
}

/**
 * Types the grammar does not take (inline objects, Date, unions of names) or names the spec does
 * not declare, read with the reverse engineer: lifted, written as unknown, or imported.
 */
function completeTypes(spec: CommandSpecV2, options: V1MigrationOptions, note: (pointer: string, message: string) => void): CommandSpecV2 {
  const declared = new Set([
    ...Object.keys(spec.types ?? {}),
    ...(spec.imports ?? []).map((i) => i.name),
    ...options.config.imports.map((i) => i.name),
  ]);
  const types: Record<string, SpecTypeDeclaration> = { ...(spec.types ?? {}) };
  const imports = [...(spec.imports ?? [])];
  const className = spec.className ?? commandClassName(String(spec.name));
  const complete = (field: SpecField, list: 'params' | 'results', index: number): SpecField => {
    if (typeof field?.type !== 'string') return field;
    let needsReading: boolean;
    try {
      needsReading = namedReferences(parseTypeString(field.type)).some((n) => !declared.has(n));
    } catch {
      needsReading = true;
    }
    if (!needsReading) return field;
    const read = options.engine.specTypeOfText(field.type, className, field.name);
    for (const [name, declaration] of Object.entries(read.types)) if (!(name in types)) types[name] = declaration;
    for (const imported of read.imports) {
      if (imports.some((i) => i.name === imported.name) || options.config.imports.some((i) => i.name === imported.name)) continue;
      imports.push(imported);
      note(
        `/${list}/${index}/type`,
        `${imported.name} is not declared in the spec; ${imported.from} exports it, so the spec imports it from there`,
      );
    }
    for (const warning of read.warnings.filter((w) => w.kind !== 'unresolved-type'))
      note(`/${list}/${index}/type`, warning.message.replace(/^[^:]*: /, `${field.name}: `));
    if (read.type !== field.type && Object.keys(read.types).length > 0)
      note(`/${list}/${index}/type`, `${field.type} is written as ${read.type}, declared under types`);
    return { ...field, type: read.type };
  };
  const params = Array.isArray(spec.params) ? spec.params.map((f, i) => complete(f, 'params', i)) : spec.params;
  const results = Array.isArray(spec.results) ? spec.results.map((f, i) => complete(f, 'results', i)) : spec.results;
  return {
    ...spec,
    ...(params ? { params } : {}),
    ...(results ? { results } : {}),
    ...(Object.keys(types).length > 0 ? { types } : {}),
    ...(imports.length > 0 ? { imports } : {}),
  };
}
