import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedEdit, PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand } from '../../shared/engine.js';
import { generateGoldenCase, goldenCases } from '../support/golden.js';
import { makeHostProject, typeCheckHost } from '../support/host-project.js';
import { fixturesDir, specsDir } from '../support/paths.js';
import {
  C_FLAGS,
  CXX_FLAGS,
  filesOf,
  generateLanguageCase,
  languageCases,
  runTool,
  writeTree,
  type LanguageCase,
  type ToolRun,
} from './language-cases.js';

export { C_FLAGS, CXX_FLAGS };
import {
  kotlinBuild,
  kotlinProject,
  memo,
  mutate,
  roundTripCases,
  rustBuild,
  rustWireCrate,
  rustWireDeclarations,
  rustWireModule,
  tempDir,
} from './round-trips.js';
import { runCargo, runMaven } from './toolchains.js';

/**
 * The compile commands of the targets (test/languages/targets.ts names them): each gives one run
 * per compiled unit, and a control that compiles a deliberately broken unit, which must fail.
 */
export interface LabelledRun extends ToolRun {
  readonly label: string;
}

/** A control's run, and what its output must say (the compiler's own words for the planted error). */
export interface ControlRun extends ToolRun {
  readonly expected?: RegExp;
}

/** A unit a case should have and does not: a failed run, so the check cannot pass on nothing. */
const missing = (label: string): LabelledRun => ({ label, status: 1, output: 'nothing was generated to compile' });

// ---------------------------------------------------------------- TypeScript (tsc --strict in the host fixture)

/** Every TypeScript-producing example spec and default-layout golden case, with the edits of shared TypeScript files applied. */
export function defaultLayoutTypeScript(): PlannedFile[] {
  const byPath = new Map<string, string>();
  const add = (files: readonly PlannedFile[], origin: string): void => {
    // Saved spec copies are not compiled; cases may differ there (e.g. a $schema key).
    for (const file of files.filter((f) => !f.path.startsWith(`${defaultProjectConfig.roots.specs}/`))) {
      const previous = byPath.get(file.path);
      if (previous !== undefined && previous !== file.content)
        throw new Error(`${origin} writes ${file.path} differently from another case`);
      byPath.set(file.path, file.content);
    }
  };
  const edits: PlannedEdit[] = [];
  for (const file of readdirSync(specsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const result = generateCommand({ specText: readFileSync(join(specsDir, file), 'utf8'), specFile: file, config: defaultProjectConfig });
    add(result.files, file);
    edits.push(...result.edits);
  }
  for (const c of goldenCases().filter((x) => x.extraAdapters.length === 0 && x.config === undefined)) {
    const result = generateGoldenCase(c);
    add(result.files, c.name);
    edits.push(...result.edits);
  }
  // Edits of shared TypeScript files (rust-ipc composes its mixin into RustCoreIPC.ts), applied to the fixture's text.
  const fixtureText = (path: string): string | undefined =>
    existsSync(join(fixturesDir, 'host', path)) ? readFileSync(join(fixturesDir, 'host', path), 'utf8') : undefined;
  for (const [path, content] of applyEdits(
    edits.filter((e) => e.path.endsWith('.ts')),
    (path) => byPath.get(path) ?? fixtureText(path),
  ))
    byPath.set(path, content);
  return [...byPath].map(([path, content]) => ({ path, content }));
}

export function tscRuns(): LabelledRun[] {
  const files = defaultLayoutTypeScript();
  const count = files.filter((f) => f.path.endsWith('.ts')).length;
  if (count < 15) return [missing(`only ${count} generated .ts files: expected a real amount`)];
  return [{ label: 'tsc --strict over every example spec and default-layout golden case', ...typeCheckHost(makeHostProject(files)) }];
}

export function tscControl(): ControlRun {
  const files = defaultLayoutTypeScript();
  const types = files.find((f) => f.path.endsWith('DocsReadTypes.ts'))!;
  const broken = makeHostProject([
    ...files.filter((f) => f !== types),
    { path: types.path, content: mutate(types.content, /content: string;/, 'content: number;', 'typescript type error') },
  ]);
  return { ...typeCheckHost(broken), expected: /DocsReadServerCommand\.ts.*error TS2322/ };
}

// ---------------------------------------------------------------- protoc, gcc, python3 over the language cases

/** Stubs of the host files the custom-options case imports (its importedTypes name them). */
const HOST_STUBS: PlannedFile[] = [
  { path: 'proto/acme/core/uuid.proto', content: 'syntax = "proto3";\npackage acme.core;\nmessage Uuid { string value = 1; }\n' },
  {
    path: 'native/include/acme/uuid.h',
    content: '#ifndef ACME_UUID_H\n#define ACME_UUID_H\ntypedef struct acme_uuid { unsigned char bytes[16]; } acme_uuid;\n#endif\n',
  },
];

export interface WrittenCase {
  readonly c: LanguageCase;
  readonly dir: string;
  readonly proto: readonly PlannedFile[];
  readonly headers: readonly PlannedFile[];
  readonly python: readonly PlannedFile[];
}

/** Every language case's files written to a folder of its own (removed when the process exits). */
export const writtenLanguageCases = memo((): WrittenCase[] =>
  languageCases().map((c) => {
    const result = generateLanguageCase(c);
    const dir = tempDir(`lang-${c.name}`);
    writeTree(dir, [...result.plans.slice(1).flatMap((p) => p.files), ...HOST_STUBS]);
    return { c, dir, proto: filesOf(result, 'proto'), headers: filesOf(result, 'c'), python: filesOf(result, 'python') };
  }),
);

const protoc = (dir: string, file: string): ToolRun =>
  runTool('protoc', [`--proto_path=${dirname(file)}`, `--descriptor_set_out=${join(dir, 'descriptors.pb')}`, file]);

export function protocRuns(): LabelledRun[] {
  return writtenLanguageCases().flatMap((w) =>
    w.proto.length === 0
      ? [missing(`${w.c.name}: no .proto`)]
      : w.proto.map((file) => ({ label: `${w.c.name}: ${file.path}`, ...protoc(w.dir, join(w.dir, file.path)) })),
  );
}

export function protocControl(): ControlRun {
  const w = writtenLanguageCases()[0];
  const file = join(w.dir, w.proto[0].path);
  const broken = join(dirname(file), 'broken.proto');
  writeFileSync(broken, mutate(readFileSync(file, 'utf8'), / = 1;/, ' = 1', 'proto syntax error'));
  return protoc(w.dir, broken);
}

/** Compile a unit that includes the header twice (the include guard must hold). */
export function compileHeader(header: string, includeDirs: readonly string[], language: 'c' | 'c++', workDir: string): ToolRun {
  const unit = join(workDir, language === 'c' ? 'unit.c' : 'unit.cpp');
  writeFileSync(unit, `#include "${header}"\n#include "${header}"\nint main(void) { return 0; }\n`);
  return runTool(language === 'c' ? 'gcc' : 'g++', [
    ...(language === 'c' ? C_FLAGS : CXX_FLAGS),
    ...includeDirs.map((d) => `-I${d}`),
    unit,
  ]);
}

export function headerRuns(): LabelledRun[] {
  return writtenLanguageCases().flatMap((w) => {
    if (w.headers.length === 0) return [missing(`${w.c.name}: no header`)];
    return w.headers.flatMap((header) => {
      const includeDirs = [dirname(join(w.dir, header.path)), join(w.dir, 'native/include')];
      return (['c', 'c++'] as const).map((language) => ({
        label: `${w.c.name}: ${header.path} (${language})`,
        ...compileHeader(join(w.dir, header.path), includeDirs, language, w.dir),
      }));
    });
  });
}

export function headerControl(): ControlRun {
  const w = writtenLanguageCases()[0];
  const broken = join(w.dir, 'broken.h');
  writeFileSync(broken, mutate(readFileSync(join(w.dir, w.headers[0].path), 'utf8'), /;\n\};/, '\n};', 'c syntax error'));
  return compileHeader(broken, [], 'c', w.dir);
}

