import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { LANGUAGE_ADAPTERS, generateLanguageCase, languageCases, languageFiles, languageGoldenDir, listFilesUnder } from './language-cases.js';

/**
 * Golden files of the language adapters: test/languages/golden/<case>/expected/ holds every file
 * the five adapters write for the case, byte for byte. `UPDATE_GOLDEN=1` rewrites them; review
 * the diff before committing it.
 */
describe('language adapters: golden files', () => {
  const cases = languageCases();

  it('covers the required specs and every language adapter', () => {
    const specs = cases.map((c) => c.spec);
    for (const spec of ['specs/docs-read.json', 'specs/chat-send.json', 'specs/vhsm-encrypt.json']) assert.ok(specs.includes(spec), `no golden case for ${spec}`);
    for (const c of cases) {
      const ran = generateLanguageCase(c).plans.map((p) => p.adapter);
      for (const id of LANGUAGE_ADAPTERS) assert.ok(ran.includes(id), `${c.name}: ${id} did not run`);
    }
  });

  for (const c of cases) {
    it(`${c.name}: every adapter's output equals expected/ byte for byte`, () => {
      const expectedDir = join(languageGoldenDir, c.name, 'expected');
      const files = languageFiles(generateLanguageCase(c));
      if (process.env.UPDATE_GOLDEN === '1') {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of files) {
          mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
          writeFileSync(join(expectedDir, file.path), file.content);
        }
      }
      assert.deepEqual(files.map((f) => f.path).sort(), listFilesUnder(expectedDir), 'the set of planned files');
      for (const file of files) assert.equal(file.content, readFileSync(join(expectedDir, file.path), 'utf8'), file.path);
    });
  }

  it('is deterministic: two runs give identical files with no absolute path or time in them', () => {
    for (const c of cases) {
      const first = languageFiles(generateLanguageCase(c));
      assert.deepEqual(first, languageFiles(generateLanguageCase(c)), c.name);
      for (const file of first) {
        for (const leak of [repoRoot, tmpdir(), process.env.HOME ?? '/nonexistent-home']) assert.ok(!file.content.includes(leak), `${c.name}/${file.path} contains ${leak}`);
        assert.doesNotMatch(file.content, /\b20\d\d-\d\d-\d\dT\d\d:/, `${c.name}/${file.path} contains a timestamp`);
      }
    }
  });
});
