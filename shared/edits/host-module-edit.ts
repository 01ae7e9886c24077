/**
 * Syntax-aware edits of a hand-written host module (`modules/gpu.rs`, written by people, not by
 * the generator): a generated command joins it without a line of it changing. The file is parsed
 * with tree-sitter's Rust grammar; the edit only inserts text, at places found in the tree:
 *
 * - `mod generated; pub use generated::*;` (the generated part: wire types, dispatch, schemas,
 *   tests) and `mod <handler>;` per command (its handler file, yours), after the last `use`;
 * - a match arm `"gpu/evict" => generated::dispatch_evict(self, params),` before the `_` arm of
 *   the `match` on the command in `ServiceModule::handle_command`;
 * - a `generated::schema_evict(),` entry in the `vec![...]` of `command_schemas` (or that
 *   method, when the module has none).
 *
 * Each insertion is marked `// generator-continuum: ...`. What does not have the expected shape
 * is refused with the line and what was expected, before anything is written.
 */
import { EditError } from './edit-error.js';
import { firstSyntaxError, parseRust, positionOf, type RustNode } from './rust-syntax.js';

/** The marker every inserted part starts with (and the first line of every generated file). */
export const GENERATED_MARK = 'generator-continuum';

/** One generated command joining the module. */
export interface HostCommandAddition {
  /** gpu/evict */
  readonly command: string;
  /** The handler's child module (evict). */
  readonly handlerModule: string;
  /** Functions of the generated part: dispatch_evict(module, params), schema_evict(). */
  readonly dispatchFn: string;
  readonly schemaFn: string;
}

/** Where a hand-written module does not have the shape an edit needs. */
export interface HostModuleProblem {
  readonly line: number;
  readonly column: number;
  readonly problem: string;
  readonly expected: string;
}

/** What the generated part needs to know of the hand-written module. */
export interface HostModuleShape {
  /** The struct `impl ServiceModule for <it>` (GpuModule). */
  readonly structName: string;
}

const EXPECTED_HANDLE =
  'async fn handle_command(&self, command: &str, params: Value) whose body is `match command { "<prefix>/x" => ..., _ => ... }` (one arm per command, a `_` arm last)';

interface Located {
  readonly serviceImpl: RustNode;
  readonly structName: string;
  readonly handle: RustNode;
  readonly commandParam: string;
  readonly paramsParam: string;
  readonly match: RustNode;
  readonly schemas?: RustNode;
}

const problemAt = (node: RustNode | undefined, problem: string, expected: string): HostModuleProblem => ({
  ...(node ? positionOf(node) : { line: 1, column: 1 }),
  problem,
  expected,
});

/** The identifier a parameter binds (`command: &str` -> command), or undefined for a pattern. */
function boundName(parameter: RustNode | null | undefined): string | undefined {
  const pattern = parameter?.type === 'parameter' ? parameter.childForFieldName('pattern') : undefined;
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}

/** The `match` on `command` that handle_command's body is (its tail expression, or its only statement). */
function commandMatch(body: RustNode, commandParam: string): RustNode | undefined {
  const expressions = body.namedChildren.filter(
    (c): c is RustNode => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment',
  );
  for (const child of expressions) {
    const expression = child.type === 'expression_statement' ? child.namedChild(0) : child;
    if (expression?.type !== 'match_expression') continue;
    const value = expression.childForFieldName('value');
    if (value?.type === 'identifier' && value.text === commandParam) return expression;
  }
  return undefined;
}

