import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, listFiles, removeTempProjects, tempProject } from '../support/generator-run.js';
import { runInTerminal, type TerminalStep } from '../support/terminal.js';

/** A project the wizard may write into (it has the host's commands folder). */
const project = (): string => tempProject({ '.yo-rc.json': JSON.stringify({ 'generator-continuum': {} }), 'src/commands/.keep': '' });

const paths = [
  ['the bin wizard', {}],
  ['the Yeoman path', { CONTINUUM_GEN_PATH: 'yeoman' }],
] as const;

const TO_DESCRIPTION: TerminalStep[] = [
  { waitFor: /Command name \(slash-separated, e\.g\. docs\/read\)/, send: 'docs/read\r' },
  { waitFor: /Description \(one sentence\)/, send: '\x03' },
];

describe('the wizard in a terminal (a pseudo-terminal through util-linux script)', function () {
  this.timeout(180_000);
  after(removeTempProjects);

  for (const [path, env] of paths) {
    it(`Ctrl-C exits 130 with one line, writes nothing, and keeps the answers (${path})`, async () => {
      const dir = project();
      const draft = join(tempProject(), 'docs-read.draft.json');
      const run = await runInTerminal(process.execPath, [binPath, 'command', `--draft=${draft}`], { cwd: dir, steps: TO_DESCRIPTION, env });
      equal(run.code, 130, run.output);
      const after = run.output.slice(run.output.indexOf('Description (one sentence)'));
      const lines = after
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.trim())
        .filter((l) => l !== '');
      deepStrictEqual(lines, [
        `Interrupted; nothing was written. Your answers are in ${draft} (go on with: continuum-gen command --spec=${draft})`,
      ]);
      equal(/An error occured|ExitPromptError|\n\s+at /.test(run.output), false, run.output);
      deepStrictEqual(listFiles(dir), ['.yo-rc.json', 'src/commands/.keep']);
      deepStrictEqual(JSON.parse(readFileSync(draft, 'utf8')), { version: 2, name: 'docs/read' });
    });
  }

  it('the whole wizard, answered at the keyboard, generates the command; the draft is then removed', async () => {
    const dir = project();
    const draftDir = tempProject();
    const run = await runInTerminal(process.execPath, [binPath, 'command'], {
      cwd: dir,
      // The code cache has a folder of its own, so that the temp folder holds only what the wizard leaves.
      env: { TMPDIR: draftDir, NODE_COMPILE_CACHE: tempProject() },
      steps: [
        { waitFor: /Command name/, send: 'lab/ping\r' },
        { waitFor: /Description/, send: 'Answer pong\r' },
        { waitFor: /Where does it run\?/, send: '\r' },
        { waitFor: /Access level/, send: '\r' },
        { waitFor: /Class-name stem.*LabPing/, send: '\r' },
        { waitFor: /Add a parameter\?/, send: 'y\r' },
        { waitFor: /parameter #1: name/, send: 'sessionId\r' },
        // The engine's rule, shown as the user types: the answer is refused and asked again.
        { waitFor: /'sessionId' is already part of every CommandParams/, send: '\u007f'.repeat(9) + 'target\r' },
        { waitFor: /target: type/, send: '\r' },
        { waitFor: /target: optional/, send: 'n\r' },
        { waitFor: /target: description/, send: 'Who to ping\r' },
        { waitFor: /Add another parameter\?/, send: 'n\r' },
        { waitFor: /Add a result field\?/, send: 'n\r' },
        { waitFor: /Generate this command, or change something\?/, send: '\r' },
      ],
    });
    equal(run.code, 0, run.output);
    match(run.output, /1\. target: string {2}\(Who to ping\)/, 'the summary lists the param');
    deepStrictEqual(JSON.parse(readFileSync(join(dir, 'src/generator/specs/lab-ping.json'), 'utf8')).params, [
      { name: 'target', type: 'string', description: 'Who to ping' },
    ]);
    ok(listFiles(dir).includes('src/commands/lab/ping/shared/LabPingTypes.ts'));
    equal(listFiles(draftDir).length, 0, 'no draft left behind');
  });

  it('the bin wizard asks its first question before loading yeoman-environment, yeoman-generator, @yeoman/adapter or ts-morph; the Yeoman path loads them (the check can fail)', async () => {
    const recordOf = async (env: Record<string, string>): Promise<string[]> => {
      const record = join(tempProject(), 'modules.txt');
      const hook = join(tempProject(), 'record-hook.mjs');
      writeFileSync(
        hook,
        `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(record)}, result.url + '\\n');\n  return result;\n}\n`,
      );
      const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`;
      const run = await runInTerminal(
        process.execPath,
        ['--import', register, binPath, 'command', `--draft=${join(tempProject(), 'x.draft.json')}`],
        { cwd: project(), steps: [{ waitFor: /Command name/, send: '\x03' }], env },
      );
      equal(run.code, 130, run.output);
      ok(existsSync(record), 'the hook recorded');
      return readFileSync(record, 'utf8').split('\n');
    };
    const heavy = ['/yeoman-environment/', '/yeoman-generator/', '/@yeoman/adapter/', '/ts-morph/'];
    const wizard = await recordOf({});
    ok(
      wizard.some((url) => url.includes('/@inquirer/')),
      'the hook sees what the wizard loads',
    );
    for (const name of heavy)
      equal(
        wizard.some((url) => url.includes(name)),
        false,
        `the bin wizard loaded ${name}`,
      );
    const yeoman = await recordOf({ CONTINUUM_GEN_PATH: 'yeoman' });
    ok(yeoman.some((url) => url.includes('/yeoman-environment/')));
  });
});
