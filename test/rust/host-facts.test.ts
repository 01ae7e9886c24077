import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { makeHostProject, removeHostProjects, runHostScript, typeCheckHost, writeFiles } from '../support/host-project.js';
import { fixturesDir, specsDir } from '../support/paths.js';
import {
  cargoUnavailable,
  generateProject,
  makeRustCrate,
  removeRustCrates,
  runCargo,
  type GeneratedProject,
} from '../support/rust-project.js';

/**
 * One test per fact of the real host (../shared/docs/host-real.md) that the generated code relies
 * on. Each builds gpu/stats (and the traits it implements) in the fixtures, breaks that one fact
 * (in the fixture, as a host without it would be, or in the generated code, as the generator used
 * to write it) and expects the compiler to refuse it with the error that fact prevents. The same
 * code compiles unbroken: the first tests of each group prove it.
 */

const crate = defaultProjectConfig.roots.rustCrate;
const specs = ['traits/managed-service.json', 'traits/metrics-emitter.json', 'gpu-stats.json'].map((f) => ({
  file: `specs/${f}`,
  text: readFileSync(join(specsDir, f), 'utf8'),
}));

/** Replace `from` by `to` in a text, failing loudly when `from` is not there (a control must really change something). */
function patch(text: string, from: string | RegExp, to: string, what: string): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `the control "${what}" changes nothing: its pattern is not in the file`);
  return out;
}

interface Fact {
  readonly fact: string;
  /** The file to change: a generated one (by project path) or one of the fixture crate (crate-relative, "fixture:src/..."). */
  readonly file: string;
  readonly from: string | RegExp;
  readonly to: string;
  /** What the compiler says once the fact no longer holds. */
  readonly error: RegExp;
  /** The generated file an error must point into (`--> src/modules/gpu.rs`), when the breakage is in a fixture. */
  readonly at?: string;
  readonly cargo?: readonly string[];
}

const rustFacts: Fact[] = [
  {
    fact: 'CommandSchema has `params: Vec<ParamSchema>`: command_schemas() lists each param (MCP tool discovery)',
    file: 'fixture:src/runtime/service_module.rs',
    from: '    pub params: Vec<ParamSchema>,\n',
    to: '',
    error: /error\[E0560\]: struct `CommandSchema` has no field named `params`/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'ParamSchema has name, param_type, required, description',
    file: 'fixture:src/runtime/service_module.rs',
    from: "pub param_type: &'static str,",
    to: "pub json_type: &'static str,",
    error: /error\[E0560\]: struct `ParamSchema` has no field named `param_type`/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'ModuleConfig has exactly seven fields',
    file: 'fixture:src/runtime/service_module.rs',
    from: '    pub tick_interval: Option<Duration>,\n}',
    to: '    pub tick_interval: Option<Duration>,\n    pub tick_budget_ms: u64,\n}',
    error: /error\[E0063\]: missing field `tick_budget_ms` in initializer of `ModuleConfig`/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'ModuleRegistry::register takes &self and returns (): the generated tests neither `mut` the registry nor unwrap',
    file: 'fixture:src/runtime/registry.rs',
    from: 'pub fn register(&self, module: Arc<dyn ServiceModule>) {',
    to: 'pub fn register(&mut self, module: Arc<dyn ServiceModule>) {',
    error: /error\[E0596\]: cannot borrow `registry` as mutable/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'ModuleContext is crate::runtime::ModuleContext',
    file: 'fixture:src/runtime/mod.rs',
    from: 'pub use module_context::ModuleContext;\n',
    to: '',
    error: /error\[E0432\]: unresolved import[\s\S]*no `ModuleContext` in `runtime`/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'CommandResult::json(&impl Serialize) returns Result<CommandResult, String>',
    file: 'fixture:src/runtime/service_module.rs',
    from: /pub fn json\(value: &impl Serialize\) -> Result<Self, String> \{[\s\S]*?\n {4}\}/,
    to: 'pub fn json(value: &impl Serialize) -> Self {\n        CommandResult::Json(serde_json::to_value(value).unwrap_or_default())\n    }',
    error: /error\[E0308\]: mismatched types/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: 'lib.rs has no `system` module until the generator declares one (the edit is what makes crate::system resolve)',
    file: `${crate}/src/lib.rs`,
    from: 'pub mod system;\n',
    to: '',
    error: /error\[E0433\]: (cannot find `system` in `crate`|failed to resolve: could not find `system`)/,
    at: 'src/modules/gpu.rs',
  },
  {
    fact: "the host's PressureLevel is Serialize only: the supervisor's events derive no Deserialize",
    file: `${crate}/src/system/supervisor.rs`,
    from: '/// The result of one health poll, in registration order.\n#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]',
    to: '/// The result of one health poll, in registration order.\n#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]',
    error: /error\[E0277\]: the trait bound `PressureLevel: Deserialize<'de>` is not satisfied|PressureLevel: serde::Deserialize/,
  },
  {
    fact: 'ServiceModule has an async shutdown(): a trait method of the same name makes module.shutdown() ambiguous',
    file: `${crate}/src/system/traits/managed_service.rs`,
    from: '    fn graceful_shutdown(&self);',
    to: '    fn graceful_shutdown(&self);\n\n    fn shutdown(&self) {}',
    error: /error\[E0034\]: multiple applicable items in scope/,
    at: 'src/modules/gpu.rs',
    cargo: ['check', '--all-targets'],
  },
  {
    fact: 'modules are routed only once registered at start-up (ipc/mod.rs): the edit is what routes gpu/stats',
    file: `${crate}/src/ipc/mod.rs`,
    from: /\n\n {4}\/\/ GpuModule \(gpu\/stats\): generated by generator-continuum\n {4}runtime\.register\(Arc::new\(crate::modules::gpu::GpuModule::new\(\)\)\);/,
    to: '',
    error: /gpu\/stats is routed to no module/,
    cargo: ['test', '--test', 'startup'],
  },
];

