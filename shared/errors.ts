/**
 * Errors are part of the interface: each names the file, the place (JSON pointer and
 * line:column when known), what was found and what is accepted.
 */
export interface SpecIssue {
  /** File the problem is in, relative to the project when possible. */
  readonly file: string;
  /** JSON pointer into the document ('' for the whole document). */
  readonly pointer: string;
  /** 1-based line and column of the pointed value, when the source text is known. */
  readonly line?: number;
  readonly column?: number;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What was found there, already formatted for display. */
  readonly found?: string;
  /** What would be accepted instead. */
  readonly expected?: string;
  /** The closest accepted value to what was found, as it would be written, when one is close enough to be a typo. */
  readonly suggestion?: string;
}

export function formatIssue(issue: SpecIssue): string {
  const place = issue.line !== undefined ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const pointer = issue.pointer === '' ? '' : ` (at ${issue.pointer})`;
  const found = issue.found !== undefined ? `; found ${issue.found}` : '';
  const expected = issue.expected !== undefined ? `; expected ${issue.expected}` : '';
  const suggestion = issue.suggestion !== undefined ? `; did you mean ${JSON.stringify(issue.suggestion)}?` : '';
  return `${place}${pointer}: ${issue.message}${found}${expected}${suggestion}`;
}

/** Thrown when a spec or config cannot be turned into a model; carries every issue found. */
export class SpecError extends Error {
  readonly issues: readonly SpecIssue[];
  constructor(issues: readonly SpecIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'SpecError';
    this.issues = issues;
  }
}

/** Every issue of an error in one message: the count, that nothing was written, one issue a line. */
export function describeRefusal(error: SpecError): string {
  const count = error.issues.length;
  return `${count} problem${count === 1 ? '' : 's'} found; nothing was written:\n${error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`;
}

/** Collects issues during a pass so the user sees all of them at once, not one per run. */
export class IssueCollector {
  private readonly issues: SpecIssue[] = [];
  constructor(private readonly locate?: (pointer: string) => { line: number; column: number } | undefined) {}

  add(issue: Omit<SpecIssue, 'line' | 'column'>): void {
    const position = this.locate?.(issue.pointer);
    this.issues.push(position ? { ...issue, ...position } : issue);
  }

  get count(): number {
    return this.issues.length;
  }

  /** Every issue so far, in the order they were added. */
  list(): readonly SpecIssue[] {
    return [...this.issues];
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new SpecError(this.issues);
  }
}

/**
 * Issues of one file in the order a reader meets them: by line and column; issues without a
 * place keep their order, after the located ones.
 */
export function inFileOrder(issues: readonly SpecIssue[]): SpecIssue[] {
  const rank = (i: SpecIssue): number => (i.line === undefined ? Number.MAX_SAFE_INTEGER : i.line * 1e7 + (i.column ?? 0));
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.order - b.order)
    .map((x) => x.issue);
}

/** Render a value compactly for the `found` part of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify writes Infinity and NaN as null, and nothing at all for a function.
  const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** JSON pointer segment escaping (RFC 6901). */
export function pointerOf(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at a JSON pointer inside a document: own members only, so `constructor` finds no inherited member. */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  let current = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
