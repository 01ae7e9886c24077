import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateSpecs, silentSink } from '../../bin/fast-path.js';
import { readSource } from '../../shared/run/spec-sources.js';
import { loadGrammars } from '../support/code-markers.js';
import { listFiles, removeTempProjects, snapshotFiles, tempProject } from '../support/generator-run.js';
import { removeHostProjects } from '../support/host-project.js';
import { removeRustCrates } from '../support/rust-project.js';
import { describeReport, fuzz } from './fuzz.js';
import { named, specArbitrary } from './spec-arbitrary.js';

/**
 * Issue 12, deliverable 6, in CI: a fixed seed and FUZZ_RUNS random valid specs through every
 * target and compiler (fuzz-run.ts), and random invalid mutations of valid specs, each refused
 * with its place and nothing written. `npm run fuzz` runs the first on a random seed with more specs.
 */
export const CI_SEED = 12012;
/** Specs per CI run: 100 take about 3 minutes on 2 loaded cores, mostly cargo (measured: see README, "Specs are untrusted input"). */
export const CI_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe('issue 12: fuzzed valid specs generate in every target and compile', function () {
  this.timeout(3_600_000);
  before(loadGrammars);
  after(() => {
    removeHostProjects();
    removeRustCrates();
  });

  it(`seed ${CI_SEED}, ${CI_RUNS} specs: every one generates or is refused with a place, and tsc, the unit tests, cargo test, protoc, gcc/g++, Python and Swift's grammar accept the output`, () => {
    const report = fuzz(CI_SEED, CI_RUNS);
    assert.equal(report.outcome.failures.size, 0, describeReport(report));
    // The property says something only when most specs reach the compilers.
    assert.ok(report.outcome.accepted >= CI_RUNS * 0.9, describeReport(report));
  });

  it('the specs cover the grammar: every adapter, unions, arrays, records, nested and nullable types, enums, defaults, UUIDs, traits and tagged unions', () => {
    const text = fc
      .sample(specArbitrary, { seed: CI_SEED, numRuns: CI_RUNS })
      .map((s, k) => JSON.stringify(named(s, k)))
      .join('\n');
    for (const needle of [
      '"server-only"',
      '"browser-only"',
      '"full-stack"',
      '"rust-ipc"',
      '"trait-only"',
      "' | '",
      '[]"',
      'Array<',
      'Record<string, ',
      ' | null',
      '"optionalNullable":true',
      '"enum":[',
      '"default":',
      '"UUID"',
      'unknown',
      '"variants":',
      '"async":true',
      '"fallible":true',
      '"fields":{',
    ]) {
      assert.ok(text.includes(needle), `no spec has ${needle}`);
    }
  });
});

/** One way to break a valid spec, and the place the refusal must name. */
interface Mutation {
  readonly label: string;
  readonly apply: (spec: Record<string, unknown>) => { text: string; pointer: string };
}

const firstField = (spec: Record<string, unknown>): { list: 'params' | 'results'; index: number } | undefined => {
  for (const list of ['params', 'results'] as const)
    if (Array.isArray(spec[list]) && (spec[list] as unknown[]).length > 0) return { list, index: 0 };
  return undefined;
};
const withField = (
  spec: Record<string, unknown>,
  change: (f: Record<string, unknown>) => void,
  key: string,
): { text: string; pointer: string } => {
  const copy = structuredClone(spec);
  const at = firstField(copy) ?? { list: 'results' as const, index: 0 };
  if (!Array.isArray(copy[at.list]) || (copy[at.list] as unknown[]).length === 0) copy[at.list] = [{ name: 'added', type: 'string' }];
  change((copy[at.list] as Array<Record<string, unknown>>)[0]);
  return { text: JSON.stringify(copy, null, 2), pointer: `/${at.list}/0${key}` };
};