const STARTUP_TEST = `#[test]
fn gpu_stats_is_routed_at_start_up() {
    let runtime = continuum_core::ipc::build_runtime();
    let (module, _) = runtime.registry().route_command("gpu/stats").unwrap_or_else(|| panic!("gpu/stats is routed to no module"));
    assert_eq!(module.config().name, "gpu");
}
`;

describe('host facts the generated Rust relies on: each holds in the fixture, and breaking it fails the build', function () {
  this.timeout(1_800_000);
  after(removeRustCrates);
  let project: GeneratedProject;

  const crateWith = (fact?: Fact): ReturnType<typeof makeRustCrate> => {
    const built = makeRustCrate(`host-fact-${fact ? rustFacts.indexOf(fact) : 'none'}`, project.files);
    mkdirSync(join(built.dir, 'tests'), { recursive: true });
    writeFileSync(join(built.dir, 'tests', 'startup.rs'), STARTUP_TEST);
    if (fact) {
      const path = fact.file.startsWith('fixture:')
        ? join(built.dir, fact.file.slice('fixture:'.length))
        : join(built.dir, fact.file.slice(crate.length + 1));
      writeFileSync(path, patch(readFileSync(path, 'utf8'), fact.from, fact.to, fact.fact));
    }
    return built;
  };

  before(function () {
    const unavailable = cargoUnavailable();
    if (unavailable && process.env.CONTINUUM_SKIP_CARGO === '1') this.skip();
    assert.equal(unavailable, undefined, unavailable);
    project = generateProject(specs);
  });

  it('unbroken, the same crate compiles and routes gpu/stats at start-up', () => {
    const built = crateWith();
    const check = runCargo(built, ['check', '--all-targets']);
    assert.equal(check.status, 0, check.output);
    const test = runCargo(built, ['test', '--test', 'startup']);
    assert.equal(test.status, 0, test.output);
  });

  for (const fact of rustFacts) {
    it(fact.fact, () => {
      const result = runCargo(crateWith(fact), fact.cargo ?? ['check', '--all-targets']);
      assert.notEqual(result.status, 0, `the build passed without the fact:\n${result.output}`);
      assert.match(result.output, fact.error);
      if (fact.at)
        assert.match(
          result.output,
          new RegExp(`--> ${fact.at.replace(/[./]/g, '\\$&')}:\\d+`),
          `an error points into the generated ${fact.at}`,
        );
    });
  }
});

interface TsFact {
  readonly fact: string;
  /** A generated file (project path) or a host fixture file ("fixture:src/..."). */
  readonly file: string;
  readonly from: string | RegExp;
  readonly to: string;
  readonly error: RegExp;
}

