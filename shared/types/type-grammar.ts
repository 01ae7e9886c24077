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
  const parser = new TypeParser(tokenize(source));
  const result = parser.union();
  const trailing = parser.peek();
  if (trailing.kind !== 'end')
    throw new TypeSyntaxError(trailing.offset, `unexpected ${JSON.stringify(trailing.text)} after the type`, GRAMMAR_SUMMARY);
  return result;
}

/** One member of a union as parsed: `null` is kept as a flag, a string literal keeps its text. */
type Member = { node: TypeNode; literal?: string; isNull: boolean; offset: number };

/** Recursive descent over the tokens: union := member ('|' member)*; member := primary ('[' ']')*. */
class TypeParser {
  private position = 0;
  // Nesting depth of Array<>, Record<>, () and []: a limit, so a deep type is an error, not a stack overflow.
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[this.position];
  }

  union(): TypeNode {
    const members: Member[] = [this.member()];
    while (this.peek().text === '|') {
      this.take();
      members.push(this.member());
    }
    return combineUnion(members);
  }

  private take(): Token {
    return this.tokens[this.position++];
  }

  private expect(text: string, what: string): Token {
    const token = this.take();
    if (token.text !== text)
      throw new TypeSyntaxError(
        token.offset,
        `expected ${what}, found ${token.kind === 'end' ? 'end of type' : JSON.stringify(token.text)}`,
        GRAMMAR_SUMMARY,
      );
    return token;
  }

  private nest(offset: number): void {
    if (++this.depth > SPEC_LIMITS.typeDepth)
      throw new TypeSyntaxError(
        offset,
        `the type nests deeper than ${SPEC_LIMITS.typeDepth} levels`,
        "declare the inner shapes under the spec's types block and refer to them by name",
      );
  }

  private member(): Member {
    const start = this.peek().offset;
    const outerDepth = this.depth;
    let member = this.primary();
    while (this.peek().text === '[') {
      this.nest(this.take().offset);
      this.expect(']', "']'");
      if (member.isNull) throw new TypeSyntaxError(start, 'null[] is not a useful type', 'write T[] or T | null');
      member = { node: { kind: 'array', element: member.node }, isNull: false, offset: start };
    }
    this.depth = outerDepth;
    return member;
  }

  private primary(): Member {
    const token = this.take();
    if (token.kind === 'string') {
      return { node: { kind: 'literals', values: [token.text] }, literal: token.text, isNull: false, offset: token.offset };
    }
    if (token.text === '(') {
      this.nest(token.offset);
      const inner = this.union();
      this.expect(')', "')'");
      return { node: inner, isNull: false, offset: token.offset };
    }
    if (token.kind !== 'ident') {
      throw new TypeSyntaxError(
        token.offset,
        token.kind === 'end' ? 'the type ends too early' : `unexpected ${JSON.stringify(token.text)}`,
        GRAMMAR_SUMMARY,
      );
    }
    const named = nameNode(token);
    if (named === 'null') return { node: { kind: 'primitive', name: 'string' }, isNull: true, offset: token.offset };
    // Only a name that is no keyword of the grammar may be generic (so Map<K, V> is refused as Map).
    const node = named.kind === 'named' && this.peek().text === '<' ? this.generic(token) : named;
    return { node, isNull: false, offset: token.offset };
  }

  /** `Array<T>` or `Record<string, T>`, the only generics: `name` is taken, `<` is next. */
  private generic(name: Token): TypeNode {
    this.take();
    this.nest(name.offset);
    if (name.text === 'Array') {
      const element = this.union();
      this.expect('>', "'>' closing Array<T>");
      return { kind: 'array', element };
    }
    if (name.text === 'Record') {
      const key = this.take();
      if (key.text !== 'string')
        throw new TypeSyntaxError(
          key.offset,
          'Record keys must be string',
          'write Record<string, T> (JSON object keys are always strings)',
        );
      this.expect(',', "',' in Record<string, T>");
      const value = this.union();
      this.expect('>', "'>' closing Record<string, T>");
      return { kind: 'record', value };
    }
    throw new TypeSyntaxError(
      name.offset,
      `generic type ${name.text}<...> is not accepted`,
      'only Array<T> and Record<string, T> are generic; declare other shapes in the types block',
    );
  }
}

/** What a bare identifier stands for: null (as a marker), a primitive, unknown, or a named reference; refused names throw. */
function nameNode(token: Token): TypeNode | 'null' {
  const name = token.text;
  if (name === 'null') return 'null';
  const refusal = REFUSED_NAMES.get(name);
  if (refusal) throw new TypeSyntaxError(token.offset, refusal.split(';')[0], refusal.split(';')[1]?.trim() ?? GRAMMAR_SUMMARY);
  // The untyped-JSON escape; `object` is accepted as another spelling of it.
  if (name === 'unknown' || name === 'object') return { kind: 'unknown' };
  if ((PRIMITIVES as readonly string[]).includes(name)) return { kind: 'primitive', name: name as PrimitiveName };
  if (name === 'true' || name === 'false') throw new TypeSyntaxError(token.offset, 'boolean literal types are not accepted', 'use boolean');
  return { kind: 'named', name };
}

/** The members of a union as one node: literals, or one type with at most one `| null`. */
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
  const core = unionCore(rest);
  if (core.kind === 'nullable') throw new TypeSyntaxError(members[0].offset, "'null' appears twice in the union", 'write it once');
  return nullMembers.length === 1 ? { kind: 'nullable', inner: core } : core;
}

/** The non-null members: all string literals (each once), or exactly one type. */
function unionCore(rest: readonly Member[]): TypeNode {
  if (rest.every((m) => m.literal !== undefined)) {
    const values = rest.map((m) => m.literal!);
    const duplicate = values.find((v, i) => values.indexOf(v) !== i);
    if (duplicate !== undefined)
      throw new TypeSyntaxError(rest[0].offset, `the literal '${duplicate}' appears twice`, 'list each value once');
    return { kind: 'literals', values };
  }
  if (rest.length === 1) return rest[0].node;
  const offender = rest.find((m) => m.literal === undefined)!;
  throw new TypeSyntaxError(
    offender.offset,
    'unions of non-literal types are not accepted',
    "only unions of string literals ('a' | 'b') and T | null are; declare a type with optional fields instead",
  );
}
