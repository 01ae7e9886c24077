import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, type GenerationResult } from '../../shared/engine.js';
import { SpecError, formatIssue, type SpecIssue } from '../../shared/errors.js';
import { defaultValueProblems, fieldNameProblem, parseTypeText } from '../../shared/model/field-rules.js';
import { didYouMean, editDistance } from '../../shared/model/naming.js';
import { SPEC_LIMITS } from '../../shared/spec/limits.js';
import { parseJsonSource } from '../../shared/spec/json-source.js';
import { parseTypeString } from '../../shared/types/type-grammar.js';
import { listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { specsDir } from '../support/paths.js';
import { baseSpec } from './bad-input.test.js';

const generate = (specText: string | Uint8Array, extraAdapters?: readonly string[]): GenerationResult =>
  generateCommand({ specText, specFile: 'specs/x.json', config: defaultProjectConfig, ...(extraAdapters ? { extraAdapters } : {}) });

/** The issues a spec is refused with; fails when it is accepted or throws anything but a SpecError. */
function refusal(specText: string | Uint8Array, extraAdapters?: readonly string[]): SpecIssue[] {
  try {
    generate(specText, extraAdapters);
  } catch (error) {
    if (error instanceof SpecError) return [...error.issues];
    throw error;
  }
  assert.fail('expected the spec to be refused');
}

const refusalOf = (overrides: Record<string, unknown>, extraAdapters?: readonly string[]): SpecIssue[] =>
  refusal(JSON.stringify({ ...baseSpec, ...overrides }, null, 2), extraAdapters);

/** Line:column (1-based) where `needle` starts in `text`. */
function placeOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  assert.ok(index >= 0, `${needle} is in the text`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

describe('input hygiene: encoding', () => {
  it('bytes that are not UTF-8 are refused, each place with its byte offset and line:column', () => {
    const text = JSON.stringify(
      { ...baseSpec, description: 'Read a caf\u00e9 doc', params: [{ name: 'path', type: 'string', description: 'the caf\u00e9 path' }] },
      null,
      2,
    );
    // Latin-1 bytes: é is the single byte 0xE9, which UTF-8 never has alone.
    const bytes = Buffer.from(text, 'latin1');
    const issues = refusal(bytes);
    assert.equal(issues.length, 2);
    const first = placeOf(text, '\u00e9');
    assert.deepEqual([issues[0].line, issues[0].column], [first.line, first.column]);
    assert.equal(issues[0].message, `invalid UTF-8 at byte offset ${text.indexOf('\u00e9')}`);
    assert.equal(issues[0].found, 'the byte 0xe9');
    assert.match(issues[0].expected ?? '', /UTF-8/);
    const second = placeOf(text, '\u00e9', text.indexOf('\u00e9') + 1);
    assert.deepEqual([issues[1].line, issues[1].column], [second.line, second.column]);
    // Control: the same text as UTF-8 is accepted, é and all.
    assert.match(generate(Buffer.from(text, 'utf8')).files.find((f) => f.path.endsWith('README.md'))!.content, /Read a café doc/);
  });

  it('a UTF-8 BOM is accepted, as bytes and as text, and changes nothing in the output', () => {
    const text = JSON.stringify(baseSpec, null, 2);
    const plain = generate(text).files;
    for (const withBom of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), `\ufeff${text}`]) {
      assert.deepEqual(generate(withBom).files, plain);
    }
    // Positions stay those of the text without the BOM.
    const [issue] = refusal(`\ufeff${JSON.stringify({ ...baseSpec, environment: 'cloud' }, null, 2)}`);
    assert.deepEqual(
      [issue.line, issue.column],
      [placeOf(JSON.stringify({ ...baseSpec, environment: 'cloud' }, null, 2), '"cloud"').line, '  "environment": '.length + 1],
    );
  });

  it('an escaped lone surrogate, which no UTF-8 file can hold, is refused where it is', () => {
    const text = JSON.stringify(baseSpec, null, 2).replace('Read a doc', 'Read \\ud800 doc');
    const [issue] = refusal(text);
    assert.equal(issue.pointer, '/description');
    assert.match(issue.message, /unpaired surrogate/);
    assert.deepEqual([issue.line, issue.column], [placeOf(text, '"Read').line, placeOf(text, '"Read').column]);
  });
});

