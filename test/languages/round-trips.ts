import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { buildRustWire, type WireDeclaration } from '../../shared/adapters/rust-shared/rust-wire.js';
import { rustLayout } from '../../shared/adapters/rust-shared/rust-layout.js';
import { resolveProjectConfig } from '../../shared/config/project-config.js';
import type { GenerationResult } from '../../shared/engine.js';
import type { CommandModel, InterfaceDeclaration } from '../../shared/model/command-model.js';
import { lowerSnake } from '../../shared/adapters/language/language-support.js';
import { fixturesDir } from '../support/paths.js';
import { makeHostProject, runHostScript, typeCheckHost } from '../support/host-project.js';
import {
  caseConfig,
  filesOf,
  generateLanguageCase,
  languageCases,
  tempDir as makeTempDir,
  writeTree,
  type LanguageCase,
} from './language-cases.js';
import {
  CARGO_DOWNLOAD_FAILURE,
  DownloadFailed,
  MAVEN_DOWNLOAD_FAILURE,
  kotlinFixturesDir,
  runCargo,
  runMaven,
  runPythonDriver,
} from './toolchains.js';
import { canonicalJson, wireDocuments, type WireDocument } from './wire-documents.js';

/**
 * One wire document set per spec, through every language's generated types: Python (Pydantic v2),
 * Kotlin (kotlinx.serialization), Rust (serde) and TypeScript (tsc, tsx). Each language's build is
 * made once per test process (memoized) and shared by the tests that read it. Besides the real
 * cases, each build holds two mutants of the vhsm/encrypt output, a field renamed and a field
 * dropped, the way a broken adapter would write them; the controls assert that they fail.
 */

export interface GeneratedCase {
  readonly c: LanguageCase;
  readonly result: GenerationResult;
  readonly model: CommandModel;
  readonly documents: readonly WireDocument[];
}

/** The cases with the default project config: the documents' imported UUIDs are plain strings there. */
export function roundTripCases(): GeneratedCase[] {
  return languageCases()
    .filter((c) => c.config === undefined)
    .map((c) => {
      const result = generateLanguageCase(c);
      return { c, result, model: result.model, documents: wireDocuments(result.model) };
    });
}

/** What one document became in one language: the re-serialised JSON, or the language's own error. */
export type Outcome = { readonly ok: unknown } | { readonly error: string };

export interface Job {
  readonly label: string;
  /** The type's address in the language (module path, qualified class name, Rust path). */
  readonly target: string;
  readonly document: unknown;
}

/** Every way a set of outcomes differs from its documents (empty: the round trip holds). */
export function roundTripProblems(jobs: readonly Job[], outcomes: readonly Outcome[]): string[] {
  if (outcomes.length !== jobs.length) return [`${outcomes.length} outcomes for ${jobs.length} documents`];
  const problems: string[] = [];
  jobs.forEach((job, i) => {
    const outcome = outcomes[i];
    if ('error' in outcome) problems.push(`${job.label}: ${outcome.error}`);
    else if (canonicalJson(outcome.ok) !== canonicalJson(job.document))
      problems.push(`${job.label}: gave ${canonicalJson(outcome.ok)}\n  expected ${canonicalJson(job.document)}`);
  });
  return problems;
}

/** The mutants: the case they come from, the field they break, and the full Params document that exposes them. */
export const MUTANT_CASE = 'vhsm-encrypt';
export const RENAMED_FIELD = 'keyId';
export const DROPPED_FIELD = 'encoding';
export type MutantKind = 'renamed' | 'dropped';
export const MUTANTS: readonly MutantKind[] = ['renamed', 'dropped'];

export function mutantDocument(cases: readonly GeneratedCase[]): WireDocument {
  const source = cases.find((g) => g.c.name === MUTANT_CASE);
  if (!source) throw new Error(`no ${MUTANT_CASE} case`);
  return source.documents.find((d) => d.mode === 'full' && d.owner === 'Params')!;
}

