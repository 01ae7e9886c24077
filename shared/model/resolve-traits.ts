import { pointerOf, type IssueCollector } from '../errors.js';
import type { SpecTrait, SpecTraitMethod } from '../spec/command-spec.js';
import type { TypeNode } from '../types/type-tree.js';
import type { MethodType, TraitMethodModel, TraitModel } from './command-model.js';
import { pascalCase } from './naming.js';
import { RUST_KEYWORDS } from '../targets/rust/rust-text.js';

export interface TraitResolveContext {
  readonly file: string;
  readonly issues: IssueCollector;
  /** Parse one type string of the spec grammar (lifting inline unions to `<owner><Field>`), or undefined after reporting. */
  parseType(raw: string, pointer: string, owner: string, fieldName: string): TypeNode | undefined;
  readonly reservedNames?: ReadonlyMap<string, string>;
}

/** How an opening or closing bracket of a type text changes the nesting depth. */
function depthChange(ch: string): number {
  if (ch === '[' || ch === '<' || ch === '(') return 1;
  if (ch === ']' || ch === '>' || ch === ')') return -1;
  return 0;
}

/** The index of the bracket that closes the one `text` opens with, or -1. */
function closingBracket(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depth += depthChange(text[i]);
    if (depth === 0) return i;
  }
  return -1;
}

/** `text` split at its top-level commas (none inside brackets). */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depth += depthChange(text[i]);
    if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `[A, B]` or `[A, B][]`: the element texts and whether it is a list, or undefined when the text is no tuple. */
export function splitTupleType(raw: string): { elements: string[]; list: boolean } | undefined {
  const text = raw.trim();
  if (!text.startsWith('[')) return undefined;
  const close = closingBracket(text);
  if (close < 0) return undefined;
  const rest = text.slice(close + 1).trim();
  if (rest !== '' && rest !== '[]') return undefined;
  return { elements: topLevelParts(text.slice(1, close)).map((e) => e.trim()), list: rest === '[]' };
}

/** A parameter or result type: a tuple of spec types, or one spec type; undefined after reporting. */
function parseMethodType(ctx: TraitResolveContext, raw: string, pointer: string, owner: string, fieldName: string): MethodType | undefined {
  const tuple = splitTupleType(raw);
  if (!tuple) {
    const node = ctx.parseType(raw, pointer, owner, fieldName);
    return node ? { kind: 'type', node } : undefined;
  }
  if (tuple.elements.length < 2 || tuple.elements.some((e) => e === '')) {
    ctx.issues.add({
      file: ctx.file,
      pointer,
      message: `tuple type ${JSON.stringify(raw)} needs at least two element types`,
      found: JSON.stringify(raw),
      expected: '[A, B] or [A, B][]',
    });
    return undefined;
  }
  const elements = tuple.elements.map((e, i) => ctx.parseType(e, pointer, owner, `${fieldName}${i}`));
  if (elements.some((e) => e === undefined)) return undefined;
  return { kind: 'tuple', elements: elements as TypeNode[], list: tuple.list };
}

/** A method or parameter name must not be a Rust keyword (it names a Rust fn or binding). */
function keywordIssue(ctx: TraitResolveContext, what: string, name: string, pointer: string): void {
  if (!RUST_KEYWORDS.has(name)) return;
  ctx.issues.add({
    file: ctx.file,
    pointer: `${pointer}/name`,
    message: `${what} name ${name} is a Rust keyword`,
    found: JSON.stringify(name),
    expected: 'another snake_case name',
  });
}