describe('input hygiene: JSON that JSON.parse would silently change', () => {
  it('every duplicate key is refused at its own key, naming the first; a bad first name is not lost', () => {
    const text =
      '{\n  "version": 2,\n  "name": "bad name!",\n  "description": "d",\n  "name": "docs/read",\n  "params": [{ "name": "a", "type": "string", "type": "number", "type": "boolean" }]\n}\n';
    const issues = refusal(text);
    const line6 = text.split('\n')[5];
    const typeKeys = [...line6.matchAll(/"type"/g)].map((m) => m.index! + 1);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.line, i.column]),
      [
        ['/name', 5, 3],
        ['/params/0/type', 6, typeKeys[1]],
        ['/params/0/type', 6, typeKeys[2]],
      ],
    );
    assert.equal(issues[0].message, 'duplicate key "name" (first at 3:3); JSON.parse would keep only the last');
    assert.match(issues[2].message, new RegExp(`first at 6:${typeKeys[0]}\\)`));
  });

  it('a number JSON.parse would make Infinity is refused at the number', () => {
    const text =
      '{"version":2,"name":"docs/read","description":"d","params":[{"name":"n","type":"number","optional":true,"default":1e400}]}';
    const issues = refusal(text);
    assert.ok(issues.length >= 1);
    assert.equal(issues[0].pointer, '/params/0/default');
    assert.equal(issues[0].column, text.indexOf('1e400') + 1);
    assert.match(issues[0].message, /out of range: JSON.parse would make it Infinity/);
    assert.ok(
      issues.every((i) => i.found !== 'null'),
      'Infinity is not shown as null',
    );
  });

  it('a key named __proto__ is refused at the key, wherever it is, and reported once', () => {
    for (const [text, pointer] of [
      ['{"version":2,"name":"docs/read","description":"d","__proto__":{"x":1}}', '/__proto__'],
      [
        '{"version":2,"name":"docs/read","description":"d","types":{"T":{"fields":{"__proto__":{"type":"string"}}}},"results":[{"name":"t","type":"T"}]}',
        '/types/T/fields/__proto__',
      ],
      [
        '{"version":2,"name":"docs/read","description":"d","params":[{"name":"m","type":"Record<string, number>","optional":true,"default":{"__proto__":1}}]}',
        '/params/0/default/__proto__',
      ],
    ] as const) {
      const issues = refusal(text);
      assert.deepEqual(
        issues.map((i) => i.pointer),
        [pointer],
        JSON.stringify(issues),
      );
      assert.equal(issues[0].column, text.indexOf('"__proto__"') + 1);
    }
  });
});

