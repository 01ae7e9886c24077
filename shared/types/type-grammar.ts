import { SPEC_LIMITS } from '../spec/limits.js';
import type { PrimitiveName, TypeNode } from './type-tree.js';

/** A type string the grammar refuses, with the offset in the string and a suggestion. */
export class TypeSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
    readonly suggestion: string,
  ) {
    super(`${problem} (at character ${offset + 1}); ${suggestion}`);
    this.name = 'TypeSyntaxError';
  }
}

type Token =
  | { kind: 'ident'; text: string; offset: number }
  | { kind: 'string'; text: string; offset: number }
  | { kind: 'punct'; text: string; offset: number }
  | { kind: 'end'; text: ''; offset: number };

export const PRIMITIVES: readonly PrimitiveName[] = ['string', 'number', 'integer', 'boolean'];
export const GRAMMAR_SUMMARY =
  "write string, number, integer, boolean, unknown (untyped JSON), a union of string literals ('a' | 'b'), T[], Array<T>, Record<string, T>, T | null, or a type name from the spec's types or imports";

/** Names the grammar refuses outright, with what to write instead (a Map: a spec's `toString` is no key of it). */
const REFUSED_NAMES: ReadonlyMap<string, string> = new Map([
  ['any', "'any' is not allowed; name the shape in the spec's types block, or write unknown for untyped JSON"],
  ['Object', "'Object' is not allowed; declare an interface in the spec's types block, or write unknown for untyped JSON"],
  ['undefined', "'undefined' is not a wire type; mark the field optional instead"],
  ['void', "'void' is not a wire type; omit the field instead"],
  ['never', "'never' is not a wire type; omit the field instead"],
  ['bigint', "'bigint' never comes out of JSON.parse; use integer (exact up to 2^53)"],
  ['Date', "'Date' does not survive JSON; use string (ISO 8601) or integer (epoch milliseconds)"],
  ['Map', "'Map' does not survive JSON; use Record<string, T>"],
  ['Set', "'Set' does not survive JSON; use T[]"],
  ['Function', 'function types are not wire types'],
]);

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[A-Za-z_$]/.test(ch)) {
      IDENTIFIER.lastIndex = i;
      const match = IDENTIFIER.exec(source)!;
      tokens.push({ kind: 'ident', text: match[0], offset: i });
      i += match[0].length;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new TypeSyntaxError(i, 'unterminated string literal', `close it with ${ch}`);
      const text = source.slice(i + 1, end);
      if (text.includes('\\')) throw new TypeSyntaxError(i, 'escapes in string literals are not supported', 'use plain characters');
      tokens.push({ kind: 'string', text, offset: i });
      i = end + 1;
    } else if (source.startsWith('=>', i)) {
      throw new TypeSyntaxError(i, 'function types are not wire types', 'send data, not functions');
    } else if ('|[]<>,()'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, offset: i });
      i++;
    } else if (ch === '{') {
      throw new TypeSyntaxError(
        i,
        'inline object types are not accepted',
        "declare the shape under the spec's types block and refer to it by name",
      );
    } else if (/[0-9-]/.test(ch)) {
      throw new TypeSyntaxError(i, 'number literal types are not accepted', "use a union of string literals ('a' | 'b') or number");
    } else {
      throw new TypeSyntaxError(i, `unexpected character ${JSON.stringify(ch)}`, GRAMMAR_SUMMARY);
    }
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/**
 * Parse a spec type string (TypeScript syntax) into a type tree. Named references stay
 * unresolved here; the registry checks them.
 */
