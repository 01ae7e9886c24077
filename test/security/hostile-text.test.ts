import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { codeFindings, languageOfPath, loadGrammars, markdownStructure } from '../support/code-markers.js';
import { makeHostProject, removeHostProjects, runHostScript, typeCheckHost } from '../support/host-project.js';
import { cargoUnavailable, generateProject, makeRustCrate, removeRustCrates, runCargo } from '../support/rust-project.js';
import { compileHeaderAlone, runTool, tempDir, writeTree } from '../languages/language-cases.js';
import { kotlinProject } from '../languages/round-trips.js';
import { runMaven, runPython, skipWhenRegistrySkipped } from '../languages/toolchains.js';
import { oneLineText } from '../../shared/targets/spec-text.js';
import { HOSTILE_PAYLOADS } from './hostile-payloads.js';

/**
 * Deliverable 1 of issue 12: every spec string field, given every hostile payload, in every
 * target. (a) What is generated compiles (tsc --strict and the unit tests, cargo check + test,
 * protoc, gcc/g++ -Werror, Python import under Pydantic v2, kotlinc; Swift parses with its
 * grammar), and (b) the payload is still data: no marker is an identifier to the language's
 * grammar, no doctest appears, no markdown block or HTML tag appears in a README.
 */

const P = HOSTILE_PAYLOADS.length;
/** Spec k gives its j-th string field payload (j + k) mod P: over P specs, every field meets every payload. */
const payload = (k: number, j: number): string => HOSTILE_PAYLOADS[(j + k) % P];
/** ts-rs prints enum values between double quotes as they are: the Rust targets refuse `"`, `\` and control characters in them (a test below). */
// eslint-disable-next-line no-control-regex -- control characters are what this replaces
const tsRsSafe = (text: string): string => text.replace(/["\\\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
/** A literal member of a type string cannot hold a backslash, nor the quote it is written in. */
const literalMember = (text: string): string => {
  const plain = text.replace(/\\/g, ' ');
  return plain.includes("'") ? `"${plain.replace(/"/g, ' ')}"` : `'${plain}'`;
};

type Kind = 'typescript' | 'rust-ipc';

/** A spec whose every string field is hostile; `tame` replaces each payload with plain words (the structure to compare with). */
function hostileSpec(k: number, kind: Kind, tame = false): Record<string, unknown> {
  const p = (j: number): string => (tame ? `plain text ${j}` : payload(k, j));
  const value = (j: number): string => (kind === 'rust-ipc' ? tsRsSafe(p(j)) : p(j));
  const first = `m${k} ${value(7)}`;
  return {
    version: 2,
    name: kind === 'rust-ipc' ? `h${k}/wire` : `hostile/t${k}`,
    description: p(0),
    adapter: kind === 'rust-ipc' ? 'rust-ipc' : 'full-stack',
    ...(kind === 'rust-ipc' ? { rust: { module: `modules/h${k}` } } : {}),
    types: {
      Mode: { description: p(9), enum: [first, `n${k} ${value(8)}`], valueDescriptions: { [first]: p(10) } },
      Shape: {
        description: p(12),
        fields: { size: { type: 'integer', description: p(11) }, note: { type: 'string', optional: true, description: p(16) } },
      },
    },
    params: [
      { name: 'text', type: 'string', optional: true, default: p(1), description: p(2) },
      { name: 'mode', type: 'Mode', description: p(3) },
      { name: 'pick', type: `'a' | ${literalMember(`v ${value(4)}`)}`, optional: true, description: p(17) },
    ],
    results: [
      { name: 'out', type: 'Shape', description: p(5) },
      { name: 'label', type: 'string', description: p(6) },
    ],
    examples: [{ description: p(13), command: p(14), expectedResult: p(15) }],
  };
}

/** A trait-only spec: trait, method, parameter and type descriptions, and a TODO, all hostile. */
function hostileTraitSpec(k: number): Record<string, unknown> {
  return {
    version: 2,
    name: `traits/hostile-${k}`,
    description: payload(k, 0),
    adapter: 'trait-only',
    rust: { module: `system/traits/hostile_${k}` },
    types: { [`Level${k}`]: { description: payload(k, 1), enum: [`low ${tsRsSafe(payload(k, 2))}`, 'high'] } },
    traits: {
      [`Hostile${k}`]: {
        description: payload(k, 3),
        methods: [
          { name: 'level', description: payload(k, 4), returns: `Level${k}`, todo: payload(k, 5) },
          { name: 'set_level', description: payload(k, 6), params: [{ name: 'to', type: `Level${k}`, description: payload(k, 7) }] },
        ],
      },
    },
  };
}

const EXTRA = ['swift', 'kotlin', 'python', 'proto', 'c'];
const specs = Array.from({ length: P }, (_, k) => k);

interface Generated {
  readonly ts: PlannedFile[];
  readonly rust: PlannedFile[];
  readonly languages: Map<string, PlannedFile[]>;
  readonly readmes: Array<{ hostile: PlannedFile; tame: string }>;
}

function generateAll(): Generated {
  const languages = new Map<string, PlannedFile[]>(EXTRA.map((a) => [a, []]));
  const ts: PlannedFile[] = [];
  const readmes: Array<{ hostile: PlannedFile; tame: string }> = [];
  const readmeOf = (files: readonly PlannedFile[]): PlannedFile => files.find((f) => f.path.endsWith('/README.md'))!;
  for (const k of specs) {
    const result = generateCommand({
      specText: JSON.stringify(hostileSpec(k, 'typescript')),
      specFile: `hostile-${k}.json`,
      config: defaultProjectConfig,
      extraAdapters: EXTRA,
    });
    const tame = generateCommand({
      specText: JSON.stringify(hostileSpec(k, 'typescript', true)),
      specFile: `tame-${k}.json`,
      config: defaultProjectConfig,
    });
    for (const plan of result.plans) {
      if (plan.adapter === 'full-stack') ts.push(...plan.files);
      else languages.get(plan.adapter)!.push(...plan.files);
    }
    readmes.push({ hostile: readmeOf(result.files), tame: readmeOf(tame.files).content });
  }
  const rustSources = [
    ...specs.map((k) => ({ file: `h${k}.json`, text: JSON.stringify(hostileSpec(k, 'rust-ipc')) })),
    ...[0, 1, 2, 3].map((k) => ({ file: `trait-${k}.json`, text: JSON.stringify(hostileTraitSpec(k * 7)) })),
  ];
  const project = generateProject(rustSources);
  for (const k of specs) {
    const tame = generateCommand({
      specText: JSON.stringify(hostileSpec(k, 'rust-ipc', true)),
      specFile: `tame-h${k}.json`,
      config: defaultProjectConfig,
    });
    readmes.push({ hostile: readmeOf(project.files.filter((f) => f.path.includes(`/h${k}/wire/`))), tame: readmeOf(tame.files).content });
  }
  return { ts: [...ts, ...project.files.filter((f) => f.path.endsWith('.ts'))], rust: [...project.files], languages, readmes };
}

describe('issue 12: hostile spec text in every target compiles and stays data', function () {
  this.timeout(1_800_000);
  let generated: Generated;
  const dirs: string[] = [];

  before(async () => {
    await loadGrammars();
    generated = generateAll();
  });
  after(() => {
    removeHostProjects();
    removeRustCrates();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('no payload is code in any generated file: no marker is an identifier to tree-sitter (TypeScript, Rust, Swift, Kotlin, Python, C)', () => {
    const all = [...generated.ts, ...generated.rust, ...[...generated.languages.values()].flat()];
    const checked = new Set<string>();
    const problems: string[] = [];
    for (const file of all) {
      const language = languageOfPath(file.path);
      if (!language) continue;
      checked.add(language);
      const findings = codeFindings(language, file.content);
      problems.push(...findings.escaped.map((e) => `${file.path}:${e}`));
      // Swift has no compiler here: its grammar is the syntax check.
      if (language === 'swift') problems.push(...findings.syntaxErrors.map((e) => `${file.path}:${e}`));
    }
    assert.deepEqual([...checked].sort(), ['c', 'kotlin', 'python', 'rust', 'swift', 'typescript']);
    assert.deepEqual(problems, []);
  });

  it('control: the marker check sees an escaped payload (a description pasted into a comment as it is)', () => {
    const ts = generated.ts.find((f) => f.path.endsWith('HostileT0Types.ts'))!;
    const pasted = `${ts.content}\n/** ${HOSTILE_PAYLOADS[0]} */\n`;
    assert.match(codeFindings('typescript', pasted).escaped.join('\n'), /zqx1 is a identifier/);
    assert.match(codeFindings('rust', '//! a\n#![cfg(any())]\npub fn zqx11() {}\n').escaped.join('\n'), /zqx11/);
    assert.match(codeFindings('kotlin', 'val a = "Kotlin templates $zqx12"\n').escaped.join('\n'), /template/);
    assert.match(codeFindings('kotlin', 'val a = "${zqx13}"\n').escaped.join('\n'), /zqx13/);
    assert.match(codeFindings('python', '# a\nzqx2 = 1\n').escaped.join('\n'), /zqx2/);
    assert.match(codeFindings('swift', 'let a = "\\(zqx14)"\n').escaped.join('\n'), /zqx14/);
    assert.match(codeFindings('c', '/** */ int zqx1; /* */\n').escaped.join('\n'), /zqx1/);
  });

  it('every README keeps the structure of its tame twin: no heading, list, quote, code block, table row or HTML from spec text', () => {
    assert.equal(generated.readmes.length, 2 * P);
    for (const { hostile, tame } of generated.readmes)
      assert.deepEqual(markdownStructure(hostile.content), markdownStructure(tame), hostile.path);
  });

  it('control: a description pasted into a README as it is changes its structure', () => {
    const { hostile, tame } = generated.readmes[21 % P === 0 ? 0 : P - 21];
    const pasted = hostile.content.replace(/^(# .*\n\n)(.*)$/m, `$1${HOSTILE_PAYLOADS[21]}`);
    assert.notDeepEqual(markdownStructure(pasted), markdownStructure(tame));
  });

  it('tsc --strict type-checks every TypeScript file, and the unit tests pass', () => {
    const dir = makeHostProject(generated.ts);
    const check = typeCheckHost(dir);
    assert.equal(check.status, 0, check.output);
    const tests = generated.ts.filter((f) => f.path.includes('/hostile/') && f.path.includes('/test/unit/'));
    assert.equal(tests.length, P);
    for (const test of tests) {
      const run = runHostScript(dir, test.path);
      assert.equal(run.status, 0, `${test.path}\n${run.output}`);
      assert.match(run.output, /All \w+ unit tests passed/);
    }
  });

  it('cargo check and cargo test pass on every Rust module and trait, and no doc text became a doctest', function () {
    if (cargoUnavailable()) this.skip();
    const crate = makeRustCrate('hostile-text', generated.rust);
    const check = runCargo(crate, ['check', '--tests', '--quiet']);
    assert.equal(check.status, 0, check.output);
    const test = runCargo(crate, ['test']);
    assert.equal(test.status, 0, test.output);
    // rustdoc compiles and runs every code block of a doc comment: there must be none.
    const doc = runCargo(crate, ['test', '--doc']);
    assert.equal(doc.status, 0, doc.output);
    assert.match(doc.output, /running 0 tests/, `generated doc text became a doctest:\n${doc.output}`);
  });

  it('protoc compiles every .proto, and no payload is in its descriptors (comments are not kept there: a name or an option would be)', () => {
    const dir = tempDir('hostile-proto');
    dirs.push(dir);
    const files = generated.languages.get('proto')!;
    writeTree(dir, files);
    assert.equal(files.length, P);
    for (const file of files) {
      const out = join(dir, `${file.path}.pb`);
      const run = runTool('protoc', [`--proto_path=${dirname(join(dir, file.path))}`, `--descriptor_set_out=${out}`, join(dir, file.path)]);
      assert.equal(run.status, 0, `${file.path}\n${run.output}`);
      assert.ok(!readFileSync(out).includes('zqx'), `${file.path}: a payload is in the descriptor`);
    }
  });

  it('gcc and g++ accept every header with -Wall -Wextra -pedantic -Werror (trigraphs, nested comments, NUL)', () => {
    const dir = tempDir('hostile-c');
    dirs.push(dir);
    const headers = generated.languages.get('c')!.filter((f) => f.path.endsWith('.h'));
    writeTree(dir, headers);
    assert.equal(headers.length, P);
    for (const header of headers) {
      for (const { compiler, run } of compileHeaderAlone(dir, header.path)) {
        assert.equal(run.status, 0, `${compiler} ${header.path}\n${run.output}`);
      }
    }
  });

  it('every Python module imports under Pydantic v2 with warnings as errors, and the docstrings and descriptions hold the text exactly', function () {
    skipWhenRegistrySkipped(this, 'pypi');
    const dir = tempDir('hostile-python');
    dirs.push(dir);
    const files = generated.languages.get('python')!;
    writeTree(dir, files);
    const modules = files.map((f) => f.path.replace(/\.py$/, '').split('/').join('.'));
    const script = [
      'import importlib, json, sys',
      `sys.path.insert(0, ${JSON.stringify(dir)})`,
      `mods = [importlib.import_module(m) for m in ${JSON.stringify(modules)}]`,
      "docs = [m.__doc__ for m in mods if not m.__name__.endswith('_routes')]",
      'print(json.dumps(docs))',
    ].join('\n');
    const run = runPython(['-B', '-W', 'error', '-c', script]);
    assert.equal(run.status, 0, run.output);
    const docs = JSON.parse(run.output.trim().split('\n').pop()!) as string[];
    // A module's docstring is the command's description on one line: every payload, whole.
    assert.equal(docs.length, P);
    docs.forEach((doc, k) => assert.equal(doc, oneLineText(payload(k, 0)), `module ${k}`));
  });

  it('kotlinc compiles every Kotlin file with the kotlinx.serialization plugin and -Werror', function () {
    skipWhenRegistrySkipped(this, 'maven');
    const files = generated.languages.get('kotlin')!;
    const transport = files.filter((f) => f.path.endsWith('/CommandTransport.kt'));
    const sources = [...files.filter((f) => !f.path.endsWith('/CommandTransport.kt')), transport[0]];
    const dir = kotlinProject(
      sources.map((f) => ({ path: `src/main/kotlin/${f.path.replace(/^generated\/kotlin\//, '')}`, content: f.content })),
    );
    dirs.push(dir);
    const run = runMaven(dir, ['compile']);
    assert.equal(run.status, 0, run.output);
  });
});