describe('input hygiene: prototype-named keys and values', () => {
  const protoNames = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
  const positions: Record<string, (n: string) => Record<string, unknown>> = {
    'a type name': (n) => ({ types: { [n]: { fields: { a: { type: 'string' } } } }, results: [{ name: 'c', type: n }] }),
    'a type reference': (n) => ({ results: [{ name: 'c', type: n }] }),
    'a type reference in Array<>': (n) => ({ results: [{ name: 'c', type: `Array<${n}>` }] }),
    'an enum value': (n) => ({
      types: { Mode: { enum: [n, 'b'], valueDescriptions: { b: 'bee' } } },
      params: [{ name: 'm', type: 'Mode' }],
    }),
    'a literal union member and default': (n) => ({ params: [{ name: 'm', type: `'${n}' | 'b'`, optional: true, default: n }] }),
    'a param name': (n) => ({ params: [{ name: n, type: 'string' }] }),
    'a type field': (n) => ({ types: { T: { fields: { [n]: { type: 'string' } } } }, results: [{ name: 'c', type: 'T' }] }),
    'a record default key': (n) => ({ params: [{ name: 'm', type: 'Record<string, number>', optional: true, default: { [n]: 1 } }] }),
    'a top-level key': (n) => ({ [n]: 1 }),
    'an import name': (n) => ({ imports: [{ name: n, from: './x' }], results: [{ name: 'c', type: n }] }),
    'a command name segment': (n) => ({ name: `docs/${n}` }),
    'an adapter': (n) => ({ adapter: n }),
    'a variant name (trait-only)': (n) => ({
      adapter: 'trait-only',
      params: [],
      results: [],
      types: { Ev: { tag: 'kind', variants: { [n]: { fields: { a: { type: 'string' } } } } } },
      traits: { Probe: { methods: [{ name: 'go', params: [{ name: 'e', type: 'Ev' }] }] } },
    }),
    'a trait method and its param': (n) => ({
      adapter: 'trait-only',
      params: [],
      results: [],
      traits: { Probe: { methods: [{ name: n, params: [{ name: n, type: 'string' }] }] } },
    }),
    'a supertrait': (n) => ({
      adapter: 'trait-only',
      params: [],
      results: [],
      traits: { Probe: { supertraits: [n], methods: [{ name: 'go' }] } },
    }),
    'a trait a rust-ipc module implements': (n) => ({ adapter: 'rust-ipc', rust: { module: 'modules/docs', traits: [n] } }),
  };
  for (const name of protoNames) {
    for (const [where, build] of Object.entries(positions)) {
      it(`${JSON.stringify(name)} as ${where}: generated, or refused with a location; never a TypeError`, () => {
        // defineProperty (and computed keys in `positions`): a __proto__ key reaches the text as a key, as in a spec file.
        const spec: Record<string, unknown> = { ...baseSpec };
        for (const [key, value] of Object.entries(build(name)))
          Object.defineProperty(spec, key, { value, enumerable: true, writable: true, configurable: true });
        const text = JSON.stringify(spec, null, 2);
        let result: GenerationResult | undefined;
        try {
          result = generate(text, ['swift', 'kotlin', 'python', 'proto', 'c']);
        } catch (error) {
          assert.ok(error instanceof SpecError, `a SpecError, not ${String(error)}`);
          for (const issue of error.issues)
            assert.ok(issue.line !== undefined && issue.column !== undefined, `located: ${formatIssue(issue)}`);
          return;
        }
        assert.ok(result.files.length > 0);
      });
    }
  }

  it('names every JavaScript object inherits are refused as field names (tsc refuses {} for them, validation reads the inherited function)', () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', '__proto__']) {
      const [issue] = refusalOf({ params: [{ name, type: 'string', optional: true }] });
      assert.equal(issue.pointer, '/params/0/name', name);
      assert.match(issue.message, /Object\.prototype|prototype/);
    }
    assert.equal(fieldNameProblem('prototype'), undefined, 'prototype is no member of Object.prototype: an ordinary name');
  });

  it('an enum value named constructor gets no description it does not have (no inherited lookup)', () => {
    const result = generate(
      JSON.stringify({
        ...baseSpec,
        types: { Mode: { enum: ['constructor', 'b'], valueDescriptions: { b: 'bee' } } },
        params: [{ name: 'm', type: 'Mode' }],
      }),
    );
    const mode = result.model.types.find((t) => t.name === 'Mode');
    assert.ok(mode?.kind === 'enum');
    assert.deepEqual(mode.valueDescriptions, [undefined, 'bee']);
  });
});