export function pyCompileRuns(): LabelledRun[] {
  return writtenLanguageCases().map((w) =>
    w.python.length < 2
      ? missing(`${w.c.name}: expected models and routes`)
      : { label: w.c.name, ...runTool('python3', ['-m', 'py_compile', ...w.python.map((f) => join(w.dir, f.path))]) },
  );
}

export function pyCompileControl(): ControlRun {
  const w = writtenLanguageCases()[0];
  const broken = join(w.dir, 'broken.py');
  writeFileSync(broken, mutate(readFileSync(join(w.dir, w.python[0].path), 'utf8'), /class /, 'class class ', 'python syntax error'));
  return runTool('python3', ['-m', 'py_compile', broken]);
}

// ---------------------------------------------------------------- kotlinc (Maven) and cargo, the builds the round trip shares

export function kotlinRuns(): LabelledRun[] {
  const build = kotlinBuild();
  return [{ label: `mvn compile exec:java in ${build.dir}`, ...build.run }];
}

/** A planted type error in the vhsm-encrypt command fails kotlinc, naming the file and line. */
export function kotlinControl(): ControlRun {
  const c = languageCases().find((x) => x.name === 'vhsm-encrypt')!;
  const files = filesOf(generateLanguageCase(c, ['kotlin']), 'kotlin');
  const command = files.find((f) => f.path.endsWith('/VhsmEncrypt.kt'))!;
  const broken = mutate(command.content, /val version: Long,/, 'val version: Long = "one",', 'kotlin type error');
  const dir = kotlinProject(
    [...files.filter((f) => f !== command), { ...command, content: broken }].map((f) => ({
      path: `src/main/kotlin/${f.path.replace(/^generated\/kotlin\//, '')}`,
      content: f.content,
    })),
  );
  const line = broken.split('\n').findIndex((l) => l.includes('"one"')) + 1;
  return { ...runMaven(dir, ['compile']), expected: new RegExp(`VhsmEncrypt\\.kt:${line}:\\d+ .*(type mismatch|String)`, 'i') };
}

export function cargoRuns(): LabelledRun[] {
  const build = rustBuild();
  return [{ label: `cargo test --locked --test round_trip in ${build.dir} (-D warnings)`, ...build.run }];
}

/** The first case's wire module with a field of an undeclared type must not build (same flags as the round trip's, so its dependencies are reused). */
export function cargoControl(): ControlRun {
  const g = roundTripCases()[0];
  const edit = (rust: string[]): string[] => [
    mutate(rust.join('\n\n'), /: (String|bool|i64|f64|u32|u64|i32),/, ': UndeclaredWireType,', 'rust type error'),
  ];
  const dir = rustWireCrate(rustWireModule('broken', g.model, rustWireDeclarations(g.model), edit));
  return { ...runCargo(dir, ['test', '--locked', '--no-run'], { RUSTFLAGS: '-D warnings' }), expected: /UndeclaredWireType/ };
}
