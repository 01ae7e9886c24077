import { strict as assert } from 'node:assert';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { readReadme } from '../../shared/reverse/readme-facts.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { AdapterRegistry } from '../../shared/adapters/registry.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { formatRunSummary, planSpecFiles } from '../../shared/reverse/reverse-run.js';
import { adoptRustIntegers, rustShape } from '../../shared/reverse/rust-facts.js';
import { memorySourceReader } from '../../shared/reverse/source-reader.js';
import { indexSpecs } from '../../shared/reverse/spec-index.js';
import { formatWarning } from '../../shared/reverse/warnings.js';
import type { CommandSpecV2 } from '../../shared/spec/command-spec.js';
import { parseTypeString } from '../../shared/types/type-grammar.js';
import { progressBar } from '../../generators/reverse/progress.js';

const ROOT = '/project';

/** A Types file in the host's shape around the given params body, with an accessor for x/y. */
function typesFile(paramsBody: string, extra = ''): string {
  return [
    "import type { CommandParams, CommandResult, CommandInput } from '@system/core/types/JTAGTypes';",
    "import { Commands } from '@system/core/shared/Commands';",
    extra,
    `export interface XYParams extends CommandParams {\n${paramsBody}\n}`,
    'export interface XYResult extends CommandResult { success: boolean; }',
    "export const XY = { execute(p: CommandInput<XYParams>): Promise<XYResult> { return Commands.execute<XYParams, XYResult>('x/y', p); }, commandName: 'x/y' as const };",
  ].join('\n');
}

/** Reverse one in-memory command folder (src/commands/x/y) holding the given files. */
function reverseInMemory(files: Record<string, string>): { spec?: CommandSpecV2; warnings: string[] } {
  const reader = memorySourceReader(
    ROOT,
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );
  const engine = new ReverseEngineer({ projectRoot: ROOT, config: defaultProjectConfig, reader });
  const [folder] = engine.discover(`${ROOT}/src/commands`);
  const result = engine.reverse(folder);
  return { spec: result.spec, warnings: result.warnings.map(formatWarning) };
}

const paramsOf = (body: string, extra = ''): CommandSpecV2['params'] =>
  reverseInMemory({
    'src/commands/x/y/shared/XYTypes.ts': typesFile(body, extra),
    'src/commands/x/y/server/XYServerCommand.ts': 'export class XYServerCommand {}',
  }).spec?.params;