describe('input hygiene: depth and size limits', () => {
  const deep = 20_000;
  for (const [label, type] of [
    ['Array<...> 20,000 deep', `${'Array<'.repeat(deep)}string${'>'.repeat(deep)}`],
    ['(...) 20,000 deep', `${'('.repeat(deep)}string${')'.repeat(deep)}`],
    ['[] 20,000 times', `string${'[]'.repeat(deep)}`],
    ['Record<string, ...> 20,000 deep', `${'Record<string, '.repeat(deep)}string${'>'.repeat(deep)}`],
  ] as const) {
    it(`a type string nested ${label} is a located error, not a stack overflow`, () => {
      const [issue] = refusalOf({ params: [{ name: 'p', type }] });
      assert.equal(issue.pointer, '/params/0/type');
      assert.match(issue.message, /longer than|nests deeper than/);
      assert.ok(issue.message.length < 300, 'the message does not repeat the whole type');
    });
  }

  it('the type depth limit is exact: 32 levels parse, 33 are refused with the offset of the 33rd', () => {
    const nested = (n: number): string => `${'Array<'.repeat(n)}string${'>'.repeat(n)}`;
    assert.doesNotThrow(() => parseTypeString(nested(SPEC_LIMITS.typeDepth)));
    const refused = parseTypeText(nested(SPEC_LIMITS.typeDepth + 1));
    assert.ok('offset' in refused);
    assert.equal(refused.offset, SPEC_LIMITS.typeDepth * 'Array<'.length);
    assert.match(refused.problem, /nests deeper than 32 levels/);
  });

  it('JSON nested 20,000 deep is a located error, not a stack overflow; 64 levels are accepted', () => {
    const text = `{"version":2,"name":"docs/read","description":"d","x":${'['.repeat(deep)}${']'.repeat(deep)}}`;
    const [issue] = refusal(text);
    assert.match(issue.message, /nested deeper than 64 arrays and objects/);
    assert.deepEqual([issue.line, issue.column], [1, text.indexOf('[') + SPEC_LIMITS.jsonDepth]);
    assert.doesNotThrow(() => parseJsonSource(`${'['.repeat(SPEC_LIMITS.jsonDepth)}${']'.repeat(SPEC_LIMITS.jsonDepth)}`, 'x.json'));
  });

  it('a spec over the byte limit is refused before it is parsed', () => {
    const text = JSON.stringify({ ...baseSpec, description: 'x'.repeat(SPEC_LIMITS.bytes) });
    const [issue] = refusal(text);
    assert.match(issue.message, /more than the limit of 1048576/);
  });

  it('more params, results, fields, types or enum values than the limit: located at the first one past it', () => {
    const many = (n: number, make: (i: number) => unknown): unknown[] => Array.from({ length: n }, (_, i) => make(i));
    const over = SPEC_LIMITS.fields + 1;
    const fieldsIssue = refusalOf({ params: many(over, (i) => ({ name: `p${i}`, type: 'string' })) });
    assert.deepEqual(
      fieldsIssue.map((i) => i.pointer),
      [`/params/${SPEC_LIMITS.fields}`],
    );
    assert.match(fieldsIssue[0].message, /more params than the limit of 256/);
    assert.ok(fieldsIssue[0].line !== undefined);
    assert.deepEqual(
      refusalOf({ results: many(over, (i) => ({ name: `r${i}`, type: 'string' })) }).map((i) => i.pointer),
      ['/results/256'],
    );
    const fields = Object.fromEntries(many(SPEC_LIMITS.typeFields + 1, (i) => [`f${i}`, { type: 'string' }]) as [string, unknown][]);
    assert.deepEqual(
      refusalOf({ types: { Big: { fields } }, results: [{ name: 'b', type: 'Big' }] }).map((i) => i.pointer),
      ['/types/Big/fields/f256'],
    );
    assert.deepEqual(
      refusalOf({ types: { Big: { enum: many(SPEC_LIMITS.unionMembers + 1, (i) => `v${i}`) } } }).map((i) => i.pointer),
      ['/types/Big/enum/256'],
    );
    const types = Object.fromEntries(many(SPEC_LIMITS.types + 1, (i) => [`T${i}`, { enum: ['a'] }]) as [string, unknown][]);
    assert.deepEqual(
      refusalOf({ types }).map((i) => i.pointer),
      ['/types/T256'],
    );
    const union = many(SPEC_LIMITS.unionMembers + 1, (i) => `'v${i}'`).join(' | ');
    const [unionIssue] = refusalOf({ params: [{ name: 'u', type: union }] });
    assert.match(unionIssue.message, /more than 256 members/);
    // At the limits, accepted.
    assert.ok(
      generate(JSON.stringify({ ...baseSpec, params: many(SPEC_LIMITS.fields, (i) => ({ name: `p${i}`, type: 'string' })) })).files.length >
        0,
    );
    assert.ok(
      generate(JSON.stringify({ ...baseSpec, params: [{ name: 'u', type: many(SPEC_LIMITS.unionMembers, (i) => `'v${i}'`).join(' | ') }] }))
        .files.length > 0,
    );
  });
});

