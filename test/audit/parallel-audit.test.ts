import { strict as assert } from 'node:assert';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildAuditContext } from '../../shared/audit/context.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { removeTempProjects } from '../support/generator-run.js';
import { auditOf, auditTreeProject } from './support.js';

/**
 * The audit fixture tree, with a copy of its command whose server makes a raw execute as the last
 * folder, its Types file making one too: the second thread reads them, so its scanner's findings
 * and the Types file it read (whose raw executes are its facts, not the scan's) are merged.
 */
function treeWithLateRawExecutes(): string {
  const dir = auditTreeProject();
  const copy = join(dir, 'src/commands/zz/bare');
  cpSync(join(dir, 'src/commands/lab/bare'), copy, { recursive: true });
  appendFileSync(
    join(copy, 'shared/LabBareTypes.ts'),
    "\nexport const again = (): Promise<unknown> => Commands.execute('lab/bare', {});\n",
  );
  return dir;
}

let tree = '';
const contextOf = (choice: Parameters<typeof buildAuditContext>[0]['tree']) =>
  buildAuditContext({ projectRoot: tree, config: defaultProjectConfig, ...(choice ? { tree: choice } : {}) });

describe('audit: a second thread reads the later command folders of a large tree', function () {
  this.timeout(120_000);
  // Made when the suite runs: other suites remove every temp project when they end.
  before(() => {
    tree = treeWithLateRawExecutes();
  });
  after(removeTempProjects);

  it('gives the same audit as one thread, findings and all, over a tree with raw executes, an unparsable file and drift', () => {
    const one = auditOf(tree, { tree: { parallel: false } });
    const two = auditOf(tree, { tree: { parallel: true } });
    assert.ok(one.findings.length > 10, 'the fixture tree has findings to compare');
    assert.deepEqual(two, one);
  });

  it('the context it reads is the same, and two threads did read it (the control: one thread when not asked)', () => {
    const one = contextOf({ parallel: false });
    const two = contextOf({ parallel: true });
    assert.equal(one.threads, 1);
    assert.equal(two.threads, 2);
    assert.deepEqual(two.reads, one.reads);
    assert.ok(
      one.reads.some((r) => r.folder === 'src/commands/zz/bare' && (r.facts?.rawExecutes.length ?? 0) > 0),
      "the last folder's Types file has a raw execute of its own",
    );
    assert.deepEqual(two.sources, one.sources);
    assert.ok(
      one.sources?.rawExecutes.some((r) => r.file.startsWith('src/commands/zz/')),
      'the last folder, read by the second thread, has a raw execute to merge',
    );
    assert.deepEqual(two.readerProblems, one.readerProblems);
    assert.deepEqual(two.commands, one.commands);
  });

  it('a second thread that stalls is given up: the main thread reads its folders, with the same result', () => {
    const stalled = contextOf({ parallel: true, helper: { url: new URL('./stalling-helper.js', import.meta.url), stallMs: 300 } });
    assert.equal(stalled.threads, 1);
    assert.deepEqual(stalled.reads, contextOf({ parallel: false }).reads);
  });
});
