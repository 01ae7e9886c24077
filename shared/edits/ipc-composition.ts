import { renderTemplate } from '../render/template-engine.js';

/**
 * Pure edit of the IPC composition file (`bindings/RustCoreIPC.ts`): import a module's mixin and
 * wrap the one nested `const ComposedClient = AMixin(BMixin(RustCoreIPCClientBase));` expression
 * once more. The generator applies it to the file's current text; applying it twice gives the
 * same text as applying it once.
 */

export interface MixinRegistration {
  /** Exported function name, e.g. GpuMixin. */
  readonly mixin: string;
  /** Module specifier relative to the composition file, e.g. ./modules/gpu. */
  readonly from: string;
}

/** The composition file cannot be edited safely: the message says what was expected. */
export class CompositionEditError extends Error {
  constructor(file: string, problem: string, registration: MixinRegistration) {
    super(
      `${file}: ${problem}; expected one "const ComposedClient = ...(RustCoreIPCClientBase);" expression. ` +
        `Add the module by hand: import { ${registration.mixin} } from '${registration.from}'; and wrap the expression in ${registration.mixin}(...).`,
    );
    this.name = 'CompositionEditError';
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The composition file's text with the mixin imported and composed (unchanged when already there). */
export function composeIpcMixin(existing: string | undefined, registration: MixinRegistration, file = 'RustCoreIPC.ts'): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(registration.mixin)) throw new Error(`internal: not an identifier: ${JSON.stringify(registration.mixin)}`);
  if (existing === undefined) return renderTemplate('ipc-mixin', 'RustCoreIPC.ts', { mixins: [registration] });

  // At the start of a line, so that an example in a comment (` *   const ComposedClient = ...`) is not taken for it.
  const chain = /^([ \t]*(?:export[ \t]+)?const\s+ComposedClient\s*=\s*)([\s\S]*?)(\s*;)/m.exec(existing);
  if (!chain) throw new CompositionEditError(file, 'no "const ComposedClient = ..." declaration found', registration);
  if (!/\bRustCoreIPCClientBase\b/.test(chain[2])) throw new CompositionEditError(file, 'the ComposedClient expression does not start from RustCoreIPCClientBase', registration);

  const name = escape(registration.mixin);
  const imported = new RegExp(`^\\s*import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"][^'"]+['"]`, 'm').test(existing);
  const composed = new RegExp(`\\b${name}\\s*\\(`).test(chain[2]);
  if (imported && composed) return existing;

  let text = existing;
  if (!composed) {
    const wrapped = `${chain[1]}${registration.mixin}(${chain[2].trim()})${chain[3]}`;
    text = text.slice(0, chain.index) + wrapped + text.slice(chain.index + chain[0].length);
  }
  if (!imported) {
    const importLines = [...text.matchAll(/^import\s[^;]*?from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
    const quote = importLines[0]?.[1] ?? "'";
    const semicolon = importLines.length === 0 || importLines[0][0].trimEnd().endsWith(';') ? ';' : '';
    const line = `import { ${registration.mixin} } from ${quote}${registration.from}${quote}${semicolon}`;
    // After the last import of a sibling mixin module, else after the last import.
    const modules = importLines.filter((m) => m[2].startsWith('./modules/') && !/\/base$/.test(m[2]));
    const anchor = modules[modules.length - 1] ?? importLines[importLines.length - 1];
    if (anchor) {
      const at = anchor.index + anchor[0].length;
      text = `${text.slice(0, at)}\n${line}${text.slice(at)}`;
    } else {
      text = `${line}\n${text}`;
    }
  }
  return text;
}
