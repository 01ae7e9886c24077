/**
 * An edit of a shared file (mod.rs, RustCoreIPC.ts, the start-up wiring) that cannot be made safely:
 * the file, what was found, and what to do instead (usually the line to add by hand). The run
 * reports it like a spec error and writes nothing.
 */
export class EditError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly expected: string,
  ) {
    super(`${file}: ${problem}; expected ${expected}`);
    this.name = 'EditError';
  }
}
