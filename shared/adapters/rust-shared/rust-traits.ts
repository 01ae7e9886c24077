import type { MethodType, TaggedUnionDeclaration, TraitMethodModel, TraitModel, TypeDeclaration } from '../../model/command-model.js';
import { rustIdent, rustLineCommentText } from '../../targets/rust/rust-text.js';
import { textLines } from '../../targets/spec-text.js';
import { foldType } from '../../types/fold.js';
import type { TypeNode } from '../../types/type-tree.js';
import {
  renderRustMethodType,
  renderRustParamType,
  rustDocLines,
  rustString,
  rustVariantName,
  type RustNames,
} from '../../render/rust-renderer.js';

/** Rust signature of a trait method (without `;` or body): `fn pressure_response(&self, level: PressureLevel)`. */
export function rustMethodSignature(method: TraitMethodModel, names: RustNames, paramName: (name: string) => string = (n) => n): string {
  const params = [
    method.receiver,
    ...method.params.map((p) => `${rustIdent(paramName(p.name))}: ${renderRustParamType(p.type, names)}`),
  ].join(', ');
  const result = rustMethodResult(method, names);
  return `${method.async ? 'async ' : ''}fn ${rustIdent(method.name)}(${params})${result === undefined ? '' : ` -> ${result}`}`;
}

function rustMethodResult(method: TraitMethodModel, names: RustNames): string | undefined {
  const inner = method.returns ? renderRustMethodType(method.returns, names, method.returnsBorrowed ? 'borrowed' : 'owned') : undefined;
  if (method.fallible) return `Result<${inner ?? '()'}, String>`;
  return inner;
}

/** Does the trait need `#[async_trait]` (a bare `async fn` in a public trait draws a rustc warning)? */
export function traitIsAsync(trait: TraitModel): boolean {
  return trait.methods.some((m) => m.async);
}

/** The trait declaration as Rust: docs, `#[async_trait]` when needed, supertraits, methods. */
export function renderRustTrait(trait: TraitModel, names: RustNames): string {
  const methods = trait.methods.map((method) => {
    const head = [...rustDocLines(method.description, '    ')];
    if (method.defaultBody === undefined) return [...head, `    ${rustMethodSignature(method, names)};`].join('\n');
    // A default body that ignores a parameter would warn (unused_variables): such names take a `_`.
    const signature = `    ${rustMethodSignature(method, names, (name) => (new RegExp(`\\b${name}\\b`).test(method.defaultBody!) ? name : `_${name}`))}`;
    return [...head, `${signature} {`, ...method.defaultBody.split('\n').map((l) => (l.trim() === '' ? '' : `        ${l}`)), '    }'].join(
      '\n',
    );
  });
  return [
    ...rustDocLines(trait.description),
    ...(traitIsAsync(trait) ? ['#[async_trait]'] : []),
    `pub trait ${trait.name}${trait.supertraits.length > 0 ? `: ${trait.supertraits.join(' + ')}` : ''} {`,
    methods.join('\n\n'),
    '}',
  ].join('\n');
}

/** What a trait's own spec declares, for stub values of its types. */
export interface StubTypes {
  readonly types: readonly TypeDeclaration[];
  readonly unions: readonly TaggedUnionDeclaration[];
  /** Rust type of each import by spec name (String, serde_json::Value, crate::...). */
  readonly importRust: ReadonlyMap<string, string | undefined>;
}

/**
 * A Rust expression of the result type that is safe to return before the method is written:
 * false, empty collections, None, the first variant of an enum, a fieldless variant of a union,
 * the module's own name for a borrowed string. Undefined when no such value is known.
 */
export function defaultStub(
  type: MethodType,
  borrowed: boolean,
  known: StubTypes,
  names: RustNames,
  moduleName: string,
): string | undefined {
  if (type.kind === 'tuple') {
    if (type.list) return 'Vec::new()';
    const parts = type.elements.map((e) => defaultStub({ kind: 'type', node: e }, borrowed, known, names, moduleName));
    return parts.every((p) => p !== undefined) ? `(${parts.join(', ')})` : undefined;
  }
  return nodeStub(type.node, borrowed, known, names, moduleName);
}

/** defaultStub of one type: containers are empty whatever they hold, so only the outer node matters. */
function nodeStub(node: TypeNode, borrowed: boolean, known: StubTypes, names: RustNames, moduleName: string): string | undefined {
  return foldType<string | undefined>(node, {
    primitive: (n) => {
      if (n.name === 'string') return borrowed ? rustString(moduleName) : 'String::new()';
      return { number: '0.0', integer: '0', boolean: 'false' }[n.name];
    },
    array: () => 'Vec::new()',
    record: () => 'BTreeMap::new()',
    nullable: () => 'None',
    literals: () => undefined,
    unknown: () => 'serde_json::Value::Null',
    named: (n) => namedStub(n.name, known, names),
  });
}

/** An enum's first variant, a union's fieldless variant, or the default of an imported Value, String or bool. */
function namedStub(name: string, known: StubTypes, names: RustNames): string | undefined {
  const declared = known.types.find((t) => t.name === name);
  if (declared?.kind === 'enum') return `${names.nameOf(name)}::${rustVariantName(declared.values[0])}`;
  const union = known.unions.find((u) => u.name === name);
  const unit = union?.variants.find((v) => v.fields.length === 0);
  if (union && unit) return `${names.nameOf(name)}::${rustVariantName(unit.name)}`;
  const rust = known.importRust.get(name);
  if (rust === 'serde_json::Value') return 'serde_json::Value::Null';
  if (rust === 'String') return 'String::new()';
  if (rust === 'bool') return 'false';
  return undefined;
}

/** One method of a generated `impl Trait for Module`: signature and body lines, honest about what is left to do. */
export interface RustImplMethod {
  readonly lines: readonly string[];
}

/**
 * The body of a generated implementation: the spec's stub (or a safe default) after a TODO that
 * says what to do; parameters the body does not read are prefixed with `_` so nothing warns.
 */
export function renderRustImplMethod(
  method: TraitMethodModel,
  names: RustNames,
  known: StubTypes,
  moduleName: string,
  todoTag: string,
): string[] {
  const result = method.returns ? defaultStub(method.returns, method.returnsBorrowed, known, names, moduleName) : undefined;
  let body: string;
  if (method.stub !== undefined) body = method.fallible && !/^\s*(Ok|Err)\s*\(/.test(method.stub) ? `Ok(${method.stub})` : method.stub;
  else if (method.fallible)
    body =
      method.returns === undefined
        ? 'Ok(())'
        : result !== undefined
          ? `Ok(${result})`
          : `Err(${rustString(`${moduleName}: ${method.name} is not implemented yet`)}.to_string())`;
  else if (method.returns === undefined) body = '';
  else body = result ?? `todo!(${rustString(`${moduleName}: implement ${method.name}`)})`;
  const uses = (name: string): boolean => new RegExp(`\\b${name}\\b`).test(body);
  const signature = rustMethodSignature(method, names, (name) => (uses(name) ? name : `_${name}`));
  const todo = rustLineCommentText(method.todo ?? firstLine(method.description) ?? `implement ${method.name}`);
  return [
    `    ${signature} {`,
    `        // TODO(${todoTag}): ${todo}`,
    ...(body === '' ? [] : body.split('\n').map((l) => `        ${l}`)),
    '    }',
  ];
}

function firstLine(text: string | undefined): string | undefined {
  const line = text === undefined ? undefined : textLines(text)[0]?.trim();
  return line === '' ? undefined : line;
}
