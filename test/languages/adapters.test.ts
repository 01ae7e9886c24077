import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratorAdapter } from '../../shared/adapters/adapter.js';
import { describeAdapters, formatAdapterListing } from '../../shared/adapters/adapter-listing.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { defaultProjectConfig, resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { repoRoot } from '../support/paths.js';
import { LANGUAGE_ADAPTERS } from './language-cases.js';

const DOCS_READ = readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8');

function spec(body: Record<string, unknown>): string {
  return JSON.stringify({ version: 2, name: 'test/shape', description: 'A test command', environment: 'server', ...body }, null, 2);
}

function generate(specText: string, extraAdapters: readonly string[], config: ProjectConfig = defaultProjectConfig) {
  return generateCommand({ specText, specFile: 'test/shape.json', config, extraAdapters });
}

/** The SpecError a generation throws, as its message (fails when it does not throw one). */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected generation to fail');
}

describe('extra adapters in the engine (--adapter)', () => {
  it("runs the spec's own adapter and then each extra one, merging their plans", () => {
    const result = generate(DOCS_READ, ['proto', 'swift']);
    assert.deepEqual(
      result.adapters.map((a) => a.id),
      ['server-only', 'proto', 'swift'],
    );
    assert.deepEqual(
      result.plans.map((p) => p.adapter),
      ['server-only', 'proto', 'swift'],
    );
    for (const plan of result.plans)
      for (const file of plan.files)
        assert.ok(
          result.files.some((f) => f.path === file.path && f.content === file.content),
          file.path,
        );
    assert.ok(result.files.some((f) => f.path === 'src/commands/docs/read/shared/DocsReadTypes.ts'));
    assert.ok(result.files.some((f) => f.path === 'generated/proto/docs_read.proto'));
    const paths = result.files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort(), 'the merged plan is sorted');
  });

  it('ignores repeats and the spec’s own adapter among the extras', () => {
    const result = generate(DOCS_READ, ['c', 'server-only', 'c']);
    assert.deepEqual(
      result.adapters.map((a) => a.id),
      ['server-only', 'c'],
    );
  });

  it('an unknown adapter id is a SpecError listing the available ids', () => {
    const message = failure(() => generate(DOCS_READ, ['swfit']));
    assert.match(message, /adapter swfit \(asked for with --adapter\) is not available/);
    for (const id of ['c', 'kotlin', 'proto', 'python', 'server-only', 'swift']) assert.ok(message.includes(id), `${id} in ${message}`);
  });

  it('leaves the TypeScript golden output unchanged: without extras the plan is the adapter’s own', () => {
    const alone = generateCommand({ specText: DOCS_READ, specFile: 'docs-read.json', config: defaultProjectConfig });
    const withExtras = generate(DOCS_READ, [...LANGUAGE_ADAPTERS]);
    for (const file of alone.files)
      assert.ok(
        withExtras.files.some((f) => f.path === file.path && f.content === file.content),
        file.path,
      );
    assert.deepEqual(
      alone.plans.map((p) => p.adapter),
      ['server-only'],
    );
  });
});

