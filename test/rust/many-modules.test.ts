import { deepEqual, doesNotMatch, equal, match } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIXINS_PER_STAGE, composeIpcMixin } from '../../shared/edits/ipc-composition.js';
import { makeHostProject, removeHostProjects, typeCheckHost, writeFiles } from '../support/host-project.js';
import { fixturesDir } from '../support/paths.js';

const COMPOSITION = 'src/workers/continuum-core/bindings/RustCoreIPC.ts';
const fixture = readFileSync(join(fixturesDir, 'host', COMPOSITION), 'utf8');
const MODULES = 60;

/** A mixin module in the host's shape (modules/health.ts), with one method of its own. */
const mixinModule = (i: number): { path: string; content: string } => ({
  path: `src/workers/continuum-core/bindings/modules/m${i}.ts`,
  content: [
    "import type { RustCoreIPCClientBase } from './base';",
    `export interface M${i}Mixin { m${i}Call(): Promise<number>; }`,
    '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
    `export function M${i}Mixin<T extends new (...args: any[]) => RustCoreIPCClientBase>(Base: T) {`,
    `\treturn class extends Base implements M${i}Mixin {`,
    `\t\tasync m${i}Call(): Promise<number> { const response = await this.request({ command: 'm${i}/call' }); return response.result as number; }`,
    '\t};',
    '}',
    '',
  ].join('\n'),
});
const registration = (i: number) => ({ mixin: `M${i}Mixin`, from: `./modules/m${i}` });

/** The fixture's composition with modules 0..count-1 added one run at a time, as generation does. */
function composed(count: number): string {
  let text = fixture;
  for (let i = 0; i < count; i++) text = composeIpcMixin(text, registration(i));
  return text;
}

/** A script that calls the first and the last module's method through the composed client. */
const caller = {
  path: 'src/use-client.ts',
  content: `import { RustCoreIPCClient } from './workers/continuum-core/bindings/RustCoreIPC';\nconst client = RustCoreIPCClient.getInstance();\nexport const calls = [client.m0Call(), client.m${MODULES - 1}Call(), client.healthPing()];\n`,
};

describe('RustCoreIPC.ts with more modules than tsc can nest', () => {
  after(removeHostProjects);
  const text = composed(MODULES);

  it(`composes the inner mixins in stage classes of ${MIXINS_PER_STAGE}, each on the one below, in the host's layout`, () => {
    // 62 mixins: the innermost 25 over the base, the next 25 over stage 1, the outer 12 in ComposedClient.
    match(text, /\nclass ComposedClientStage1 extends M22Mixin\(\n\tM21Mixin\(/);
    match(text, /\t+HealthMixin\(RustCoreIPCClientBase\)\n/);
    match(text, /\t+M23Mixin\(ComposedClientStage1\)\n[\s\S]*?\) \{\}\nconst ComposedClient = M59Mixin\(/);
    match(text, /\t+M48Mixin\(ComposedClientStage2\)\n/);
    equal(text.match(/^class ComposedClientStage\d+ extends/gm)?.length, 2);
    equal(text.match(/\/\/ tsc stops at about 50 nested mixins/g)?.length, 1);
  });

  it('is idempotent, and a new module leaves the staged mixins where they are', () => {
    equal(composeIpcMixin(text, registration(30)), text);
    const more = composeIpcMixin(text, registration(MODULES));
    const stage1 = (t: string): string => /class ComposedClientStage1 extends [\s\S]*? \{\}\n/.exec(t)![0];
    equal(stage1(more), stage1(text));
    match(more, /const ComposedClient = M60Mixin\(\n\tM59Mixin\(/);
  });

  it('stays one nesting (no stage class) up to the limit, as the host writes it', () => {
    const small = composed(MIXINS_PER_STAGE - 2);
    doesNotMatch(small, /ComposedClientStage/);
    match(small, new RegExp(`const ComposedClient = M${MIXINS_PER_STAGE - 3}Mixin\\(`));
  });

  it('type-checks under the host tsconfig with every module callable, where the same mixins in one nesting do not (TS2589)', function () {
    this.timeout(300_000);
    const modules = Array.from({ length: MODULES + 1 }, (_, i) => mixinModule(i));
    const staged = makeHostProject([...modules, caller, { path: COMPOSITION, content: text }]);
    const outcome = typeCheckHost(staged);
    equal(outcome.status, 0, outcome.output);

    // Control: the same 62 mixins as one nested expression, as the edit wrote them before stages.
    const names = [...Array.from({ length: MODULES }, (_, i) => `M${MODULES - 1 - i}Mixin`), 'SystemResourcesMixin', 'HealthMixin'];
    const flat = text
      .replace(/\/\/ tsc stops[^\n]*\n(class ComposedClientStage\d+ extends [\s\S]*? \{\}\n)+/, '')
      .replace(
        /^const ComposedClient = [\s\S]*?;\n/m,
        `const ComposedClient = ${names.map((n) => `${n}(`).join('')}RustCoreIPCClientBase${')'.repeat(names.length)};\n`,
      );
    doesNotMatch(flat, /ComposedClientStage/);
    const nested = makeHostProject([...modules, caller]);
    writeFiles(nested, [{ path: COMPOSITION, content: flat }]);
    const failed = typeCheckHost(nested);
    equal(failed.status === 0, false, 'the control type-checks: the test cannot tell stages from one nesting');
    deepEqual([...new Set(failed.output.match(/TS\d+/g))], ['TS2589'], failed.output);
  });
});
