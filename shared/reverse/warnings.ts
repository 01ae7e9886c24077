/**
 * What the reverse engineer could not carry over faithfully, each with the file and line to look
 * at. A warning never stops a run; a command whose Types file cannot be read is skipped instead.
 */
export type ReverseWarningKind =
  /** `any` in a param, result or a type they use (kept as `any`: the generator refuses it until a shape is named). */
  | 'any'
  /** No exported static accessor (`export const <C> = { execute ... }`) in the Types file. */
  | 'missing-accessor'
  /** No interface extending CommandParams. */
  | 'missing-params'
  /** No interface extending CommandResult. */
  | 'missing-result'
  /** A type the spec grammar cannot express; written into the spec as an import, not dropped. */
  | 'inexpressible-type'
  /** A field type naming something neither declared in the file nor imported. */
  | 'unresolved-type'
  /** A source file with syntax errors; it was skipped. */
  | 'parse-error'
  /** A generic params or result type whose type parameter was replaced by its default or constraint. */
  | 'generic'
  /** A local alias of an expressible type, replaced by what it stands for (the spec has no plain aliases). */
  | 'inlined-alias'
  /** A default in create<C>Params that could not be evaluated to a JSON value, or sits on a required param. */
  | 'default'
  /** The command name in code disagrees with the folder, or the accessor disagrees with itself. */
  | 'name'
  /** No description in the README, the Types file header or an existing spec. */
  | 'description'
  /** Neither server/ nor browser/ holds a command class. */
  | 'environment'
  /** A Rust-backed command whose Rust module could not be found. */
  | 'rust'
  /** An import the spec keeps relative because no path alias maps its file. */
  | 'relative-import'
  /** Params or result fields inherited from an interface in another file, flattened into the spec. */
  | 'inherited'
  /** A host convention field (error, success) declared with another type: the spec keeps the code's. */
  | 'host-field'
  /** Something the regenerated Types file will not have that hand-written code uses (an exported helper). */
  | 'lost-export'
  /** Several commands in one Types file: each gets its own spec. */
  | 'shared-types-file';

/**
 * Warnings that say only what reverse did faithfully (a base flattened, the code's own error type
 * kept, an alias inlined, a shared Types file merged into): a spec with these and no others is exact.
 * Every other kind asks a person to decide something.
 */
export const INFORMATIONAL_WARNINGS: ReadonlySet<ReverseWarningKind> = new Set<ReverseWarningKind>([
  'inherited',
  'host-field',
  'inlined-alias',
  'shared-types-file',
  'relative-import',
]);

/** Does this warning leave a decision to a person (the migration report's "needs review")? */
export function needsReview(warning: ReverseWarning): boolean {
  if (INFORMATIONAL_WARNINGS.has(warning.kind)) return false;
  // A name one module of the project exports is imported from it: resolved, nothing to decide.
  return !(warning.kind === 'unresolved-type' && /exports it, so the spec imports it from there/.test(warning.message));
}

export interface ReverseWarning {
  readonly kind: ReverseWarningKind;
  /** Project-relative POSIX path. */
  readonly file: string;
  /** 1-based line, when the warning is about one place. */
  readonly line?: number;
  readonly message: string;
}

/** `file:line: [kind] message`, the form printed on stderr and kept in the expected-warnings fixtures. */
export function formatWarning(warning: ReverseWarning): string {
  const place = warning.line !== undefined ? `${warning.file}:${warning.line}` : warning.file;
  return `${place}: [${warning.kind}] ${warning.message}`;
}