describe('reverse: units', () => {
  describe('the adapter of a Rust-backed command is asked of the registry', () => {
    const rustBackedFiles = memorySourceReader(ROOT, [
      { path: 'src/commands/x/y/shared/XYTypes.ts', content: typesFile('  a: string;') },
      {
        path: 'src/commands/x/y/server/XYServerCommand.ts',
        content:
          "import { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';\nexport class XYServerCommand { client = new RustCoreIPCClient(); }",
      },
    ]);
    const adapterOf = (registry: AdapterRegistry): string | undefined => {
      const engine = new ReverseEngineer({ projectRoot: ROOT, config: defaultProjectConfig, reader: rustBackedFiles, registry });
      return engine.reverse(engine.discover(`${ROOT}/src/commands`)[0]).spec?.adapter;
    };
    const rustIpc = builtinAdapters().get('rust-ipc')!;

    it('the built-in registry infers rust-ipc; a project adapter that writes the Rust module is inferred the same way', () => {
      assert.equal(adapterOf(builtinAdapters()), 'rust-ipc');
      assert.equal(adapterOf(new AdapterRegistry().register({ ...rustIpc, id: 'my-rust' })), 'my-rust');
    });

    it('control: with no adapter that writes a Rust module, the command is read as a plain server command', () => {
      const plain = builtinAdapters()
        .list()
        .filter((a) => a.writesRustModule !== true);
      assert.equal(adapterOf(plain.reduce((r, a) => r.register(a), new AdapterRegistry())), undefined);
    });
  });

  describe('reading TypeScript types into the spec grammar', () => {
    it('`| undefined` makes a field optional; readonly arrays, Array<T>, index signatures and mapped types are spelled in the grammar', () => {
      assert.deepEqual(
        paramsOf(
          [
            '  a: string | undefined;',
            '  b: readonly number[];',
            '  c: ReadonlyArray<boolean>;',
            '  d: { [key: string]: string };',
            '  e: { [k in string]: number };',
            '  f: true | false;',
          ].join('\n'),
        ),
        [
          { name: 'a', type: 'string', optional: true },
          { name: 'b', type: 'number[]' },
          { name: 'c', type: 'boolean[]' },
          { name: 'd', type: 'Record<string, string>' },
          { name: 'e', type: 'Record<string, number>' },
          { name: 'f', type: 'boolean' },
        ],
      );
    });

    it('a self-referential interface becomes one spec type; a trailing comment is a description; a blank line cuts a comment off', () => {
      const result = reverseInMemory({
        'src/commands/x/y/shared/XYTypes.ts': typesFile(
          '  root: Node; // the tree\n',
          '// ── section ──\n\nexport interface Node {\n  children: Node[];\n  parent?: Node | null;\n}',
        ),
      });
      assert.deepEqual(result.spec?.types, {
        Node: { fields: { children: { type: 'Node[]' }, parent: { type: 'Node | null', optional: true, optionalNullable: true } } },
      });
      assert.deepEqual(result.spec?.params, [{ name: 'root', type: 'Node', description: 'the tree' }]);
    });

    it('warns once per place, in line order, and keeps the command going', () => {
      const { warnings } = reverseInMemory({
        'src/commands/x/y/shared/XYTypes.ts': typesFile('  a: any;\n  b: Set<string>;\n  c: Missing;'),
      });
      assert.deepEqual(
        warnings.map((w) => w.replace(/\] .*/, ']')),
        [
          'src/commands/x/y: [environment]',
          'src/commands/x/y/shared/XYTypes.ts:1: [description]',
          'src/commands/x/y/shared/XYTypes.ts:5: [any]',
          'src/commands/x/y/shared/XYTypes.ts:6: [inexpressible-type]',
          'src/commands/x/y/shared/XYTypes.ts:7: [unresolved-type]',
        ],
      );
    });
  });

  describe('integers (TypeScript writes number for both)', () => {
    it('integers come back from the README at any depth, and a number stays a number', () => {
      const spec = {
        version: 2 as const,
        name: 'x/y',
        description: 'd',
        results: [
          { name: 'top', type: 'integer' },
          { name: 'nested', type: 'integer[]' },
          { name: 'counts', type: 'Record<string, integer> | null' },
          { name: 'ratio', type: 'number[]' },
        ],
      };
      const { files } = generateCommand({ specText: JSON.stringify(spec), specFile: 'x.json', config: defaultProjectConfig });
      const withoutSpec = files.filter((f) => !f.path.startsWith('src/generator/'));
      const reversed = (planned: typeof files) => {
        const engine = new ReverseEngineer({ projectRoot: ROOT, config: defaultProjectConfig, reader: memorySourceReader(ROOT, planned) });
        return engine.reverse(`${ROOT}/src/commands/x/y`).spec?.results?.map((r) => r.type);
      };
      assert.deepEqual(reversed(withoutSpec), ['integer', 'integer[]', 'Record<string, integer> | null', 'number[]']);
      assert.deepEqual(
        reversed(files),
        ['integer', 'integer[]', 'Record<string, integer> | null', 'number[]'],
        'with the saved spec beside it',
      );
    });

    it('a Rust struct says it at any depth: Option, Vec, BTreeMap, Box', () => {
      const tree = parseTypeString('Record<string, number | null>[]');
      assert.deepEqual(
        adoptRustIntegers(tree, rustShape('Option<Vec<BTreeMap<String, Option<Box<i64>>>>>')),
        parseTypeString('Record<string, integer | null>[]'),
      );
      assert.deepEqual(adoptRustIntegers(parseTypeString('number'), rustShape('f64')), parseTypeString('number'));
    });
  });

  describe('READMEs', () => {
    it('reads the generator layout and looser hand-written ones', () => {
      const facts = readReadme(
        [
          '# a/b',
          '',
          'Does a thing',
          'over two lines.',
          '',
          '**Access Level:** dangerous',
          '',
          '## Parameters',
          '',
          '| Name | Type |',
          '|---|---|',
          '| `n` | `number` (integer) |',
          '| `m` | `string \\| null` |',
          '',
          '## Examples',
          '',
          '### First',
          '',
          '```bash',
          './jtag a/b --n=1',
          '```',
          '',
          'Expected: `{ ok }`',
          '',
          'Second:',
          '',
          '```',
          './jtag a/b',
          '```',
        ].join('\n'),
      );
      assert.equal(facts.description, 'Does a thing over two lines.');
      assert.equal(facts.accessLevel, 'dangerous');
      assert.deepEqual([...facts.integerFields], ['params.n']);
      assert.deepEqual(facts.examples, [
        { description: 'First', command: './jtag a/b --n=1', expectedResult: '{ ok }' },
        { description: 'Second', command: './jtag a/b' },
      ]);
    });
  });

  describe('runs', () => {
    it('a spec is matched by its name: a command whose spec has another file name updates that file; two commands cannot share one', () => {
      const reader = memorySourceReader(ROOT, [
        { path: 'src/generator/specs/old-name.json', content: JSON.stringify({ name: 'a/b', description: 'x' }) },
      ]);
      const index = indexSpecs(ROOT, 'src/generator/specs', reader);
      const spec = (name: string): CommandSpecV2 => ({ version: 2, name, description: 'd' });
      const plan = planSpecFiles(
        [
          { folder: 'src/commands/a/b', status: 'reversed', spec: spec('a/b'), warnings: [] },
          { folder: 'src/commands/c/d-e', status: 'reversed', spec: spec('c/d-e'), warnings: [] },
          { folder: 'src/commands/c-d/e', status: 'reversed', spec: spec('c-d/e'), warnings: [] },
          { folder: 'src/commands/z', status: 'failed', warnings: [] },
        ],
        index,
        defaultProjectConfig,
      );
      assert.deepEqual(
        plan.files.map((f) => f.path),
        ['src/generator/specs/old-name.json', 'src/generator/specs/c-d-e.json'],
      );
      assert.deepEqual(
        plan.skipped.map((s) => `${s.folder} ${s.reason}`),
        ['src/commands/c-d/e duplicate', 'src/commands/z unreadable'],
      );
      assert.deepEqual(
        planSpecFiles([{ folder: 'src/commands/a/b', status: 'reversed', spec: spec('a/b'), warnings: [] }], index, defaultProjectConfig, {
          missingOnly: true,
        }).skipped.map((s) => s.reason),
        ['has-spec'],
      );
    });

    it('the summary table: read, written, skipped, warnings by kind', () => {
      const text = formatRunSummary({
        read: 4,
        skipped: [{ folder: 'f', reason: 'has-spec', detail: '' }],
        outcomes: ['created', 'updated', 'kept'],
        warnings: [
          { kind: 'any', file: 'a', message: '' },
          { kind: 'any', file: 'b', message: '' },
          { kind: 'generic', file: 'c', message: '' },
        ],
      });
      assert.equal(
        text,
        [
          'Reverse summary',
          '  commands read       4',
          '  specs written       2  (new 1, updated 1)',
          '  specs unchanged     0',
          '  skipped             2  (already have a spec 1, kept on conflict 1)',
          '  warnings            3',
          '    any               2',
          '    generic           1',
        ].join('\n'),
      );
    });

    it('a progress bar only for more than a screenful of commands, and only on a terminal', () => {
      const stream = (isTTY: boolean) => {
        const writes: string[] = [];
        return { isTTY, columns: 80, writes, write: (t: string) => writes.push(t) > 0 };
      };
      const tty = stream(true);
      const bar = progressBar(21, tty);
      bar.update(7, 'src/commands/a/b');
      bar.finish();
      // eslint-disable-next-line no-control-regex -- \x1b[K is the terminal's erase-line the bar writes
      assert.match(tty.writes[0], /^\r\x1b\[K\[#+-+\] {2}7\/21 src\/commands\/a\/b$/);
      assert.equal(tty.writes[1], '\r\x1b[K');
      for (const [total, isTTY] of [
        [20, true],
        [500, false],
      ] as const) {
        const quiet = stream(isTTY);
        progressBar(total, quiet).update(1, 'x');
        assert.deepEqual(quiet.writes, []);
      }
    });
  });
});
