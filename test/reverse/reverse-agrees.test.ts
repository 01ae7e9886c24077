import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { defaultProjectConfig, resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand } from '../../shared/engine.js';
import { ReverseEngineer } from '../../shared/reverse/reverse-engineer.js';
import { planSpecFiles } from '../../shared/reverse/reverse-run.js';
import { isV1Spec, migrateV1Spec } from '../../shared/spec/migrate-v1.js';
import { removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { writeFiles } from '../support/host-project.js';
import { fixtureText } from '../support/rust-project.js';
import { goldenDir, specsDir } from '../support/paths.js';

interface Case {
  readonly label: string;
  readonly text: string;
  readonly config: ProjectConfig;
}

const adapterOf = (text: string): string => {
  const document = JSON.parse(text) as Record<string, unknown>;
  const spec = isV1Spec(document) ? migrateV1Spec(document) : (document as { adapter?: string; environment?: string });
  return spec.adapter ?? { server: 'server-only', browser: 'browser-only', both: 'full-stack' }[spec.environment ?? 'server']!;
};

function cases(): Case[] {
  const fromSpecs = readdirSync(specsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ label: `specs/${f}`, text: readFileSync(join(specsDir, f), 'utf8'), config: defaultProjectConfig }));
  const fromGoldens = readdirSync(goldenDir)
    .filter((n) => existsSync(join(goldenDir, n, 'spec.json')))
    .map((n) => {
      const configPath = join(goldenDir, n, 'config.json');
      return {
        label: `test/golden/${n}`,
        text: readFileSync(join(goldenDir, n, 'spec.json'), 'utf8'),
        config: resolveProjectConfig(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined),
      };
    });
  const registered = builtinAdapters().ids();
  return [...fromSpecs, ...fromGoldens].filter((c) => registered.includes(adapterOf(c.text)) && adapterOf(c.text) !== 'trait-only');
}

/**
 * Issue 16, deliverable 5: reverse agrees with generate. A freshly generated tree, its saved
 * spec included, reversed: every spec reverse would write is the saved one, byte for byte.
 */
describe('reverse of a freshly generated tree reports every spec identical', () => {
  after(removeTempProjects);

  for (const c of cases()) {
    it(c.label, () => {
      const dir = mkdtempSync(join(tmpdir(), 'continuum-agree-'));
      try {
        const result = generateCommand({ specText: c.text, specFile: c.label, config: c.config });
        writeFiles(dir, result.files);
        // Shared files (mod.rs, the start-up file, RustCoreIPC.ts) are edited as they are in the host fixtures.
        writeFiles(
          dir,
          [...applyEdits(result.edits, (path) => fixtureText(path, c.config))].map(([path, content]) => ({ path, content })),
        );
        const engine = new ReverseEngineer({ projectRoot: dir, config: c.config });
        const reversed = engine.reverseAll(engine.discover(join(dir, c.config.roots.commands)));
        const plan = planSpecFiles(reversed, engine.existingSpecs(), c.config);
        assert.equal(plan.files.length, 1, plan.skipped.map((s) => s.detail).join('; '));
        const [file] = plan.files;
        assert.equal(file.content, readFileSync(join(dir, file.path), 'utf8'), `${file.path} would change`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('the control: a spec the code no longer matches is rewritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'continuum-agree-'));
    try {
      const result = generateCommand({
        specText: readFileSync(join(specsDir, 'docs-read.json'), 'utf8'),
        specFile: 'specs/docs-read.json',
        config: defaultProjectConfig,
      });
      writeFiles(
        dir,
        result.files.map((f) =>
          f.path.endsWith('.json') ? { ...f, content: f.content.replace(/"description": "[^"]*"/, '"description": "Something else"') } : f,
        ),
      );
      const engine = new ReverseEngineer({ projectRoot: dir, config: defaultProjectConfig });
      const plan = planSpecFiles(
        engine.reverseAll(engine.discover(join(dir, 'src/commands'))),
        engine.existingSpecs(),
        defaultProjectConfig,
      );
      assert.notEqual(plan.files[0].content, readFileSync(join(dir, plan.files[0].path), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('continuum-gen reverse over a freshly generated tree: every spec unchanged, nothing written', async () => {
    const dir = tempProject({
      'docs-read.json': readFileSync(join(specsDir, 'docs-read.json'), 'utf8'),
      'gpu-stats.json': readFileSync(join(specsDir, 'gpu-stats.json'), 'utf8'),
    });
    for (const spec of ['docs-read.json', 'gpu-stats.json'])
      assert.equal((await runBin(['command', `--spec=${spec}`], { cwd: dir })).code, 0);
    const run = await runBin(['reverse', 'src/commands'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const output = `${run.stdout}${run.stderr}`;
    assert.match(output, /specs written +0/);
    assert.match(output, /specs unchanged +2/);
  });
});
