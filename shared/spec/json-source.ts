import { SpecError, pointerOf } from '../errors.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed JSON document that remembers where each value starts, so errors can cite line:column. */
export interface JsonSource {
  readonly file: string;
  readonly value: unknown;
  locate(pointer: string): Position | undefined;
}

/**
 * Parse JSON text. The value comes from JSON.parse (the authority on JSON semantics); a small
 * scanner walks the same text first to record where each JSON pointer starts and to report
 * syntax errors by line and column, which JSON.parse does not do on Node 20.
 */
export function parseJsonSource(text: string, file: string): JsonSource {
  const positions = new Map<string, Position>();
  new PositionScanner(text, file, positions).scanDocument();
  const value: unknown = JSON.parse(text);
  return {
    file,
    value,
    locate(pointer: string): Position | undefined {
      // A pointer to a missing member points at its nearest existing parent.
      let current = pointer;
      for (;;) {
        const found = positions.get(current);
        if (found) return found;
        if (current === '') return undefined;
        current = current.slice(0, current.lastIndexOf('/'));
      }
    },
  };
}

class PositionScanner {
  private index = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly positions: Map<string, Position>,
  ) {}

  scanDocument(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.index = 1;
    this.skipWhitespace();
    this.scanValue('');
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('unexpected text after the JSON document', this.peekDescription(), 'end of file');
  }

  private position(): Position {
    return { line: this.line, column: this.index - this.lineStart + 1 };
  }

  private fail(message: string, found: string, expected: string): never {
    throw new SpecError([{ file: this.file, pointer: '', ...this.position(), message: `malformed JSON: ${message}`, found, expected }]);
  }

  /** Fail at an earlier place (a trailing comma is reported where the comma is). */
  private failAt(place: { index: number; line: number; lineStart: number }, message: string, found: string, expected: string): never {
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

  private scanValue(pointer: string): void {
    this.positions.set(pointer, this.position());
    const ch = this.text[this.index];
    if (ch === '{') return this.scanObject(pointer);
    if (ch === '[') return this.scanArray(pointer);
    if (ch === '"') {
      this.scanString();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.index, this.index + 400));
    if (!literal) this.fail('expected a value', this.peekDescription(), 'an object, array, string, number, true, false or null');
    this.index += literal[0].length;
  }

  private scanObject(pointer: string): void {
    this.index++;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail('expected a property name in double quotes', this.peekDescription(), '"name"');
      const key = this.scanString();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail(`expected ':' after property ${JSON.stringify(key)}`, this.peekDescription(), "':'");
      this.index++;
      this.skipWhitespace();
      this.scanValue(pointer + pointerOf(key));
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        const comma = { index: this.index, line: this.line, lineStart: this.lineStart };
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

  private scanArray(pointer: string): void {
    this.index++;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return;
    }
    for (let item = 0; ; item++) {
      this.skipWhitespace();
      this.scanValue(`${pointer}/${item}`);
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        const comma = { index: this.index, line: this.line, lineStart: this.lineStart };
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

  private scanString(): string {
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
      if (ch === '\n' || ch.charCodeAt(0) < 0x20) this.fail('unterminated string or control character in string', JSON.stringify(ch), 'a closing double quote');
      this.index++;
    }
    return this.fail('unterminated string', 'end of file', 'a closing double quote');
  }
}