describe('input hygiene: defaults checked against their type, to the leaf', () => {
  const defaultIssues = (type: string, value: unknown, types?: Record<string, unknown>): SpecIssue[] =>
    refusalOf({ ...(types ? { types } : {}), params: [{ name: 'p', type, optional: true, default: value }] });

  it('42 for a UUID (an imported, branded string) is refused', () => {
    const [issue] = defaultIssues('UUID', 42);
    assert.equal(issue.pointer, '/params/0/default');
    assert.match(issue.message, /UUID is an imported type/);
  });

  it('nested arrays: the offending item, by its pointer and place', () => {
    const text = JSON.stringify(
      {
        ...baseSpec,
        params: [
          {
            name: 'p',
            type: 'integer[][]',
            optional: true,
            default: [
              [1, 2],
              [3, 'x', 4.5],
            ],
          },
        ],
      },
      null,
      2,
    );
    const issues = refusal(text);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.found]),
      [
        ['/params/0/default/1/1', '"x"'],
        ['/params/0/default/1/2', '4.5'],
      ],
    );
    assert.equal(issues[0].line, placeOf(text, '"x"').line);
  });

  it('records, enums inside arrays, interfaces with missing, unknown and wrong fields', () => {
    const types = {
      Mode: { enum: ['fast', 'slow'] },
      Box: { fields: { size: { type: 'integer' }, label: { type: 'string', optional: true }, tag: { type: 'string | null' } } },
    };
    assert.deepEqual(
      defaultIssues('Record<string, Mode[]>', { a: ['fast', 'slwo'], b: 'fast' }, types).map((i) => [i.pointer, i.suggestion]),
      [
        ['/params/0/default/a/1', 'slow'],
        ['/params/0/default/b', undefined],
      ],
    );
    const box = defaultIssues('Box', { sise: 1, label: null }, types);
    assert.deepEqual(box.map((i) => i.pointer).sort(), [
      '/params/0/default',
      '/params/0/default',
      '/params/0/default/label',
      '/params/0/default/sise',
    ]);
    assert.ok(box.some((i) => /missing field 'size' of Box/.test(i.message)));
    assert.ok(
      box.some((i) => /missing field 'tag' of Box/.test(i.message)),
      'a required nullable field must be there (null is fine)',
    );
    assert.equal(box.find((i) => i.pointer.endsWith('/sise'))?.suggestion, 'size');
  });

  it('integers JavaScript cannot hold exactly, Infinity-free numbers, and booleans', () => {
    assert.match(defaultIssues('integer', Number.MAX_SAFE_INTEGER + 2)[0].message, /integer JavaScript holds exactly/);
    assert.match(defaultIssues('integer', 1.5)[0].message, /expected an integer/);
    assert.match(defaultIssues('boolean', 'true')[0].message, /expected a boolean/);
  });

  it('valid nested defaults are accepted and rendered', () => {
    const types = {
      Mode: { enum: ['fast', 'slow'] },
      Box: { fields: { size: { type: 'integer' }, tag: { type: 'string | null' }, modes: { type: 'Mode[]', optional: true } } },
    };
    const result = generate(
      JSON.stringify({
        ...baseSpec,
        types,
        params: [{ name: 'p', type: 'Record<string, Box[]>', optional: true, default: { a: [{ size: 1, tag: null, modes: ['fast'] }] } }],
      }),
    );
    assert.match(result.files.find((f) => f.path.endsWith('Types.ts'))!.content, /p: \{/);
  });

  it('the rule is a pure function a wizard can call with a relative pointer', () => {
    const problems = defaultValueProblems(
      [1, 'two'],
      { kind: 'array', element: { kind: 'primitive', name: 'number' } },
      { declarations: new Map(), imported: new Set() },
    );
    assert.deepEqual(problems, [{ at: '/1', problem: 'expected a finite number' }]);
  });
});

