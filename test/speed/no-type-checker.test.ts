import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LanguageService, Node, Program, Project, TypeChecker } from 'ts-morph';
import { runAudit } from '../../shared/audit/audit.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { memorySourceReader } from '../../shared/reverse/source-reader.js';
import { fixturesDir } from '../support/paths.js';

/**
 * Count every time ts-morph hands out a TypeScript program, type checker or language service
 * (each is built on first use, and a checker binds every file it sees: the slow part of a
 * compiler). Syntax alone is what audit and reverse read.
 */
function countCompilerServices(): { readonly count: () => number; readonly restore: () => void } {
  let count = 0;
  const restores = [Program, TypeChecker, LanguageService].map((wrapper) => {
    const descriptor = Object.getOwnPropertyDescriptor(wrapper.prototype, 'compilerObject')!;
    Object.defineProperty(wrapper.prototype, 'compilerObject', {
      ...descriptor,
      get(this: object) {
        count++;
        return descriptor.get!.call(this);
      },
    });
    return () => Object.defineProperty(wrapper.prototype, 'compilerObject', descriptor);
  });
  return { count: () => count, restore: () => restores.forEach((restore) => restore()) };
}

describe('audit and reverse read syntax only: no TypeScript program or type checker', function () {
  let spy: ReturnType<typeof countCompilerServices>;
  beforeEach(() => (spy = countCompilerServices()));
  afterEach(() => spy.restore());

  it('an audit of the fixture tree creates none', () => {
    const result = runAudit({ projectRoot: join(fixturesDir, 'audit-tree'), config: defaultProjectConfig });
    assert.ok(result.metrics.commands > 3, 'the audit read commands');
    assert.equal(spy.count(), 0);
  });

  it('a reverse of the fixture tree creates none', () => {
    const root = join(fixturesDir, 'reverse-tree');
    const engine = new ReverseEngineer({ projectRoot: root, config: defaultProjectConfig });
    const results = engine.reverseAll(engine.discover(join(root, defaultProjectConfig.roots.commands)));
    assert.ok(results.filter((r) => r.status === 'reversed').length > 3, 'reverse read commands');
    assert.equal(spy.count(), 0);
  });

  it('asking a node for its type does create one (the check can fail)', () => {
    const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('a.ts', 'export const x = 1;');
    assert.equal(file.getVariableDeclarationOrThrow('x').getType().getText(), '1');
    assert.ok(spy.count() > 0);
  });
});

/**
 * Count every ts-morph Project created (each builds its file system through @ts-morph/common's
 * TransactionalFileSystem, looked up on that module at construction) and every use of a node
 * wrapper (each of its methods reads the wrapped compiler node).
 */
function countTsMorph(): { readonly projects: () => number; readonly wrapperReads: () => number; readonly restore: () => void } {
  let projects = 0;
  let wrapperReads = 0;
  const common = createRequire(createRequire(import.meta.url).resolve('ts-morph'))('@ts-morph/common') as {
    TransactionalFileSystem: new (...args: never[]) => object;
  };
  const original = common.TransactionalFileSystem;
  common.TransactionalFileSystem = class extends original {
    constructor(...args: never[]) {
      super(...args);
      projects++;
    }
  };
  const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'compilerNode')!;
  Object.defineProperty(Node.prototype, 'compilerNode', {
    ...descriptor,
    get(this: object) {
      wrapperReads++;
      return descriptor.get!.call(this);
    },
  });
  return {
    projects: () => projects,
    wrapperReads: () => wrapperReads,
    restore: () => {
      common.TransactionalFileSystem = original;
      Object.defineProperty(Node.prototype, 'compilerNode', descriptor);
    },
  };
}

describe("audit and reverse read the compiler's own nodes: no ts-morph Project, no node wrapper", function () {
  let spy: ReturnType<typeof countTsMorph>;
  beforeEach(() => (spy = countTsMorph()));
  afterEach(() => spy.restore());

  it('an audit of the fixture tree creates no Project and reads no wrapper', () => {
    const result = runAudit({ projectRoot: join(fixturesDir, 'audit-tree'), config: defaultProjectConfig });
    assert.ok(result.metrics.commands > 3, 'the audit read commands');
    assert.ok(result.findings.length > 0, 'the audit read the code (the fixture has findings)');
    assert.deepEqual({ projects: spy.projects(), wrapperReads: spy.wrapperReads() }, { projects: 0, wrapperReads: 0 });
  });

  it('a reverse of the fixture tree creates no Project and reads no wrapper', () => {
    const root = join(fixturesDir, 'reverse-tree');
    const engine = new ReverseEngineer({ projectRoot: root, config: defaultProjectConfig });
    const results = engine.reverseAll(engine.discover(join(root, defaultProjectConfig.roots.commands)));
    assert.ok(results.filter((r) => r.status === 'reversed').length > 3, 'reverse read commands');
    assert.deepEqual({ projects: spy.projects(), wrapperReads: spy.wrapperReads() }, { projects: 0, wrapperReads: 0 });
  });

  it('extends across files is still followed (the import resolved, the base read from its own file), with no Project or wrapper', () => {
    const root = '/project';
    const jtag = "import type { CommandParams, CommandResult } from '@system/core/types/JTAGTypes';";
    const reader = memorySourceReader(root, [
      {
        path: 'src/commands/things/shared/PagingTypes.ts',
        content: `${jtag}\nexport interface PagedParams extends CommandParams {\n  limit?: number;\n}\n`,
      },
      {
        path: 'src/commands/things/list/shared/ThingsListTypes.ts',
        content: `${jtag}\nimport type { PagedParams } from '../../shared/PagingTypes';\nexport interface ThingsListParams extends PagedParams {\n  filter?: string;\n}\nexport interface ThingsListResult extends CommandResult {\n  items: string[];\n}\n`,
      },
    ]);
    const engine = new ReverseEngineer({ projectRoot: root, config: defaultProjectConfig, reader });
    const result = engine.reverse(`${root}/src/commands/things/list`);
    assert.deepEqual(
      result.spec?.params?.map((p) => p.name),
      ['limit', 'filter'],
    );
    assert.ok(
      result.warnings.some((w) => w.kind === 'inherited' && w.message.includes('PagedParams (src/commands/things/shared/PagingTypes.ts)')),
      JSON.stringify(result.warnings),
    );
    assert.deepEqual({ projects: spy.projects(), wrapperReads: spy.wrapperReads() }, { projects: 0, wrapperReads: 0 });
  });

  it('reading a file through ts-morph is seen: a Project and its wrappers (the checks can fail)', () => {
    const file = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile(
      'a.ts',
      'export interface A { x: string }',
    );
    assert.equal(file.getInterfaces().length, 1);
    assert.equal(spy.projects(), 1);
    assert.ok(spy.wrapperReads() > 0);
  });
});
