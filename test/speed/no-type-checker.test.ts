import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { LanguageService, Program, Project, TypeChecker } from 'ts-morph';
import { runAudit } from '../../shared/audit/audit.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
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