export function parseTypeString(source: string): TypeNode {
  if (source.trim() === '') throw new TypeSyntaxError(0, 'empty type', GRAMMAR_SUMMARY);
  if (source.length > SPEC_LIMITS.typeLength) {
    throw new TypeSyntaxError(
      SPEC_LIMITS.typeLength,
      `the type is longer than ${SPEC_LIMITS.typeLength} characters`,
      "declare the shape under the spec's types block and refer to it by name",
    );
  }
  const tokens = tokenize(source);
  let position = 0;
  // Nesting depth of Array<>, Record<>, () and []: a limit, so a deep type is an error, not a stack overflow.
  let depth = 0;
  const nest = (offset: number): void => {
    if (++depth > SPEC_LIMITS.typeDepth)
      throw new TypeSyntaxError(
        offset,
        `the type nests deeper than ${SPEC_LIMITS.typeDepth} levels`,
        "declare the inner shapes under the spec's types block and refer to them by name",
      );
  };
  const peek = (): Token => tokens[position];
  const take = (): Token => tokens[position++];
  const expect = (text: string, what: string): Token => {
    const token = take();
    if (token.text !== text)
      throw new TypeSyntaxError(
        token.offset,
        `expected ${what}, found ${token.kind === 'end' ? 'end of type' : JSON.stringify(token.text)}`,
        GRAMMAR_SUMMARY,
      );
    return token;
  };

  type Member = { node: TypeNode; literal?: string; isNull: boolean; offset: number };

  function parseUnion(): TypeNode {
    const members: Member[] = [parseMember()];
    while (peek().text === '|') {
      take();
      members.push(parseMember());
    }
    return combineUnion(members);
  }

  function parseMember(): Member {
    const start = peek().offset;
    const outerDepth = depth;
    const first = parsePrimary();
    let member = first;
    while (peek().text === '[') {
      nest(take().offset);
      expect(']', "']'");
      if (member.isNull) throw new TypeSyntaxError(start, 'null[] is not a useful type', 'write T[] or T | null');
      member = { node: { kind: 'array', element: member.node }, isNull: false, offset: start };
    }
    depth = outerDepth;
    return member;
  }

  function parsePrimary(): Member {
    const token = take();
    if (token.kind === 'string') {
      return { node: { kind: 'literals', values: [token.text] }, literal: token.text, isNull: false, offset: token.offset };
    }
    if (token.text === '(') {
      nest(token.offset);
      const inner = parseUnion();
      expect(')', "')'");
      return { node: inner, isNull: false, offset: token.offset };
    }
    if (token.kind !== 'ident') {
      throw new TypeSyntaxError(
        token.offset,
        token.kind === 'end' ? 'the type ends too early' : `unexpected ${JSON.stringify(token.text)}`,
        GRAMMAR_SUMMARY,
      );
    }
    const name = token.text;
    if (name === 'null') return { node: { kind: 'primitive', name: 'string' }, isNull: true, offset: token.offset };
    const refusal = REFUSED_NAMES.get(name);
    if (refusal) throw new TypeSyntaxError(token.offset, refusal.split(';')[0], refusal.split(';')[1]?.trim() ?? GRAMMAR_SUMMARY);
    // The untyped-JSON escape; `object` is accepted as another spelling of it.
    if (name === 'unknown' || name === 'object') return { node: { kind: 'unknown' }, isNull: false, offset: token.offset };
    if ((PRIMITIVES as readonly string[]).includes(name))
      return { node: { kind: 'primitive', name: name as PrimitiveName }, isNull: false, offset: token.offset };
    if (name === 'true' || name === 'false')
      throw new TypeSyntaxError(token.offset, 'boolean literal types are not accepted', 'use boolean');
    if (peek().text === '<') {
      take();
      nest(token.offset);
      if (name === 'Array') {
        const element = parseUnion();
        expect('>', "'>' closing Array<T>");
        return { node: { kind: 'array', element }, isNull: false, offset: token.offset };
      }
      if (name === 'Record') {
        const key = take();
        if (key.text !== 'string')
          throw new TypeSyntaxError(
            key.offset,
            'Record keys must be string',
            'write Record<string, T> (JSON object keys are always strings)',
          );
        expect(',', "',' in Record<string, T>");
        const value = parseUnion();
        expect('>', "'>' closing Record<string, T>");
        return { node: { kind: 'record', value }, isNull: false, offset: token.offset };
      }
      throw new TypeSyntaxError(
        token.offset,
        `generic type ${name}<...> is not accepted`,
        'only Array<T> and Record<string, T> are generic; declare other shapes in the types block',
      );
    }
    return { node: { kind: 'named', name }, isNull: false, offset: token.offset };
  }

  function combineUnion(members: Member[]): TypeNode {
    if (members.length === 1) {
      if (members[0].isNull) throw new TypeSyntaxError(members[0].offset, "'null' alone is not a type", 'write T | null');
      return members[0].node;
    }
    const nullMembers = members.filter((m) => m.isNull);
    const rest = members.filter((m) => !m.isNull);
    if (rest.length > SPEC_LIMITS.unionMembers)
      throw new TypeSyntaxError(
        rest[SPEC_LIMITS.unionMembers].offset,
        `the union has more than ${SPEC_LIMITS.unionMembers} members`,
        'split the values, or use string',
      );
    if (nullMembers.length > 1) throw new TypeSyntaxError(nullMembers[1].offset, "'null' appears twice in the union", 'write it once');
    let core: TypeNode;
    if (rest.every((m) => m.literal !== undefined)) {
      const values = rest.map((m) => m.literal!);
      const duplicate = values.find((v, i) => values.indexOf(v) !== i);
      if (duplicate !== undefined)
        throw new TypeSyntaxError(rest[0].offset, `the literal '${duplicate}' appears twice`, 'list each value once');
      core = { kind: 'literals', values };
    } else if (rest.length === 1) {
      core = rest[0].node;
    } else {
      const offender = rest.find((m) => m.literal === undefined)!;
      throw new TypeSyntaxError(
        offender.offset,
        'unions of non-literal types are not accepted',
        "only unions of string literals ('a' | 'b') and T | null are; declare a type with optional fields instead",
      );
    }
    if (core.kind === 'nullable') throw new TypeSyntaxError(members[0].offset, "'null' appears twice in the union", 'write it once');
    return nullMembers.length === 1 ? { kind: 'nullable', inner: core } : core;
  }

  const result = parseUnion();
  const trailing = peek();
  if (trailing.kind !== 'end')
    throw new TypeSyntaxError(trailing.offset, `unexpected ${JSON.stringify(trailing.text)} after the type`, GRAMMAR_SUMMARY);
  return result;
}
