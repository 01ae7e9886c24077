import { pointerOf, type IssueCollector } from '../errors.js';
import type { SpecTrait } from '../spec/command-spec.js';
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

/** `[A, B]` or `[A, B][]`: the element texts and whether it is a list, or undefined when the text is no tuple. */
export function splitTupleType(raw: string): { elements: string[]; list: boolean } | undefined {
  const text = raw.trim();
  if (!text.startsWith('[')) return undefined;
  let depth = 0;
  let close = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '<' || ch === '(') depth++;
    if (ch === ']' || ch === '>' || ch === ')') depth--;
    if (depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const rest = text.slice(close + 1).trim();
  if (rest !== '' && rest !== '[]') return undefined;
  const inner = text.slice(1, close);
  const elements: string[] = [];
  let start = 0;
  depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '[' || ch === '<' || ch === '(') depth++;
    if (ch === ']' || ch === '>' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      elements.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  elements.push(inner.slice(start));
  return { elements: elements.map((e) => e.trim()), list: rest === '[]' };
}

/**
 * Resolve the traits block of a trait-only spec: parse every parameter and result type once
 * (tuples `[A, B]` and `[A, B][]` are accepted here, for signatures such as `Vec<(&str, &str)>`).
 */
export function resolveTraits(traits: Readonly<Record<string, SpecTrait>> | undefined, ctx: TraitResolveContext): TraitModel[] {
  const { file, issues } = ctx;
  const resolved: TraitModel[] = [];

  const parseMethodType = (raw: string, pointer: string, owner: string, fieldName: string): MethodType | undefined => {
    const tuple = splitTupleType(raw);
    if (!tuple) {
      const node = ctx.parseType(raw, pointer, owner, fieldName);
      return node ? { kind: 'type', node } : undefined;
    }
    if (tuple.elements.length < 2 || tuple.elements.some((e) => e === '')) {
      issues.add({
        file,
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
  };

  for (const [traitName, trait] of Object.entries(traits ?? {})) {
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
    const methods: TraitMethodModel[] = [];
    trait.methods.forEach((method, index) => {
      const pointer = `${traitPointer}${pointerOf('methods', index)}`;
      if (RUST_KEYWORDS.has(method.name)) {
        issues.add({
          file,
          pointer: `${pointer}/name`,
          message: `method name ${method.name} is a Rust keyword`,
          found: JSON.stringify(method.name),
          expected: 'another snake_case name',
        });
      }
      const previous = seenMethods.get(method.name);
      if (previous !== undefined)
        issues.add({
          file,
          pointer: `${pointer}/name`,
          message: `duplicate method name '${method.name}' (first at ${traitPointer}/methods/${previous})`,
          expected: 'each name once',
        });
      seenMethods.set(method.name, index);
      const owner = `${traitName}${pascalCase(method.name)}`;
      const seenParams = new Set<string>();
      const params = (method.params ?? []).flatMap((param, p) => {
        const paramPointer = `${pointer}${pointerOf('params', p)}`;
        if (RUST_KEYWORDS.has(param.name)) {
          issues.add({
            file,
            pointer: `${paramPointer}/name`,
            message: `parameter name ${param.name} is a Rust keyword`,
            found: JSON.stringify(param.name),
            expected: 'another snake_case name',
          });
        }
        if (seenParams.has(param.name))
          issues.add({
            file,
            pointer: `${paramPointer}/name`,
            message: `duplicate parameter name '${param.name}'`,
            expected: 'each name once',
          });
        seenParams.add(param.name);
        const type = parseMethodType(param.type, `${paramPointer}/type`, owner, param.name);
        return type ? [{ name: param.name, type, description: param.description }] : [];
      });
      const returns = method.returns !== undefined ? parseMethodType(method.returns, `${pointer}/returns`, owner, 'result') : undefined;
      if (method.returnsBorrowed && method.returns === undefined) {
        issues.add({
          file,
          pointer: `${pointer}/returnsBorrowed`,
          message: 'returnsBorrowed needs a result type',
          expected: 'a returns type, or no returnsBorrowed',
        });
      }
      if (method.returnsBorrowed && method.async) {
        issues.add({
          file,
          pointer: `${pointer}/returnsBorrowed`,
          message: 'an async method cannot return data borrowed from self',
          expected: 'owned results for async methods',
        });
      }
      methods.push({
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
      });
    });
    resolved.push({
      name: traitName,
      description: trait.description,
      supertraits: trait.supertraits ?? ['Send', 'Sync'],
      methods,
      pointer: traitPointer,
    });
  }
  return resolved;
}

/** Every named reference of a method type. */
export function methodTypeNodes(type: MethodType): readonly TypeNode[] {
  return type.kind === 'type' ? [type.node] : type.elements;
}
