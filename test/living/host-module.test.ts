/**
 * Hand-written host code is extended, never rewritten: the host's own `modules/gpu.rs`
 * (`GpuModule::new(manager)`, a `match` in handle_command) and `bindings/modules/gpu.ts` get a
 * generated command through syntax-aware edits (tree-sitter Rust, ts-morph). Every original line
 * stays, in order; the new command is routed at start-up by the host's own registration and
 * answers over the registry; tsc --strict, cargo check and cargo test pass. What cannot be done
 * safely is refused with the file and line, and nothing is written.
 */
import { equal, match, ok } from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runBin } from '../support/generator-run.js';
import { typeCheckHost } from '../support/host-project.js';
import { repoRoot } from '../support/paths.js';
import { cargoUnavailable, removeRustCrates, runCargo } from '../support/rust-project.js';
import { makeLivingProject, type LivingProject } from './living-project.js';

const GPU_RS = 'src/workers/continuum-core/src/modules/gpu.rs';
const GPU_TS = 'src/workers/continuum-core/bindings/modules/gpu.ts';
const GENERATED_RS = 'src/workers/continuum-core/src/modules/gpu/generated.rs';
const HANDLER_RS = 'src/workers/continuum-core/src/modules/gpu/evict.rs';
const SPEC = 'src/generator/specs/gpu-evict.json';

const evictSpec = {
  version: 2,
  name: 'gpu/evict',
  description: 'Evict a GPU memory consumer',
  adapter: 'rust-ipc',
  environment: 'server',
  accessLevel: 'internal',
  rust: { module: 'modules/gpu' },
  params: [
    { name: 'consumer', type: 'string', description: 'Id of the consumer to evict' },
    { name: 'force', type: 'boolean', optional: true, description: 'Evict even a realtime consumer' },
  ],
  results: [
    { name: 'evicted', type: 'boolean', description: 'Whether it was evicted' },
    { name: 'freedMb', type: 'number', description: 'Memory freed, in MB' },
  ],
};

/** Is `lines` a subsequence of `text`'s lines (every original line kept, in its order)? Returns the first missing line. */
function firstLostLine(original: string, now: string): string | undefined {
  const after = now.split('\n');
  let i = 0;
  for (const line of original.split('\n')) {
    while (i < after.length && after[i] !== line) i++;
    if (i === after.length) return line;
    i++;
  }
  return undefined;
}

function writeSpec(project: LivingProject, path: string, spec: unknown): void {
  mkdirSync(dirname(project.at(path)), { recursive: true });
  writeFileSync(project.at(path), `${JSON.stringify(spec, null, 2)}\n`);
}

const generate = (project: LivingProject, spec: string) =>
  runBin(['command', `--spec=${project.at(spec)}`, `--cwd=${project.root}`, '--no-interactive'], { cwd: repoRoot, stdin: 'closed' });

/** A Rust test of the host's start-up wiring: gpu/evict reaches the generated dispatch and the handler; gpu/stats still the hand-written arm. */
const ROUTED_TEST = `//! The host's own start-up wiring (ipc/mod.rs) builds GpuModule with its manager: the generated command is routed there.

#[tokio::test]
async fn the_generated_command_joins_the_hand_written_module() {
    let runtime = continuum_core::ipc::build_runtime();
    let (module, command) = runtime.registry().route_command("gpu/evict").expect("gpu/evict is routed");
    assert_eq!((module.config().name, command.as_str()), ("gpu", "gpu/evict"));
    assert!(module.command_schemas().iter().any(|s| s.name == "gpu/evict"), "the schema entry was added");
    let answer = runtime.route_command("gpu/evict", serde_json::json!({ "command": "gpu/evict", "consumer": "llama" })).await.expect("routed");
    let error = answer.err().expect("the handler's TODO answers an error");
    assert!(error.starts_with("gpu/evict: not implemented yet (GpuModule::evict in src/modules/gpu/evict.rs)"), "{error}");
    let bad = runtime.route_command("gpu/evict", serde_json::json!({ "command": "gpu/evict" })).await.expect("routed");
    assert!(bad.err().unwrap_or_default().starts_with("gpu/evict: invalid params"), "the generated dispatch parses the params");
    let stats = runtime.route_command("gpu/stats", serde_json::Value::Null).await.expect("routed");
    assert!(stats.is_ok(), "the hand-written gpu/stats arm still answers");
}
`;

