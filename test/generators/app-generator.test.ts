import { deepStrictEqual, match, rejects } from 'node:assert/strict';
import helpers from 'yeoman-test';
import {
  appGenerator,
  docsReadFiles,
  docsReadSpec,
  fromRepoRoot,
  listFiles,
  removeTempProjects,
  tempProject,
} from '../support/generator-run.js';

const runApp = (dir: string, options: Record<string, unknown>, args: string[] = []) => {
  fromRepoRoot();
  return helpers
    .run(appGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withArguments(args)
    .withOptions(options);
};

describe('continuum (the app generator)', () => {
  after(removeTempProjects);

  it('lists the sub-generators that exist and runs the one chosen, forwarding the options', async () => {
    const dir = tempProject();
    const result = await runApp(dir, { interactive: true, spec: docsReadSpec }).withAnswers({ subGenerator: 'command' });
    const question = result.askedQuestions.find((q) => q.name === 'subGenerator');
    deepStrictEqual(question?.answer, 'command');
    deepStrictEqual(listFiles(dir), docsReadFiles);
  });

  it('takes the sub-generator as an argument: yo continuum command --spec=...', async () => {
    const dir = tempProject();
    const result = await runApp(dir, { interactive: false, spec: docsReadSpec }, ['command']);
    deepStrictEqual(result.askedQuestions, []);
    deepStrictEqual(listFiles(dir), docsReadFiles);
  });

  it('non-interactive without a choice: names the missing choice and lists the sub-generators', async () => {
    const dir = tempProject();
    await rejects(runApp(dir, { interactive: false }), (error: Error) => {
      match(error.message, /Missing sub-generator/);
      match(error.message, /^ {2}command: /m);
      return true;
    });
    deepStrictEqual(listFiles(dir), []);
  });

  it('refuses a sub-generator that does not exist', async () => {
    const dir = tempProject();
    await rejects(runApp(dir, { interactive: false }, ['nope']), (error: Error) => {
      match(error.message, /^There is no sub-generator "nope"\. Available:$/m);
      match(error.message, /^ {2}command: /m);
      return true;
    });
    deepStrictEqual(listFiles(dir), []);
  });
});
