import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig, resolveProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError, type SpecIssue } from '../../shared/errors.js';
import { specsDir } from '../support/paths.js';

export const baseSpec = {
  version: 2,
  name: 'docs/read',
  description: 'Read a doc',
  params: [{ name: 'path', type: 'string' }],
  results: [{ name: 'content', type: 'string' }],
};

function issuesOf(specText: string, file = 'specs/bad.json'): SpecIssue[] {
  try {
    generateCommand({ specText, specFile: file, config: defaultProjectConfig });
  } catch (error) {
    if (error instanceof SpecError) return [...error.issues];
    throw error;
  }
  assert.fail('expected the spec to be refused');
}

function issuesOfSpec(overrides: Record<string, unknown>): SpecIssue[] {
  return issuesOf(JSON.stringify({ ...baseSpec, ...overrides }, null, 2));
}

describe('bad input is refused with file, place, found and expected', () => {
  it('malformed JSON: names the file, line and column', () => {
    const text = '{\n  "version": 2,\n  "name": "docs/read"\n  "description": "x"\n}\n';
    const [issue] = issuesOf(text, 'specs/broken.json');
    assert.equal(issue.file, 'specs/broken.json');
    assert.equal(issue.line, 4);
    assert.equal(issue.column, 3);
    assert.match(issue.message, /malformed JSON: expected , or } in object/);
  });

  it('a trailing comma is located at the comma', () => {
    const [issue] = issuesOf('{\n  "a": [1, 2,]\n}', 'x.json');
    assert.deepEqual([issue.line, issue.column, issue.message], [2, '  "a": [1, 2'.length + 1, 'malformed JSON: trailing comma in array']);
  });

  it('a schema violation: JSON pointer, line:column, found and allowed', () => {
    const text = JSON.stringify({ ...baseSpec, environment: 'cloud' }, null, 2);
    const [issue] = issuesOf(text);
    assert.equal(issue.pointer, '/environment');
    assert.equal(issue.found, '"cloud"');
    assert.equal(issue.expected, 'one of "server", "browser", "both"');
    // The value "cloud" sits on the line of its key, after `  "environment": `.
    const line = text.split('\n').findIndex((l) => l.includes('"environment"')) + 1;
    assert.equal(issue.line, line);
    assert.equal(issue.column, '  "environment": '.length + 1);
    assert.match(
      new SpecError([issue]).message,
      new RegExp(`^specs/bad\\.json:${line}:18 \\(at /environment\\): value not allowed; found "cloud"; expected one of`),
    );
  });

  it('an unknown property lists the accepted ones', () => {
    const [issue] = issuesOfSpec({ params: [{ name: 'path', type: 'string', requird: true }] });
    assert.equal(issue.pointer, '/params/0/requird');
    assert.match(issue.expected ?? '', /default, description, name, optional, optionalNullable, type/);
  });

  it('every problem is reported at once, not one per run', () => {
    const issues = issuesOfSpec({ accessLevel: 'public', environment: 'cloud' });
    assert.deepEqual(issues.map((i) => i.pointer).sort(), ['/accessLevel', '/environment']);
  });

  it('an unknown type lists the closest known names', () => {
    const [issue] = issuesOfSpec({
      types: { SubsystemInfo: { fields: { usedMb: { type: 'number' } } } },
      results: [{ name: 'rendering', type: 'SubsytemInfo' }],
    });
    assert.equal(issue.pointer, '/results/0/type');
    assert.match(issue.message, /unknown type SubsytemInfo/);
    assert.match(issue.expected ?? '', /e\.g\. SubsystemInfo/);
  });

  it('a misspelt primitive suggests the primitive', () => {
    const [issue] = issuesOfSpec({ results: [{ name: 'content', type: 'Strin' }] });
    assert.match(issue.expected ?? '', /e\.g\. string/);
  });

  it('a type outside the grammar says what to write instead', () => {
    const [issue] = issuesOfSpec({ params: [{ name: 'filter', type: '{ a: string }' }] });
    assert.equal(issue.pointer, '/params/0/type');
    assert.match(issue.expected ?? '', /types block/);
  });

  for (const [name, why] of [
    ['../etc/passwd', /'\.' or '\.\.' segment/],
    ['gpu/../../escape', /'\.' or '\.\.' segment/],
    ['/absolute/path', /absolute path/],
    ['gpu\\stats', /backslash/],
    ['gpu//stats', /empty segment/],
    ['gpu/stats/', /empty segment/],
    ['gpu/st ats', /invalid segment/],
  ] as const) {
    it(`a command name that would write outside the project is refused: ${JSON.stringify(name)}`, () => {
      const issue = issuesOfSpec({ name }).find((i) => i.pointer === '/name');
      assert.ok(issue);
      assert.match(issue.message, why);
      assert.match(issue.expected ?? '', /slash-separated segments/);
    });
  }

  it('duplicate param names are refused, pointing at the second', () => {
    const [issue] = issuesOfSpec({
      params: [
        { name: 'path', type: 'string' },
        { name: 'path', type: 'number' },
      ],
    });
    assert.equal(issue.pointer, '/params/1/name');
    assert.match(issue.message, /duplicate param name 'path' \(first at \/params\/0\)/);
  });

  it('a field that collides with the payload or result base is refused', () => {
    assert.match(issuesOfSpec({ params: [{ name: 'sessionId', type: 'string' }] })[0].message, /already part of every CommandParams/);
    assert.match(issuesOfSpec({ results: [{ name: 'sessionId', type: 'string' }] })[0].message, /already part of every CommandResult/);
  });

  it('a type name reserved in TypeScript is refused', () => {
    const [issue] = issuesOfSpec({ types: { Promise: { fields: { a: { type: 'string' } } } }, results: [{ name: 'p', type: 'Promise' }] });
    assert.equal(issue.pointer, '/types/Promise');
    assert.match(issue.message, /TypeScript global/);
  });

  it('a class name that would shadow a global is refused', () => {
    const [issue] = issuesOfSpec({ name: 'error' });
    assert.match(issue.message, /class name Error is a TypeScript global/);
  });

  it('a spec type that collides with a derived name is refused', () => {
    const [issue] = issuesOfSpec({ types: { DocsReadResult: { fields: { a: { type: 'string' } } } } });
    assert.match(issue.message, /collides with the result interface/);
  });

  it('optional and nullable at once needs an explicit opt-in', () => {
    const [issue] = issuesOfSpec({ params: [{ name: 'tag', type: 'string | null', optional: true }] });
    assert.equal(issue.pointer, '/params/0/type');
    assert.match(issue.expected ?? '', /optionalNullable/);
    const accepted = generateCommand({
      specText: JSON.stringify({ ...baseSpec, params: [{ name: 'tag', type: 'string | null', optional: true, optionalNullable: true }] }),
      specFile: 'x.json',
      config: defaultProjectConfig,
    });
    assert.match(accepted.files.find((f) => f.path.endsWith('Types.ts'))!.content, /tag\?: string \| null;/);
  });

  it('a default that does not fit its type is refused', () => {
    const [issue] = issuesOfSpec({ params: [{ name: 'format', type: "'md' | 'txt'", optional: true, default: 'pdf' }] });
    assert.equal(issue.pointer, '/params/0/default');
    assert.match(issue.message, /expected one of 'md', 'txt'/);
  });

  it('environment and adapter that contradict each other are refused', () => {
    const [issue] = issuesOfSpec({ environment: 'browser', adapter: 'server-only' });
    assert.equal(issue.pointer, '/environment');
  });

  it('a rust block on a TypeScript-only adapter is refused', () => {
    const [issue] = issuesOfSpec({ adapter: 'server-only', rust: { module: 'modules/docs' } });
    assert.equal(issue.pointer, '/rust');
    assert.match(issue.expected ?? '', /rust-ipc/);
  });

  it('a project config root that escapes the project is refused', () => {
    assert.throws(() => resolveProjectConfig({ roots: { commands: '../outside' } }), /roots\/commands.*contains '\.\.'/);
    assert.throws(() => resolveProjectConfig({ roots: { cmds: 'x' } }), /unknown property 'cmds'/);
  });

  it('the shipped example specs are all accepted', () => {
    for (const file of ['docs-read.json', 'chat-send.json', 'interface-screenshot.json', 'system-ping.v1.json']) {
      const result = generateCommand({
        specText: readFileSync(join(specsDir, file), 'utf8'),
        specFile: file,
        config: defaultProjectConfig,
      });
      assert.ok(result.files.length >= 8, file);
    }
  });
});

