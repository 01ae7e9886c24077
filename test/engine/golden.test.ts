import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { resolveProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { goldenDir, repoRoot } from '../support/paths.js';

/**
 * One folder per case under test/golden/: spec.json (+ optional config.json, the project config)
 * and expected/, the files the generator must write, byte for byte. `UPDATE_GOLDEN=1` rewrites
 * expected/ from the current output; review the diff before committing it.
 */
export function goldenCases(): string[] {
  return readdirSync(goldenDir)
    .filter((name) => existsSync(join(goldenDir, name, 'spec.json')))
    .sort();
}

export function generateCase(name: string) {
  const caseDir = join(goldenDir, name);
  const configPath = join(caseDir, 'config.json');
  const config = resolveProjectConfig(existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined, configPath);
  return generateCommand({ specText: readFileSync(join(caseDir, 'spec.json'), 'utf8'), specFile: `${name}/spec.json`, config });
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

describe('golden files', () => {
  const cases = goldenCases();

  it('has a case per TypeScript command adapter', () => {
    const adapters = new Set(cases.map((c) => generateCase(c).adapter.id));
    for (const id of ['server-only', 'browser-only', 'full-stack']) assert.ok(adapters.has(id), `no golden case for ${id}`);
  });

  for (const name of cases) {
    it(`${name}: output equals expected/ byte for byte`, () => {
      const expectedDir = join(goldenDir, name, 'expected');
      const { files } = generateCase(name);
      if (process.env.UPDATE_GOLDEN === '1') {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of files) {
          mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
          writeFileSync(join(expectedDir, file.path), file.content);
        }
      }
      assert.deepEqual(files.map((f) => f.path), listFiles(expectedDir), 'the set of planned files');
      for (const file of files) {
        assert.equal(file.content, readFileSync(join(expectedDir, file.path), 'utf8'), file.path);
      }
    });
  }
});

describe('determinism', () => {
  it('the same spec and config give identical plans, with no absolute path or time in them', () => {
    for (const name of goldenCases()) {
      const first = generateCase(name).files;
      const second = generateCase(name).files;
      assert.deepEqual(first, second, name);
      for (const file of first) {
        for (const leak of [repoRoot, tmpdir(), process.env.HOME ?? '/nonexistent-home']) {
          assert.ok(!file.content.includes(leak), `${name}/${file.path} contains ${leak}`);
        }
        assert.doesNotMatch(file.content, /\b20\d\d-\d\d-\d\dT\d\d:/, `${name}/${file.path} contains a timestamp`);
      }
    }
  });

  it('plans are sorted by path', () => {
    for (const name of goldenCases()) {
      const paths = generateCase(name).files.map((f) => f.path);
      assert.deepEqual(paths, [...paths].sort(), name);
    }
  });
});
