import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { loadGrammars } from '../support/code-markers.js';
import { removeHostProjects } from '../support/host-project.js';
import { cargoUnavailable, removeRustCrates } from '../support/rust-project.js';
import { registrySkipped } from '../languages/toolchains.js';
import { FUZZ_LANGUAGES, checkBatch, type Tamper } from './fuzz-run.js';
import { named, specArbitrary, type FuzzSpec } from './spec-arbitrary.js';

/** The CI fuzz run's seed (fuzz.test.ts; importing that file would run its suite here too). */
const CI_SEED = 12012;

/** Does the spec generate, alone and with every other language, so that each compiler sees its output? */
function generatesEverywhere(spec: FuzzSpec): boolean {
  const text = JSON.stringify(named(spec, 0));
  try {
    generateCommand({ specText: text, specFile: 'fz0.json', config: defaultProjectConfig });
    if (spec.kind === 'typescript')
      for (const language of FUZZ_LANGUAGES)
        generateCommand({ specText: text, specFile: 'fz0.json', config: defaultProjectConfig, extraAdapters: [language] });
    return true;
  } catch {
    return false;
  }
}

/** What each language's compiler refuses, appended to a file of the spec to break. */
const BREAKAGE: Record<string, string> = {
  ts: "\nexport const fuzzControl: number = 'not a number';\n",
  rs: '\npub fn fuzz_control() -> u32 { "not a number" }\n',
  proto: '\nmessage {\n',
  h: '\nint fuzz_control = ;\n',
  py: '\ndef fuzz_control(:\n',
  swift: '\nfunc fuzz_control( {\n',
};

describe("the fuzzer's failure detection (control: output broken on purpose is reported on its spec)", function () {
  this.timeout(1_800_000);
  before(loadGrammars);
  after(() => {
    removeHostProjects();
    removeRustCrates();
  });

  it('tsc, cargo test, protoc, gcc, g++, Python import and the Swift grammar each report the broken spec, and only it', () => {
    const sample = fc.sample(specArbitrary, { seed: CI_SEED, numRuns: 60 });
    const typescript = sample.find((s) => s.kind === 'typescript' && generatesEverywhere(s));
    const rust = sample.find((s) => s.kind === 'rust-ipc' && generatesEverywhere(s));
    assert.ok(typescript && rust, 'the sample holds a TypeScript and a rust-ipc spec that generate everywhere');
    // fz0 (TypeScript, every language) and fz1 (Rust) are broken; fz2 and fz3, the same specs again, are not.
    const broken = /fz[01](?!\d)/i;
    const tamper: Tamper = (file) => {
      const breakage = BREAKAGE[file.path.split('.').pop()!];
      return breakage && broken.test(file.path) && !file.path.includes('/test/') ? { ...file, content: file.content + breakage } : file;
    };
    const outcome = checkBatch([typescript, rust, typescript, rust], 0, tamper);
    const stages = (k: number): string[] => (outcome.failures.get(k) ?? []).map((f) => f.split(':')[0]);
    const expected = ['tsc', 'protoc', 'gcc', 'g++', 'swift grammar', ...(registrySkipped('pypi') ? [] : ['python import'])];
    for (const stage of expected) assert.ok(stages(0).includes(stage), `${stage} did not report fz0: ${JSON.stringify(stages(0))}`);
    if (!cargoUnavailable()) assert.ok(stages(1).includes('cargo test'), `cargo test did not report fz1: ${JSON.stringify(stages(1))}`);
    assert.deepEqual(
      [2, 3].map((k) => outcome.failures.get(k) ?? []),
      [[], []],
      'the specs that were not broken pass',
    );
  });
});
