/**
 * A Rust-backed command that stays managed while people work in it, over both verticals (the Rust
 * module and the TypeScript command): generated into a host checkout, filled in by hand (the Rust
 * handler and a Rust test, the server command, the mixin, the README, the unit test), then ten spec
 * changes one after another, each regenerated without --force: params and results added, renamed,
 * retyped and removed, a type added, a union member added, a second and a third command joining
 * the module, one removed. After every step each hand-written line is still there, the change is
 * visible, and tsc --strict, cargo check and cargo test pass.
 */
import { equal, match, ok } from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runBin } from '../support/generator-run.js';
import { typeCheckHost } from '../support/host-project.js';
import { repoRoot } from '../support/paths.js';
import { cargoUnavailable, removeRustCrates, runCargo } from '../support/rust-project.js';
import { makeLivingProject, type LivingProject } from './living-project.js';
import type { EditableSpec } from '../support/editable-spec.js';

const CRATE = 'src/workers/continuum-core';
const MODULE = `${CRATE}/src/modules/gpu.rs`;
const HANDLER = `${CRATE}/src/modules/gpu/stats.rs`;
const MIXIN = `${CRATE}/bindings/modules/gpu.ts`;
const COMMAND = 'src/commands/gpu/stats';
const SERVER = `${COMMAND}/server/GpuStatsServerCommand.ts`;
const TYPES = `${COMMAND}/shared/GpuStatsTypes.ts`;
const README = `${COMMAND}/README.md`;
const UNIT = `${COMMAND}/test/unit/GpuStatsCommand.test.ts`;
const SPECS = 'src/generator/specs';

const statsSpec = {
  version: 2,
  name: 'gpu/stats',
  description: 'GPU memory stats',
  adapter: 'rust-ipc',
  environment: 'server',
  accessLevel: 'ai-safe',
  rust: { module: 'modules/gpu' },
  params: [{ name: 'subsystem', type: 'string', optional: true, description: 'Only this subsystem' }],
  results: [
    { name: 'totalMb', type: 'number', description: 'Total VRAM, in MB' },
    { name: 'usedMb', type: 'number', description: 'Used VRAM, in MB' },
  ],
};

const otherSpec = (name: string, description: string) => ({
  version: 2,
  name,
  description,
  adapter: 'rust-ipc',
  environment: 'server',
  rust: { module: 'modules/gpu' },
  params: [{ name: 'consumer', type: 'string', description: 'Id of the consumer' }],
  results: [{ name: 'done', type: 'boolean', description: 'Whether it happened' }],
});

/** What the developer writes, file by file: each line must survive every regeneration. */
const handWritten = {
  handler: [
    '        // hand-written: the fixture has one 8 GiB card, 1 GiB of it used',
    '        let _ = &params;',
    '        Ok(GpuStatsResult { total_mb: 8192.0, used_mb: 1024.0, ..Default::default() })',
  ],
  handlerTest: [
    '#[cfg(test)]',
    'mod hand_written_tests {',
    '    use super::*;',
    '',
    '    #[test]',
    '    fn stats_reports_the_card() {',
    '        let result = GpuModule::new().stats(GpuStatsParams::default()).unwrap();',
    '        assert_eq!((result.total_mb, result.used_mb), (8192.0, 1024.0));',
    '    }',
    '}',
  ],
  server: [
    '    // hand-written: a core that reports more used than total is broken',
    "    if (result.usedMb > result.totalMb) throw new Error('gpu/stats: used exceeds total');",
  ],
  serverHelper: [
    '/** Hand-written helper, below the generated class. */',
    'export function usedShare(result: GpuStatsResult): number {',
    '  return result.totalMb === 0 ? 0 : result.usedMb / result.totalMb;',
    '}',
  ],
  mixin: [
    '/** Hand-written: the used share of a stats answer. */',
    'export function gpuUsedShare(stats: { totalMb: number; usedMb: number }): number {',
    '  return stats.totalMb === 0 ? 0 : stats.usedMb / stats.totalMb;',
    '}',
  ],
  readme: ['## Notes from the team', '', 'The fixture card has 8 GiB (hand-written).'],
  unitCall: ['  testHandWritten(); // hand-written'],
  unitTest: [
    '/** Hand-written: the accessor keeps its name. */',
    'function testHandWritten(): void {',
    "  assert(GpuStats.commandName === 'gpu/stats', 'the accessor is named gpu/stats');",
    '}',
  ],
};

function replaceOnce(text: string, from: string | RegExp, to: string, what: string): string {
  const replaced = text.replace(from, to);
  ok(replaced !== text, `the generated ${what} has the expected shape:\n${text}`);
  return replaced;
}

