import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeHostProjects } from '../support/host-project.js';
import { C_FLAGS, CXX_FLAGS, writtenLanguageCases } from './compile-checks.js';
import { runTool } from './language-cases.js';
import { TARGETS, type CompileCheck } from './targets.js';
import { skipWhenRegistrySkipped } from './toolchains.js';

/** Every target's compiler over its generated code (test/languages/targets.ts), each with its control. */
describe('generated code compiles, per target (tsc, cargo, kotlinc, protoc, gcc, g++, python3)', function () {
  this.timeout(1_800_000);
  after(removeHostProjects);

  for (const target of TARGETS) {
    if ('none' in target.compile) continue;
    const check: CompileCheck = target.compile;
    it(`${target.id}: ${check.what} accepts every generated unit`, function () {
      if (check.registry) skipWhenRegistrySkipped(this, check.registry);
      const runs = check.run();
      assert.ok(runs.length > 0, 'nothing was compiled');
      const failed = runs.filter((r) => r.status !== 0);
      assert.deepEqual(
        failed.map((r) => `${r.label}\n${r.output}`),
        [],
      );
    });

    it(`${target.id}: the check is real: ${check.control.what} fails it`, function () {
      if (check.registry) skipWhenRegistrySkipped(this, check.registry);
      const run = check.control.run();
      assert.notEqual(run.status, 0, `${check.what} accepted ${check.control.what}`);
      if (run.expected) assert.match(run.output, run.expected);
    });
  }
});

describe('C: headers together and from C++', () => {
  it('all default-layout headers compile together in one unit (shared list and map types are guarded)', () => {
    const defaults = writtenLanguageCases().filter((w) => w.c.config === undefined);
    const unit = join(defaults[0].dir, 'all.c');
    writeFileSync(unit, `${defaults.flatMap((w) => w.headers.map((h) => `#include "${join(w.dir, h.path)}"`)).join('\n')}\n`);
    for (const compiler of ['gcc', 'g++']) {
      const run = runTool(compiler, [...(compiler === 'gcc' ? C_FLAGS : [...CXX_FLAGS, '-x', 'c++']), unit]);
      assert.equal(run.status, 0, `${compiler}\n${run.output}`);
    }
  });

  it('the extern "C" guard is real: C++ code calling the command function references its unmangled symbol', () => {
    const w = writtenLanguageCases().find((x) => x.c.name === 'docs-read')!;
    const unit = join(w.dir, 'caller.cpp');
    const object = join(w.dir, 'caller.o');
    writeFileSync(
      unit,
      `#include "${join(w.dir, w.headers[0].path)}"\nint call(const DocsReadParams *p, DocsReadResult *r) { int status = docs_read(p, r); docs_read_result_free(r); return status; }\n`,
    );
    const compile = runTool('g++', ['-c', '-std=c++17', '-o', object, unit]);
    assert.equal(compile.status, 0, compile.output);
    const symbols = runTool('nm', ['-u', object]);
    assert.match(symbols.output, /\bU docs_read\b/, symbols.output);
    assert.match(symbols.output, /\bU docs_read_result_free\b/, symbols.output);
    assert.doesNotMatch(symbols.output, /_Z\d+docs_read/, 'a mangled name means the extern "C" guard is missing');
  });
});
