import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError, type SpecIssue } from '../../shared/errors.js';
import { codeFindings } from '../support/code-markers.js';
import { makeHostProject, runHostScript, typeCheckHost } from '../support/host-project.js';
import { cargoUnavailable, generateProject, makeRustCrate, runCargo } from '../support/rust-project.js';
import { compileHeaderAlone, runTool, tempDir, writeTree } from '../languages/language-cases.js';
import { registrySkipped, runPython } from '../languages/toolchains.js';
import { named, type FuzzSpec } from './spec-arbitrary.js';

/**
 * One batch of fuzzed specs through every target and its compiler (issue 12, deliverable 6):
 * tsc --strict and the generated unit tests, cargo test (which checks first), protoc, gcc and g++
 * -Werror, Python import under Pydantic v2 with warnings as errors, Swift's grammar. Every
 * failure is put on the spec it came from (its files carry fz<k>), so one can be minimised alone.
 */

/** The other languages every TypeScript-side spec is also generated in (Kotlin compiles in its own tests: Maven is too slow here). */
/** Rust specs per project (see checkBatch). */
const RUST_CHUNK = 25;

export const FUZZ_LANGUAGES = ['swift', 'kotlin', 'python', 'proto', 'c'];

export interface BatchOutcome {
  /** Specs that generated. */
  readonly accepted: number;
  /** Specs the generator refused, with their issues (each must have a place). */
  readonly refused: ReadonlyMap<number, readonly SpecIssue[]>;
  /** `<k> <language>`: a language that cannot express what the spec says, with its located issues. */
  readonly languageRefusals: ReadonlyMap<string, readonly SpecIssue[]>;
  /** What failed, by spec number; -1 holds what could not be put on one spec. */
  readonly failures: ReadonlyMap<number, string[]>;
  /** Seconds per stage, to see where the budget goes. */
  readonly seconds: Record<string, number>;
}

const specNumbers = (text: string): number[] => [...new Set([...text.matchAll(/fz(\d+)/gi)].map((m) => Number(m[1])))];

/**
 * Changes a generated file before the compilers see it: only the control test uses it, to break one
 * spec's output on purpose and show that each stage reports it on that spec.
 */
export type Tamper = (file: PlannedFile) => PlannedFile;

/** Where a batch's stages report: failures put on the spec they name, and seconds per stage. */
interface BatchLog {
  fail(k: number, what: string): void;
  /** A tool's output: each line naming a spec goes to that spec; none named, the whole output to `fallback` (else -1). */
  attribute(stage: string, output: string, fallback?: number): void;
  timed<T>(stage: string, work: () => T): T;
}

function batchLog(failures: Map<number, string[]>, seconds: Record<string, number>): BatchLog {
  const fail = (k: number, what: string): void => void failures.set(k, [...(failures.get(k) ?? []), what]);
  return {
    fail,
    attribute(stage, output, fallback) {
      const lines = output.split('\n');
      const hit = new Set<number>();
      for (const line of lines) for (const k of specNumbers(line)) hit.add(k);
      if (hit.size === 0) fail(fallback ?? -1, `${stage}: ${output.slice(0, 4000)}`);
      for (const k of hit)
        fail(
          k,
          `${stage}: ${lines
            .filter((l) => specNumbers(l).includes(k))
            .slice(0, 20)
            .join('\n')}\n${output.slice(0, 2000)}`,
        );
    },
    timed(stage, work) {
      const start = process.hrtime.bigint();
      try {
        return work();
      } finally {
        seconds[stage] = (seconds[stage] ?? 0) + Number(process.hrtime.bigint() - start) / 1e9;
      }
    },
  };
}

/** What a batch generated: the TypeScript side's files, each other language's, the Rust specs, and what was refused. */
interface GeneratedBatch {
  readonly refused: Map<number, readonly SpecIssue[]>;
  readonly languageRefusals: Map<string, readonly SpecIssue[]>;
  readonly ts: PlannedFile[];
  readonly languages: Map<string, PlannedFile[]>;
  readonly rustSources: Array<{ file: string; text: string }>;
}