/** Apply a text edit that must change the text (a control whose edit misses would prove nothing). */
export function mutate(text: string, from: RegExp, to: string, what: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`mutation "${what}" did not apply`);
  return out;
}

interface JobSet {
  readonly jobs: readonly Job[];
  readonly outcomes: readonly Outcome[];
  readonly mutantJobs: Readonly<Record<MutantKind, Job>>;
  readonly mutantOutcomes: Readonly<Record<MutantKind, Outcome>>;
}

/** The cases' jobs, then the mutants', in the order a language's program answers them. */
const allJobs = (jobs: readonly Job[], mutantJobs: Readonly<Record<MutantKind, Job>>): Job[] => [
  ...jobs,
  ...MUTANTS.map((k) => mutantJobs[k]),
];

/** The jobs as <type>\t<json> lines, the file the Kotlin main and the Rust test read. */
function writeJobsFile(file: string, jobs: readonly Job[], mutantJobs: Readonly<Record<MutantKind, Job>>): void {
  writeFileSync(
    file,
    allJobs(jobs, mutantJobs)
      .map((j) => `${j.target}\t${JSON.stringify(j.document)}\n`)
      .join(''),
  );
}

/** A language's answers split into the cases' and the mutants' (a build that did not run answers 'not run'). */
function splitOutcomes(jobs: readonly Job[], mutantJobs: Readonly<Record<MutantKind, Job>>, outcomes: readonly Outcome[]): JobSet {
  const mutantOutcomes = {} as Record<MutantKind, Outcome>;
  MUTANTS.forEach((kind, i) => (mutantOutcomes[kind] = outcomes[jobs.length + i] ?? { error: 'not run' }));
  return { jobs, outcomes: outcomes.slice(0, jobs.length), mutantJobs, mutantOutcomes };
}

/** Temporary folders of the builds, removed when the test process exits (several test files read one build). */
const buildDirs: string[] = [];
process.on('exit', () => {
  for (const dir of buildDirs) rmSync(dir, { recursive: true, force: true });
});
/** A temporary folder removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  buildDirs.push(dir);
  return dir;
}

/** Made once per process; a build that threw throws the same error again without redoing the work. */
export function memo<T>(make: () => T): () => T {
  let value: { v: T } | { e: unknown } | undefined;
  return () => {
    if (value === undefined) {
      try {
        value = { v: make() };
      } catch (e) {
        value = { e };
      }
    }
    if ('e' in value) throw value.e;
    return value.v;
  };
}

// ---------------------------------------------------------------- Python

export interface PythonRoundTrip extends JobSet {
  readonly dir: string;
  readonly pydantic: string;
}

/** `a/b/c.py` -> `a.b.c` (the folders are namespace packages, as the generated route's relative import needs). */
export const pythonModule = (path: string): string => path.replace(/\.py$/, '').split('/').join('.');

interface PythonAnswer {
  readonly pydantic: string;
  readonly results: ReadonlyArray<{
    ok?: unknown;
    errors?: ReadonlyArray<{ type: string; loc: (string | number)[]; msg: string }>;
    text?: string;
  }>;
}

export function pythonOutcomes(dir: string, jobs: readonly Job[]): { pydantic: string; outcomes: Outcome[]; answer: PythonAnswer } {
  const answer = runPythonDriver<PythonAnswer>('check_models.py', {
    paths: [dir],
    jobs: jobs.map((j) => {
      const dot = j.target.lastIndexOf('.');
      return { module: j.target.slice(0, dot), model: j.target.slice(dot + 1), document: j.document };
    }),
  });
  return {
    pydantic: answer.pydantic,
    answer,
    outcomes: answer.results.map((r) => ('ok' in r ? { ok: r.ok } : { error: r.text ?? JSON.stringify(r.errors) })),
  };
}

