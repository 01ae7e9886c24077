import { isUtf8 } from 'node:buffer';
import { SpecError, pointerOf, type SpecIssue } from '../errors.js';
import { SPEC_LIMITS } from './limits.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed JSON document that remembers where each value starts, so errors can cite line:column. */
export interface JsonSource {
  readonly file: string;
  readonly value: unknown;
  /** Where the value at `pointer` starts (a missing member: its nearest existing parent). */
  locate(pointer: string): Position | undefined;
  /** Where the key of the member at `pointer` starts (an array item or the root: where its value starts). */
  locateKey(pointer: string): Position | undefined;
  /**
   * What the text says that JSON.parse silently changes: duplicate keys (the last one wins),
   * numbers out of range (Infinity), lone surrogates (U+FFFD when written), and `__proto__`
   * keys (an object literal or assignment sets the prototype instead). Each is located.
   */
  readonly issues: readonly SpecIssue[];
}

/**
 * Parse JSON text, or bytes that must be UTF-8 (a BOM is accepted). The value comes from
 * JSON.parse (the authority on JSON semantics); a small scanner walks the same text first to
 * record where each JSON pointer starts, to report syntax errors by line and column (JSON.parse
 * does not on Node 20), and to stop at SPEC_LIMITS.jsonDepth instead of overflowing the stack.
 */