export function checkBatch(specs: readonly FuzzSpec[], first = 0, tamper: Tamper = (file) => file): BatchOutcome {
  const failures = new Map<number, string[]>();
  const seconds: Record<string, number> = {};
  const log = batchLog(failures, seconds);
  const generated = log.timed('generate', () => generateBatch(specs, first, tamper, log));
  const { refused, languageRefusals, ts, languages, rustSources } = generated;
  checkRefusalsPlaced(generated, log);
  // One project per RUST_CHUNK Rust specs, to keep each cargo build small. (The fuzzer once found tsc's limit
  // on nested mixins, TS2589 past about 50 modules; the composition now stages them: test/rust/many-modules.test.ts.)
  const chunks: Array<readonly PlannedFile[]> = [];
  for (let i = 0; i < rustSources.length; i += RUST_CHUNK)
    chunks.push(log.timed('generate', () => generateProject(rustSources.slice(i, i + RUST_CHUNK))).files.map(tamper));
  const accepted = specs.length - refused.size;

  const cleanup: string[] = [];
  try {
    log.timed('tsc', () => checkTypeScript([ts, ...chunks.map((c) => c.filter((f) => f.path.endsWith('.ts')))], log));
    log.timed('cargo', () => checkCargo(chunks, log));
    const dir = tempDir('fuzz-languages');
    cleanup.push(dir);
    log.timed('protoc', () => checkProtoc(dir, languages.get('proto')!, log));
    log.timed('gcc', () => checkCHeaders(dir, languages.get('c')!, log));
    log.timed('python', () => checkPython(dir, languages.get('python')!, log));
    log.timed('swift grammar', () => checkSwiftGrammar(languages.get('swift')!, log));
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
  return { accepted, refused, languageRefusals, failures, seconds };
}

/** Generate every spec: the TypeScript side with each other language alone, or the Rust spec kept for its project. */
function generateBatch(specs: readonly FuzzSpec[], first: number, tamper: Tamper, log: BatchLog): GeneratedBatch {
  const batch: GeneratedBatch = {
    refused: new Map(),
    languageRefusals: new Map(),
    ts: [],
    languages: new Map(FUZZ_LANGUAGES.map((l) => [l, []])),
    rustSources: [],
  };
  specs.forEach((spec, i) => {
    const k = first + i;
    const text = JSON.stringify(named(spec, k));
    const file = `fz${k}.json`;
    try {
      const result = generateCommand({ specText: text, specFile: file, config: defaultProjectConfig });
      if (spec.kind !== 'typescript') batch.rustSources.push({ file, text });
      else batch.ts.push(...result.files.filter((f) => f.path.endsWith('.ts')).map(tamper));
    } catch (error) {
      if (error instanceof SpecError) batch.refused.set(k, error.issues);
      else log.fail(k, `generation crashed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    if (spec.kind === 'typescript') generateOtherLanguages(batch, k, text, tamper, log);
  });
  return batch;
}

/** Each other language alone: one that cannot express a type (proto3 has no null in a list) refuses it there, located. */
function generateOtherLanguages(batch: GeneratedBatch, k: number, text: string, tamper: Tamper, log: BatchLog): void {
  for (const language of FUZZ_LANGUAGES) {
    try {
      const result = generateCommand({ specText: text, specFile: `fz${k}.json`, config: defaultProjectConfig, extraAdapters: [language] });
      batch.languages.get(language)!.push(
        ...result.plans
          .filter((p) => p.adapter === language)
          .flatMap((p) => p.files)
          .map(tamper),
      );
    } catch (error) {
      if (error instanceof SpecError) batch.languageRefusals.set(`${k} ${language}`, error.issues);
      else log.fail(k, `${language} generation crashed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}

/** Every refusal names its spec's file and a JSON pointer; a language refuses only with its own adapter's issue. */
function checkRefusalsPlaced({ refused, languageRefusals }: GeneratedBatch, log: BatchLog): void {
  for (const [key, issues] of languageRefusals) {
    const k = Number(key.split(' ')[0]);
    const unplaced = issues.filter(
      (i) => i.file !== `fz${k}.json` || !/^(\/|$)/.test(i.pointer) || !i.message.startsWith(`adapter ${key.split(' ')[1]}`),
    );
    if (unplaced.length > 0)
      log.fail(k, `${key.split(' ')[1]} refused what the TypeScript side accepts, or without a place: ${JSON.stringify(unplaced)}`);
  }
  for (const [k, issues] of refused) {
    const unplaced = issues.filter(
      (i) => i.file !== `fz${k}.json` || typeof i.pointer !== 'string' || (i.pointer !== '' && !i.pointer.startsWith('/')),
    );
    if (unplaced.length > 0) log.fail(k, `refused without a place: ${JSON.stringify(unplaced)}`);
  }
}

/** tsc --strict over each project's TypeScript, then its generated unit tests. */
function checkTypeScript(projects: readonly (readonly PlannedFile[])[], log: BatchLog): void {
  for (const files of projects) {
    if (files.length === 0) continue;
    const dir = makeHostProject(files);
    const check = typeCheckHost(dir);
    if (check.status !== 0) log.attribute('tsc', check.output);
    const tests = files.filter((f) => f.path.includes('/test/unit/')).map((f) => f.path);
    if (tests.length > 0) {
      log.timed('unit tests', () => {
        // One process for every unit test: each ends with "✅ All" or calls process.exit(1).
        const runner = 'fuzz-unit-runner.ts';
        writeFileSync(join(dir, runner), unitRunner(tests));
        const run = runHostScript(dir, runner);
        const last = run.output.trim().split('\n').pop() ?? '';
        const failed = last.startsWith('FUZZ ') ? (JSON.parse(last.slice(5)) as string[]) : undefined;
        if (failed === undefined) log.attribute('unit tests', run.output);
        else for (const path of failed) log.attribute('unit test', `${path}\n${run.output}`, specNumbers(path)[0]);
      });
    }
  }
}

function checkCargo(chunks: readonly (readonly PlannedFile[])[], log: BatchLog): void {
  if (chunks.every((files) => files.length === 0) || cargoUnavailable()) return;
  for (const files of chunks) {
    const crate = makeRustCrate('fuzz', files);
    const run = runCargo(crate, ['test', '--quiet']);
    if (run.status !== 0) log.attribute('cargo test', run.output);
  }
}

function checkProtoc(dir: string, files: readonly PlannedFile[], log: BatchLog): void {
  writeTree(dir, files);
  for (const file of files) {
    const run = runTool('protoc', [
      `--proto_path=${dirname(join(dir, file.path))}`,
      `--descriptor_set_out=${join(dir, `${file.path}.pb`)}`,
      join(dir, file.path),
    ]);
    if (run.status !== 0) log.attribute('protoc', `${file.path}\n${run.output}`, specNumbers(file.path)[0]);
  }
}

/** Each header compiled alone by gcc and by g++, -Werror. */
function checkCHeaders(dir: string, files: readonly PlannedFile[], log: BatchLog): void {
  const headers = files.filter((f) => f.path.endsWith('.h'));
  writeTree(dir, headers);
  for (const header of headers) {
    for (const { compiler, run } of compileHeaderAlone(dir, header.path)) {
      if (run.status !== 0) log.attribute(compiler, `${header.path}\n${run.output}`, specNumbers(header.path)[0]);
    }
  }
}

/** Every module imported under Pydantic v2 with warnings as errors, in one Python process. */
function checkPython(dir: string, files: readonly PlannedFile[], log: BatchLog): void {
  if (registrySkipped('pypi')) return;
  if (files.length === 0) return;
  writeTree(dir, files);
  const modules = files.map((f) => f.path.replace(/\.py$/, '').split('/').join('.'));
  const script = [
    'import importlib, json, sys, traceback, warnings',
    "warnings.simplefilter('error')",
    `sys.path.insert(0, ${JSON.stringify(dir)})`,
    'failed = []',
    `for m in ${JSON.stringify(modules)}:`,
    '    try: importlib.import_module(m)',
    '    except Exception: failed.append(m + "\\n" + traceback.format_exc())',
    "print('FUZZ ' + json.dumps(failed))",
  ].join('\n');
  const run = runPython(['-B', '-c', script]);
  const last = run.output.trim().split('\n').pop() ?? '';
  if (!last.startsWith('FUZZ ')) log.attribute('python', run.output);
  else
    for (const failure of JSON.parse(last.slice(5)) as string[])
      log.attribute('python import', failure, specNumbers(failure.split('\n')[0])[0]);
}

function checkSwiftGrammar(files: readonly PlannedFile[], log: BatchLog): void {
  for (const file of files) {
    const errors = codeFindings('swift', file.content).syntaxErrors;
    if (errors.length > 0) log.attribute('swift grammar', `${file.path}\n${errors.join('\n')}`, specNumbers(file.path)[0]);
  }
}

/** A script that imports each unit test in turn and prints `FUZZ ["<path>", ...]` with those that failed. */
function unitRunner(tests: readonly string[]): string {
  return `const tests: string[] = ${JSON.stringify(tests.map((t) => `./${t}`))};
const failed: string[] = [];
let settle: () => void = () => undefined;
const log = console.log.bind(console);
console.log = (...args: unknown[]): void => {
  log(...args);
  if (String(args[0]).includes('✅ All')) settle();
};
process.exit = ((): never => {
  failed.push(current);
  settle();
  return undefined as never;
}) as typeof process.exit;
let current = '';
void (async () => {
for (const test of tests) {
  current = test;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { failed.push(test + ' (no result in 30 s)'); resolve(); }, 30_000);
    settle = () => { clearTimeout(timer); resolve(); };
    import(test).catch((error: unknown) => { log(String(error)); failed.push(test); settle(); });
  });
}
log('FUZZ ' + JSON.stringify(failed));
})();
`;
}
