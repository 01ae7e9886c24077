/**
 * The extension point of the TypeScript command: how its server class does its work. Without one,
 * the server holds a placeholder implementation for the developer to fill in. An adapter that
 * composes this one (rust-ipc: the logic lives in a Rust service) fills the slot; the command only
 * lays the slot out and knows nothing of what stands behind it.
 */
export interface ServerImplementation {
  /** Doc-comment lines after the description (each printed after ` * `): where the logic lives. */
  readonly about: readonly string[];
  /** The server class's base, instead of the host's CommandBase. */
  readonly base: ServerBaseClass;
  /** Import lines after the Types imports (what the body names). */
  readonly imports: readonly string[];
  /** Values the body takes from the Types file (factories); the validation guards are added to them. */
  readonly typesValues: readonly string[];
  /**
   * The class body after the constructor, given the checks the command derived from the params.
   * Returned without a trailing newline; each line carries its own indentation.
   */
  body(command: ServerCommandParts): string;
  /** What the README says of the server file, and a section of the implementer's own (Markdown lines). */
  readonly readme: { readonly serverFile: string; readonly section: readonly string[] };
  /**
   * Comment lines for the unit test, which cannot run execute (it needs the backing service); its
   * validation still runs there, as it happens before the call goes out.
   */
  readonly unitTestNote: readonly string[];
}

/** The class the server command extends, and what that class already does. */
export interface ServerBaseClass {
  /** The import lines of the base (the first imports of the file). */
  readonly imports: readonly string[];
  /** The `extends` clause's class with its type arguments. */
  readonly extends: string;
  /** The base checks that required params are present, so the command checks only their types. */
  readonly checksRequiredParams: boolean;
  /** The base refuses blank required strings, so sample inputs use non-empty ones. */
  readonly refusesBlankStrings: boolean;
}

/** What the command hands the slot's body: its class name and the per-param type checks. */
export interface ServerCommandParts {
  readonly className: string;
  /** Validation statements, one block per param (unindented). */
  readonly validationBlocks: readonly string[];
  /** The file imports the host's ValidationError (some block throws it). */
  readonly usesValidationError: boolean;
}

/** The slot as the templates print it: the body rendered. */
export type RenderedServerImplementation = Omit<ServerImplementation, 'body'> & { readonly body: string };