/** The parameters of one method, each name checked (keyword, duplicate) and each type parsed once. */
function resolveParams(ctx: TraitResolveContext, method: SpecTraitMethod, pointer: string, owner: string): TraitMethodModel['params'] {
  const seenParams = new Set<string>();
  return (method.params ?? []).flatMap((param, p) => {
    const paramPointer = `${pointer}${pointerOf('params', p)}`;
    keywordIssue(ctx, 'parameter', param.name, paramPointer);
    if (seenParams.has(param.name))
      ctx.issues.add({
        file: ctx.file,
        pointer: `${paramPointer}/name`,
        message: `duplicate parameter name '${param.name}'`,
        expected: 'each name once',
      });
    seenParams.add(param.name);
    const type = parseMethodType(ctx, param.type, `${paramPointer}/type`, owner, param.name);
    return type ? [{ name: param.name, type, description: param.description }] : [];
  });
}

/** returnsBorrowed needs a result, and an owned one when the method is async. */
function borrowIssues(ctx: TraitResolveContext, method: SpecTraitMethod, pointer: string): void {
  if (method.returnsBorrowed && method.returns === undefined) {
    ctx.issues.add({
      file: ctx.file,
      pointer: `${pointer}/returnsBorrowed`,
      message: 'returnsBorrowed needs a result type',
      expected: 'a returns type, or no returnsBorrowed',
    });
  }
  if (method.returnsBorrowed && method.async) {
    ctx.issues.add({
      file: ctx.file,
      pointer: `${pointer}/returnsBorrowed`,
      message: 'an async method cannot return data borrowed from self',
      expected: 'owned results for async methods',
    });
  }
}

/** One method of a trait (its name checked by the caller, who knows the other methods); `pointer` is the method's. */
function resolveMethod(ctx: TraitResolveContext, traitName: string, method: SpecTraitMethod, pointer: string): TraitMethodModel {
  const owner = `${traitName}${pascalCase(method.name)}`;
  const params = resolveParams(ctx, method, pointer, owner);
  const returns = method.returns !== undefined ? parseMethodType(ctx, method.returns, `${pointer}/returns`, owner, 'result') : undefined;
  borrowIssues(ctx, method, pointer);
  return {
    name: method.name,
    description: method.description,
    receiver: method.receiver ?? '&self',
    async: method.async === true,
    params,
    returns,
    returnsBorrowed: method.returnsBorrowed === true,
    fallible: method.fallible === true,
    defaultBody: method.defaultBody,
    stub: method.stub,
    todo: method.todo,
    pointer,
  };
}

/**
 * Resolve the traits block of a trait-only spec: parse every parameter and result type once
 * (tuples `[A, B]` and `[A, B][]` are accepted here, for signatures such as `Vec<(&str, &str)>`).
 */
export function resolveTraits(traits: Readonly<Record<string, SpecTrait>> | undefined, ctx: TraitResolveContext): TraitModel[] {
  const { file, issues } = ctx;
  return Object.entries(traits ?? {}).map(([traitName, trait]) => {
    const traitPointer = pointerOf('traits', traitName);
    const reserved = ctx.reservedNames?.get(traitName);
    if (reserved)
      issues.add({
        file,
        pointer: traitPointer,
        message: `trait name ${traitName} ${reserved}`,
        found: JSON.stringify(traitName),
        expected: 'another PascalCase name',
      });
    const seenMethods = new Map<string, number>();
    const methods = trait.methods.map((method, index) => {
      const pointer = `${traitPointer}${pointerOf('methods', index)}`;
      keywordIssue(ctx, 'method', method.name, pointer);
      const previous = seenMethods.get(method.name);
      if (previous !== undefined)
        issues.add({
          file,
          pointer: `${pointer}/name`,
          message: `duplicate method name '${method.name}' (first at ${traitPointer}/methods/${previous})`,
          expected: 'each name once',
        });
      seenMethods.set(method.name, index);
      return resolveMethod(ctx, traitName, method, pointer);
    });
    return {
      name: traitName,
      description: trait.description,
      supertraits: trait.supertraits ?? ['Send', 'Sync'],
      methods,
      pointer: traitPointer,
    };
  });
}

/** Every named reference of a method type. */
export function methodTypeNodes(type: MethodType): readonly TypeNode[] {
  return type.kind === 'type' ? [type.node] : type.elements;
}
