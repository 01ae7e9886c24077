import { SpecError, inFileOrder, pointerOf, type SpecIssue } from '../errors.js';
import type { CommandSpecV2 } from './command-spec.js';
import { parseJsonSource, type JsonSource } from './json-source.js';
import { SPEC_LIMITS } from './limits.js';
import { isV1Spec, migrateV1Spec } from './migrate-v1.js';
import { schemaIssues, type SchemaIssue } from './schema-validation.js';

export interface LoadedSpec {
  readonly spec: CommandSpecV2;
  readonly source: JsonSource;
  /** True when the file is in the v1 format and was migrated in memory. */
  readonly migratedFromV1: boolean;
}

/** A spec file's own problems, and what later stages can still check. */
export interface SpecInspection {
  /** Problems of the file itself (size, encoding, JSON, duplicate keys, schema), in file order. */
  readonly issues: readonly SpecIssue[];
  /**
   * The spec for the later stages. When the file has schema problems, this is what is left once
   * each problem's part is cut out (`source` then locates its pointers in the file): later stages
   * find their problems in the same run. Undefined when too little is left (a JSON syntax error).
   */
  readonly loaded?: LoadedSpec;
  /** A later stage's issue in the file's own pointers, or undefined when it is inside a cut-out part. */
  restore(issue: SpecIssue): SpecIssue | undefined;
}

/**
 * Parse and schema-check a spec file's text or bytes. v1 specs are migrated in memory first;
 * every problem is reported at once, with its JSON pointer and line:column in the file.
 */
export function loadSpec(text: string | Uint8Array, file: string): LoadedSpec {
  const inspection = inspectSpec(text, file);
  if (inspection.issues.length > 0 || !inspection.loaded) throw new SpecError(inspection.issues);
  return inspection.loaded;
}

/** Check a spec file without stopping at the first kind of problem (see SpecInspection). */
export function inspectSpec(text: string | Uint8Array, file: string): SpecInspection {
  const nothingLeft = (issues: readonly SpecIssue[]): SpecInspection => ({ issues, restore: () => undefined });
  const bytes = typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
  if (bytes > SPEC_LIMITS.bytes) {
    return nothingLeft([
      {
        file,
        pointer: '',
        line: 1,
        column: 1,
        message: `the spec is ${bytes} bytes, more than the limit of ${SPEC_LIMITS.bytes}`,
        found: `${bytes} bytes`,
        expected: `at most ${SPEC_LIMITS.bytes} bytes (split it into several specs)`,
      },
    ]);
  }
  let source: JsonSource;
  try {
    source = parseJsonSource(text, file);
  } catch (error) {
    if (error instanceof SpecError) return nothingLeft(error.issues);
    throw error;
  }
  const document = source.value;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return nothingLeft([
      {
        file,
        pointer: '',
        line: 1,
        column: 1,
        message: 'a spec must be a JSON object',
        found: Array.isArray(document) ? 'an array' : typeof document,
        expected: '{ "version": 2, "name": ..., "description": ... }',
      },
    ]);
  }
  const migratedFromV1 = isV1Spec(document);
  const spec = migratedFromV1 ? migrateV1Spec(document as Record<string, unknown>) : (document as CommandSpecV2);
  // A refused __proto__ key is cut out like a schema problem: no later stage sees it, or reports it again.
  const protoKeys = new Set(source.issues.map((i) => i.pointer).filter((p) => p.endsWith('/__proto__')));
  const problems = schemaIssues('command-spec-v2', spec, file).filter((i) => !protoKeys.has(i.pointer));
  const issues = inFileOrder([...source.issues, ...locateSchemaIssues(problems, source)]);
  const cuts = [...problems.map(partOf), ...protoKeys];
  if (cuts.length === 0) return { issues, loaded: { spec, source, migratedFromV1 }, restore: (issue) => issue };
  const salvaged = salvage(spec, cuts, file);
  if (!salvaged) return { issues, restore: () => undefined };
  const salvagedSource: JsonSource = {
    file,
    value: salvaged.spec,
    issues: [],
    locate: (pointer) => source.locate(salvaged.original(pointer)),
    locateKey: (pointer) => source.locateKey(salvaged.original(pointer)),
  };
  return {
    issues,
    loaded: { spec: salvaged.spec, source: salvagedSource, migratedFromV1 },
    restore: (issue) => {
      const pointer = salvaged.original(issue.pointer);
      return salvaged.cut.some((cut) => pointer === cut || pointer.startsWith(`${cut}/`)) ? undefined : { ...issue, pointer };
    },
  };
}