describe('types an adapter cannot map are generation errors naming the adapter and the type', () => {
  it('proto refuses lists of lists, maps of lists and nullable lists, pointing at each field', () => {
    const message = failure(() =>
      generate(
        spec({
          params: [
            { name: 'grid', type: 'integer[][]' },
            { name: 'groups', type: 'Record<string, string[]>' },
            { name: 'tags', type: 'string[] | null' },
            // The outer list is refused first: the inner null is not what the message names.
            { name: 'deep', type: '(integer | null)[][]' },
          ],
        }),
        ['proto'],
      ),
    );
    assert.match(
      message,
      /test\/shape\.json:\d+:\d+ \(at \/params\/0\/type\): adapter proto cannot map type integer\[\]\[\] \(TestShapeParams\.grid\): proto3 cannot put a repeated field inside a repeated field/,
    );
    assert.match(message, /\(at \/params\/1\/type\): adapter proto cannot map type Record<string, string\[\]>/);
    assert.match(message, /\(at \/params\/2\/type\): adapter proto cannot map type string\[\] \| null .*make the field optional instead/);
    assert.match(
      message,
      /\(at \/params\/3\/type\): adapter proto cannot map type \(integer \| null\)\[\]\[\] \(TestShapeParams\.deep\): proto3 cannot put a repeated field inside a repeated field/,
    );
  });

  it('c refuses nullable elements; swift, kotlin and python map the same spec', () => {
    const text = spec({ params: [{ name: 'maybe', type: '(string | null)[]' }] });
    assert.match(
      failure(() => generate(text, ['c'])),
      /adapter c cannot map type \(string \| null\)\[\] \(TestShapeParams\.maybe\): C has no null inside a list/,
    );
    // The null is refused in the place its own container gives it: a list inside a map.
    assert.match(
      failure(() => generate(spec({ params: [{ name: 'nested', type: 'Record<string, (string | null)[]>' }] }), ['c'])),
      /adapter c cannot map type Record<string, \(string \| null\)\[\]> \(TestShapeParams\.nested\): C has no null inside a list/,
    );
    const ok = generate(text, ['swift', 'kotlin', 'python']);
    assert.ok(ok.files.find((f) => f.path.endsWith('TestShape.swift'))!.content.includes('public var maybe: [String?]'));
    assert.ok(ok.files.find((f) => f.path.endsWith('TestShape.kt'))!.content.includes('val maybe: List<String?>,'));
    assert.ok(ok.files.find((f) => f.path.endsWith('test_shape.py'))!.content.includes('maybe: list[str | None]'));
  });

  it('an imported type without a mapping for the adapter names the option to set', () => {
    const text = spec({ imports: [{ name: 'Money', from: '@acme/money' }], params: [{ name: 'price', type: 'Money' }] });
    const message = failure(() => generate(text, [...LANGUAGE_ADAPTERS]));
    for (const id of LANGUAGE_ADAPTERS) {
      assert.match(
        message,
        new RegExp(
          `adapter ${id} cannot map type Money \\(TestShapeParams\\.price\\): imported type Money has no ${id} mapping; found "Money"; expected an entry for Money in \\.yo-rc\\.json adapterOptions\\.${id}\\.importedTypes`,
        ),
      );
    }
    const config = resolveProjectConfig({
      adapterOptions: { swift: { importedTypes: { Money: { type: 'Decimal', import: 'Foundation' } } } },
    });
    const swift = generate(text, ['swift'], config).files.find((f) => f.path.endsWith('.swift') && f.path.includes('TestShape'))!;
    assert.ok(swift.content.includes('public var price: Decimal'));
    assert.equal(swift.content.match(/^import Foundation$/gm)?.length, 1, 'Foundation imported once');
  });

  it('a C struct cycle through required fields is refused; an optional link is a pointer', () => {
    const cyclic = spec({
      types: { Node: { fields: { next: { type: 'Node' } } } },
      params: [{ name: 'head', type: 'Node', optional: true }],
    });
    assert.match(
      failure(() => generate(cyclic, ['c'])),
      /adapter c cannot map type Node: required fields make a cycle \(Node -> Node\)/,
    );
    const linked = spec({
      types: { Node: { fields: { next: { type: 'Node', optional: true } } } },
      params: [{ name: 'head', type: 'Node' }],
    });
    assert.ok(
      generate(linked, ['c'])
        .files.find((f) => f.path.endsWith('.h'))!
        .content.includes('    Node *next;'),
    );
  });
});

describe('naming per language: collisions and reserved names', () => {
  it('python refuses two wire names that fold into one attribute; proto refuses an enum value named unspecified', () => {
    assert.match(
      failure(() =>
        generate(
          spec({
            params: [
              { name: 'gpuId', type: 'string' },
              { name: 'gpu_id', type: 'string' },
            ],
          }),
          ['python'],
        ),
      ),
      /adapter python gives "gpuId" and "gpu_id" the same name gpu_id in class TestShapeParams/,
    );
    assert.match(
      failure(() =>
        generate(spec({ types: { Level: { enum: ['low', 'unspecified'] } }, params: [{ name: 'level', type: 'Level' }] }), ['proto']),
      ),
      /adapter proto gives "\(zero value\)" and "unspecified" the same name LEVEL_UNSPECIFIED in enum Level/,
    );
  });

  it('an extra adapter’s reserved type names are checked (Codable in Swift), not those of adapters that do not run', () => {
    const text = spec({ types: { Codable: { fields: { a: { type: 'string' } } } }, params: [{ name: 'c', type: 'Codable' }] });
    assert.match(
      failure(() => generate(text, ['swift'])),
      /adapter swift: type name Codable is a Swift standard protocol/,
    );
    assert.doesNotThrow(() => generate(text, ['kotlin']));
  });

  it('enum values become identifiers per language: keywords escaped, digits prefixed, proto and C prefixed with the enum', () => {
    const text = spec({ types: { Mode: { enum: ['default', '2x', 'in-progress'] } }, params: [{ name: 'mode', type: 'Mode' }] });
    const files = generate(text, [...LANGUAGE_ADAPTERS]).files;
    const content = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;
    assert.match(content('TestShape.swift'), /case `default` = "default"\n {4}case _2x = "2x"\n {4}case inProgress = "in-progress"/);
    assert.match(
      content('TestShape.kt'),
      /@SerialName\("default"\)\n {4}DEFAULT,\n {4}@SerialName\("2x"\)\n {4}_2X,\n {4}@SerialName\("in-progress"\)\n {4}IN_PROGRESS,/,
    );
    assert.match(content('test_shape.py'), /Mode = Literal\['default', '2x', 'in-progress'\]/);
    assert.match(
      content('test_shape.proto'),
      /MODE_UNSPECIFIED = 0;\n {2}MODE_DEFAULT = 1; \/\/ "default"\n {2}MODE_2X = 2; \/\/ "2x"\n {2}MODE_IN_PROGRESS = 3;/,
    );
    assert.match(content('test_shape.h'), /MODE_DEFAULT = 0, \/\* "default" \*\/\n {4}MODE_2X = 1,/);
  });
});

