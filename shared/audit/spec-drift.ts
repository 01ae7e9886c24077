import { payloadOf, type ProjectConfig } from '../config/project-config.js';
import type { TraitCatalog } from '../adapters/trait-only/trait-catalog.js';
import { normaliseSpec } from '../reverse/normalise-spec.js';
import type { CommandSpecV2, SpecTypeDeclaration, SpecTypeField } from '../spec/command-spec.js';

export type DriftKind = 'added' | 'removed' | 'retyped' | 'optionality' | 'default' | 'environment' | 'adapter';

/**
 * One disagreement between a spec and the code read back by reverse. `owner` is `params`,
 * `results` or the name of a declared type; `field` is absent when the whole type differs.
 */
export interface DriftEntry {
  readonly kind: DriftKind;
  readonly owner: string;
  readonly field?: string;
  /** The spec's side (type text, `optional`/`required`, enum values), when it has one. */
  readonly spec?: string;
  /** The code's side. */
  readonly code?: string;
  /** JSON pointer of the spec's entry (or of its owner, for an added field). */
  readonly pointer: string;
}

interface ComparableField {
  readonly type: string;
  readonly optional: boolean;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * How the code departs from its spec, both put in the normalised form the reverse round trip is
 * judged in (defaults spelled out, type text canonical, unused types dropped): fields of params,
 * results and declared types added, removed, retyped or changed in optionality, and types
 * declared on one side only. Empty when they agree.
 */
export function specDrift(specDocument: unknown, fromCode: CommandSpecV2, config: ProjectConfig, traits?: TraitCatalog): DriftEntry[] {
  // Equal documents normalise alike (the usual case: a spec the code was generated from): no need to normalise either.
  if (JSON.stringify(specDocument) === JSON.stringify(fromCode)) return [];
  const spec = normaliseSpec(specDocument, config, traits);
  const code = normaliseSpec(fromCode, config, traits);
  const raw = specDocument as RawSpec;
  return [
    ...payloadDrift(spec, code, raw, config),
    ...commandDrift(spec, code),
    ...defaultDrift(spec, code, raw),
    ...typeDrift(spec.types ?? {}, code.types ?? {}),
  ];
}

/** The spec document as written: pointers name its own list positions. */
type RawSpec = { params?: { name?: string }[]; results?: { name?: string }[] };

/** Params and results added, removed, retyped or changed in optionality. */
function payloadDrift(spec: CommandSpecV2, code: CommandSpecV2, raw: RawSpec, config: ProjectConfig): DriftEntry[] {
  const drift: DriftEntry[] = [];
  const conventions = new Set(payloadOf(config).resultConventions.map((c) => c.name));
  for (const owner of ['params', 'results'] as const) {
    const rawIndex = (name: string): number => (raw[owner] ?? []).findIndex((f) => f?.name === name);
    compareFields(
      owner,
      new Map((spec[owner] ?? []).map((f) => [f.name, { type: f.type, optional: f.optional === true }])),
      new Map((code[owner] ?? []).map((f) => [f.name, { type: f.type, optional: f.optional === true }])),
      (name) => (rawIndex(name) >= 0 ? `/${owner}/${rawIndex(name)}` : `/${owner}`),
      drift,
    );
  }
  // A host convention (error, success) the code declares in its own way while the spec is silent is the code's choice, not drift.
  return drift.filter((d) => !(d.owner === 'results' && d.kind === 'added' && conventions.has(d.field!)));
}

/** Where the command runs and what writes it: server/ and browser/, a Rust IPC client. */
function commandDrift(spec: CommandSpecV2, code: CommandSpecV2): DriftEntry[] {
  const drift: DriftEntry[] = [];
  if (spec.environment !== code.environment)
    drift.push({
      kind: 'environment',
      owner: 'command',
      spec: String(spec.environment),
      code: String(code.environment),
      pointer: '/environment',
    });
  if ((spec.adapter ?? '') !== (code.adapter ?? ''))
    drift.push({
      kind: 'adapter',
      owner: 'command',
      spec: spec.adapter ?? 'implied by environment',
      code: code.adapter ?? 'implied by environment',
      pointer: '/adapter',
    });
  return drift;
}

/** Defaults of optional params, as written in create<C>Params. */
function defaultDrift(spec: CommandSpecV2, code: CommandSpecV2, raw: RawSpec): DriftEntry[] {
  const drift: DriftEntry[] = [];
  for (const field of spec.params ?? []) {
    const inCode = (code.params ?? []).find((f) => f.name === field.name);
    if (!inCode) continue;
    const [a, b] = [JSON.stringify(field.default), JSON.stringify(inCode.default)];
    // The host's v1 generator gives every optional param a placeholder (data.x ?? ''): not a default the spec left out.
    if (field.default === undefined && v1Placeholder(field.type) === b) continue;
    if (a !== b) {
      const index = (raw.params ?? []).findIndex((f) => f?.name === field.name);
      drift.push({
        kind: 'default',
        owner: 'params',
        field: field.name,
        spec: a ?? 'no default',
        code: b ?? 'no default',
        pointer: index >= 0 ? `/params/${index}` : '/params',
      });
    }
  }
  return drift;
}

/** Declared types on one side only, enums retyped, and the fields of the others compared. */
function typeDrift(specTypes: Record<string, SpecTypeDeclaration>, codeTypes: Record<string, SpecTypeDeclaration>): DriftEntry[] {
  const drift: DriftEntry[] = [];
  for (const name of [...new Set([...Object.keys(specTypes), ...Object.keys(codeTypes)])].sort()) {
    const pointer = `/types/${escapePointer(name)}`;
    const inSpec = specTypes[name];
    const inCode = codeTypes[name];
    if (!inSpec) {
      drift.push({ kind: 'added', owner: name, code: describeType(inCode), pointer: '/types' });
      continue;
    }
    if (!inCode) {
      drift.push({ kind: 'removed', owner: name, spec: describeType(inSpec), pointer });
      continue;
    }
    if (inSpec.enum || inCode.enum) {
      const a = describeType(inSpec);
      const b = describeType(inCode);
      if (a !== b) drift.push({ kind: 'retyped', owner: name, spec: a, code: b, pointer });
      continue;
    }
    const fieldsOf = (declaration: SpecTypeDeclaration): Map<string, ComparableField> =>
      new Map(
        Object.entries(declaration.fields ?? {}).map(([n, f]: [string, SpecTypeField]) => [
          n,
          { type: f.type, optional: f.optional === true },
        ]),
      );
    compareFields(
      name,
      fieldsOf(inSpec),
      fieldsOf(inCode),
      (field) => (inSpec.fields?.[field] ? `${pointer}/fields/${escapePointer(field)}` : `${pointer}/fields`),
      drift,
    );
  }
  return drift;
}

/** What the host's v1 generator writes as `data.x ?? <placeholder>` for an optional param of a type (its defaultValueForType). */
function v1Placeholder(type: string): string {
  if (type === 'boolean') return 'false';
  if (type === 'number' || type === 'integer') return '0';
  if (type === 'string') return '""';
  if (type.endsWith('[]') || type.startsWith('Array<')) return '[]';
  if (type.startsWith("'")) return '""';
  return '{}';
}

function compareFields(
  owner: string,
  spec: ReadonlyMap<string, ComparableField>,
  code: ReadonlyMap<string, ComparableField>,
  pointerOf: (field: string) => string,
  out: DriftEntry[],
): void {
  for (const [field, inCode] of code) {
    const inSpec = spec.get(field);
    if (!inSpec) {
      out.push({ kind: 'added', owner, field, code: inCode.type, pointer: pointerOf(field) });
      continue;
    }
    if (inSpec.type !== inCode.type)
      out.push({ kind: 'retyped', owner, field, spec: inSpec.type, code: inCode.type, pointer: pointerOf(field) });
    if (inSpec.optional !== inCode.optional)
      out.push({ kind: 'optionality', owner, field, spec: optionality(inSpec), code: optionality(inCode), pointer: pointerOf(field) });
  }
  for (const [field, inSpec] of spec) {
    if (!code.has(field)) out.push({ kind: 'removed', owner, field, spec: inSpec.type, pointer: pointerOf(field) });
  }
}

const optionality = (field: ComparableField): string => (field.optional ? 'optional' : 'required');

function describeType(declaration: SpecTypeDeclaration): string {
  if (declaration.enum) return declaration.enum.map((v) => `'${v}'`).join(' | ');
  return `{ ${Object.entries(declaration.fields ?? {})
    .map(([n, f]) => `${n}${f.optional ? '?' : ''}: ${f.type}`)
    .join('; ')} }`;
}

/** `param limit`, `result count`, `field SubsystemInfo.usedMb`, `type SubsystemInfo`. */
export function driftSubject(entry: DriftEntry): string {
  if (entry.owner === 'command') return 'the command';
  if (entry.field === undefined) return `type ${entry.owner}`;
  if (entry.owner === 'params') return `param ${entry.field}`;
  if (entry.owner === 'results') return `result ${entry.field}`;
  return `field ${entry.owner}.${entry.field}`;
}

/** One sentence per entry: what the code says and what the spec says. */
export function describeDrift(entry: DriftEntry): string {
  const subject = driftSubject(entry);
  switch (entry.kind) {
    case 'added':
      return `${subject} is in the code (${entry.code}) but not in the spec`;
    case 'removed':
      return `${subject} is in the spec (${entry.spec}) but not in the code`;
    case 'retyped':
      return `${subject} is ${entry.code} in the code but ${entry.spec} in the spec`;
    case 'optionality':
      return `${subject} is ${entry.code} in the code but ${entry.spec} in the spec`;
    case 'default':
      return `${subject} defaults to ${entry.code} in the code but ${entry.spec} in the spec`;
    case 'environment':
      return `${subject} runs on ${entry.code} in the code (its server/ and browser/ folders) but ${entry.spec} in the spec`;
    case 'adapter':
      return `${subject} is ${entry.code} in the code but ${entry.spec} in the spec`;
  }
}