describe('errors an agent can act on: every problem in one pass, in file order, with did-you-mean', () => {
  /** A spec with a problem for each stage: duplicate key, schema, type resolution, default, the adapter's own check. */
  const text = [
    '{',
    '  "version": 2,',
    '  "name": "docs/read",',
    '  "description": "Read a doc",',
    '  "enviroment": "server",',
    '  "types": { "DocsReadResult": { "fields": { "a": { "type": "string" } } } },',
    '  "params": [',
    '    { "name": "path", "type": "string", "desciption": "where" },',
    '    { "name": "mode", "type": "\'md\' | \'txt\'", "optional": true, "default": "pdf" }',
    '  ],',
    '  "results": [{ "name": "content", "type": "Strin" }]',
    '}',
  ].join('\n');

  it('reports problems of every stage together, each at its place, in file order', () => {
    const issues = refusal(text);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.line]),
      [
        ['/enviroment', 5],
        ['/types/DocsReadResult', 6],
        ['/params/0/desciption', 8],
        ['/params/1/default', 9],
        ['/results/0/type', 11],
      ],
    );
  });

  it('an unknown key is located at the key, not at its value, with a did-you-mean', () => {
    const issues = refusal(text);
    const key = issues.find((i) => i.pointer === '/params/0/desciption')!;
    assert.equal(key.column, placeOf(text, '"desciption"').column);
    assert.equal(key.suggestion, 'description');
    assert.equal(issues.find((i) => i.pointer === '/enviroment')!.suggestion, 'environment');
    assert.match(formatIssue(key), /; did you mean "description"\?$/);
  });

  it('did-you-mean for types, enum values and adapter ids; none when nothing is close', () => {
    assert.equal(refusal(text).find((i) => i.pointer === '/results/0/type')!.suggestion, 'string');
    assert.equal(refusalOf({ environment: 'sever' })[0].suggestion, 'server');
    assert.equal(refusalOf({}, ['swfit'])[0].suggestion, 'swift');
    assert.equal(refusalOf({ results: [{ name: 'c', type: 'Zebra' }] })[0].suggestion, undefined);
  });

  it('a second run finds nothing new: fixing the reported problems one stage at a time reveals no others', () => {
    const first = refusal(text).map((i) => i.pointer);
    const fixes: Array<[string, string]> = [
      ['"enviroment"', '"environment"'],
      ['"desciption"', '"description"'],
    ];
    let fixed = text;
    for (const [from, to] of fixes) {
      fixed = fixed.replace(from, to);
      const again = refusal(fixed).map((i) => i.pointer);
      assert.deepEqual(
        again.filter((p) => !first.includes(p)),
        [],
        `new problems after fixing ${from}`,
      );
    }
  });

  it('schema problems do not hide the checks of the parts they do not touch (a placeholder stands in for a missing name)', () => {
    const issues = refusal(
      JSON.stringify(
        {
          version: 2,
          description: 'd',
          params: [
            { name: 'p', type: 'strng' },
            { name: 3, type: 'string' },
          ],
        },
        null,
        2,
      ),
    );
    assert.deepEqual(
      issues.map((i) => i.pointer),
      ['', '/params/0/type', '/params/1/name'],
    );
    assert.match(issues[0].message, /missing required property 'name'/);
    assert.equal(issues[1].suggestion, 'string');
  });

  it('a problem inside a cut-out part is not reported twice, and array items after it keep their own pointers', () => {
    const issues = refusal(
      JSON.stringify(
        {
          ...baseSpec,
          params: [
            { name: 'a', type: 7 },
            { name: 'b', type: 'Strin' },
          ],
        },
        null,
        2,
      ),
    );
    assert.deepEqual(
      issues.map((i) => i.pointer),
      ['/params/0/type', '/params/1/type'],
    );
  });

  it('fastest-levenshtein measures the distance (case-insensitive); a suggestion needs to be close', () => {
    assert.equal(editDistance('kitten', 'SITTING'), 3);
    assert.equal(didYouMean('Strin', ['string', 'number']), 'string');
    assert.equal(didYouMean('xyz', ['string', 'number']), undefined);
  });
});

describe('continuum-gen: input hygiene at the command line', () => {
  after(removeTempProjects);

  it('continuum-gen valueOf --spec=... is an unknown sub-generator, not a crash', async () => {
    const dir = tempProject({ 'spec.json': readFileSync(join(specsDir, 'docs-read.json'), 'utf8') });
    const run = await runBin(['valueOf', '--spec=spec.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unknown sub-generator "valueOf"/);
    assert.doesNotMatch(run.stderr, /TypeError|Cannot read properties/);
    assert.deepEqual(listFiles(dir), ['spec.json']);
  });

  it("a misspelt option gets a did-you-mean (commander's), with a non-zero exit", async () => {
    const run = await runBin(['command', '--forse', '--spec=x.json', '--no-interactive'], { cwd: tempProject(), stdin: 'closed' });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /unknown option '--forse'\s+\(Did you mean --force\?\)/);
  });

  it('a misspelt sub-generator gets a did-you-mean', async () => {
    const run = await runBin(['comand'], { cwd: tempProject(), stdin: 'closed' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unknown sub-generator "comand"; did you mean command\?/);
  });

  it('a spec file that is not UTF-8 is refused with its byte offset; nothing is written', async () => {
    const text = readFileSync(join(specsDir, 'docs-read.json'), 'utf8');
    const dir = tempProject();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'spec.json'),
      Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xff]), Buffer.from(text.slice(40))]),
    );
    const run = await runBin(['command', '--spec=spec.json', '--no-interactive'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /spec\.json:\d+:\d+: invalid UTF-8 at byte offset 40; found the byte 0xff/);
    assert.deepEqual(listFiles(dir), ['spec.json']);
  });
});