export const pythonRoundTrip = memo((): PythonRoundTrip => {
  const cases = roundTripCases();
  const dir = tempDir('python-roundtrip');
  const jobs: Job[] = [];
  for (const g of cases) {
    const files = filesOf(g.result, 'python');
    writeTree(dir, files);
    const models = files.find((f) => !f.path.endsWith('_routes.py'))!;
    for (const d of g.documents)
      jobs.push({ label: `${g.c.name} ${d.label}`, target: `${pythonModule(models.path)}.${d.type}`, document: d.document });
  }
  // The mutants: the alias of keyId written as snake_case, the encoding field left out.
  const source = cases.find((g) => g.c.name === MUTANT_CASE)!;
  const models = filesOf(source.result, 'python').find((f) => !f.path.endsWith('_routes.py'))!;
  const edits: Record<MutantKind, string> = {
    renamed: mutate(models.content, /alias='keyId'/g, "alias='key_id'", 'python rename'),
    dropped: mutate(models.content, /^ {4}encoding: .*\n/m, '', 'python drop'),
  };
  const doc = mutantDocument(cases);
  const mutantJobs = {} as Record<MutantKind, Job>;
  for (const kind of MUTANTS) {
    const path = `mutants/${kind}/${models.path.split('/').pop()}`;
    writeTree(dir, [{ path, content: edits[kind] }]);
    mutantJobs[kind] = { label: `python ${kind} mutant`, target: `${pythonModule(path)}.${doc.type}`, document: doc.document };
  }
  const { pydantic, outcomes } = pythonOutcomes(dir, allJobs(jobs, mutantJobs));
  return { dir, pydantic, ...splitOutcomes(jobs, mutantJobs, outcomes) };
});

// ---------------------------------------------------------------- Kotlin

export interface KotlinBuild extends JobSet {
  readonly dir: string;
  /** `mvn compile exec:java`: kotlinc with the serialization plugin, then the round-trip main. */
  readonly run: { readonly status: number | null; readonly output: string };
  /** Every generated .kt file the build compiled, project-relative. */
  readonly sources: readonly string[];
  readonly clients: readonly KotlinClientCall[];
  readonly clientOutcomes: readonly KotlinClientOutcome[];
}

/** Stubs for imported types a project config maps to its own Kotlin types (the custom-options case). */
const KOTLIN_STUBS: PlannedFile[] = [
  {
    path: 'src/main/kotlin/com/acme/core/Uuid.kt',
    content: '// Test stub of the project type the custom-options case imports.\npackage com.acme.core\n\ntypealias Uuid = String\n',
  },
];

/** A Maven project: the test pom (pinned kotlin-maven-plugin, serialization plugin and runtime) and these sources under src/main/kotlin. */
export function kotlinProject(sources: readonly PlannedFile[]): string {
  const dir = tempDir('kotlin');
  writeFileSync(join(dir, 'pom.xml'), readFileSync(join(kotlinFixturesDir, 'pom.xml'), 'utf8'));
  writeTree(dir, sources);
  return dir;
}

/** The package and path a generated .kt file has under the source root. */
function kotlinSourcePath(file: PlannedFile, outputDir: string): string {
  return `src/main/kotlin/${file.path.slice(outputDir.length + 1)}`;
}

function kotlinOutputDir(c: LanguageCase): string {
  const options = caseConfig(c).adapterOptions?.kotlin as { outputDir?: string } | undefined;
  return options?.outputDir ?? 'generated/kotlin';
}

function kotlinPackageOf(content: string): string {
  const match = /^package (.+)$/m.exec(content);
  if (!match) throw new Error('a generated Kotlin file without a package line');
  return match[1];
}

/** One generated client function called through a recording transport: its full params and result documents. */
export interface KotlinClientCall {
  readonly label: string;
  /** The command name the client must send. */
  readonly command: string;
  readonly call: string;
  readonly paramsType: string;
  readonly resultType: string;
  readonly params: unknown;
  readonly result: unknown;
}

/** What a client call did: the command and params the transport saw, and the result the client returned, as JSON. */
export type KotlinClientOutcome =
  { readonly command: string; readonly params: unknown; readonly result: unknown } | { readonly error: string };

