/**
 * Reverse lets each command's parsed tree go young: the trees of folders already read are not kept
 * alive until V8's young generation copies them into the old one. Measured with V8's own GC trace
 * (--trace-gc-nvp: bytes allocated and bytes promoted by each minor GC), not with a clock. The
 * control, a parse loop memoising one fact per file in a WeakMap keyed by the file (how reverse did
 * before), shows the trace telling the two apart.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { namesFor, writeCommandTree } from '../../bench/command-tree.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { removeTempProjects, tempProject } from '../support/generator-run.js';
import { repoRoot } from '../support/paths.js';

/** Commands in the tree: enough minor GCs that the start-up's own promotions weigh little. */
const COMMANDS = 1000;
/** Promoted share of what minor GCs saw allocated: reverse measured 5% (3% at 5,000 commands), and 20% with its old WeakMap memos (24% at 5,000); the control 8% and 38% (issue 18). */
const MOST_PROMOTED = 0.15;

/** Run a node script under the GC trace: what its minor GCs saw allocated and promoted, and what it printed. */
function promotion(script: string, args: readonly string[]): { allocated: number; promoted: number; share: number; printed: string } {
  const out = execFileSync(process.execPath, ['--trace-gc-nvp', script, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  const minor = out.split('\n').filter((line) => / gc=s /.test(line));
  assert.ok(minor.length > 5, `the GC trace shows minor GCs (found ${minor.length}):\n${out.slice(0, 2000)}`);
  const sum = (field: string): number =>
    minor.reduce((total, line) => total + Number(new RegExp(` ${field}=(\\d+)`).exec(line)?.[1] ?? NaN), 0);
  const [allocated, promoted] = [sum('allocated'), sum('promoted')];
  assert.ok(Number.isFinite(allocated) && Number.isFinite(promoted) && allocated > 0, 'each minor GC line gives allocated= and promoted=');
  const printed = out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .join('\n');
  return { allocated, promoted, share: promoted / allocated, printed };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

describe('reverse keeps no parsed tree alive past its folder (V8 GC trace, not timing)', function () {
  this.timeout(300_000);
  let tree = '';
  before(() => {
    tree = tempProject();
    // Only what reverse reads: each command's Types file and command classes, no specs.
    writeCommandTree(tree, namesFor(COMMANDS), (file) =>
      file.path.startsWith(`${defaultProjectConfig.roots.specs}/`) ? undefined : file.content,
    );
  });
  after(removeTempProjects);

  it(`reversing ${COMMANDS} commands, the minor GCs promote under ${MOST_PROMOTED * 100}% of what they saw allocated`, () => {
    const run = promotion(join(repoRoot, 'dist', 'bench', 'engine-worker.js'), ['reverse', tree]);
    assert.match(run.printed, new RegExp(`"commands":${COMMANDS},"ok":true`), 'every command was reversed');
    assert.ok(
      run.share < MOST_PROMOTED,
      `promoted ${mib(run.promoted)} of ${mib(run.allocated)} (${(run.share * 100).toFixed(1)}%): something keeps each parsed file alive past its folder`,
    );
  });

  it('the control: a memo in a WeakMap keyed by the file promotes far more, one on the file does not (the check can fail)', () => {
    const script = join(repoRoot, 'dist', 'test', 'speed', 'weakmap-memo.js');
    const inWeakMap = promotion(script, ['weakmap', tree]);
    const onTheFile = promotion(script, ['per-file', tree]);
    assert.equal(inWeakMap.printed, onTheFile.printed, 'both read the same files to the same statements');
    assert.match(inWeakMap.printed, new RegExp(`"files":${COMMANDS},`));
    assert.ok(inWeakMap.share > MOST_PROMOTED, `the WeakMap memo promoted only ${(inWeakMap.share * 100).toFixed(1)}%`);
    assert.ok(onTheFile.share < MOST_PROMOTED, `the memo on the file promoted ${(onTheFile.share * 100).toFixed(1)}%`);
  });
});