describe('adapter options from the project config', () => {
  it('output folders and packages come from adapterOptions; map options merge with the defaults by key', () => {
    const config = resolveProjectConfig({
      adapterOptions: { kotlin: { outputDir: 'android/gen', package: 'com.acme', importedTypes: { Money: 'java.math.BigDecimal' } } },
    });
    assert.deepEqual(config.adapterOptions?.kotlin?.importedTypes, { UUID: 'String', Money: 'java.math.BigDecimal' });
    const paths = generate(DOCS_READ, ['kotlin'], config).plans[1].files.map((f) => f.path);
    assert.deepEqual(paths, ['android/gen/com/acme/CommandTransport.kt', 'android/gen/com/acme/docs/read/DocsRead.kt']);
  });

  it('an unknown option, a path leaving the project, or a bad package is a SpecError pointing into .yo-rc.json', () => {
    assert.match(
      failure(() => generate(DOCS_READ, ['swift'], resolveProjectConfig({ adapterOptions: { swift: { outDir: 'x' } } }))),
      /\.yo-rc\.json \(at \/generator-continuum\/adapterOptions\/swift\/outDir\): adapter swift has no option 'outDir'; found "x"; expected one of outputDir, importedTypes/,
    );
    assert.match(
      failure(() => generate(DOCS_READ, ['c'], resolveProjectConfig({ adapterOptions: { c: { outputDir: '../outside' } } }))),
      /\(at \/generator-continuum\/adapterOptions\/c\/outputDir\): option outputDir of adapter c contains '\.\.'/,
    );
    assert.match(
      failure(() => generate(DOCS_READ, ['kotlin'], resolveProjectConfig({ adapterOptions: { kotlin: { package: 'Com-Acme' } } }))),
      /option package of adapter kotlin is not a Kotlin package name/,
    );
  });

  it('options of adapters that do not run are not checked', () => {
    assert.doesNotThrow(() => generate(DOCS_READ, [], resolveProjectConfig({ adapterOptions: { swift: { outDir: 'x' } } })));
  });

  it('two adapters planning one path with different content is an error naming both', () => {
    const registry = builtinAdapters();
    const clash: GeneratorAdapter = {
      id: 'clash',
      description: 'writes the swift file',
      writes: [],
      plan: () => [{ path: 'generated/swift/DocsRead.swift', content: 'other' }],
    };
    registry.register(clash);
    const message = failure(() =>
      generateCommand({
        specText: DOCS_READ,
        specFile: 'docs-read.json',
        config: defaultProjectConfig,
        registry,
        extraAdapters: ['swift', 'clash'],
      }),
    );
    assert.match(message, /adapters swift and clash both plan generated\/swift\/DocsRead\.swift, with different content/);
  });
});

describe('adapter listing (continuum-gen adapters)', () => {
  it('lists every built-in adapter with what it writes, options resolved', () => {
    const text = formatAdapterListing(describeAdapters({ registry: builtinAdapters(), plugins: [] }, defaultProjectConfig));
    for (const id of ['server-only', 'browser-only', 'full-stack', ...LANGUAGE_ADAPTERS])
      assert.match(text, new RegExp(`^${id} {2}\\(built-in\\)$`, 'm'));
    assert.match(text, /writes: generated\/swift\/<C>\.swift, generated\/swift\/CommandTransport\.swift/);
    assert.match(text, /options: importedTypes=\{"UUID":"String"\}, outputDir="generated\/swift"/);
  });

  it('shows a configured option problem instead of failing', () => {
    const descriptions = describeAdapters(
      { registry: builtinAdapters(), plugins: [] },
      resolveProjectConfig({ adapterOptions: { proto: { outputDir: 7 } } }),
    );
    assert.match(descriptions.find((d) => d.id === 'proto')!.optionsProblem ?? '', /option outputDir of adapter proto is not a string/);
  });
});

describe('docs/adapters.md', () => {
  it("states each language adapter's type mapping exactly as the adapter declares it", () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'adapters.md'), 'utf8');
    const cell = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;
    for (const id of LANGUAGE_ADAPTERS) {
      const m = builtinAdapters().get(id)!.typeMapping!;
      const row = `| ${id} | ${[m.string, m.number, m.integer, m.boolean, m.enum, m.array, m.record, m.optional, m.nullable, m.interface].map(cell).join(' | ')} |`;
      assert.ok(docs.includes(row), `docs/adapters.md lacks the row\n${row}`);
    }
  });

  it('has the table of what is compiled in CI and what is checked by golden files only', () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'adapters.md'), 'utf8');
    assert.match(docs, /\| output \| compiled in CI \| golden files \| other checks \|/);
    for (const output of ['proto', 'C', 'Python', 'Swift', 'Kotlin']) assert.match(docs, new RegExp(`^\\| ${output} [^\\n]*\\|`, 'm'));
  });
});