describe('hand-written host code (modules/gpu.rs, bindings/modules/gpu.ts) extended by syntax-aware edits', function () {
  const cargoMissing = cargoUnavailable();
  after(removeRustCrates);

  it('adds gpu/evict: every original line stays, the command is routed by the host wiring, tsc, cargo check and cargo test pass; a second run changes nothing', async function () {
    if (cargoMissing) throw new Error(cargoMissing);
    const project = makeLivingProject('living-host-gpu', { handWrittenGpu: true });
    const before = { rs: project.read(GPU_RS), ts: project.read(GPU_TS) };
    writeSpec(project, SPEC, evictSpec);
    const run = await generate(project, SPEC);
    equal(run.code, 0, run.stderr);
    match(run.stderr, /edit src\/workers\/continuum-core\/src\/modules\/gpu\.rs/);
    match(run.stderr, /edit src\/workers\/continuum-core\/bindings\/modules\/gpu\.ts/);

    const rs = project.read(GPU_RS);
    const ts = project.read(GPU_TS);
    equal(firstLostLine(before.rs, rs), undefined, `gpu.rs lost a line:\n${rs}`);
    equal(firstLostLine(before.ts, ts), undefined, `gpu.ts lost a line:\n${ts}`);
    match(
      rs,
      /\n {12}\/\/ generator-continuum: gpu\/evict\n {12}"gpu\/evict" => generated::dispatch_evict\(self, params\),\n\n {12}_ => Err/,
      'the arm goes before the `_` arm, in its indentation',
    );
    match(rs, /\nmod generated;\npub use generated::\*;\n/);
    match(rs, /\nmod evict;\n/);
    match(
      rs,
      /fn command_schemas\(&self\) -> Vec<crate::runtime::CommandSchema> \{\n {8}vec!\[\n {12}generated::schema_evict\(\), \/\/ generator-continuum: gpu\/evict\n/,
    );
    match(ts, /\tgpuEvict\(params: GpuEvictParams\): Promise<GpuEvictResult>;/, 'the interface method, tab-indented like the file');
    match(
      ts,
      /\t\tasync gpuEvict\(params: GpuEvictParams\): Promise<GpuEvictResult> \{\n\t\t\tconst response = await this\.request\(\{ command: 'gpu\/evict', \.\.\.params \}\);/,
    );
    match(ts, /import type \{ GpuEvictParams \} from '@shared\/generated\/gpu\/GpuEvictParams';/);
    ok(existsSync(project.at(GENERATED_RS)) && existsSync(project.at(HANDLER_RS)));
    match(
      project.read(HANDLER_RS),
      /impl GpuModule \{\n {4}\/\/\/ `gpu\/evict`: Evict a GPU memory consumer\n {4}pub fn evict\(&self, params: GpuEvictParams\)/,
      'the handler is for the hand-written struct',
    );
    equal(
      existsSync(project.at('src/workers/continuum-core/src/modules/gpu/stats.rs')),
      false,
      'the hand-written command gets no handler file',
    );
    match(
      project.read('src/workers/continuum-core/bindings/RustCoreIPC.ts'),
      /GpuEvictParams/,
      'RustCoreIPC.ts re-exports the new wire types',
    );

    const checked = typeCheckHost(project.root);
    equal(checked.status, 0, checked.output);
    writeSpec(project, 'src/workers/continuum-core/tests/gpu_evict_routed.rs', undefined);
    writeFileSync(project.at('src/workers/continuum-core/tests/gpu_evict_routed.rs'), ROUTED_TEST);
    const cargoCheck = runCargo(project, ['check', '--all-targets']);
    equal(cargoCheck.status, 0, cargoCheck.output);
    const tested = runCargo(project, ['test']);
    equal(tested.status, 0, tested.output);
    match(tested.output, /the_generated_command_joins_the_hand_written_module \.\.\. ok/);
    match(tested.output, /modules::gpu::tests::test_gpu_pressure \.\.\. ok/, 'the hand-written tests still run');
    match(tested.output, /modules::gpu::generated::tests::gpu_evict_params_round_trips \.\.\. ok/);

    const again = await generate(project, SPEC);
    equal(again.code, 0, again.stderr);
    equal(project.read(GPU_RS), rs, 'a second run adds nothing to gpu.rs');
    equal(project.read(GPU_TS), ts, 'nor to gpu.ts');
    ok(!/^\s*(create|update|merged|force|conflict|edit) /m.test(again.stderr), again.stderr);

    // Control: the compile check can fail. Without the handler module the generated dispatch has no method to call.
    project.write(GPU_RS, rs.replace('\nmod evict;\n', '\n'));
    const broken = runCargo(project, ['check', '--all-targets']);
    equal(broken.status === 0, false, 'cargo check fails without the handler');
    match(broken.output, /no method named `evict`/);
  });

  it('refuses a command the hand-written module already routes, naming the file, the line and the arm; nothing is written', async () => {
    const project = makeLivingProject('living-host-gpu-taken', { handWrittenGpu: true });
    const before = project.read(GPU_RS);
    writeSpec(project, 'src/generator/specs/gpu-stats.json', { ...evictSpec, name: 'gpu/stats', description: 'Stats' });
    const run = await generate(project, 'src/generator/specs/gpu-stats.json');
    equal(run.code, 1, run.stderr);
    match(
      run.stderr,
      /src\/workers\/continuum-core\/src\/modules\/gpu\.rs:50:13: the hand-written module already routes "gpu\/stats" \(this arm\)/,
    );
    match(run.stderr, /nothing was written/i);
    equal(project.read(GPU_RS), before);
    equal(existsSync(project.at(GENERATED_RS)), false);
    equal(existsSync(project.at('src/commands/gpu/stats')), false);
  });

  it('refuses an unusual handle_command (no match on the command) with the line and the shape it expected', async () => {
    const project = makeLivingProject('living-host-gpu-shape', { handWrittenGpu: true });
    const unusual = project
      .read(GPU_RS)
      .replace(
        '        match command {',
        '        self.route(command, params)\n    }\n\n    fn unused(&self, command: &str) -> Result<CommandResult, String> {\n        match command {',
      );
    project.write(GPU_RS, unusual);
    writeSpec(project, SPEC, evictSpec);
    const run = await generate(project, SPEC);
    equal(run.code, 1, run.stderr);
    match(
      run.stderr,
      /gpu\.rs:48:\d+: the body of handle_command is not a `match command \{ \.\.\. \}`: the hand-written file cannot take the generated command gpu\/evict/,
    );
    match(run.stderr, /expected async fn handle_command\(&self, command: &str, params: Value\) whose body is `match command/);
    equal(project.read(GPU_RS), unusual, 'nothing written');
    equal(existsSync(project.at(HANDLER_RS)), false);
  });
});
