import { strict as assert } from 'node:assert';
import { TypeSyntaxError, parseTypeString } from '../../shared/types/type-grammar.js';
import { typeToSpecText, type TypeNode } from '../../shared/types/type-tree.js';

function refusal(text: string): TypeSyntaxError {
  try {
    parseTypeString(text);
  } catch (error) {
    if (error instanceof TypeSyntaxError) return error;
    throw error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be refused`);
}

describe('type grammar', () => {
  it('parses the four primitives', () => {
    for (const name of ['string', 'number', 'integer', 'boolean'] as const) {
      assert.deepEqual(parseTypeString(name), { kind: 'primitive', name });
    }
  });

  it('parses a union of string literals in either quote style', () => {
    assert.deepEqual(parseTypeString(`'inference' | "tts" | 'rendering'`), { kind: 'literals', values: ['inference', 'tts', 'rendering'] });
  });

  it('treats T[] and Array<T> as the same tree', () => {
    const expected: TypeNode = { kind: 'array', element: { kind: 'named', name: 'SubsystemInfo' } };
    assert.deepEqual(parseTypeString('SubsystemInfo[]'), expected);
    assert.deepEqual(parseTypeString('Array<SubsystemInfo>'), expected);
  });

  it('parses Record<string, T>, nested arrays and nullables', () => {
    assert.deepEqual(parseTypeString('Record<string, number[]>'), {
      kind: 'record',
      value: { kind: 'array', element: { kind: 'primitive', name: 'number' } },
    });
    assert.deepEqual(parseTypeString('string[][]'), {
      kind: 'array',
      element: { kind: 'array', element: { kind: 'primitive', name: 'string' } },
    });
    assert.deepEqual(parseTypeString('null | Info'), { kind: 'nullable', inner: { kind: 'named', name: 'Info' } });
    assert.deepEqual(parseTypeString("('a' | 'b')[] | null"), {
      kind: 'nullable',
      inner: { kind: 'array', element: { kind: 'literals', values: ['a', 'b'] } },
    });
  });

  it('prints a tree back as canonical spec text that parses to the same tree', () => {
    for (const text of ['string', "'a' | 'b'", 'Info[]', 'Record<string, Info>', 'string | null', "('a' | 'b')[]", '(string | null)[]']) {
      const tree = parseTypeString(text);
      assert.deepEqual(parseTypeString(typeToSpecText(tree)), tree, text);
    }
  });

  it('refuses any, naming what to write instead (a shape, or unknown)', () => {
    assert.match(refusal('any').message, /'any' is not allowed.*types block.*unknown/);
    assert.match(refusal('Object').message, /'Object' is not allowed/);
  });

  it('accepts unknown (untyped JSON), with object as another spelling of it, at any depth', () => {
    assert.deepEqual(parseTypeString('unknown'), { kind: 'unknown' });
    assert.deepEqual(parseTypeString('object'), { kind: 'unknown' });
    assert.deepEqual(parseTypeString('Record<string, unknown>'), { kind: 'record', value: { kind: 'unknown' } });
    assert.deepEqual(parseTypeString('object[] | null'), { kind: 'nullable', inner: { kind: 'array', element: { kind: 'unknown' } } });
    assert.equal(typeToSpecText(parseTypeString('object[]')), 'unknown[]');
    assert.match(refusal('unknown | string').message, /unions of non-literal types/);
  });

  it('refuses inline object literals and points at the brace', () => {
    const error = refusal('{ a: string }');
    assert.equal(error.offset, 0);
    assert.match(error.message, /inline object types.*types block/);
  });

  it('refuses unions of non-literal types', () => {
    assert.match(refusal('string | number').message, /unions of non-literal types/);
    assert.match(refusal("'a' | Info").message, /unions of non-literal types/);
  });

  it('refuses generics other than Array and Record, and non-string Record keys', () => {
    assert.match(refusal('Promise<string>').message, /generic type Promise<...> is not accepted/);
    assert.match(refusal('Record<number, string>').message, /Record keys must be string/);
  });

  it('refuses function types, number literals, Date and bigint with a suggestion', () => {
    assert.match(refusal('() => void').message, /function types|unexpected/);
    assert.match(refusal('1 | 2').message, /number literal types/);
    assert.match(refusal('Date').message, /ISO 8601/);
    assert.match(refusal('bigint').message, /integer/);
  });

  it('refuses null alone, a repeated null and a repeated literal', () => {
    assert.match(refusal('null').message, /'null' alone/);
    assert.match(refusal('string | null | null').message, /twice/);
    assert.match(refusal("'a' | 'a'").message, /appears twice/);
  });

  it('reports where a malformed type goes wrong', () => {
    const error = refusal('Array<string');
    assert.equal(error.offset, 'Array<string'.length);
    assert.match(error.message, /expected '>'/);
  });
});
