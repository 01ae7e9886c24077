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
    super(
      file,
      problem,
      `one "const ComposedClient = ...(RustCoreIPCClientBase);" expression. Add the module by hand: import { ${registration.mixin} } from '${registration.from}'; and wrap the expression in ${registration.mixin}(...)`,
    );
    this.name = 'CompositionEditError';
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Mixins per nesting: tsc gives up on about 50 nested mixin calls (TS2589, "type instantiation is
 * excessively deep"), so a longer chain is composed in named stage classes of at most this many, each
 * a fresh base for the next (a named class's instance type does not nest).
 */
export const MIXINS_PER_STAGE = 25;
const BASE = 'RustCoreIPCClientBase';
const STAGE_NAME = 'ComposedClientStage';
const STAGE_COMMENT = '// tsc stops at about 50 nested mixins (TS2589): the inner ones are composed in stage classes.';
const STAGE_COMMENT_LINE = /^[ \t]*\/\/ tsc stops at about 50 nested mixins \(TS2589\)[^\n]*\n/m;
const STAGE_DECLARATION = /^[ \t]*class[ \t]+ComposedClientStage(\d+)[ \t]+extends[ \t]+([\s\S]*?)[ \t]*\{[ \t]*\}[ \t]*\n/gm;

/** `A(B(C(Inner)))` as { names: [A, B, C], inner: Inner } when the expression is nothing but that nesting. */
function mixinNesting(expression: string): { names: string[]; inner: string } | undefined {
  const names: string[] = [];
  let rest = expression.replace(/\s+/g, '');
  while (!IDENT.test(rest)) {
    const m = /^([A-Za-z_$][A-Za-z0-9_$]*)\((.*)\)$/.exec(rest);
    if (!m) return undefined;
    names.push(m[1]);
    rest = m[2];
  }
  return { names, inner: rest };
}

/** The stage classes of a composition, by number, with their nesting. */
function stageClasses(text: string): Map<string, { names: string[]; inner: string } | undefined> {
  const stages = new Map<string, { names: string[]; inner: string } | undefined>();
  for (const m of text.matchAll(STAGE_DECLARATION)) stages.set(`${STAGE_NAME}${m[1]}`, mixinNesting(m[2]));
  return stages;
}

/** Every mixin of the composition, outermost first, following stage classes down to the base; undefined when it is not only mixins. */
function mixinChain(expression: string, stages: ReadonlyMap<string, { names: string[]; inner: string } | undefined>): string[] | undefined {
  const names: string[] = [];
  let nesting = mixinNesting(expression);
  while (nesting) {
    names.push(...nesting.names);
    if (nesting.inner === BASE) return names;
    if (!stages.has(nesting.inner)) return undefined;
    nesting = stages.get(nesting.inner);
  }
  return undefined;
}

/** The chain laid out as the host writes it: `A(\n\tB(\n\t\tC(Base)\n\t)\n)`; one mixin stays on one line. */
function layoutChain(names: readonly string[], unit: string, baseIndent: string, base = BASE): string {
  if (names.length <= 1) return names.length === 0 ? base : `${names[0]}(${base})`;
  const open = names.map((name, i) =>
    i === 0
      ? `${name}(`
      : i === names.length - 1
        ? `${baseIndent}${unit.repeat(i)}${name}(${base})`
        : `${baseIndent}${unit.repeat(i)}${name}(`,
  );
  const close = names.slice(0, -1).map((_, i) => `${baseIndent}${unit.repeat(names.length - 2 - i)})`);
  return [...open, ...close].join('\n');
}

/**
 * The chain (outermost first) split into stages from the base up, so that adding a mixin on the outside
 * never moves one that is already staged: stage classes for the inner ones, the rest for ComposedClient.
 */
function stagedLayout(names: readonly string[], unit: string, baseIndent: string): { stages: string; expression: string } {
  const chunks: string[][] = [];
  for (let end = names.length; end > 0; end -= MIXINS_PER_STAGE) chunks.unshift(names.slice(Math.max(0, end - MIXINS_PER_STAGE), end));
  const outer = chunks.shift() ?? [];
  if (chunks.length === 0) return { stages: '', expression: layoutChain(outer, unit, baseIndent) };
  // chunks now runs from the stage nearest ComposedClient down to the one over the base.
  const stages = chunks
    .reverse()
    .map(
      (chunk, i) =>
        `${baseIndent}class ${STAGE_NAME}${i + 1} extends ${layoutChain(chunk, unit, baseIndent, i === 0 ? BASE : `${STAGE_NAME}${i}`)} {}\n`,
    );
  return {
    stages: `${baseIndent}${STAGE_COMMENT}\n${stages.join('')}`,
    expression: layoutChain(outer, unit, baseIndent, `${STAGE_NAME}${stages.length}`),
  };
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
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/** The composition file's text with the mixin re-exported, imported and composed (unchanged when already there). */
export function composeIpcMixin(existing: string | undefined, registration: MixinRegistration, file = 'RustCoreIPC.ts'): string {
  if (!IDENT.test(registration.mixin)) throw new Error(`internal: not an identifier: ${JSON.stringify(registration.mixin)}`);
  const types = registration.types ?? [];
  if (existing === undefined)
    return renderTemplate(adapterTemplates('rust-ipc'), 'RustCoreIPC.ts', { mixins: [{ ...registration, types }] });

  // At the start of a line, so that an example in a comment (` *   const ComposedClient = ...`) is not taken for it.
  const chain = /^([ \t]*(?:export[ \t]+)?const\s+ComposedClient\s*=\s*)([\s\S]*?)(\s*;)/m.exec(existing);
  if (!chain) throw new CompositionEditError(file, 'no "const ComposedClient = ..." declaration found', registration);
  const stages = stageClasses(existing);
  if (!/\bRustCoreIPCClientBase\b/.test(chain[2]) && mixinChain(chain[2], stages) === undefined)
    throw new CompositionEditError(file, 'the ComposedClient expression does not start from RustCoreIPCClientBase', registration);

  const name = escape(registration.mixin);
  const importLines = [...existing.matchAll(/^import\s[^;]*?from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
  const quote = importLines[0]?.[1] ?? "'";
  const imported = new RegExp(`^\\s*import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"][^'"]+['"]`, 'm').test(existing);
  const staged = [...existing.matchAll(STAGE_DECLARATION)].map((m) => m[2]);
  const composed = [chain[2], ...staged].some((expression) => new RegExp(`\\b${name}\\s*\\(`).test(expression));
  const exported = exportedNames(existing);
  const missingTypes = types.filter((t) => !exported.has(t));
  if (imported && composed && missingTypes.length === 0) return existing;

  // The file's indentation unit: what the second line of a multi-line chain starts with, else a tab.
  const unit = /\n([ \t]+)\S/.exec(chain[2])?.[1] ?? /^(\t| {2,4})\S/m.exec(existing)?.[1] ?? '\t';
  let text = composed ? existing : composeIntoChain(existing, chain, stages, registration.mixin, unit);
  if (!imported) text = withMixinImport(text, registration, quote);
  if (missingTypes.length > 0) text = withTypeReexports(text, registration.from, missingTypes, quote, unit);
  return text;
}

/** ComposedClient with the mixin applied outermost: in the staged layout when the chain is one, else around the expression. */
function composeIntoChain(
  text: string,
  chain: RegExpExecArray,
  stages: ReturnType<typeof stageClasses>,
  mixin: string,
  unit: string,
): string {
  const names = mixinChain(chain[2], stages);
  const rest = text.slice(chain.index + chain[0].length);
  if (!names) return text.slice(0, chain.index) + chain[1] + `${mixin}(${chain[2].trim()})` + chain[3] + rest;
  // The stage classes are laid out anew just above ComposedClient (where this edit put them).
  const baseIndent = /^[ \t]*/.exec(chain[1])![0];
  const layout = stagedLayout([mixin, ...names], unit, baseIndent);
  const before = text.slice(0, chain.index).replace(STAGE_DECLARATION, '').replace(STAGE_COMMENT_LINE, '');
  return before + layout.stages + chain[1] + layout.expression + chain[3] + rest;
}

/** The mixin's import: after the last import of a sibling mixin module, else after the last import. */
function withMixinImport(text: string, registration: MixinRegistration, quote: string): string {
  const lines = [...text.matchAll(/^import\s[^;]*?from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
  const semicolon = lines.length === 0 || lines[0][0].trimEnd().endsWith(';') ? ';' : '';
  const line = `import { ${registration.mixin} } from ${quote}${registration.from}${quote}${semicolon}`;
  const modules = lines.filter((m) => m[2].startsWith('./modules/') && !/\/base$/.test(m[2]));
  const anchor = modules[modules.length - 1] ?? lines[lines.length - 1];
  return anchor
    ? `${text.slice(0, anchor.index + anchor[0].length)}\n${line}${text.slice(anchor.index + anchor[0].length)}`
    : `${line}\n${text}`;
}

/** The mixin module's types re-exported: added to its own re-export statement, else in a new one. */
function withTypeReexports(text: string, from: string, missingTypes: readonly string[], quote: string, unit: string): string {
  const own = new RegExp(`^export\\s+type\\s*\\{([^}]*)\\}\\s*from\\s*(['"])${escape(from)}\\2;?`, 'm').exec(text);
  if (own) {
    // The module already has a re-export statement: add the missing names to it, in its layout.
    const present = own[1]
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    return (
      text.slice(0, own.index) +
      reexportStatement([...present, ...missingTypes], from, own[2], unit) +
      text.slice(own.index + own[0].length)
    );
  }
  // After the last re-export from a module (the host's block at the top), else before the first import.
  const reexports = [...text.matchAll(/^export\s+(?:type\s+)?\{[^}]*\}\s*from\s*(['"])([^'"]+)\1;?[ \t]*$/gm)];
  const fromModules = reexports.filter((m) => m[2].startsWith('./modules/'));
  const anchor = fromModules[fromModules.length - 1] ?? reexports[reexports.length - 1];
  const statement = reexportStatement(missingTypes, from, quote, unit);
  const firstImport = /^import\s/m.exec(text);
  if (anchor) return `${text.slice(0, anchor.index + anchor[0].length)}\n${statement}${text.slice(anchor.index + anchor[0].length)}`;
  if (firstImport) return `${text.slice(0, firstImport.index)}${statement}\n\n${text.slice(firstImport.index)}`;
  return `${statement}\n${text}`;
}
