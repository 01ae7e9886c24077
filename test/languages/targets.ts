import { generateGoldenCase, goldenCases, type GoldenCase } from '../support/golden.js';
import * as compile from './compile-checks.js';
import type { ControlRun, LabelledRun } from './compile-checks.js';
import { kotlinBuild, pythonRoundTrip, rustBuild, typeScriptBuild, type Job, type MutantKind, type Outcome } from './round-trips.js';
import type { Registry } from './toolchains.js';

/**
 * One descriptor per target: the adapters that write it (each needs a golden case), the compiler
 * that proves the output and its control, and the cross-language round trip. The golden, compile
 * and round-trip tests iterate this list, so a new language adds one entry here (and its golden
 * cases under test/golden/).
 */
export interface TargetDescriptor {
  readonly id: string;
  /** The adapters whose output this target is. */
  readonly adapters: readonly string[];
  /** The compiler run over every generated unit, or why there is none. */
  readonly compile: CompileCheck | { readonly none: string };
  readonly roundTrip?: RoundTripCheck;
}

export interface CompileCheck {
  /** The command, as the test names it. */
  readonly what: string;
  /** The registry its toolchain downloads from (CONTINUUM_SKIP_REGISTRIES may skip it knowingly). */
  readonly registry?: Registry;
  /** One run per compiled unit; each must exit 0. */
  readonly run: () => readonly LabelledRun[];
  /** The same command over a deliberately broken unit; it must fail. */
  readonly control: { readonly what: string; readonly run: () => ControlRun };
}

export interface RoundTripBuild {
  readonly jobs: readonly Job[];
  readonly outcomes: readonly Outcome[];
  /** Mutants checked at run time (a renamed and a dropped field); TypeScript's fail under tsc instead. */
  readonly mutantJobs?: Readonly<Record<MutantKind, Job>>;
  readonly mutantOutcomes?: Readonly<Record<MutantKind, Outcome>>;
  /** The build's own status: a failed compile fails the round trip with the compiler's output. */
  readonly ready: { readonly status: number | null; readonly output: string; readonly label: string };
}

export interface RoundTripCheck {
  readonly what: string;
  readonly registry?: Registry;
  readonly build: () => RoundTripBuild;
  /** Does the build carry run-time mutants whose round trip must fail? */
  readonly runTimeMutants: boolean;
}

export const TARGETS: readonly TargetDescriptor[] = [
  {
    id: 'typescript',
    adapters: ['server-only', 'browser-only', 'full-stack'],
    compile: {
      what: 'tsc --strict in the host fixture',
      run: compile.tscRuns,
      control: { what: 'a type error in DocsReadTypes.ts', run: compile.tscControl },
    },
    roundTrip: {
      what: 'TypeScript (typed literals under tsc --strict, JSON.parse -> JSON.stringify under tsx)',
      runTimeMutants: false,
      build: () => {
        const b = typeScriptBuild();
        return { ...b, ready: { ...b.check, label: 'tsc --strict over the round-trip host' } };
      },
    },
  },
  {
    id: 'rust',
    adapters: ['rust-ipc', 'trait-only'],
    compile: {
      what: 'cargo test of the wire types (serde, ts-rs 12, -D warnings)',
      registry: 'crates',
      run: compile.cargoRuns,
      control: { what: 'a field of an undeclared type', run: compile.cargoControl },
    },
    roundTrip: {
      what: 'Rust (serde_json::from_str -> to_string, cargo test with serde and ts-rs 12 from crates.io)',
      registry: 'crates',
      runTimeMutants: true,
      build: () => {
        const b = rustBuild();
        return { ...b, ready: { ...b.run, label: `cargo test in ${b.dir}` } };
      },
    },
  },
  {
    id: 'kotlin',
    adapters: ['kotlin'],
    compile: {
      what: 'kotlinc with kotlinx.serialization and -Werror (Maven)',
      registry: 'maven',
      run: compile.kotlinRuns,
      control: { what: 'a String default for a Long', run: compile.kotlinControl },
    },
    roundTrip: {
      what: 'Kotlin (kotlinx.serialization Json.decodeFromString -> encodeToString, compiled by Maven)',
      registry: 'maven',
      runTimeMutants: true,
      build: () => {
        const b = kotlinBuild();
        return { ...b, ready: { ...b.run, label: `mvn compile exec:java in ${b.dir}` } };
      },
    },
  },
  {
    id: 'python',
    adapters: ['python'],
    compile: {
      what: 'python3 -m py_compile (models and route stub)',
      run: compile.pyCompileRuns,
      control: { what: 'a syntax error', run: compile.pyCompileControl },
    },
    roundTrip: {
      what: 'Python (Pydantic v2: model_validate_json -> model_dump_json(by_alias=True, exclude_unset=True))',
      registry: 'pypi',
      runTimeMutants: true,
      build: () => ({ ...pythonRoundTrip(), ready: { status: 0, output: '', label: 'the Pydantic driver ran' } }),
    },
  },
  {
    id: 'proto',
    adapters: ['proto'],
    compile: { what: 'protoc', run: compile.protocRuns, control: { what: 'a missing semicolon', run: compile.protocControl } },
  },
  {
    id: 'c',
    adapters: ['c'],
    compile: {
      what: 'gcc -std=c11 and g++ -std=c++17, -Wall -Wextra -pedantic -Werror, each header included twice',
      run: compile.headerRuns,
      control: { what: 'a missing semicolon', run: compile.headerControl },
    },
  },
  {
    id: 'swift',
    adapters: ['swift'],
    compile: { none: 'no Swift toolchain on these machines: the tree-sitter Swift grammar parses the output (swift.test.ts)' },
  },
];

/** The golden cases in which one of the target's adapters runs (the spec's own or an extra one). */
export function targetCases(target: TargetDescriptor): GoldenCase[] {
  return goldenCases().filter((c) => generateGoldenCase(c).adapters.some((a) => target.adapters.includes(a.id)));
}