function fillIn(project: LivingProject): void {
  const handler = project.read(HANDLER);
  const body = replaceOnce(
    handler,
    /^ *\/\/ TODO\(gpu\/stats\):.*\n *Err\(format!\(.*\n/m,
    `${handWritten.handler.join('\n')}\n`,
    'handler',
  );
  project.write(HANDLER, `${body}\n${handWritten.handlerTest.join('\n')}\n`);
  const server = replaceOnce(
    project.read(SERVER),
    /^( *)return createGpuStatsResultFromParams\(/m,
    `${handWritten.server.join('\n')}\n$1return createGpuStatsResultFromParams(`,
    'server command',
  );
  project.write(SERVER, `${server}\n${handWritten.serverHelper.join('\n')}\n`);
  project.write(MIXIN, `${project.read(MIXIN)}\n${handWritten.mixin.join('\n')}\n`);
  project.write(README, `${project.read(README)}\n${handWritten.readme.join('\n')}\n`);
  // Between two calls every generation has: the generator adds its new checks after testParamsFactory() (a call there too would be a real overlap).
  const unit = replaceOnce(
    project.read(UNIT),
    /^( *)testStaticAccessor\(\);\n/m,
    `$1testStaticAccessor();\n${handWritten.unitCall.join('\n')}\n`,
    'unit test',
  );
  project.write(UNIT, `${unit}\n${handWritten.unitTest.join('\n')}\n`);
}

function assertHandWrittenKept(project: LivingProject, step: string): void {
  const kept = (path: string, lines: readonly string[]): void => {
    const text = project.read(path);
    for (const line of lines.filter((l) => l !== ''))
      ok(text.split('\n').includes(line), `${step}: ${path} lost a hand-written line: ${line}\n${text}`);
    equal(/^(<<<<<<<|>>>>>>>)/m.test(text), false, `${step}: ${path} has conflict markers`);
  };
  kept(HANDLER, [...handWritten.handler, ...handWritten.handlerTest]);
  kept(SERVER, [...handWritten.server, ...handWritten.serverHelper]);
  kept(MIXIN, handWritten.mixin);
  kept(README, handWritten.readme);
  kept(UNIT, [...handWritten.unitCall, ...handWritten.unitTest]);
}

function writeSpec(project: LivingProject, file: string, spec: unknown): void {
  mkdirSync(dirname(project.at(`${SPECS}/${file}`)), { recursive: true });
  writeFileSync(project.at(`${SPECS}/${file}`), `${JSON.stringify(spec, null, 2)}\n`);
}

function editStats(project: LivingProject, change: (spec: EditableSpec) => void): void {
  const spec = JSON.parse(project.read(`${SPECS}/gpu-stats.json`));
  change(spec);
  writeSpec(project, 'gpu-stats.json', spec);
}

async function generate(project: LivingProject, spec: string, step: string): Promise<string> {
  const run = await runBin(['command', `--spec=${project.at(`${SPECS}/${spec}`)}`, `--cwd=${project.root}`, '--no-interactive'], {
    cwd: repoRoot,
    stdin: 'closed',
  });
  equal(run.code, 0, `${step}: ${run.stderr}`);
  return run.stderr;
}

function compiles(project: LivingProject, step: string): void {
  const tsc = typeCheckHost(project.root);
  equal(tsc.status, 0, `${step}: tsc: ${tsc.output}`);
  const check = runCargo(project, ['check', '--all-targets']);
  equal(check.status, 0, `${step}: cargo check: ${check.output}`);
  const test = runCargo(project, ['test']);
  equal(test.status, 0, `${step}: cargo test: ${test.output}`);
  match(test.output, /stats_reports_the_card \.\.\. ok/, `${step}: the hand-written Rust test ran`);
}

describe('evolution of a Rust-backed command (Rust module + TypeScript command) through ten spec changes, hand-written lines kept', function () {
  // Eleven generations, each followed by tsc, cargo check and cargo test: minutes on a 2-core machine.
  this.timeout(1_200_000);
  const cargoMissing = cargoUnavailable();
  after(removeRustCrates);

  it('merges each change without --force; tsc, cargo check and cargo test pass after every step', async function () {
    if (cargoMissing) throw new Error(cargoMissing);
    const project = makeLivingProject('living-evolution');
    writeSpec(project, 'gpu-stats.json', statsSpec);
    await generate(project, 'gpu-stats.json', 'first generation');
    fillIn(project);
    compiles(project, 'filled in');
    const module = (): string => project.read(MODULE);
    const types = (): string => project.read(TYPES);

    const steps: Array<[string, (p: LivingProject) => Promise<void>, (p: LivingProject) => void]> = [
      [
        '1. a new optional param',
        async (p) => editStats(p, (s) => s.params.push({ name: 'verbose', type: 'boolean', optional: true, description: 'More detail' })),
        () => {
          match(module(), /pub verbose: Option<bool>,/);
          match(types(), /verbose\?: boolean;/);
        },
      ],
      [
        '2. a new result',
        async (p) => editStats(p, (s) => s.results.push({ name: 'reserveMb', type: 'number', description: 'Reserved VRAM, in MB' })),
        () => {
          match(module(), /pub reserve_mb: f64,/);
          match(types(), /reserveMb: number;/);
        },
      ],
      [
        '3. a param renamed',
        async (p) => editStats(p, (s) => (s.params[0].name = 'only')),
        () => {
          match(module(), /pub only: Option<String>,/);
          equal(/pub subsystem:/.test(module()), false, 'the old name is gone');
        },
      ],
      [
        '4. a param retyped (string -> union)',
        async (p) => editStats(p, (s) => (s.params[0].type = "'inference' | 'rendering' | 'tts'")),
        () => {
          match(module(), /pub enum GpuStatsOnly \{[\s\S]*Rendering,/);
          match(types(), /'inference' \| 'rendering' \| 'tts'/);
        },
      ],
      [
        '5. a result renamed',
        async (p) => editStats(p, (s) => (s.results[2].name = 'reservedMb')),
        () => {
          match(module(), /pub reserved_mb: f64,/);
          equal(/reserve_mb/.test(module()), false);
        },
      ],
      [
        '6. a result retyped (number -> integer)',
        async (p) => editStats(p, (s) => (s.results[2].type = 'integer')),
        () => {
          match(module(), /#\[ts\(type = "number"\)\]\n {4}pub reserved_mb: i64,/);
        },
      ],
      [
        '7. a type added, and a result of it',
        async (p) =>
          editStats(p, (s) => {
            s.types = {
              SubsystemUsage: {
                description: 'What one subsystem uses',
                fields: { name: { type: 'string', description: 'Subsystem' }, usedMb: { type: 'number', description: 'Used, in MB' } },
              },
            };
            s.results.push({ name: 'subsystems', type: 'SubsystemUsage[]', description: 'Per subsystem' });
          }),
        () => {
          match(module(), /pub struct SubsystemUsage \{/);
          match(module(), /pub subsystems: Vec<SubsystemUsage>,/);
          ok(existsSync(project.at('src/shared/generated/gpu/SubsystemUsage.ts')));
        },
      ],
      [
        '8. a union member added',
        async (p) => editStats(p, (s) => (s.params[0].type = "'inference' | 'rendering' | 'tts' | 'display'")),
        () => {
          match(module(), /pub enum GpuStatsOnly \{[\s\S]*Display,/);
          match(types(), /'display'/);
        },
      ],
      [
        '9. a second command joins the module',
        async (p) => writeSpec(p, 'gpu-evict.json', otherSpec('gpu/evict', 'Evict a consumer')),
        () => {
          match(module(), /"gpu\/evict" => \{/);
          match(module(), /"gpu\/stats" => \{/);
          match(module(), /\nmod evict;\nmod stats;\n/);
          match(project.read(MIXIN), /async gpuEvict\(params: GpuEvictParams\)/);
          ok(existsSync(project.at(`${CRATE}/src/modules/gpu/evict.rs`)));
        },
      ],
      [
        '10. a third command joins the module',
        async (p) => writeSpec(p, 'gpu-reset.json', otherSpec('gpu/reset', 'Reset a consumer')),
        () => {
          match(module(), /"gpu\/evict" => \{[\s\S]*"gpu\/reset" => \{[\s\S]*"gpu\/stats" => \{/, 'every command, in command order');
          match(project.read(MIXIN), /async gpuReset\(/);
        },
      ],
      [
        '11. one removed (its spec and its command folder deleted)',
        async (p) => {
          rmSync(p.at(`${SPECS}/gpu-reset.json`));
          rmSync(p.at('src/commands/gpu/reset'), { recursive: true });
          // The shared composition file is only ever added to: its re-export of the removed types goes by hand (README).
          const composition = `${CRATE}/bindings/RustCoreIPC.ts`;
          p.write(composition, replaceOnce(p.read(composition), /\n\tGpuResetParams,\n\tGpuResetResult,/, '', 'RustCoreIPC.ts re-export'));
        },
        () => {
          equal(/gpu\/reset/.test(module()), false, 'the module no longer routes gpu/reset');
          equal(/gpuReset/.test(project.read(MIXIN)), false);
          match(module(), /"gpu\/evict" => \{[\s\S]*"gpu\/stats" => \{/);
        },
      ],
    ];
    const added = new Set<string>();
    for (const [step, change, visible] of steps) {
      await change(project);
      // A new command is generated from its own spec; every other step regenerates gpu/stats.
      const joining = ['gpu-evict.json', 'gpu-reset.json'].find((f) => existsSync(project.at(`${SPECS}/${f}`)) && !added.has(f));
      if (joining) added.add(joining);
      const stderr = await generate(project, joining ?? 'gpu-stats.json', step);
      // A file with hand edits is merged (or left as it is when the generator has nothing new for it), never replaced.
      for (const path of joining ? [MIXIN] : [SERVER, README, MIXIN])
        match(stderr, new RegExp(`(merged|identical) ${path}`), `${step}: ${path} is merged, not replaced:\n${stderr}`);
      match(
        stderr,
        /skip src\/workers\/continuum-core\/src\/modules\/gpu\/stats\.rs \(yours: created once, never rewritten\)/,
        `${step}: the handler is left alone`,
      );
      assertHandWrittenKept(project, step);
      visible(project);
      compiles(project, step);
    }
    // Nothing changed: a re-run writes nothing.
    const again = await generate(project, 'gpu-stats.json', 're-run');
    ok(!/^\s*(create|update|merged|force|conflict|edit) /m.test(again), again);
  });
});