const MUTATIONS: readonly Mutation[] = [
  { label: 'an unknown type', apply: (s) => withField(s, (f) => void (f.type = 'Strin'), '/type') },
  { label: 'a broken type string', apply: (s) => withField(s, (f) => void (f.type = 'Array<string'), '/type') },
  { label: 'a field name that is no identifier', apply: (s) => withField(s, (f) => void (f.name = 'two words'), '/name') },
  { label: 'a field named __proto__', apply: (s) => withField(s, (f) => void (f.name = '__proto__'), '/name') },
  { label: 'a field type that is a number', apply: (s) => withField(s, (f) => void (f.type = 42), '/type') },
  { label: 'an unknown key in a field', apply: (s) => withField(s, (f) => void (f.optinal = true), '/optinal') },
  {
    label: 'a default that does not fit',
    apply: (s) => withField(s, (f) => Object.assign(f, { type: 'integer', optional: true, default: 'many' }), '/default'),
  },
  { label: 'an unknown adapter', apply: (s) => ({ text: JSON.stringify({ ...s, adapter: 'rust-ipx' }, null, 2), pointer: '/adapter' }) },
  { label: 'version 3', apply: (s) => ({ text: JSON.stringify({ ...s, version: 3 }, null, 2), pointer: '/version' }) },
  { label: 'an empty description', apply: (s) => ({ text: JSON.stringify({ ...s, description: '' }, null, 2), pointer: '/description' }) },
  {
    label: 'an unknown top-level key',
    apply: (s) => ({ text: JSON.stringify({ ...s, enviroment: 'server' }, null, 2), pointer: '/enviroment' }),
  },
  { label: 'a name with ..', apply: (s) => ({ text: JSON.stringify({ ...s, name: '../outside' }, null, 2), pointer: '/name' }) },
  {
    label: 'a type name that is not PascalCase',
    apply: (s) => ({
      text: JSON.stringify({ ...s, types: { ...(s.types as object), lower: { enum: ['a'] } } }, null, 2),
      pointer: '/types/lower',
    }),
  },
  {
    label: 'a duplicate key',
    apply: (s) => {
      const text = JSON.stringify(s, null, 2);
      return { text: text.replace(/^(\s*)"description": /m, '$1"description": "first",\n$1"description": '), pointer: '/description' };
    },
  },
];

describe('issue 12: fuzzed invalid specs are refused with their place, and nothing is written', function () {
  this.timeout(1_800_000);
  after(removeTempProjects);

  const project = (): string => tempProject({ '.yo-rc.json': '{}\n' });
  const write = (dir: string, text: string): void => writeFileSync(join(dir, 'spec.json'), text);
  const run = async (dir: string) =>
    generateSpecs({
      projectRoot: dir,
      sources: () => [readSource(join(dir, 'spec.json'), dir)],
      settings: {},
      canAsk: false,
      sink: silentSink,
      colour: false,
      verbose: false,
      allowNonHost: true,
    });

  it('control: the valid specs the mutations start from are written (so "nothing written" below can fail)', async () => {
    for (const spec of fc.sample(specArbitrary, { seed: CI_SEED, numRuns: 5 }).map((s, k) => named(s, k))) {
      const dir = project();
      write(dir, JSON.stringify(spec, null, 2));
      const generation = await run(dir);
      assert.equal(generation.kind, 'committed', generation.kind === 'invalid' ? generation.error.message : generation.kind);
      assert.ok(listFiles(dir).length > 2);
    }
  });

  it(`${CI_RUNS * 2} mutations of random valid specs: each refused, at the mutated place (JSON pointer and line:column), with nothing written`, async () => {
    const dir = project();
    await fc.assert(
      fc.asyncProperty(specArbitrary, fc.nat(MUTATIONS.length - 1), fc.nat(999), async (spec, m, k) => {
        const mutation = MUTATIONS[m];
        const { text, pointer } = mutation.apply(named(spec, k));
        write(dir, text);
        const before = snapshotFiles(dir);
        const generation = await run(dir);
        assert.equal(generation.kind, 'invalid', `${mutation.label}: ${generation.kind}`);
        if (generation.kind !== 'invalid') return;
        const issues = generation.error.issues;
        const at = issues.filter(
          (i) => i.pointer === pointer || pointer.startsWith(`${i.pointer}/`) || i.pointer.startsWith(`${pointer}/`),
        );
        assert.ok(at.length > 0, `${mutation.label}: no issue at ${pointer}:\n${generation.error.message}`);
        for (const issue of issues) {
          assert.equal(issue.file, 'spec.json', generation.error.message);
          assert.ok(
            issue.line !== undefined && issue.column !== undefined,
            `${mutation.label}: no line:column\n${generation.error.message}`,
          );
        }
        assert.deepEqual(snapshotFiles(dir), before, `${mutation.label}: something was written`);
      }),
      { seed: CI_SEED, numRuns: CI_RUNS * 2 },
    );
  });
});