/**
 * The main: decode each document with Json, re-encode it, check decode(encode(x)) == x; then call
 * each generated `suspend fun` client with a transport that records what it is given and answers
 * the result document (driven by the standard library's startCoroutine: nothing suspends).
 */
function kotlinMain(types: readonly string[], clients: readonly KotlinClientCall[]): string {
  return `// Written by test/languages/round-trips.ts: the Kotlin side of the cross-language round trip.
package roundtrip

import commands.CommandTransport
import java.io.File
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.Json

private val serializers: Map<String, KSerializer<*>> = mapOf(
${types.map((t) => `    ${JSON.stringify(t)} to ${t}.serializer(),`).join('\n')}
)

@Suppress("UNCHECKED_CAST")
private fun roundTrip(type: String, text: String): String {
    val serializer = serializers.getValue(type) as KSerializer<Any?>
    val value = Json.decodeFromString(serializer, text)
    val encoded = Json.encodeToString(serializer, value)
    check(Json.decodeFromString(serializer, encoded) == value) { "decode(encode(x)) != x for $type" }
    return encoded
}

/** Records the command and params it is asked to send; answers with the given result document. */
private class RecordingTransport(private val resultText: String) : CommandTransport {
    var sent: String = ""

    override suspend fun <P, R> execute(command: String, params: P, paramsSerializer: KSerializer<P>, resultSerializer: KSerializer<R>): R {
        sent = command + "\\t" + Json.encodeToString(paramsSerializer, params)
        return Json.decodeFromString(resultSerializer, resultText)
    }
}

private fun <T> runSuspending(block: suspend () -> T): T {
    var outcome: Result<T>? = null
    block.startCoroutine(Continuation(EmptyCoroutineContext) { outcome = it })
    return checkNotNull(outcome) { "the client suspended" }.getOrThrow()
}

private val clients: List<(RecordingTransport, String) -> String> = listOf(
${clients.map((c) => `    { transport, params -> Json.encodeToString(${c.resultType}.serializer(), runSuspending { ${c.call}(transport, Json.decodeFromString(${c.paramsType}.serializer(), params)) }) },`).join('\n')}
)

private fun answer(block: () -> String): String =
    try {
        "ok\\t" + block()
    } catch (e: Exception) {
        "error\\t" + e.toString().replace('\\n', ' ')
    }

/**
 * args: a file of <type>\\t<json> lines and the file for their ok\\t<json> / error\\t<message> answers;
 * a file of <params json>\\t<result json> lines, one per client, and the file for ok\\t<command>\\t<params>\\t<result> answers.
 */
fun main(args: Array<String>) {
    val answers = File(args[0]).readLines().map { line ->
        val (type, text) = line.split('\\t', limit = 2)
        answer { roundTrip(type, text) }
    }
    File(args[1]).writeText(answers.joinToString("\\n", postfix = "\\n"))
    val calls = File(args[2]).readLines().mapIndexed { i, line ->
        val (params, result) = line.split('\\t', limit = 2)
        answer {
            val transport = RecordingTransport(result)
            val returned = clients[i](transport, params)
            transport.sent + "\t" + returned
        }
    }
    File(args[3]).writeText(calls.joinToString("\\n", postfix = "\\n"))
}
`;
}

function readTabbedOutcomes(text: string): Outcome[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      return line.slice(0, tab) === 'ok' ? { ok: JSON.parse(line.slice(tab + 1)) as unknown } : { error: line.slice(tab + 1) };
    });
}