function locate(root: RustNode): Located | HostModuleProblem {
  const error = firstSyntaxError(root);
  if (error)
    return problemAt(
      error,
      `does not parse as Rust (${error.isMissing ? `missing ${error.type}` : `cannot parse ${JSON.stringify(error.text.slice(0, 40))}`})`,
      'a module that compiles',
    );
  const implemented = serviceImplOf(root);
  if ('problem' in implemented) return implemented;
  const { serviceImpl, structName } = implemented;
  const methods = serviceImpl.childForFieldName('body')?.namedChildren.filter((c): c is RustNode => c?.type === 'function_item') ?? [];
  const handle = methods.find((m) => m.childForFieldName('name')?.text === 'handle_command');
  if (!handle) return problemAt(serviceImpl, `impl ServiceModule for ${structName} has no handle_command`, EXPECTED_HANDLE);
  const parameters = handle.childForFieldName('parameters')?.namedChildren.filter((c): c is RustNode => c?.type === 'parameter') ?? [];
  const commandParam = boundName(parameters[0]);
  const paramsParam = boundName(parameters[1]);
  if (parameters.length !== 2 || commandParam === undefined || paramsParam === undefined) {
    return problemAt(
      handle.childForFieldName('parameters') ?? handle,
      'handle_command does not take (command, params) as two named parameters',
      EXPECTED_HANDLE,
    );
  }
  const body = handle.childForFieldName('body');
  const match = body ? commandMatch(body, commandParam) : undefined;
  if (!match) return problemAt(body ?? handle, `the body of handle_command is not a \`match ${commandParam} { ... }\``, EXPECTED_HANDLE);
  const schemas = methods.find((m) => m.childForFieldName('name')?.text === 'command_schemas');
  return { serviceImpl, structName, handle, commandParam, paramsParam, match, ...(schemas ? { schemas } : {}) };
}

/** The file's one `impl ServiceModule for <Struct>` block and the struct's name. */
function serviceImplOf(root: RustNode): Pick<Located, 'serviceImpl' | 'structName'> | HostModuleProblem {
  const impls = root.namedChildren.filter(
    (c): c is RustNode => c?.type === 'impl_item' && /(^|::)ServiceModule$/.test(c.childForFieldName('trait')?.text ?? ''),
  );
  if (impls.length !== 1) {
    return problemAt(
      impls[1],
      impls.length === 0 ? 'no `impl ServiceModule for <Module>` block found' : 'more than one `impl ServiceModule for ...` block',
      'one `impl ServiceModule for <Module>` block at the top level of the file',
    );
  }
  const serviceImpl = impls[0];
  const structName = serviceImpl.childForFieldName('type')?.text ?? '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(structName))
    return problemAt(
      serviceImpl,
      `ServiceModule is implemented for ${JSON.stringify(structName)}, not for a plain struct name`,
      'impl ServiceModule for GpuModule',
    );
  return { serviceImpl, structName };
}

/** The shape of a hand-written module, or why the generator cannot extend it. */
export function hostModuleShape(text: string): HostModuleShape | HostModuleProblem {
  const tree = parseRust(text);
  try {
    const located = locate(tree.rootNode);
    return 'problem' in located ? located : { structName: located.structName };
  } finally {
    tree.delete();
  }
}

/** The string a match arm's pattern is (`"gpu/stats"` -> gpu/stats), when it is one string literal. */
function armCommand(arm: RustNode): string | undefined {
  const pattern = arm.childForFieldName('pattern');
  const literal = pattern?.namedChildren.length === 1 ? pattern.namedChild(0) : undefined;
  if (literal?.type !== 'string_literal') return undefined;
  const content = literal.namedChildren.filter((c): c is RustNode => c !== null);
  if (content.some((c) => c.type !== 'string_content')) return undefined;
  return content.map((c) => c.text).join('');
}

/** Is the comment right above `node` (its previous sibling, on the line before) one of ours? */
function markedByUs(node: RustNode): boolean {
  const previous = node.previousSibling;
  return (
    previous !== null &&
    previous.type === 'line_comment' &&
    previous.text.includes(`${GENERATED_MARK}:`) &&
    previous.endPosition.row === node.startPosition.row - 1
  );
}