export function parseJsonSource(input: string | Uint8Array, file: string): JsonSource {
  const text = typeof input === 'string' ? stripBom(input) : decodeUtf8(input, file);
  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const issues: SpecIssue[] = [];
  new PositionScanner(text, file, positions, keyPositions, issues).scanDocument();
  const value: unknown = JSON.parse(text);
  const nearest = (map: ReadonlyMap<string, Position>, pointer: string): Position | undefined => {
    // A pointer to a missing member points at its nearest existing parent.
    let current = pointer;
    for (;;) {
      const found = map.get(current) ?? positions.get(current);
      if (found) return found;
      if (current === '') return undefined;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  };
  return { file, value, issues, locate: (pointer) => nearest(positions, pointer), locateKey: (pointer) => nearest(keyPositions, pointer) };
}

/** Whether a parsed value nests at most SPEC_LIMITS.jsonDepth arrays and objects (the limit the scanner holds text to). */
export function withinJsonDepth(value: unknown, depth = 1): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > SPEC_LIMITS.jsonDepth) return false;
  return Object.values(value).every((member) => withinJsonDepth(member, depth + 1));
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** One well-formed UTF-8 sequence (RFC 3629, table 3-7 of the Unicode standard), over bytes read as latin1. */
const UTF8_RUN =
  // eslint-disable-next-line no-control-regex -- the ASCII byte range, control bytes included, is valid UTF-8
  /(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+/y;

/** Decode UTF-8 bytes, dropping a BOM; bytes that are not UTF-8 are refused, each place located. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  // TextDecoder drops a leading BOM by default.
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const issues: SpecIssue[] = [];
  let index = 0;
  while (index < latin1.length && issues.length < 20) {
    UTF8_RUN.lastIndex = index;
    if (UTF8_RUN.exec(latin1)) index = UTF8_RUN.lastIndex;
    if (index >= latin1.length) break;
    // A bad lead byte and the continuation bytes after it are one problem.
    let end = index + 1;
    while (end < latin1.length && end - index < 4 && /[\x80-\xbf]/.test(latin1[end])) end++;
    const lineStart = latin1.lastIndexOf('\n', index - 1) + 1;
    const line = (latin1.slice(0, index).match(/\n/g)?.length ?? 0) + 1;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index)).length + 1;
    const found = [...latin1.slice(index, end)].map((c) => `0x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(' ');
    issues.push({
      file,
      pointer: '',
      line,
      column,
      message: `invalid UTF-8 at byte offset ${index}`,
      found: `the byte${end - index > 1 ? 's' : ''} ${found}`,
      expected: 'UTF-8 text (save the file as UTF-8)',
    });
    index = end;
  }
  throw new SpecError(issues);
}

/** Where a scan is, to report a problem at an earlier place (a trailing comma, a key). */
interface Place {
  readonly index: number;
  readonly line: number;
  readonly lineStart: number;
}

/** A string with an unpaired surrogate (from a \uD800-style escape): it cannot be written as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any surrogate at all: a cheap test first, as the lookbehind above is slow on every key and string. */
const ANY_SURROGATE = /[\ud800-\udfff]/;
const hasLoneSurrogate = (text: string): boolean => ANY_SURROGATE.test(text) && LONE_SURROGATE.test(text);

/** A JSON string's body: anything but a quote, a backslash or a control character, and the valid escapes. */
// eslint-disable-next-line no-control-regex -- JSON refuses raw control characters in a string: the regex names them
const STRING_BODY = /(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/** A JSON literal: true, false, null or a number. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class PositionScanner {
  private index = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly positions: Map<string, Position>,
    private readonly keyPositions: Map<string, Position>,
    private readonly issues: SpecIssue[],
  ) {}

  scanDocument(): void {
    this.skipWhitespace();
    this.scanValue('', 1);
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('unexpected text after the JSON document', this.peekDescription(), 'end of file');
  }

  private place(): Place {
    return { index: this.index, line: this.line, lineStart: this.lineStart };
  }

  private position(at: Place = this.place()): Position {
    return { line: at.line, column: at.index - at.lineStart + 1 };
  }

  private fail(message: string, found: string, expected: string): never {
    return this.refuse(`malformed JSON: ${message}`, found, expected);
  }

  /** Stop the scan here: nothing after this place can be located reliably. */
  private refuse(message: string, found: string, expected: string): never {
    throw new SpecError([{ file: this.file, pointer: '', ...this.position(), message, found, expected }]);
  }

  /** Fail at an earlier place (a trailing comma is reported where the comma is). */
  private failAt(place: Place, message: string, found: string, expected: string): never {
    this.index = place.index;
    this.line = place.line;
    this.lineStart = place.lineStart;
    return this.fail(message, found, expected);
  }

  private peekDescription(): string {
    if (this.index >= this.text.length) return 'end of file';
    return JSON.stringify(this.text.slice(this.index, this.index + 12));
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length) {
      const ch = this.text[this.index];
      if (ch === '\n') {
        this.index++;
        this.line++;
        this.lineStart = this.index;
      } else if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.index++;
      } else {
        return;
      }
    }
  }

  private scanValue(pointer: string, depth: number): void {
    this.positions.set(pointer, this.position());
    const ch = this.text[this.index];
    if ((ch === '{' || ch === '[') && depth > SPEC_LIMITS.jsonDepth) {
      this.refuse(
        `nested deeper than ${SPEC_LIMITS.jsonDepth} arrays and objects`,
        `another ${ch === '{' ? 'object' : 'array'} at depth ${depth}`,
        `at most ${SPEC_LIMITS.jsonDepth} levels of nesting`,
      );
    }
    if (ch === '{') return this.scanObject(pointer, depth);
    if (ch === '[') return this.scanArray(pointer, depth);
    if (ch === '"') {
      this.scanStringValue(pointer);
      return;
    }
    LITERAL.lastIndex = this.index;
    const literal = LITERAL.exec(this.text);
    if (!literal) this.fail('expected a value', this.peekDescription(), 'an object, array, string, number, true, false or null');
    if (/^-?\d/.test(literal[0]) && !Number.isFinite(Number(literal[0]))) {
      this.issues.push({
        file: this.file,
        pointer,
        ...this.position(),
        message: 'number out of range: JSON.parse would make it Infinity',
        found: literal[0],
        expected: `a number between -${Number.MAX_VALUE} and ${Number.MAX_VALUE}`,
      });
    }
    this.index += literal[0].length;
  }

  private scanObject(pointer: string, depth: number): void {
    this.index++;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return;
    }
    const seen = new Map<string, Position>();
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail('expected a property name in double quotes', this.peekDescription(), '"name"');
      const keyAt = this.position();
      const key = this.scanString();
      const member = pointer + pointerOf(key);
      this.checkKey(key, member, keyAt, seen);
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail(`expected ':' after property ${JSON.stringify(key)}`, this.peekDescription(), "':'");
      this.index++;
      this.skipWhitespace();
      this.scanValue(member, depth + 1);
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        const comma = this.place();
        this.index++;
        this.skipWhitespace();
        if (this.text[this.index] === '}') this.failAt(comma, 'trailing comma in object', "','", 'another property or no comma');
        continue;
      }
      if (next === '}') {
        this.index++;
        return;
      }
      this.fail('expected , or } in object', this.peekDescription(), "',' or '}'");
    }
  }

  /** Record a key's place; a repeated key and a __proto__ key are problems, each at its key. */
  private checkKey(key: string, member: string, keyAt: Position, seen: Map<string, Position>): void {
    const first = seen.get(key);
    if (first) {
      this.issues.push({
        file: this.file,
        pointer: member,
        ...keyAt,
        message: `duplicate key ${JSON.stringify(key)} (first at ${first.line}:${first.column}); JSON.parse would keep only the last`,
        found: JSON.stringify(key),
        expected: 'each key once per object',
      });
      // The first occurrence's members are gone from the parsed value: forget where they were.
      for (const known of [...this.positions.keys()]) if (known.startsWith(`${member}/`)) this.positions.delete(known);
    } else {
      seen.set(key, keyAt);
    }
    if (hasLoneSurrogate(key)) {
      this.issues.push({
        file: this.file,
        pointer: member,
        ...keyAt,
        message: 'key holds an unpaired surrogate escape (\\uD800-\\uDFFF), which no UTF-8 file can hold',
        found: JSON.stringify(key.slice(0, 40)),
        expected: 'a surrogate pair or the character itself',
      });
    }
    if (key === '__proto__') {
      this.issues.push({
        file: this.file,
        pointer: member,
        ...keyAt,
        message: 'a key named __proto__ is refused: JavaScript object literals and assignments would set the prototype instead',
        found: '"__proto__"',
        expected: 'another name',
      });
    }
    this.keyPositions.set(member, keyAt);
  }

  private scanArray(pointer: string, depth: number): void {
    this.index++;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return;
    }
    for (let item = 0; ; item++) {
      this.skipWhitespace();
      this.scanValue(`${pointer}/${item}`, depth + 1);
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        const comma = this.place();
        this.index++;
        this.skipWhitespace();
        if (this.text[this.index] === ']') this.failAt(comma, 'trailing comma in array', "','", 'another item or no comma');
        continue;
      }
      if (next === ']') {
        this.index++;
        return;
      }
      this.fail('expected , or ] in array', this.peekDescription(), "',' or ']'");
    }
  }

  private scanStringValue(pointer: string): void {
    const at = this.position();
    const value = this.scanString();
    if (hasLoneSurrogate(value)) {
      this.issues.push({
        file: this.file,
        pointer,
        ...at,
        message: 'string holds an unpaired surrogate escape (\\uD800-\\uDFFF), which no UTF-8 file can hold',
        found: JSON.stringify(value.slice(0, 40)),
        expected: 'a surrogate pair (\\uD83D\\uDE00) or the character itself',
      });
    }
  }

  private scanString(): string {
    // Most strings are well-formed: one sticky match, and JSON.parse only when there is an escape.
    STRING_BODY.lastIndex = this.index + 1;
    const body = STRING_BODY.exec(this.text);
    const end = this.index + 1 + (body?.[0].length ?? 0);
    if (this.text[end] === '"') {
      const start = this.index;
      this.index = end + 1;
      return body![0].includes('\\') ? (JSON.parse(this.text.slice(start, this.index)) as string) : body![0];
    }
    return this.scanStringSlowly();
  }

  /** The scan that finds and words what is wrong with a string. */
  private scanStringSlowly(): string {
    const start = this.index;
    this.index++;
    while (this.index < this.text.length) {
      const ch = this.text[this.index];
      if (ch === '"') {
        this.index++;
        try {
          return JSON.parse(this.text.slice(start, this.index)) as string;
        } catch {
          this.index = start;
          return this.fail('invalid escape sequence in string', this.peekDescription(), 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
        }
      }
      if (ch === '\\') {
        this.index += 2;
        continue;
      }
      if (ch === '\n' || ch.charCodeAt(0) < 0x20)
        this.fail('unterminated string or control character in string', JSON.stringify(ch), 'a closing double quote');
      this.index++;
    }
    return this.fail('unterminated string', 'end of file', 'a closing double quote');
  }
}
