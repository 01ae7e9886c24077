import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import {
  commandGenerator,
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  tempProject,
} from '../support/generator-run.js';

const SAVED_SPEC = 'src/generator/specs/docs-read.json';
const TYPES_FILE = 'src/commands/docs/read/shared/DocsReadTypes.ts';

/**
 * Answers by question name; a list answers the same question again and again (a re-asked
 * question, or an edit from the summary), in order, its last value repeated. yeoman-test's
 * dummy prompts do not run `validate`, so an invalid answer reaches the wizard's own re-check.
 */
function answering(answers: Record<string, unknown>) {
  const asked = new Map<string, number>();
  const firsts = Object.fromEntries(Object.entries(answers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  const callback = (answer: unknown, { question }: { question: { name?: string } }): unknown => {
    const name = question.name ?? '';
    const value = answers[name];
    if (!Array.isArray(value)) return answer;
    const count = asked.get(name) ?? 0;
    asked.set(name, count + 1);
    return value[Math.min(count, value.length - 1)];
  };
  return { firsts, callback };
}

/** The wizard in a fresh folder, its draft kept at `draft` (never the shared temporary folder). */
function runWizard(dir: string, answers: Record<string, unknown>, options: Record<string, unknown> = {}) {
  // (Generator options are not typed by yeoman-test.)
  fromRepoRoot();
  const { firsts, callback } = answering(answers);
  return helpers
    .run(commandGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withOptions({ interactive: true, ...options } as Record<string, unknown>)
    .withAnswers(firsts)
    .withAdapterOptions({ spyFactory: recordingSpyFactory, callback });
}

/** The lines the wizard said (log.writeln), in order. */
function saidLines(result: { env: unknown }): string[] {
  const log = (result.env as { adapter: { log: { writeln: { calls: unknown[][] } } } }).adapter.log;
  return log.writeln.calls.map((c) => String(c[0]));
}

const asked = (result: { askedQuestions: Array<{ name: string }> }): string[] => result.askedQuestions.map((q) => q.name);
const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

const TOP = { name: 'docs/read', description: 'Read a documentation file', environment: 'server', accessLevel: 'ai-safe', className: '' };

describe('the command wizard (yeoman-test answers)', () => {
  after(removeTempProjects);

  it('declares a named type with a nested type and an enum, picks them as types, asks a param default, and generates them', async () => {
    const dir = tempProject();
    const draft = join(tempProject(), 'docs-read.draft.json');
    const result = await runWizard(
      dir,
      {
        ...TOP,
        addParam1: true,
        param1Name: 'format',
        param1Type: 'new-enum',
        type1Name: 'DocFormat',
        type1Description: 'How the text comes back',
        type1Values: 'markdown | text',
        param1List: false,
        param1Optional: true,
        param1Default: 'markdown',
        param1Description: 'Output format',
        addParam2: false,
        addResult1: true,
        result1Name: 'sections',
        result1Type: 'new-object',
        type2Name: 'DocSection',
        type2Description: 'A heading and where it starts',
        type2AddField1: true,
        type2Field1Name: 'heading',
        type2Field1Type: 'string',
        type2Field1Optional: false,
        type2AddField2: true,
        type2Field2Name: 'anchor',
        type2Field2Type: 'new-object',
        type3Name: 'Anchor',
        type3AddField1: true,
        type3Field1Name: 'line',
        type3Field1Type: 'integer',
        type3Field1Description: '1-based line',
        type3AddField2: false,
        type2Field2List: false,
        type2Field2Optional: true,
        type2AddField3: false,
        result1List: true,
        addResult2: false,
        summaryAction: 'generate',
      },
      { draft },
    );
    for (const name of ['type1Values', 'type2Field2Type', 'type3Field1Name', 'param1Default', 'summaryAction'])
      ok(asked(result).includes(name), `${name} was asked`);
    deepStrictEqual(JSON.parse(read(dir, SAVED_SPEC)), {
      version: 2,
      name: 'docs/read',
      description: 'Read a documentation file',
      environment: 'server',
      accessLevel: 'ai-safe',
      types: {
        DocFormat: { description: 'How the text comes back', enum: ['markdown', 'text'] },
        DocSection: {
          description: 'A heading and where it starts',
          fields: { heading: { type: 'string' }, anchor: { type: 'Anchor', optional: true } },
        },
        Anchor: { fields: { line: { type: 'integer', description: '1-based line' } } },
      },
      params: [{ name: 'format', type: 'DocFormat', optional: true, default: 'markdown', description: 'Output format' }],
      results: [{ name: 'sections', type: 'DocSection[]' }],
    });
    const types = read(dir, TYPES_FILE);
    match(types, /export interface DocSection \{/);
    match(types, /anchor\?: Anchor;/);
    match(types, /export interface Anchor \{/);
    match(types, /sections: DocSection\[\];/);
    match(types, /format: 'markdown'/, 'the default lands in the params factory');
    equal(existsSync(draft), true, 'a draft the user named stays');
  });

  it('re-asks an answer the engine refuses, saying why: an inline object type, a payload field name, a bad class name', async () => {
    const dir = tempProject();
    const result = await runWizard(
      dir,
      {
        ...TOP,
        className: ['Docs Reader', 'DocReader'],
        addParam1: true,
        param1Name: ['sessionId', 'path'],
        param1Type: 'other',
        param1TypeExpression: ['{ date: string; high: number }[]', 'Forecast[]', 'string[]'],
        addParam2: false,
        addResult1: false,
      },
      { draft: join(tempProject(), 'x.draft.json') },
    );
    const times = (name: string): number => asked(result).filter((n) => n === name).length;
    deepStrictEqual([times('className'), times('param1Name'), times('param1TypeExpression')], [2, 2, 3]);
    const said = saidLines(result).join('\n');
    match(said, /Class-name stem.*: value does not match the required pattern; found "Docs Reader"/);
    match(said, /'sessionId' is already part of every CommandParams/);
    match(said, /path: type \(TypeScript syntax\): type "\{ date: string; high: number \}\[\]": inline object types are not accepted/);
    match(said, /unknown type Forecast; .*\(to declare it, pick "a new type with fields" or "a new enum" instead\)/);
    const spec = JSON.parse(read(dir, 'src/generator/specs/docs-read.json'));
    deepStrictEqual([spec.className, spec.params], ['DocReader', [{ name: 'path', type: 'string[]' }]]);
  });

  it("refuses a field name the engine refuses ($x, toString), by the engine's own rule, and keeps asking", async () => {
    const dir = tempProject();
    const result = await runWizard(
      dir,
      { ...TOP, addParam1: true, param1Name: ['$x', 'toString', 'path'], param1Type: 'string', addParam2: false, addResult1: false },
      { draft: join(tempProject(), 'x.draft.json') },
    );
    equal(asked(result).filter((n) => n === 'param1Name').length, 3);
    const said = saidLines(result).join('\n');
    match(said, /field name "\$x" is not an identifier/);
    match(said, /field name "toString" is a member of every JavaScript object/);
    deepStrictEqual(JSON.parse(read(dir, 'src/generator/specs/docs-read.json')).params, [{ name: 'path', type: 'string' }]);
  });

  it("offers the project's own access levels, and accepts a type the project exports (the registry the run imports it from)", async () => {
    const dir = tempProject({
      '.yo-rc.json': JSON.stringify({ 'generator-continuum': { accessLevels: ['public', 'internal'] } }),
      'src/shared/generated/gpu/SubsystemInfo.ts': 'export type SubsystemInfo = { usedMb: number, };\n',
    });
    const offered: unknown[] = [];
    fromRepoRoot();
    const answers: Record<string, unknown> = {
      ...TOP,
      accessLevel: 'public',
      addParam1: false,
      addResult1: true,
      result1Name: 'gpu',
      result1Type: 'other',
      result1TypeExpression: 'SubsystemInfo',
      result1Description: '',
      addResult2: false,
      summaryAction: 'generate',
    };
    await helpers
      .run(commandGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
      .withOptions({ interactive: true, draft: join(tempProject(), 'x.draft.json') } as Record<string, unknown>)
      .withAnswers(answers)
      .withAdapterOptions({
        spyFactory: recordingSpyFactory,
        callback: (answer: unknown, { question }: { question: { name?: string; choices?: unknown } }) => {
          if (question.name === 'accessLevel') offered.push(question.choices);
          return answer;
        },
      });
    deepStrictEqual(offered, [
      [
        { value: 'public', name: 'public' },
        { value: 'internal', name: 'internal (default)' },
      ],
    ]);
    const spec = JSON.parse(read(dir, SAVED_SPEC));
    deepStrictEqual(
      [spec.accessLevel, spec.results, spec.imports],
      ['public', [{ name: 'gpu', type: 'SubsystemInfo' }], [{ name: 'SubsystemInfo', from: '@shared/generated/gpu/SubsystemInfo' }]],
    );
  });

  it('shows a summary and lets any part be edited before confirming', async () => {
    const dir = tempProject();
    const result = await runWizard(
      dir,
      {
        ...TOP,
        description: ['first try', 'Read a documentation file'],
        addParam1: true,
        param1Name: ['path', 'file'],
        param1Type: 'string',
        param1Optional: false,
        addParam2: false,
        addResult1: true,
        result1Name: 'content',
        result1Type: 'string',
        addResult2: false,
        summaryAction: ['edit:description', 'edit:param:0', 'add:result', 'remove:result:1', 'generate'],
        result2Name: 'extra',
        result2Type: 'boolean',
      },
      { draft: join(tempProject(), 'x.draft.json') },
    );
    equal(asked(result).filter((n) => n === 'summaryAction').length, 5);
    const summary = saidLines(result).join('\n');
    match(summary, /Command docs\/read: class DocsRead, runs on server, access ai-safe/);
    match(summary, /^ {4}1\. path: string$/m);
    match(summary, /^ {4}2\. extra: boolean$/m, 'the summary after adding a result shows it');
    const spec = JSON.parse(read(dir, SAVED_SPEC));
    deepStrictEqual(
      [spec.description, spec.params, spec.results],
      ['Read a documentation file', [{ name: 'file', type: 'string' }], [{ name: 'content', type: 'string' }]],
    );
  });

  it('a spec the engine refuses at the end is not generated: the problems are listed in wizard terms, and the summary comes back to fix them', async () => {
    const dir = tempProject();
    const result = await runWizard(
      dir,
      {
        ...TOP,
        addParam1: true,
        param1Name: 'format',
        param1Type: ['new-enum', 'string'],
        type1Name: 'DocFormat',
        type1Values: 'markdown, text',
        param1List: false,
        param1Optional: false,
        addParam2: false,
        addResult1: false,
        // Removing the type leaves the param naming it: generate refuses; editing the param fixes it.
        summaryAction: ['remove:type:DocFormat', 'generate', 'edit:param:0', 'generate'],
      },
      { draft: join(tempProject(), 'x.draft.json') },
    );
    const said = saidLines(result);
    ok(said.includes('The spec has 1 problem; nothing is written until it is fixed:'), said.join('\n'));
    ok(
      said.some((line) => /^ {2}parameter 1 \(format\), type: unknown type DocFormat; found "DocFormat"/.test(line)),
      said.join('\n'),
    );
    equal(
      said.some((line) => /<wizard>:\d+:\d+/.test(line)),
      false,
      'no line:column of a file the user never saw',
    );
    const spec = JSON.parse(read(dir, SAVED_SPEC));
    deepStrictEqual([spec.types, spec.params], [undefined, [{ name: 'format', type: 'string' }]]);
  });

  it('keeps the answers in a draft when the run fails part-way, and names it in the error; --spec=<draft> goes on from there', async () => {
    const dir = tempProject();
    const draft = join(tempProject(), 'docs-read.draft.json');
    fromRepoRoot();
    const crash = (answer: unknown, { question }: { question: { name?: string } }): unknown => {
      if (question.name === 'param1Type') throw new Error('the terminal went away');
      return answer;
    };
    await rejects(
      helpers
        .run(commandGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
        .withOptions({ interactive: true, draft } as Record<string, unknown>)
        .withAnswers({ ...TOP, addParam1: true, param1Name: 'path' })
        .withAdapterOptions({ spyFactory: recordingSpyFactory, callback: crash }),
      /the terminal went away/,
    );
    deepStrictEqual(listFiles(dir), [], 'nothing written');
    deepStrictEqual(JSON.parse(readFileSync(draft, 'utf8')), {
      version: 2,
      name: 'docs/read',
      description: 'Read a documentation file',
      environment: 'server',
      accessLevel: 'ai-safe',
      params: [],
    });

    // Resuming asks only what the draft lacks (the class name, the results), then the summary, where a param is added.
    const resumed = await runWizard(
      dir,
      {
        className: '',
        addResult1: false,
        summaryAction: ['add:param', 'generate'],
        param1Name: 'path',
        param1Type: 'string',
        param1Optional: false,
      },
      { spec: draft },
    );
    deepStrictEqual(asked(resumed).slice(0, 3), ['className', 'addResult1', 'summaryAction']);
    equal(asked(resumed).includes('name'), false);
    deepStrictEqual(JSON.parse(read(dir, SAVED_SPEC)).params, [{ name: 'path', type: 'string' }]);
  });

  it('"stop here" writes nothing and keeps the answers', async () => {
    const dir = tempProject();
    const draft = join(tempProject(), 'x.draft.json');
    const result = await runWizard(dir, { ...TOP, addParam1: false, addResult1: false, summaryAction: 'quit' }, { draft });
    deepStrictEqual(listFiles(dir), []);
    ok(saidLines(result).some((line) => line.startsWith(`Stopped before generating; nothing was written. Your answers are in ${draft}`)));
    equal(JSON.parse(readFileSync(draft, 'utf8')).name, 'docs/read');
  });

  it('a draft of its own (no --draft) lives in the temporary folder while it runs and is removed once the files are written', async () => {
    const dir = tempProject();
    // Its own temporary folder, so that no other run on the machine shares the draft's path.
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tempProject();
    const result = await runWizard(dir, { ...TOP, name: 'lab/draft-cleanup', addParam1: false, addResult1: false }).finally(() => {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    });
    const line = saidLines(result).find((l) => l.startsWith('Your answers are kept in '));
    ok(line, saidLines(result).join('\n'));
    const path = /kept in (\S+) until/.exec(line!)![1];
    match(path, /lab-draft-cleanup\.draft\.json$/);
    equal(existsSync(path), false, 'removed after the write');
    ok(listFiles(dir).includes('src/generator/specs/lab-draft-cleanup.json'));
  });

  it('a flag with a value the engine refuses fails before any question, naming the flag', async () => {
    const dir = tempProject();
    writeFileSync(join(dir, '.keep'), '');
    await rejects(runWizard(dir, {}, { name: 'docs/../x' }), /--name: command name contains a '\.' or '\.\.' segment/);
    await rejects(
      runWizard(dir, {}, { className: 'not-pascal', interactive: false, name: 'docs/read', description: 'x' }),
      /--class-name: value does not match the required pattern; found "not-pascal"/,
    );
    deepStrictEqual(listFiles(dir), ['.keep']);
  });
});
