/**
 * Pure edit of a Rust module file (`mod.rs`, `traits.rs`): make sure it declares
 * `pub mod <name>;` (and, when asked, re-exports it with `pub use <name>::*;`).
 * The engine cannot read files; the generator applies this to the file's current text.
 * Applying it twice gives the same text as applying it once.
 */

export interface RustModuleRegistration {
  /** The child module's name (`gpu`). */
  readonly module: string;
  /** Also add `pub use <module>::*;`, so the parent path names the child's items. */
  readonly reexport?: boolean;
  /** First line (`//!` text) of the file when it does not exist yet. */
  readonly header: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the text already declare the module (any visibility, as a file or inline)? */
function declaresModule(lines: readonly string[], module: string): boolean {
  const pattern = new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?mod\\s+(?:r#)?${escape(module)}\\s*[;{]`);
  return lines.some((line) => pattern.test(line));
}

function reexportsModule(lines: readonly string[], module: string): boolean {
  const pattern = new RegExp(`^\\s*pub(?:\\([^)]*\\))?\\s+use\\s+(?:self::)?${escape(module)}::\\*\\s*;`);
  return lines.some((line) => pattern.test(line));
}

/**
 * Insert `line` into the last run of lines matching `kind`: in alphabetical place when that run
 * is sorted, else at its end. Without such a run, after `after` (the last index of lines that
 * must come first), separated by a blank line.
 */
function insertLine(lines: string[], line: string, kind: RegExp, fallbackAfter: number): void {
  let end = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (kind.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    const at = fallbackAfter + 1;
    const block = [...(at > 0 && lines[at - 1]?.trim() !== '' ? [''] : []), line];
    if (at < lines.length && lines[at].trim() !== '') block.push('');
    lines.splice(at, 0, ...block);
    return;
  }
  let start = end;
  while (start > 0 && kind.test(lines[start - 1])) start--;
  const run = lines.slice(start, end + 1);
  const sorted = run.every((l, i) => i === 0 || run[i - 1].trim() <= l.trim());
  if (!sorted) {
    lines.splice(end + 1, 0, line);
    return;
  }
  const offset = run.findIndex((l) => l.trim() > line);
  lines.splice(offset < 0 ? end + 1 : start + offset, 0, line);
}

/** Index of the last line of the file's leading `//!` docs and inner attributes, or -1. */
function headerEnd(lines: readonly string[]): number {
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed.startsWith('//!') || trimmed.startsWith('#![')) last = i;
    else if (trimmed !== '') break;
  }
  return last;
}

/** The module file's text with the registration added (unchanged when already there). */
export function registerRustModule(existing: string | undefined, registration: RustModuleRegistration): string {
  const { module } = registration;
  if (!/^[a-z_][a-z0-9_]*$/.test(module)) throw new Error(`internal: not a module name: ${JSON.stringify(module)}`);
  const text = existing ?? `//! ${registration.header}\n`;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  // A final newline leaves an empty last element; keep it out of the edit and put it back.
  const trailing = lines.length > 0 && lines[lines.length - 1] === '' ? lines.pop() !== undefined : false;
  let changed = existing === undefined;

  if (!declaresModule(lines, module)) {
    insertLine(lines, `pub mod ${module};`, /^pub mod [a-z_][a-z0-9_]*;$/, headerEnd(lines));
    changed = true;
  }
  if (registration.reexport && !reexportsModule(lines, module)) {
    let lastMod = -1;
    lines.forEach((l, i) => {
      if (/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\S+\s*;/.test(l)) lastMod = i;
    });
    insertLine(lines, `pub use ${module}::*;`, /^pub use [a-z_][a-z0-9_]*::\*;$/, lastMod);
    changed = true;
  }
  if (!changed) return existing!;
  return `${lines.join(newline)}${trailing || existing === undefined ? newline : ''}`;
}
