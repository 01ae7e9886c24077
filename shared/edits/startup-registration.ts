import { EditError } from './edit-error.js';
import { rustCodeNames, rustCodeOnly } from './rust-source.js';

/**
 * Pure edit of the host's start-up wiring (`ipc/mod.rs`), where every module is registered by hand:
 * add the new module's registration after the last registration statement. A file whose code
 * already names the module struct is left as it is, so a second run adds nothing and a module the
 * developer registered differently (with injected state) is never registered twice.
 */

export interface StartupModuleRegistration {
  /** The module struct (GpuModule). */
  readonly structName: string;
  /** The statement to add: runtime.register(Arc::new(crate::modules::gpu::GpuModule::new())); */
  readonly statement: string;
  /** The comment line above it. */
  readonly comment: string;
}

/** The text up to the statement's first `(`: what every registration statement starts with (`runtime.register(`). */
export function registrationAnchor(statement: string): string {
  const open = statement.indexOf('(');
  return open < 0 ? statement : statement.slice(0, open + 1);
}

/** Index just past the `;` that ends the statement starting at `from` (parentheses balanced), or -1. */
function statementEnd(code: string, from: number): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const ch = code[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ';' && depth === 0) return i + 1;
    if (depth < 0) return -1;
  }
  return -1;
}

export function registerAtStartup(existing: string | undefined, registration: StartupModuleRegistration, file: string): string {
  const byHand = `add \`${registration.statement}\` where the host registers its modules, or set "rust": { "startup": false } in .yo-rc.json`;
  if (existing === undefined) throw new EditError(file, 'the start-up file does not exist', byHand);
  if (rustCodeNames(existing, registration.structName)) return existing;

  const code = rustCodeOnly(existing);
  const anchor = registrationAnchor(registration.statement);
  let last = -1;
  for (let at = code.indexOf(anchor); at >= 0; at = code.indexOf(anchor, at + 1)) {
    const lineStart = code.lastIndexOf('\n', at - 1) + 1;
    if (code.slice(lineStart, at).trim() === '') last = at;
  }
  if (last < 0) throw new EditError(file, `no \`${anchor}...\` statement found`, byHand);
  const end = statementEnd(code, last);
  if (end < 0) throw new EditError(file, `the last \`${anchor}...\` statement does not end with \`;\``, byHand);

  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = existing.lastIndexOf('\n', last - 1) + 1;
  const indent = existing.slice(lineStart, last);
  const eol = existing.indexOf('\n', end);
  const at = eol < 0 ? existing.length : existing[eol - 1] === '\r' ? eol - 1 : eol;
  const block = `${newline}${newline}${indent}// ${registration.comment}${newline}${indent}${registration.statement}`;
  return existing.slice(0, at) + block + existing.slice(at);
}