describe('precompiled schema validators (the build step)', () => {
  it('exist in the build, match the schemas, and report exactly what ajv compiled at run time reports', async () => {
    const { createRequire } = await import('node:module');
    const { existsSync } = await import('node:fs');
    const { createSchemaAjv, schemasFingerprint } = await import('../../shared/spec/schema-validation.js');
    const { PRECOMPILED_VALIDATORS } = await import('../../shared/spec/precompiled-validators.js');
    assert.ok(existsSync(PRECOMPILED_VALIDATORS), 'npm run build writes the precompiled validators');
    const precompiled = createRequire(import.meta.url)(PRECOMPILED_VALIDATORS) as Record<
      string,
      ((d: unknown) => boolean) & { errors?: unknown[] }
    > & { schemasFingerprint: string };
    assert.equal(precompiled.schemasFingerprint, schemasFingerprint());
    const runtime = createSchemaAjv().getSchema('command-spec-v2.schema.json')!;
    const strip = (errors: unknown[] | null | undefined) =>
      (errors ?? []).map((e) => ({ ...(e as object), schema: undefined, parentSchema: undefined, data: undefined }));
    for (const document of [
      { ...baseSpec },
      { ...baseSpec, environment: 'cloud', extra: 1 },
      { version: 1 },
      { ...baseSpec, types: { bad: { fields: {} }, Both: { fields: {}, enum: ['a'] } } },
    ]) {
      assert.equal(precompiled['command-spec-v2'](document), runtime(document));
      assert.deepEqual(strip(precompiled['command-spec-v2'].errors), strip(runtime.errors));
    }
  });
});

describe('saving the spec beside the others', () => {
  it('drops a relative $schema (it would point nowhere from the specs folder) and keeps a URL', () => {
    const saved = (schema: string) =>
      generateCommand({
        specText: JSON.stringify({ $schema: schema, ...baseSpec }),
        specFile: 'elsewhere/spec.json',
        config: defaultProjectConfig,
      }).files.find((f) => f.path === 'src/generator/specs/docs-read.json')!.content;
    assert.ok(!saved('../schemas/command-spec-v2.schema.json').includes('$schema'));
    assert.match(
      saved('https://example.org/command-spec-v2.schema.json'),
      /"\$schema": "https:\/\/example\.org\/command-spec-v2\.schema\.json"/,
    );
  });
});