export const kotlinBuild = memo((): KotlinBuild => {
  const cases = roundTripCases();
  const sources: PlannedFile[] = [...KOTLIN_STUBS];
  const jobs: Job[] = [];
  // Every case compiles, the custom-options one too; the round trip takes the default-config cases.
  for (const c of languageCases()) {
    const result = generateLanguageCase(c, ['kotlin']);
    for (const file of filesOf(result, 'kotlin')) {
      const path = kotlinSourcePath(file, kotlinOutputDir(c));
      if (!sources.some((s) => s.path === path)) sources.push({ path, content: file.content });
    }
  }
  const types: string[] = [];
  const clients: KotlinClientCall[] = [];
  for (const g of cases) {
    const main = filesOf(g.result, 'kotlin').find((f) => !f.path.endsWith('/CommandTransport.kt'))!;
    const pkg = kotlinPackageOf(main.content);
    for (const d of g.documents) {
      jobs.push({ label: `${g.c.name} ${d.label}`, target: `${pkg}.${d.type}`, document: d.document });
      if (!types.includes(`${pkg}.${d.type}`)) types.push(`${pkg}.${d.type}`);
    }
    const client = /^suspend fun (\S+)\(transport: CommandTransport/m.exec(main.content);
    if (!client) throw new Error(`${g.c.name}: no suspend fun client in ${main.path}`);
    const full = (owner: 'Params' | 'Result') => g.documents.find((d) => d.mode === 'full' && d.owner === owner)!;
    clients.push({
      label: g.c.name,
      command: g.model.name,
      call: `${pkg}.${client[1]}`,
      paramsType: `${pkg}.${full('Params').type}`,
      resultType: `${pkg}.${full('Result').type}`,
      params: full('Params').document,
      result: full('Result').document,
    });
  }
  const source = cases.find((g) => g.c.name === MUTANT_CASE)!;
  const main = filesOf(source.result, 'kotlin').find((f) => !f.path.endsWith('/CommandTransport.kt'))!;
  const doc = mutantDocument(cases);
  const edits: Record<MutantKind, string> = {
    renamed: mutate(main.content, /\bval keyId:/g, 'val key_id:', 'kotlin rename'),
    dropped: mutate(main.content, /^ {4}val encoding: .*\n/m, '', 'kotlin drop'),
  };
  const mutantJobs = {} as Record<MutantKind, Job>;
  for (const kind of MUTANTS) {
    const content = mutate(edits[kind], /^package .+$/m, `package mutants.${kind}`, 'kotlin package');
    sources.push({ path: `src/main/kotlin/mutants/${kind}/${source.model.className}.kt`, content });
    mutantJobs[kind] = { label: `kotlin ${kind} mutant`, target: `mutants.${kind}.${doc.type}`, document: doc.document };
    types.push(mutantJobs[kind].target);
  }
  sources.push({ path: 'src/main/kotlin/roundtrip/RoundTrip.kt', content: kotlinMain(types, clients) });
  const dir = kotlinProject(sources);
  writeJobsFile(join(dir, 'jobs.tsv'), jobs, mutantJobs);
  writeFileSync(join(dir, 'clients.tsv'), clients.map((c) => `${JSON.stringify(c.params)}\t${JSON.stringify(c.result)}\n`).join(''));
  const files = ['jobs.tsv', 'results.tsv', 'clients.tsv', 'client-results.tsv'].map((f) => join(dir, f));
  const run = runMaven(dir, ['compile', 'exec:java', '-Dexec.mainClass=roundtrip.RoundTripKt', `-Dexec.args=${files.join(' ')}`]);
  if (run.status !== 0 && MAVEN_DOWNLOAD_FAILURE.test(run.output))
    throw new DownloadFailed('maven', 'Maven (kotlin-maven-plugin, kotlinx-serialization)', run.output);
  const outcomes = run.status === 0 ? readTabbedOutcomes(readFileSync(files[1], 'utf8')) : [];
  const clientOutcomes: KotlinClientOutcome[] =
    run.status !== 0
      ? []
      : readFileSync(files[3], 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((line) => {
            const [state, ...rest] = line.split('\t');
            return state === 'ok'
              ? { command: rest[0], params: JSON.parse(rest[1]) as unknown, result: JSON.parse(rest[2]) as unknown }
              : { error: rest.join('\t') };
          });
  return {
    dir,
    run,
    ...splitOutcomes(jobs, mutantJobs, outcomes),
    clients,
    clientOutcomes,
    sources: sources
      .map((s) => s.path)
      .filter((p) => !p.includes('/roundtrip/') && !p.includes('/mutants/') && !p.includes('/com/acme/core/')),
  };
});

// ---------------------------------------------------------------- Rust

export interface RustBuild extends JobSet {
  readonly dir: string;
  /** `cargo test --test round_trip` of the scratch crate. */
  readonly run: { readonly status: number | null; readonly output: string };
}

export const rustWireFixtureDir = join(fixturesDir, 'rust-wire');

/** The Rust wire types of a command: the engine's renderer over the spec's types and the derived Params and Result. */
export function rustWireDeclarations(model: CommandModel): WireDeclaration[] {
  const params: InterfaceDeclaration = { kind: 'interface', name: `${model.className}Params`, fields: model.params, pointer: '/params' };
  const result: InterfaceDeclaration = { kind: 'interface', name: `${model.className}Result`, fields: model.results, pointer: '/results' };
  return [...model.types, ...(model.unions ?? []), params, result];
}

/** One `pub mod` of the crate: the `use` lines the declarations need, then the declarations. */
export function rustWireModule(
  name: string,
  model: CommandModel,
  declarations: readonly WireDeclaration[],
  edit: (rust: string[]) => string[] = (r) => r,
): string {
  const wire = buildRustWire(declarations, model.imports, { layout: rustLayout(resolveProjectConfig(undefined)), folder: name });
  for (const path of wire.usePaths)
    if (path.startsWith('crate::')) throw new Error(`${model.name}: the wire types use ${path}, which the scratch crate does not have`);
  const uses = [
    ...(wire.usesBTreeMap ? ['std::collections::BTreeMap'] : []),
    'serde::Deserialize',
    'serde::Serialize',
    'ts_rs::TS',
    ...wire.usePaths,
  ].map((p) => `    use ${p};`);
  const body = edit([...wire.rust]).map((block) => block.replace(/^(?=.)/gm, '    '));
  return [`pub mod ${name} {`, ...uses, '', body.join('\n\n'), '}', ''].join('\n');
}

/** The crate's test: each job's document through serde_json into the wire type and back. */
function rustRoundTripTest(targets: readonly string[]): string {
  return `// Written by test/languages/round-trips.ts: the Rust side of the cross-language round trip.
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(text: &str) -> Result<String, String> {
    let value: T = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let encoded = serde_json::to_string(&value).map_err(|e| e.to_string())?;
    let again: T = serde_json::from_str(&encoded).map_err(|e| e.to_string())?;
    if again != value {
        return Err(format!("decode(encode(x)) != x: {value:?}"));
    }
    Ok(encoded)
}

fn dispatch(target: &str, text: &str) -> Result<String, String> {
    match target {
${targets.map((t) => `        ${JSON.stringify(t)} => round_trip::<continuum_wire_roundtrip::${t}>(text),`).join('\n')}
        other => Err(format!("unknown type {other}")),
    }
}

/// CONTINUUM_JOBS: <type>\\t<json> lines; CONTINUUM_RESULTS: where ok\\t<json> or error\\t<message> lines go.
#[test]
fn wire_documents_round_trip() {
    let jobs = std::fs::read_to_string(std::env::var("CONTINUUM_JOBS").unwrap()).unwrap();
    let mut answers = String::new();
    for line in jobs.lines() {
        let (target, text) = line.split_once('\\t').unwrap();
        match dispatch(target, text) {
            Ok(json) => answers.push_str(&format!("ok\\t{json}\\n")),
            Err(message) => answers.push_str(&format!("error\\t{}\\n", message.replace('\\n', " "))),
        }
    }
    std::fs::write(std::env::var("CONTINUUM_RESULTS").unwrap(), answers).unwrap();
}
`;
}

/** A scratch crate from test/fixtures/rust-wire (Cargo.toml and Cargo.lock: serde, serde_json, ts-rs 12) with this lib.rs. */
export function rustWireCrate(lib: string, tests: readonly PlannedFile[] = []): string {
  const dir = tempDir('rust-wire');
  for (const file of ['Cargo.toml', 'Cargo.lock']) writeFileSync(join(dir, file), readFileSync(join(rustWireFixtureDir, file), 'utf8'));
  writeTree(dir, [{ path: 'src/lib.rs', content: lib }, ...tests]);
  return dir;
}

export const rustBuild = memo((): RustBuild => {
  const cases = roundTripCases();
  const modules: string[] = ['//! Written by test/languages/round-trips.ts: the generated wire types of each case, one module each.', ''];
  const jobs: Job[] = [];
  const targets: string[] = [];
  for (const g of cases) {
    const name = lowerSnake(g.c.name);
    modules.push(rustWireModule(name, g.model, rustWireDeclarations(g.model)));
    for (const d of g.documents) {
      jobs.push({ label: `${g.c.name} ${d.label}`, target: `${name}::${d.type}`, document: d.document });
      if (!targets.includes(`${name}::${d.type}`)) targets.push(`${name}::${d.type}`);
    }
  }
  const source = cases.find((g) => g.c.name === MUTANT_CASE)!;
  const doc = mutantDocument(cases);
  const declarations = rustWireDeclarations(source.model);
  const paramsIndex = declarations.findIndex((d) => d.name === doc.type);
  const mutantJobs = {} as Record<MutantKind, Job>;
  for (const kind of MUTANTS) {
    const name = `mutant_${kind}`;
    const edit = (rust: string[]): string[] =>
      rust.map((block, i) =>
        i !== paramsIndex
          ? block
          : kind === 'renamed'
            ? mutate(block, /#\[serde\(rename_all = "camelCase"\)\]\n/, '', 'rust rename')
            : mutate(block, /(\n {4}\/\/\/[^\n]*)*(\n {4}#\[[^\n]*)*\n {4}pub encoding: [^\n]*/, '', 'rust drop'),
      );
    modules.push(rustWireModule(name, source.model, declarations, edit));
    mutantJobs[kind] = { label: `rust ${kind} mutant`, target: `${name}::${doc.type}`, document: doc.document };
    targets.push(mutantJobs[kind].target);
  }
  const dir = rustWireCrate(modules.join('\n'), [{ path: 'tests/round_trip.rs', content: rustRoundTripTest(targets) }]);
  writeJobsFile(join(dir, 'jobs.tsv'), jobs, mutantJobs);
  const run = runCargo(dir, ['test', '--locked', '--test', 'round_trip'], {
    CONTINUUM_JOBS: join(dir, 'jobs.tsv'),
    CONTINUUM_RESULTS: join(dir, 'results.tsv'),
    RUSTFLAGS: '-D warnings',
  });
  if (run.status !== 0 && CARGO_DOWNLOAD_FAILURE.test(run.output))
    throw new DownloadFailed('crates', 'cargo (serde, serde_json, ts-rs from crates.io)', run.output);
  const outcomes = run.status === 0 ? readTabbedOutcomes(readFileSync(join(dir, 'results.tsv'), 'utf8')) : [];
  return { dir, run, ...splitOutcomes(jobs, mutantJobs, outcomes) };
});

// ---------------------------------------------------------------- TypeScript

const WIRE_OMIT = `'context' | 'sessionId' | 'userId' | 'success' | 'error'`;

export interface TypeScriptBuild {
  readonly check: { readonly status: number | null; readonly output: string };
  readonly jobs: readonly Job[];
  readonly outcomes: readonly Outcome[];
}

/**
 * The generated Types files in a copy of the host fixture: each document is a typed literal of the
 * generated wire type (tsc refuses an undeclared key, a missing required one or a wrong type), then
 * parsed from JSON text and re-serialised by tsx. The mutants are copies of the vhsm/encrypt Types
 * file with keyId renamed or encoding dropped, and their document carries `@ts-expect-error`: if the
 * mutation did not break the type check, tsc reports the unused directive and the check fails.
 */
export const typeScriptBuild = memo((): TypeScriptBuild => {
  const cases = roundTripCases();
  const files: PlannedFile[] = [];
  const scripts: { path: string; jobs: Job[] }[] = [];
  const jobs: Job[] = [];
  cases.forEach((g, index) => {
    const model = g.model;
    // The command's Types file and what it imports (ts-rs wire types of a rust-ipc spec); not its server side.
    files.push(...g.result.files.filter((f) => f.path.endsWith('.ts') && !/\/(server|browser|test)\//.test(f.path)));
    const typesModule = `@commands/${model.name}/shared/${model.className}Types`;
    const script = `src/roundtrip/case${index}.ts`;
    const caseJobs = g.documents.map((d) => ({
      label: `${g.c.name} ${d.label}`,
      target: `${typesModule}#${d.type}`,
      document: d.document,
    }));
    jobs.push(...caseJobs);
    files.push({
      path: script,
      content: [
        `import type { ${model.className}Params, ${model.className}Result } from '${typesModule}';`,
        '',
        '// JSON carries branded host types (UUID) as plain strings.',
        'type Json<T> = T extends string & { readonly __brand: unknown } ? string : T extends readonly (infer E)[] ? Json<E>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;',
        `type Wire<T> = Json<Omit<T, ${WIRE_OMIT}>>;`,
        '',
        '// The documents as typed literals: tsc refuses an undeclared key, a missing required one or a wrong type.',
        ...g.documents.map((d, i) => `const doc${i}: Wire<${d.type}> = ${JSON.stringify(d.document)};`),
        '',
        '// Parsed from JSON text and re-serialised as the generated types.',
        `const texts = [${g.documents.map((_, i) => `JSON.stringify(doc${i})`).join(', ')}];`,
        `const parsed = texts.map((text, i) => (i % 2 === 0 ? (JSON.parse(text) as Wire<${model.className}Params>) : (JSON.parse(text) as Wire<${model.className}Result>)));`,
        'console.log(JSON.stringify(parsed));',
        '',
      ].join('\n'),
    });
    scripts.push({ path: script, jobs: caseJobs });
  });
  // The mutants, checked by tsc only (types are erased at run time).
  const source = cases.find((g) => g.c.name === MUTANT_CASE)!;
  const typesFile = source.result.files.find((f) => f.path.endsWith(`/shared/${source.model.className}Types.ts`))!;
  const doc = mutantDocument(cases);
  const edits: Record<MutantKind, string> = {
    renamed: mutate(typesFile.content, /\bkeyId(\??):/g, 'key_id$1:', 'typescript rename'),
    dropped: mutate(typesFile.content, /^ {2}encoding\?: .*\n/m, '', 'typescript drop'),
  };
  for (const kind of MUTANTS) {
    const path = typesFile.path.replace(/Types\.ts$/, `Types${kind}.ts`);
    files.push({ path, content: edits[kind] });
    files.push({
      path: `src/roundtrip/mutant-${kind}.ts`,
      content: [
        `import type { ${doc.type} } from '@commands/${source.model.name}/shared/${source.model.className}Types${kind}';`,
        `type Wire<T> = Omit<T, ${WIRE_OMIT}>;`,
        `// @ts-expect-error the ${kind} field makes the document wrong for this type`,
        `export const mutant: Wire<${doc.type}> = ${JSON.stringify(doc.document)};`,
        '',
      ].join('\n'),
    });
  }
  const host = makeHostProject(files);
  try {
    const check = typeCheckHost(host);
    const outcomes: Outcome[] = [];
    if (check.status === 0) {
      for (const script of scripts) {
        const run = runHostScript(host, script.path);
        if (run.status !== 0) outcomes.push(...script.jobs.map(() => ({ error: run.output })));
        else outcomes.push(...(JSON.parse(run.output.trim().split('\n').pop()!) as unknown[]).map((ok) => ({ ok })));
      }
    }
    return { check, jobs, outcomes };
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
});
