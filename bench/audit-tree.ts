/**
 * Benchmark of the audit at the host's scale and beyond: a tree of ~350 commands (the names in
 * bench/data/continuum-command-names.txt) and one of 5,000 (the same names with generated
 * variants) are generated with the engine into temp folders, with known defects sprinkled in
 * (every 7th command without a spec, every 9th without its static accessor, every 11th with an
 * `any`), then audited in one process each. Prints commands per second and checks the counts.
 *
 *   npm run build && node dist/bench/audit-tree.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../shared/audit/audit.js';
import { defaultProjectConfig } from '../shared/config/project-config.js';
import { benchNames } from './bench-specs.js';
import { namesFor, readByAuditAndReverse, writeCommandTree } from './command-tree.js';

const config = defaultProjectConfig;

interface Planted {
  readonly withoutSpec: number;
  readonly withoutAccessor: number;
  readonly withAny: number;
}

/** Write the tree: the Types file and command classes of each command, and its spec unless planted otherwise. */
function buildTree(dir: string, names: readonly string[]): Planted {
  const planted = { withoutSpec: 0, withoutAccessor: 0, withAny: 0 };
  writeCommandTree(dir, names, (file, n) => {
    if (!readByAuditAndReverse(file)) return undefined;
    const isSpec = file.path.startsWith(`${config.roots.specs}/`);
    const isTypes = file.path.endsWith('Types.ts');
    if (isSpec && n % 7 === 3) {
      planted.withoutSpec++;
      return undefined;
    }
    let content = file.content;
    if (isTypes && n % 9 === 4) {
      content = content.slice(0, content.indexOf('\n// ── Static accessor'));
      planted.withoutAccessor++;
    }
    if (isTypes && n % 11 === 5) {
      content = `${content}\nexport type Loose = Record<string, any>;\n`;
      planted.withAny++;
    }
    return content;
  });
  return planted;
}

function bench(count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-audit-bench-'));
  try {
    const names = namesFor(count);
    const setupStart = performance.now();
    const planted = buildTree(dir, names);
    const setupMs = performance.now() - setupStart;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = runAudit({ projectRoot: dir, config });
    const cpu = process.cpuUsage(cpuStart);
    const ms = performance.now() - start;
    const counted = (rule: string): number => new Set(result.findings.filter((f) => f.ruleId === rule).map((f) => f.folder)).size;
    const checks: [string, number, number][] = [
      ['commands', result.metrics.commands, names.length],
      ['without a spec', counted('CG001-missing-spec'), planted.withoutSpec],
      ['without an accessor', counted('CG002-missing-accessor'), planted.withoutAccessor],
      ['with any', counted('CG003-any-in-types'), planted.withAny],
      ['drifting', counted('CG006-spec-drift'), 0],
    ];
    const wrong = checks.filter(([, found, expected]) => found !== expected);
    console.log(
      `${String(names.length).padStart(5)} commands: audited in ${Math.round(ms)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU) = ${Math.round((names.length / ms) * 1000)} commands/s ` +
        `(${result.findings.length} findings; tree generated in ${Math.round(setupMs)} ms, not measured)`,
    );
    if (wrong.length > 0) {
      for (const [label, found, expected] of wrong) console.log(`  MISMATCH ${label}: found ${found}, planted ${expected}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bench(benchNames().length);
bench(5000);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
