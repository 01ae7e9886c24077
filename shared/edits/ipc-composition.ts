import { adapterTemplates } from '../package-root.js';
import { renderTemplate } from '../render/template-engine.js';
import { EditError } from './edit-error.js';


/**
 * Pure edit of the IPC composition file (`bindings/RustCoreIPC.ts`): re-export a module's types,
 * import its mixin and wrap the one nested `const ComposedClient = AMixin(BMixin(RustCoreIPCClientBase));`
 * expression once more, in the host's layout (one mixin per line, indented with the file's unit,
 * a tab in the host). The generator applies it to the file's current text; applying it twice gives
 * the same text as applying it once.
 */

export interface MixinRegistration {
  /** Exported function name, e.g. GpuMixin. */
  readonly mixin: string;
  /** Module specifier relative to the composition file, e.g. ./modules/gpu. */
  readonly from: string;
  /** Type names the mixin module exports, re-exported by the composition file. */
  readonly types?: readonly string[];
}

/** The composition file cannot be edited safely: the message says what to add by hand. */
export class CompositionEditError extends EditError {
  constructor(file: string, problem: string, registration: MixinRegistration) {
    super(file, problem, `one "const ComposedClient = ...(RustCoreIPCClientBase);" expression. Add the module by hand: import { ${registration.mixin} } from '${registration.from}'; and wrap the expression in ${registration.mixin}(...)`);
    this.name = 'CompositionEditError';
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `A(B(C(Base)))` as [A, B, C] when the expression is nothing but that nesting, else undefined. */
function mixinChain(expression: string): string[] | undefined {
  const names: string[] = [];
  let rest = expression.replace(/\s+/g, '');
  while (rest !== 'RustCoreIPCClientBase') {
    const m = /^([A-Za-z_$][A-Za-z0-9_$]*)\((.*)\)$/.exec(rest);
    if (!m) return undefined;
    names.push(m[1]);
    rest = m[2];
  }
  return names;
}

/** The chain laid out as the host writes it: `A(\n\tB(\n\t\tC(Base)\n\t)\n)`; one mixin stays on one line. */
function layoutChain(names: readonly string[], unit: string, baseIndent: string): string {
  if (names.length <= 1) return names.length === 0 ? 'RustCoreIPCClientBase' : `${names[0]}(RustCoreIPCClientBase)`;
  const open = names.map((name, i) => (i === 0 ? `${name}(` : i === names.length - 1 ? `${baseIndent}${unit.repeat(i)}${name}(RustCoreIPCClientBase)` : `${baseIndent}${unit.repeat(i)}${name}(`));
  const close = names.slice(0, -1).map((_, i) => `${baseIndent}${unit.repeat(names.length - 2 - i)})`);
  return [...open, ...close].join('\n');
}

/** `export type { A, B } from 'x';`, or one name a line (with `unit`) when that is long. */
function reexportStatement(names: readonly string[], from: string, quote: string, unit: string): string {
  const oneLine = `export type { ${names.join(', ')} } from ${quote}${from}${quote};`;
  return oneLine.length <= 100 ? oneLine : `export type {\n${names.map((n) => `${unit}${n},`).join('\n')}\n} from ${quote}${from}${quote};`;
}

/** Names the file already exports (so a re-export never declares one twice). */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/** The composition file's text with the mixin re-exported, imported and composed (unchanged when already there). */
export function composeIpcMixin(existing: string | undefined, registration: MixinRegistration, file = 'RustCoreIPC.ts'): string {
  if (!IDENT.test(registration.mixin)) throw new Error(`internal: not an identifier: ${JSON.stringify(registration.mixin)}`);
  const types = registration.types ?? [];
  if (existing === undefined) return renderTemplate(adapterTemplates('rust-ipc'), 'RustCoreIPC.ts', { mixins: [{ ...registration, types }] });

  // At the start of a line, so that an example in a comment (` *   const ComposedClient = ...`) is not taken for it.
  const chain = /^([ \t]*(?:export[ \t]+)?const\s+ComposedClient\s*=\s*)([\s\S]*?)(\s*;)/m.exec(existing);
  if (!chain) throw new CompositionEditError(file, 'no "const ComposedClient = ..." declaration found', registration);
  if (!/\bRustCoreIPCClientBase\b/.test(chain[2])) throw new CompositionEditError(file, 'the ComposedClient expression does not start from RustCoreIPCClientBase', registration);

  const name = escape(registration.mixin);
  const importLines = [...existing.matchAll(/^import\s[^;]*?from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
  const quote = importLines[0]?.[1] ?? "'";
  const imported = new RegExp(`^\\s*import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"][^'"]+['"]`, 'm').test(existing);
  const composed = new RegExp(`\\b${name}\\s*\\(`).test(chain[2]);
  const exported = exportedNames(existing);
  const missingTypes = types.filter((t) => !exported.has(t));
  if (imported && composed && missingTypes.length === 0) return existing;

  // The file's indentation unit: what the second line of a multi-line chain starts with, else a tab.
  const unit = /\n([ \t]+)\S/.exec(chain[2])?.[1] ?? /^(\t| {2,4})\S/m.exec(existing)?.[1] ?? '\t';
  let text = existing;
  if (!composed) {
    const names = mixinChain(chain[2]);
    const baseIndent = /^[ \t]*/.exec(chain[1])![0];
    const wrapped = names ? layoutChain([registration.mixin, ...names], unit, baseIndent) : `${registration.mixin}(${chain[2].trim()})`;
    text = text.slice(0, chain.index) + chain[1] + wrapped + chain[3] + text.slice(chain.index + chain[0].length);
  }
  if (!imported) {
    const lines = [...text.matchAll(/^import\s[^;]*?from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
    const semicolon = lines.length === 0 || lines[0][0].trimEnd().endsWith(';') ? ';' : '';
    const line = `import { ${registration.mixin} } from ${quote}${registration.from}${quote}${semicolon}`;
    // After the last import of a sibling mixin module, else after the last import.
    const modules = lines.filter((m) => m[2].startsWith('./modules/') && !/\/base$/.test(m[2]));
    const anchor = modules[modules.length - 1] ?? lines[lines.length - 1];
    text = anchor ? `${text.slice(0, anchor.index + anchor[0].length)}\n${line}${text.slice(anchor.index + anchor[0].length)}` : `${line}\n${text}`;
  }
  if (missingTypes.length > 0) {
    const own = new RegExp(`^export\\s+type\\s*\\{([^}]*)\\}\\s*from\\s*(['"])${escape(registration.from)}\\2;?`, 'm').exec(text);
    if (own) {
      // The module already has a re-export statement: add the missing names to it, in its layout.
      const present = own[1].split(',').map((p) => p.trim()).filter((p) => p !== '');
      text = text.slice(0, own.index) + reexportStatement([...present, ...missingTypes], registration.from, own[2], unit) + text.slice(own.index + own[0].length);
    } else {
      // After the last re-export from a module (the host's block at the top), else before the first import.
      const reexports = [...text.matchAll(/^export\s+(?:type\s+)?\{[^}]*\}\s*from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
      const fromModules = reexports.filter((m) => m[2].startsWith('./modules/'));
      const anchor = fromModules[fromModules.length - 1] ?? reexports[reexports.length - 1];
      const statement = reexportStatement(missingTypes, registration.from, quote, unit);
      const firstImport = /^import\s/m.exec(text);
      if (anchor) text = `${text.slice(0, anchor.index + anchor[0].length)}\n${statement}${text.slice(anchor.index + anchor[0].length)}`;
      else if (firstImport) text = `${text.slice(0, firstImport.index)}${statement}\n\n${text.slice(firstImport.index)}`;
      else text = `${statement}\n${text}`;
    }
  }
  return text;
}