/** The indentation of the line a node starts on. */
function indentOf(text: string, node: RustNode): string {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The module names a file declares with `mod x;` at its top level. */
function declaredModules(root: RustNode): Set<string> {
  return new Set(
    root.namedChildren
      .filter((c): c is RustNode => c?.type === 'mod_item' && c.childForFieldName('body') === null)
      .map((c) => c.childForFieldName('name')?.text ?? ''),
  );
}

interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * The hand-written module with the commands added (unchanged when every one is already there).
 * Throws EditError (file:line:column, what was expected) when the module lacks the shape.
 */
export function extendHostModule(text: string, file: string, additions: readonly HostCommandAddition[]): string {
  const tree = parseRust(text);
  try {
    const root = tree.rootNode;
    const located = locate(root);
    if ('problem' in located) throw new EditError(`${file}:${located.line}:${located.column}`, located.problem, located.expected);
    const edit: ModuleEdit = { text, file, located, additions, newline: text.includes('\r\n') ? '\r\n' : '\n' };
    const insertions = [childModulesInsertion(root, edit), matchArmsInsertion(edit), schemasInsertion(edit)].filter(
      (insertion): insertion is Insertion => insertion !== undefined,
    );
    let out = text;
    for (const insertion of [...insertions].sort((a, b) => b.at - a.at))
      out = out.slice(0, insertion.at) + insertion.text + out.slice(insertion.at);
    return out;
  } finally {
    tree.delete();
  }
}

/** One extension of a module: its text, where it was found to be extensible, and what is added. */
interface ModuleEdit {
  readonly text: string;
  readonly file: string;
  readonly located: Located;
  readonly additions: readonly HostCommandAddition[];
  readonly newline: string;
}

/** Child modules: after the last top-level `use` (or `mod x;`), else after the file's inner docs. */
function childModulesInsertion(root: RustNode, { additions, newline }: ModuleEdit): Insertion | undefined {
  const declared = declaredModules(root);
  const wanted = [
    ...(declared.has('generated') ? [] : ['generated']),
    ...additions.map((a) => a.handlerModule).filter((m) => !declared.has(m)),
  ];
  if (wanted.length === 0) return undefined;
  const anchors = root.namedChildren.filter(
    (c): c is RustNode => c !== null && (c.type === 'use_declaration' || (c.type === 'mod_item' && c.childForFieldName('body') === null)),
  );
  const after = anchors[anchors.length - 1];
  const lines = wanted.map((m) =>
    m === 'generated'
      ? `// ${GENERATED_MARK}: the generated part of this module (wire types, dispatch, schemas and tests of its generated commands)${newline}mod generated;${newline}pub use generated::*;`
      : `// ${GENERATED_MARK}: the handler of ${additions.find((a) => a.handlerModule === m)!.command} (yours: created once, never rewritten)${newline}mod ${m};`,
  );
  if (after) return { at: after.endIndex, text: `${newline}${newline}${lines.join(newline)}` };
  const docs = root.namedChildren.filter((c): c is RustNode => c !== null && c.type === 'line_comment' && c.text.startsWith('//!'));
  const at = docs.length > 0 ? docs[docs.length - 1].endIndex : 0;
  return { at, text: at === 0 ? `${lines.join(newline)}${newline}${newline}` : `${newline}${newline}${lines.join(newline)}` };
}

/** Match arms: before the `_` arm (the last arm otherwise); a command already routed by hand is refused. */
function matchArmsInsertion({ text, file, located, additions, newline }: ModuleEdit): Insertion | undefined {
  const block = located.match.childForFieldName('body')!;
  const arms = block.namedChildren.filter((c): c is RustNode => c?.type === 'match_arm');
  const wildcard = arms.find((a) => a.childForFieldName('pattern')?.text === '_');
  const routed = new Map(
    arms.flatMap((a) => {
      const command = armCommand(a);
      return command === undefined ? [] : [[command, a] as const];
    }),
  );
  const newArms: string[] = [];
  for (const addition of additions) {
    const existing = routed.get(addition.command);
    if (existing) {
      if (markedByUs(existing)) continue;
      const at = positionOf(existing);
      throw new EditError(
        `${file}:${at.line}:${at.column}`,
        `the hand-written module already routes "${addition.command}" (this arm)`,
        `a command the module does not handle yet: a generated command does not take over a hand-written arm (remove the arm, or describe the existing command with continuum-gen reverse)`,
      );
    }
    newArms.push(
      `// ${GENERATED_MARK}: ${addition.command}`,
      `"${addition.command}" => generated::${addition.dispatchFn}(self, ${located.paramsParam}),`,
    );
  }
  if (newArms.length === 0) return undefined;
  const anchor = wildcard ?? arms[arms.length - 1];
  if (!anchor)
    throw new EditError(
      `${file}:${positionOf(block).line}:${positionOf(block).column}`,
      'the match on the command has no arm',
      EXPECTED_HANDLE,
    );
  const indent = indentOf(text, anchor);
  const lineStart = text.lastIndexOf('\n', anchor.startIndex - 1) + 1;
  if (wildcard) return { at: lineStart, text: `${newArms.map((l) => `${indent}${l}`).join(newline)}${newline}${newline}` };
  return { at: anchor.endIndex, text: `${newline}${newline}${newArms.map((l) => `${indent}${l}`).join(newline)}` };
}

/** command_schemas: an entry per new command in its vec![...], or the method itself. */
function schemasInsertion(edit: ModuleEdit): Insertion | undefined {
  const { text, located, additions, newline } = edit;
  const schemaEntries = additions
    .filter((a) => !text.includes(`generated::${a.schemaFn}()`))
    .map((a) => `generated::${a.schemaFn}(), // ${GENERATED_MARK}: ${a.command}`);
  if (schemaEntries.length === 0) return undefined;
  if (located.schemas) return schemaVecInsertion(edit, located.schemas, schemaEntries);
  const indent = indentOf(text, located.handle);
  const method = [
    `${indent}// ${GENERATED_MARK}: the schemas of the generated commands (MCP tool discovery)`,
    `${indent}fn command_schemas(&self) -> Vec<crate::runtime::CommandSchema> {`,
    `${indent}    vec![`,
    ...schemaEntries.map((e) => `${indent}        ${e}`),
    `${indent}    ]`,
    `${indent}}`,
  ];
  return { at: located.handle.endIndex, text: `${newline}${newline}${method.join(newline)}` };
}

/** The new entries at the end of the `vec![...]` that the hand-written command_schemas returns. */
function schemaVecInsertion({ text, file, newline }: ModuleEdit, schemas: RustNode, schemaEntries: readonly string[]): Insertion {
  const body = schemas.childForFieldName('body');
  const tail = body?.namedChildren
    .filter((c): c is RustNode => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment')
    .pop();
  const macro = tail?.type === 'macro_invocation' && tail.childForFieldName('macro')?.text === 'vec' ? tail : undefined;
  const tokens = macro?.namedChildren.find((c): c is RustNode => c?.type === 'token_tree');
  if (!tokens || tokens.text[0] !== '[') {
    const at = positionOf(tail ?? schemas);
    throw new EditError(
      `${file}:${at.line}:${at.column}`,
      'command_schemas does not end in a `vec![...]` of schemas',
      'fn command_schemas(&self) -> Vec<CommandSchema> { vec![CommandSchema { ... }, ...] }',
    );
  }
  const close = tokens.endIndex - 1;
  const inner = text.slice(tokens.startIndex + 1, close);
  const elementIndent = `${indentOf(text, schemas)}        `;
  const closeIndent = indentOf(text, schemas) + '    ';
  const needsComma = inner.trim() !== '' && !inner.trimEnd().endsWith(',');
  const entries = `${needsComma ? ',' : ''}${newline}${schemaEntries.map((e) => `${elementIndent}${e}`).join(newline)}`;
  const at = tokens.startIndex + 1 + inner.trimEnd().length;
  // vec![A] on one line: the new entries go on lines of their own, A stays where it is.
  return inner.includes('\n') ? { at, text: entries } : { at, text: `${entries}${newline}${closeIndent}` };
}
