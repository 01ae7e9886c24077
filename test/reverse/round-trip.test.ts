import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { defaultProjectConfig, resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, type GenerationResult } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { normaliseSpec } from '../../shared/reverse/normalise-spec.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { formatWarning } from '../../shared/reverse/warnings.js';
import { isV1Spec, migrateV1Spec } from '../../shared/spec/migrate-v1.js';
import { writeFiles } from '../support/host-project.js';
import { fixturesDir, goldenDir, specsDir } from '../support/paths.js';

interface Case {
  readonly label: string;
  readonly specText: string;
  readonly config: ProjectConfig;
}

/** The adapter a spec asks for (explicitly or through its environment). */
function adapterOf(specText: string): string {
  const document = JSON.parse(specText) as Record<string, unknown>;
  const spec = isV1Spec(document) ? migrateV1Spec(document) : (document as { adapter?: string; environment?: string });
  return spec.adapter ?? { server: 'server-only', browser: 'browser-only', both: 'full-stack' }[spec.environment ?? 'server']!;
}

/**
 * generate -> write the command into an empty temp project (without its saved spec, so nothing
 * is read back from the spec itself) -> reverse the command folder -> compare normalised.
 */
function roundTrip(testCase: Case, generated: GenerationResult): void {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-reverse-'));
  try {
    const specsRoot = `${testCase.config.roots.specs}/`;
    writeFiles(
      dir,
      generated.files.filter((f) => !f.path.startsWith(specsRoot)),
    );
    const engine = new ReverseEngineer({ projectRoot: dir, config: testCase.config });
    const folders = engine.discover(join(dir, testCase.config.roots.commands));
    assert.deepEqual(
      folders,
      [join(dir, testCase.config.roots.commands, generated.model.name)],
      'exactly the generated command folder is discovered',
    );
    const result = engine.reverse(folders[0]);
    assert.equal(result.status, 'reversed');
    assert.deepEqual(result.warnings.map(formatWarning), [], 'generated code reverses without warnings');
    assert.deepEqual(normaliseSpec(result.spec, testCase.config), normaliseSpec(JSON.parse(testCase.specText), testCase.config));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Collected {
  readonly covered: { testCase: Case; generated: GenerationResult }[];
  /** Specs whose adapter is not registered yet. */
  readonly waiting: { testCase: Case; adapter: string }[];
  /** Specs that generate no command folder (trait specs): nothing to reverse. */
  readonly notCommands: { testCase: Case; adapter: string }[];
}

/** Does a plan write a command's Types file (`<commands>/<name>/shared/<C>Types.ts`)? */
function writesCommandFolder(generated: GenerationResult, config: ProjectConfig): boolean {
  return generated.files.some(
    (f) => f.path === `${config.roots.commands}/${generated.model.name}/shared/${generated.model.className}Types.ts`,
  );
}

function collect(cases: readonly Case[]): Collected {
  const registered = builtinAdapters().ids();
  const covered: { testCase: Case; generated: GenerationResult }[] = [];
  const waiting: { testCase: Case; adapter: string }[] = [];
  const notCommands: { testCase: Case; adapter: string }[] = [];
  for (const testCase of cases) {
    const adapter = adapterOf(testCase.specText);
    if (!registered.includes(adapter)) {
      waiting.push({ testCase, adapter });
      continue;
    }
    let generated: GenerationResult;
    try {
      generated = generateCommand({ specText: testCase.specText, specFile: testCase.label, config: testCase.config });
    } catch (error) {
      if (error instanceof SpecError) throw new Error(`${testCase.label} does not generate:\n${error.message}`, { cause: error });
      throw error;
    }
    if (writesCommandFolder(generated, testCase.config)) covered.push({ testCase, generated });
    else notCommands.push({ testCase, adapter });
  }
  return { covered, waiting, notCommands };
}

describe('reverse: round trip, reverse(generate(spec)) equals spec', () => {
  describe('every spec in specs/', () => {
    const files = readdirSync(specsDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const { covered, waiting, notCommands } = collect(
      files.map((f) => ({ label: `specs/${f}`, specText: readFileSync(join(specsDir, f), 'utf8'), config: defaultProjectConfig })),
    );
    const waitingText = waiting.map((w) => `${w.testCase.label} (${w.adapter})`).join(', ') || 'none';

    it(`covers ${covered.length} of ${files.length} specs; only specs whose adapter is not registered yet wait (${waitingText})`, () => {
      assert.equal(covered.length + waiting.length + notCommands.length, files.length);
      assert.deepEqual(notCommands, [], 'every spec in specs/ (trait specs live in specs/traits/) is a command');
      // chat-send, docs-read, gpu-stats (rust-ipc), interface-screenshot, system-ping.v1, and whatever lands next.
      assert.ok(covered.length >= 5, `only ${covered.length} specs covered`);
      assert.ok(
        covered.some((c) => c.generated.adapter.id === 'rust-ipc'),
        'the Rust-backed gpu-stats is covered',
      );
      for (const w of waiting)
        assert.ok(!builtinAdapters().ids().includes(w.adapter), `${w.testCase.label} waits although ${w.adapter} is registered`);
    });

    for (const { testCase, generated } of covered) {
      it(`${testCase.label} (${generated.adapter.id})`, () => roundTrip(testCase, generated));
    }
  });

  describe('test/fixtures/reverse-specs: every shape the grammar allows', () => {
    const dir = join(fixturesDir, 'reverse-specs');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const { covered } = collect(
      files.map((f) => ({
        label: `test/fixtures/reverse-specs/${f}`,
        specText: readFileSync(join(dir, f), 'utf8'),
        config: defaultProjectConfig,
      })),
    );

    it(`covers all ${files.length}`, () => assert.equal(covered.length, files.length));

    for (const { testCase, generated } of covered) {
      it(`${testCase.label} (${generated.adapter.id})`, () => roundTrip(testCase, generated));
    }
  });

  describe('every golden case (custom project layouts included)', () => {
    const names = readdirSync(goldenDir)
      .filter((n) => existsSync(join(goldenDir, n, 'spec.json')))
      .sort();
    const cases = names.map((n): Case => {
      const configPath = join(goldenDir, n, 'config.json');
      return {
        label: `test/golden/${n}/spec.json`,
        specText: readFileSync(join(goldenDir, n, 'spec.json'), 'utf8'),
        config: resolveProjectConfig(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined, configPath),
      };
    });
    const { covered, waiting, notCommands } = collect(cases);
    const traitText = notCommands.map((n) => n.testCase.label.split('/')[2]).join(', ') || 'none';

    it(`covers ${covered.length} of ${names.length} golden cases; trait specs have no command to reverse (${traitText})`, () => {
      assert.equal(covered.length + waiting.length + notCommands.length, names.length);
      for (const n of notCommands) assert.equal(n.adapter, 'trait-only', `${n.testCase.label} writes no command folder`);
      assert.ok(covered.length >= 5);
    });

    for (const { testCase, generated } of covered) {
      it(`${testCase.label} (${generated.adapter.id})`, () => roundTrip(testCase, generated));
    }
  });
});
