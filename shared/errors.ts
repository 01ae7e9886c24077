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
}

export function formatIssue(issue: SpecIssue): string {
  const place = issue.line !== undefined ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const pointer = issue.pointer === '' ? '' : ` (at ${issue.pointer})`;
  const found = issue.found !== undefined ? `; found ${issue.found}` : '';
  const expected = issue.expected !== undefined ? `; expected ${issue.expected}` : '';
  return `${place}${pointer}: ${issue.message}${found}${expected}`;
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

  throwIfAny(): void {
    if (this.issues.length > 0) throw new SpecError(this.issues);
  }
}

/** Render a value compactly for the `found` part of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** JSON pointer segment escaping (RFC 6901). */
export function pointerOf(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