/** Line:column of schema issues: an unknown key at the key, everything else at its value. */
function locateSchemaIssues(issues: readonly SchemaIssue[], source: JsonSource): SpecIssue[] {
  return issues.map(({ atKey, missing: _missing, ...issue }) => ({
    ...issue,
    ...(atKey ? source.locateKey(issue.pointer) : source.locate(issue.pointer)),
  }));
}

/** Placeholders for the top-level members every spec needs, so the rest can be checked without them. */
const REQUIRED_PLACEHOLDERS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['version', 2],
  ['name', 'unnamed'],
  ['description', 'unnamed'],
]);

/** The part a schema issue cuts out: its value, or a missing top-level member (a placeholder stands in). */
const partOf = (issue: SchemaIssue): string =>
  issue.pointer === '' && issue.missing !== undefined && REQUIRED_PLACEHOLDERS.has(issue.missing)
    ? pointerOf(issue.missing)
    : issue.pointer;

interface Salvaged {
  readonly spec: CommandSpecV2;
  /** Pointers (in the file) of the parts cut out; a later issue inside one is not reported. */
  readonly cut: readonly string[];
  /** A pointer into the salvaged spec as a pointer into the file (array items shift when one is cut). */
  original(pointer: string): string;
}

/**
 * What is left of a spec once every part with a schema problem is cut out: a wrong value, an
 * unknown key, an object missing a required member; array items after a cut one move up, and
 * `original` maps their pointers back. Repeats until the rest is schema-valid (cutting a required
 * member makes its parent invalid); undefined when that needs the whole document.
 */
function salvage(spec: CommandSpecV2, cuts: readonly string[], file: string): Salvaged | undefined {
  const cut = new Set<string>();
  let pending = cuts;
  let original = (pointer: string): string => pointer;
  for (let round = 0; round < 8; round++) {
    for (const pointer of pending) cut.add(original(pointer));
    if (cut.has('')) return undefined;
    const built = cutOut(spec, cut);
    const remaining = schemaIssues('command-spec-v2', built.value, file);
    original = built.original;
    if (remaining.length === 0) return { spec: built.value as CommandSpecV2, cut: [...cut], original };
    pending = remaining.map(partOf);
  }
  return undefined;
}

/** A copy of `document` without the values at `cut` (top-level required members get placeholders). */
function cutOut(document: unknown, cut: ReadonlySet<string>): { value: unknown; original: (pointer: string) => string } {
  // Salvaged pointer -> file pointer, for every value kept.
  const origins = new Map<string, string>();
  const copy = (value: unknown, from: string, to: string): unknown => {
    origins.set(to, from);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((item, index) => {
        const itemFrom = `${from}/${index}`;
        if (!cut.has(itemFrom)) out.push(copy(item, itemFrom, `${to}/${out.length}`));
      });
      return out;
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        const memberFrom = from + pointerOf(key);
        // defineProperty: a key named __proto__ stays a member, as JSON.parse made it.
        if (!cut.has(memberFrom))
          Object.defineProperty(out, key, {
            value: copy(member, memberFrom, to + pointerOf(key)),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return out;
    }
    return value;
  };
  const value = copy(document, '', '') as Record<string, unknown>;
  for (const [key, placeholder] of REQUIRED_PLACEHOLDERS) if (!Object.hasOwn(value, key)) value[key] = placeholder;
  const original = (pointer: string): string => {
    // A pointer to a missing member keeps its tail after the nearest kept parent.
    let head = pointer;
    let tail = '';
    for (;;) {
      const from = origins.get(head);
      if (from !== undefined) return from + tail;
      if (head === '') return pointer;
      const slash = head.lastIndexOf('/');
      tail = head.slice(slash) + tail;
      head = head.slice(0, slash);
    }
  };
  return { value, original };
}
