import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand, type GenerationResult } from '../../shared/engine.js';
import { goldenDir, specsDir } from '../support/paths.js';
import { fixtureText } from '../support/rust-project.js';

/**
 * Golden cases of the Rust adapters: test/golden/<case>/ with spec.json (+ config.json),
 * expected/ (the planned files, also checked by the engine's golden test) and expected-edits/
 * (the files the plan edits, as they read after the edits are applied to the fixtures: mod.rs
 * of the Rust fixture crate, RustCoreIPC.ts of the host fixture). UPDATE_GOLDEN=1 rewrites both.
 */
const RUST_ADAPTERS = ['rust-ipc', 'trait-only'];

interface RustCase {
  readonly name: string;
  readonly config: ProjectConfig;
  readonly result: GenerationResult;
}

function rustCases(): RustCase[] {
  return readdirSync(goldenDir)
    .filter((name) => existsSync(join(goldenDir, name, 'spec.json')))
    .sort()
    .map((name) => {
      const configPath = join(goldenDir, name, 'config.json');
      const config = resolveProjectConfig(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined, configPath);
      const result = generateCommand({ specText: readFileSync(join(goldenDir, name, 'spec.json'), 'utf8'), specFile: `${name}/spec.json`, config });
      return { name, config, result };
    })
    .filter((c) => RUST_ADAPTERS.includes(c.result.adapter.id));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function rewrite(dir: string, files: ReadonlyArray<readonly [string, string]>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe('golden files of the Rust adapters (rust-ipc, trait-only)', () => {
  const cases = rustCases();

  it('has cases for both adapters, the shipped specs verbatim, and a custom layout', () => {
    const ids = new Set(cases.map((c) => c.result.adapter.id));
    assert.ok(ids.has('rust-ipc') && ids.has('trait-only'));
    const verbatim: Array<[string, string]> = [
      ['rust-ipc-gpu-stats', 'gpu-stats.json'],
      ['trait-managed-service', 'traits/managed-service.json'],
      ['trait-lifecycle', 'traits/lifecycle.json'],
      ['trait-metrics-emitter', 'traits/metrics-emitter.json'],
      ['trait-configurable', 'traits/configurable.json'],
    ];
    for (const [name, spec] of verbatim) {
      assert.equal(readFileSync(join(goldenDir, name, 'spec.json'), 'utf8'), readFileSync(join(specsDir, spec), 'utf8'), `${name} is specs/${spec} verbatim`);
    }
    assert.ok(cases.some((c) => c.name.includes('custom-layout') && c.result.adapter.id === 'rust-ipc'));
    assert.ok(cases.some((c) => c.name.includes('custom-layout') && c.result.adapter.id === 'trait-only'));
  });

  for (const { name, config, result } of cases) {
    describe(name, () => {
      const edited = [...applyEdits(result.edits, (path) => fixtureText(path, config))];

      it('planned files equal expected/ byte for byte', () => {
        const dir = join(goldenDir, name, 'expected');
        if (process.env.UPDATE_GOLDEN === '1') rewrite(dir, result.files.map((f) => [f.path, f.content] as const));
        assert.deepEqual(result.files.map((f) => f.path), listFiles(dir), 'the set of planned files');
        for (const file of result.files) assert.equal(file.content, readFileSync(join(dir, file.path), 'utf8'), file.path);
      });

      it('edited files (mod.rs, RustCoreIPC.ts) equal expected-edits/ byte for byte', () => {
        const dir = join(goldenDir, name, 'expected-edits');
        if (process.env.UPDATE_GOLDEN === '1') rewrite(dir, edited);
        assert.deepEqual(edited.map(([path]) => path).sort(), listFiles(dir), 'the set of edited files');
        for (const [path, content] of edited) assert.equal(content, readFileSync(join(dir, path), 'utf8'), path);
      });

      it('a second run adds nothing: every edit is idempotent', () => {
        const once = new Map(edited);
        const twice = applyEdits(result.edits, (path) => once.get(path) ?? fixtureText(path, config));
        assert.equal(twice.size, 0, `changed again: ${[...twice.keys()].join(', ')}`);
      });
    });
  }
});