const tsFacts: TsFact[] = [
  {
    fact: 'JTAGContext requires config and getConfig(): a unit test building { uuid, environment } does not type-check',
    file: 'src/commands/gpu/stats/test/unit/GpuStatsCommand.test.ts',
    from: /\n {2}get config\(\)[\s\S]*?\n {2}\},\n {2}getConfig\(\)[\s\S]*?\n {2}\},\n\};/,
    to: '\n};',
    error:
      /GpuStatsCommand\.test\.ts\(\d+,\d+\): error TS2739: Type '\{ uuid: UUID; environment: "server"; \}' is missing the following properties from type 'JTAGContext': config, getConfig/,
  },
  {
    fact: 'CommandParams requires userId: the params factory supplies SYSTEM_SCOPES.SYSTEM',
    file: 'src/commands/gpu/stats/shared/GpuStatsTypes.ts',
    from: '  userId: SYSTEM_SCOPES.SYSTEM,\n',
    to: '',
    error: /GpuStatsTypes\.ts\(\d+,\d+\): error TS2\d+:[\s\S]*userId/,
  },
  {
    fact: 'request() answers the JSON body (IPCJsonResponse), not the frame (IPCResponse)',
    file: 'fixture:src/workers/continuum-core/bindings/modules/base.ts',
    from: 'async request(command: any): Promise<IPCJsonResponse> {\n\t\treturn (await this.requestFull(command)).response;',
    to: 'async request(command: any): Promise<IPCResponse> {\n\t\treturn this.requestFull(command);',
    error: /bindings\/modules\/gpu\.ts\(\d+,\d+\): error TS2339: Property 'success' does not exist on type 'IPCResponse'/,
  },
  {
    fact: 'RustBackedCommand: requiredParams, callRust and toResult are what a subclass provides',
    file: 'fixture:src/daemons/command-daemon/shared/RustBackedCommand.ts',
    from: '  protected abstract toResult(raw: TRest, params: TParams): TResult;',
    to: '  protected abstract toResult(raw: TRest, params: TParams): TResult;\n\n  protected abstract describe(): string;',
    error:
      /GpuStatsServerCommand\.ts\(\d+,\d+\): error TS2515: Non-abstract class 'GpuStatsServerCommand' does not implement inherited abstract member '?describe'?/,
  },
  {
    fact: "integration tests connect first: jtag from '@server/server-index' has connect()",
    file: 'fixture:src/server/server-index.ts',
    from: 'async connect(options?',
    to: 'async open(options?',
    error: /GpuStatsIntegration\.test\.ts\(\d+,\d+\): error TS2339: Property 'connect' does not exist/,
  },
];

describe('host facts the generated TypeScript relies on: each holds in the fixture, and breaking it fails tsc', function () {
  this.timeout(600_000);
  after(removeHostProjects);
  let files: PlannedFile[];

  before(() => {
    files = generateProject(specs).files.filter((f) => f.path.endsWith('.ts'));
  });

  it('unbroken, the same files type-check, and the integration test fails at once, at connect(), without a running system', () => {
    const dir = makeHostProject(files);
    const result = typeCheckHost(dir);
    assert.equal(result.status, 0, result.output);
    const run = runHostScript(dir, 'src/commands/gpu/stats/test/integration/GpuStatsIntegration.test.ts');
    assert.notEqual(run.status, 0);
    assert.match(run.output, /jtag\.connect\(\): no JTAG system is running/);
  });

  for (const fact of tsFacts) {
    it(fact.fact, () => {
      const dir = makeHostProject(files);
      const path = join(dir, fact.file.startsWith('fixture:') ? fact.file.slice('fixture:'.length) : fact.file);
      writeFiles(dir, [{ path: path.slice(dir.length + 1), content: patch(readFileSync(path, 'utf8'), fact.from, fact.to, fact.fact) }]);
      const result = typeCheckHost(dir);
      assert.notEqual(result.status, 0, 'tsc passed without the fact');
      assert.match(result.output, fact.error);
    });
  }

  it('the fixture has what the facts name (a guard against a fixture drifting from host-real.md)', () => {
    const service = readFileSync(join(fixturesDir, 'rust', 'continuum-core', 'src', 'runtime', 'service_module.rs'), 'utf8');
    assert.match(service, /pub struct CommandSchema \{[\s\S]*pub params: Vec<ParamSchema>,/);
    assert.match(service, /async fn shutdown\(&self\) -> Result<\(\), String>/);
    const lib = readFileSync(join(fixturesDir, 'rust', 'continuum-core', 'src', 'lib.rs'), 'utf8');
    assert.doesNotMatch(lib, /^pub mod system;/m);
    const jtag = readFileSync(join(fixturesDir, 'host', 'src', 'system', 'core', 'types', 'JTAGTypes.ts'), 'utf8');
    assert.match(jtag, /readonly config: JTAGConfig;\n {2}getConfig\(\): JTAGContextConfig;/);
  });
});
