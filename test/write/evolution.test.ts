/**
 * A TypeScript command that stays managed while someone works in it: generated into a copy of the
 * host fixture, its server command filled in and its README extended by hand, then three spec
 * changes one after another, each regenerated without --force. After every step each hand-written
 * line is still there, the spec change reached the code, and the host type-checks (tsc --strict).
 */
import { equal, match, ok } from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { makeHostProject, removeHostProjects, typeCheckHost } from '../support/host-project.js';
import { repoRoot } from '../support/paths.js';
import type { EditableSpec } from '../support/editable-spec.js';

const SERVER = 'src/commands/notes/find/server/NotesFindServerCommand.ts';
const TYPES = 'src/commands/notes/find/shared/NotesFindTypes.ts';
const README = 'src/commands/notes/find/README.md';
const SAVED_SPEC = 'src/generator/specs/notes-find.json';

const firstSpec = {
  version: 2,
  name: 'notes/find',
  description: 'Find notes that mention a word',
  environment: 'server',
  accessLevel: 'ai-safe',
  params: [{ name: 'word', type: 'string', description: 'The word to look for' }],
  results: [{ name: 'matches', type: 'string[]', description: 'Titles of the matching notes' }],
};

/** What a developer writes into the generated files. */
const handWritten = {
  server: ['    const found = await searchNotes(params.word); // hand-written: the real search', '      matches: found,'],
  helper: [
    '/** Hand-written helper, below the generated class. */',
    'async function searchNotes(word: string): Promise<string[]> {',
    "  return word === '' ? [] : [`notes about ${word}`];",
    '}',
  ],
  readme: ['## Notes from the team', '', 'Search is case-sensitive for now (hand-written).'],
};

function fillIn(dir: string): void {
  const server = readFileSync(join(dir, SERVER), 'utf8');
  // The generated body: a TODO line, then a result built from placeholder values.
  const filled = server
    .replace(/^ *\/\/ TODO\(notes\/find\):.*\n/m, `${handWritten.server[0]}\n`)
    .replace(/^ *matches: \[\],\n/m, `${handWritten.server[1]}\n`);
  ok(
    filled !== server && filled.includes(handWritten.server[1]),
    `the generated server command has the expected TODO and placeholder:\n${server}`,
  );
  writeFileSync(join(dir, SERVER), `${filled}\n${handWritten.helper.join('\n')}\n`);
  writeFileSync(join(dir, README), `${readFileSync(join(dir, README), 'utf8')}\n${handWritten.readme.join('\n')}\n`);
}

function assertHandWrittenKept(dir: string, step: string): void {
  const server = readFileSync(join(dir, SERVER), 'utf8');
  for (const line of [...handWritten.server, ...handWritten.helper])
    ok(server.includes(`${line}\n`), `${step}: ${SERVER} lost a hand-written line: ${line}\n${server}`);
  const readme = readFileSync(join(dir, README), 'utf8');
  for (const line of handWritten.readme.filter((l) => l !== '')) ok(readme.includes(line), `${step}: ${README} lost: ${line}`);
  equal(/^(<<<<<<<|>>>>>>>)/m.test(server), false, `${step}: no conflict markers`);
}

const editSpec = (dir: string, change: (spec: EditableSpec) => void): void => {
  const spec = JSON.parse(readFileSync(join(dir, SAVED_SPEC), 'utf8'));
  change(spec);
  writeFileSync(join(dir, SAVED_SPEC), `${JSON.stringify(spec, null, 2)}\n`);
};

describe('evolution of a TypeScript command through three spec changes, hand-written lines kept', function () {
  after(removeTempProjects);
  after(removeHostProjects);

  it('merges each change without --force; tsc --strict passes after every step', async () => {
    const dir = makeHostProject();
    const outside = join(tempProject(), 'notes-find.json');
    writeFileSync(outside, JSON.stringify(firstSpec, null, 2));
    const generate = async (spec: string, step: string) => {
      const run = await runBin(['command', `--spec=${spec}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
      equal(run.code, 0, `${step}: ${run.stderr}`);
      return run.stderr;
    };
    await generate(outside, 'first generation');
    fillIn(dir);
    const compiled = typeCheckHost(dir);
    equal(compiled.status, 0, `filled in: ${compiled.output}`);

    const steps: Array<[string, (spec: EditableSpec) => void, (dir: string, stderr: string) => void]> = [
      [
        'a new optional param',
        (spec) => spec.params.push({ name: 'limit', type: 'integer', optional: true, description: 'At most this many notes' }),
        (d) => match(readFileSync(join(d, TYPES), 'utf8'), /limit\?: number;/),
      ],
      [
        'a declared type and a new result that uses it',
        (spec) => {
          spec.types = {
            NoteHit: {
              description: 'One matching note',
              fields: {
                title: { type: 'string', description: 'Its title' },
                score: { type: 'number', description: 'How well it matches' },
              },
            },
          };
          spec.results.push({ name: 'best', type: 'NoteHit | null', description: 'The best match, if any' });
        },
        (d) => match(readFileSync(join(d, TYPES), 'utf8'), /export interface NoteHit \{[\s\S]*score: number;[\s\S]*best: NoteHit \| null;/),
      ],
      [
        'a union param with a default, and a reworded description',
        (spec) => {
          spec.params.push({
            name: 'order',
            type: "'newest' | 'oldest' | 'best'",
            optional: true,
            default: 'best',
            description: 'Order of the matches',
          });
          spec.params[0].description = 'The word (or phrase) to look for';
        },
        (d) => {
          const types = readFileSync(join(d, TYPES), 'utf8');
          match(types, /'newest' \| 'oldest' \| 'best'/);
          match(types, /The word \(or phrase\) to look for/);
        },
      ],
    ];
    for (const [step, change, visible] of steps) {
      editSpec(dir, change);
      const stderr = await generate(join(dir, SAVED_SPEC), step);
      match(stderr, new RegExp(`merged ${SERVER}`), `${step}: the server command is merged, not replaced`);
      match(stderr, new RegExp(`merged ${README}`), `${step}: the README is merged`);
      assertHandWrittenKept(dir, step);
      visible(dir, stderr);
      const checked = typeCheckHost(dir);
      equal(checked.status, 0, `${step}: ${checked.output}`);
    }
    // The step that needs a result field the hand-written code does not set would not compile; the
    // generated default value keeps it compiling, which is what tsc just proved. A re-run changes nothing.
    const again = await runBin(['command', `--spec=${join(dir, SAVED_SPEC)}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
    equal(again.code, 0, again.stderr);
    ok(again.stderr.split('\n').filter((l) => /^\s*(create|update|merged|force|conflict|edit) /.test(l)).length === 0, again.stderr);
  });

  it('control: the same hand-written server file without the merge (taken as generated) loses the lines', async () => {
    const dir = makeHostProject();
    const outside = join(tempProject(), 'notes-find.json');
    writeFileSync(outside, JSON.stringify(firstSpec, null, 2));
    equal((await runBin(['command', `--spec=${outside}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' })).code, 0);
    fillIn(dir);
    editSpec(dir, (spec) => spec.params.push({ name: 'limit', type: 'integer', optional: true, description: 'At most this many notes' }));
    const forced = await runBin(['command', `--spec=${join(dir, SAVED_SPEC)}`, `--cwd=${dir}`, '--force'], {
      cwd: repoRoot,
      stdin: 'closed',
    });
    equal(forced.code, 0, forced.stderr);
    equal(
      readFileSync(join(dir, SERVER), 'utf8').includes(handWritten.server[0]),
      false,
      'the check above can fail: --force drops the hand-written line',
    );
  });
});
