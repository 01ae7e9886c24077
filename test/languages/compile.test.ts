import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { filesOf, generateLanguageCase, languageCases, runTool, tempDir, writeTree, type LanguageCase } from './language-cases.js';

/** Stubs of the host files the custom-options case imports (its importedTypes name them). */
const HOST_STUBS: PlannedFile[] = [
  { path: 'proto/acme/core/uuid.proto', content: 'syntax = "proto3";\npackage acme.core;\nmessage Uuid { string value = 1; }\n' },
  { path: 'native/include/acme/uuid.h', content: '#ifndef ACME_UUID_H\n#define ACME_UUID_H\ntypedef struct acme_uuid { unsigned char bytes[16]; } acme_uuid;\n#endif\n' },
];

interface WrittenCase {
  readonly c: LanguageCase;
  readonly dir: string;
  readonly proto: readonly PlannedFile[];
  readonly headers: readonly PlannedFile[];
  readonly python: readonly PlannedFile[];
}

const C_FLAGS = ['-fsyntax-only', '-std=c11', '-Wall', '-Wextra', '-pedantic', '-Werror'];
const CXX_FLAGS = ['-fsyntax-only', '-std=c++17', '-Wall', '-Wextra', '-pedantic', '-Werror'];

/** Compile a unit that includes the header twice (the include guard must hold). */
function compileHeader(header: string, includeDirs: readonly string[], language: 'c' | 'c++', workDir: string): { status: number | null; output: string } {
  const unit = join(workDir, language === 'c' ? 'unit.c' : 'unit.cpp');
  writeFileSync(unit, `#include "${header}"\n#include "${header}"\nint main(void) { return 0; }\n`);
  return runTool(language === 'c' ? 'gcc' : 'g++', [...(language === 'c' ? C_FLAGS : CXX_FLAGS), ...includeDirs.map((d) => `-I${d}`), unit]);
}

describe('language adapters: generated code compiles (protoc, gcc, g++, python3)', () => {
  const written: WrittenCase[] = [];

  before(() => {
    for (const c of languageCases()) {
      const result = generateLanguageCase(c);
      const dir = tempDir(`lang-${c.name}`);
      writeTree(dir, [...result.plans.slice(1).flatMap((p) => p.files), ...HOST_STUBS]);
      written.push({ c, dir, proto: filesOf(result, 'proto'), headers: filesOf(result, 'c'), python: filesOf(result, 'python') });
    }
  });

  after(() => {
    for (const w of written) rmSync(w.dir, { recursive: true, force: true });
  });

  it('protoc accepts every generated .proto', () => {
    for (const w of written) {
      assert.ok(w.proto.length > 0, `${w.c.name}: no .proto`);
      for (const file of w.proto) {
        const root = dirname(join(w.dir, file.path));
        const run = runTool('protoc', [`--proto_path=${root}`, `--descriptor_set_out=${join(w.dir, 'descriptors.pb')}`, join(w.dir, file.path)]);
        assert.equal(run.status, 0, `${w.c.name}: ${file.path}\n${run.output}`);
      }
    }
  });

  it('the protoc check is real: a broken .proto fails it', () => {
    const w = written[0];
    const file = join(w.dir, w.proto[0].path);
    const broken = join(dirname(file), 'broken.proto');
    writeFileSync(broken, readFileSync(file, 'utf8').replace(/ = 1;/, ' = 1'));
    const run = runTool('protoc', [`--proto_path=${dirname(file)}`, `--descriptor_set_out=${join(w.dir, 'x.pb')}`, broken]);
    assert.notEqual(run.status, 0);
  });

  it('gcc -std=c11 and g++ accept every generated header, included twice, with -Wall -Wextra -pedantic -Werror', () => {
    for (const w of written) {
      assert.ok(w.headers.length > 0, `${w.c.name}: no header`);
      for (const header of w.headers) {
        const includeDir = dirname(join(w.dir, header.path));
        for (const language of ['c', 'c++'] as const) {
          const run = compileHeader(join(w.dir, header.path), [includeDir, join(w.dir, 'native/include')], language, w.dir);
          assert.equal(run.status, 0, `${w.c.name}: ${header.path} (${language})\n${run.output}`);
        }
      }
    }
  });

  it('all default-layout headers compile together in one unit (shared list and map types are guarded)', () => {
    const defaults = written.filter((w) => w.c.config === undefined);
    const unit = join(defaults[0].dir, 'all.c');
    writeFileSync(unit, `${defaults.flatMap((w) => w.headers.map((h) => `#include "${join(w.dir, h.path)}"`)).join('\n')}\n`);
    for (const compiler of ['gcc', 'g++']) {
      const run = runTool(compiler, [...(compiler === 'gcc' ? C_FLAGS : [...CXX_FLAGS, '-x', 'c++']), unit]);
      assert.equal(run.status, 0, `${compiler}\n${run.output}`);
    }
  });

  it('the extern "C" guard is real: C++ code calling the command function references its unmangled symbol', () => {
    const w = written.find((x) => x.c.name === 'docs-read')!;
    const unit = join(w.dir, 'caller.cpp');
    const object = join(w.dir, 'caller.o');
    writeFileSync(unit, `#include "${join(w.dir, w.headers[0].path)}"\nint call(const DocsReadParams *p, DocsReadResult *r) { int status = docs_read(p, r); docs_read_result_free(r); return status; }\n`);
    const compile = runTool('g++', ['-c', '-std=c++17', '-o', object, unit]);
    assert.equal(compile.status, 0, compile.output);
    const symbols = runTool('nm', ['-u', object]);
    assert.match(symbols.output, /\bU docs_read\b/, symbols.output);
    assert.match(symbols.output, /\bU docs_read_result_free\b/, symbols.output);
    assert.doesNotMatch(symbols.output, /_Z\d+docs_read/, 'a mangled name means the extern "C" guard is missing');
  });

  it('the C check is real: a header with an error fails gcc', () => {
    const w = written[0];
    const broken = join(w.dir, 'broken.h');
    writeFileSync(broken, readFileSync(join(w.dir, w.headers[0].path), 'utf8').replace(/;\n\};/, '\n};'));
    assert.notEqual(compileHeader(broken, [], 'c', w.dir).status, 0);
  });

  it('python3 -m py_compile accepts every generated .py (models and route stub)', () => {
    for (const w of written) {
      assert.ok(w.python.length >= 2, `${w.c.name}: expected models and routes`);
      const run = runTool('python3', ['-m', 'py_compile', ...w.python.map((f) => join(w.dir, f.path))]);
      assert.equal(run.status, 0, `${w.c.name}\n${run.output}`);
    }
  });

  it('the Python check is real: a syntax error fails py_compile', () => {
    const w = written[0];
    const broken = join(w.dir, 'broken.py');
    writeFileSync(broken, readFileSync(join(w.dir, w.python[0].path), 'utf8').replace('class ', 'class class '));
    assert.notEqual(runTool('python3', ['-m', 'py_compile', broken]).status, 0);
  });
});
