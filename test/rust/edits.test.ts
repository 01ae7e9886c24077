import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompositionEditError, composeIpcMixin } from '../../shared/edits/ipc-composition.js';
import { registerRustModule } from '../../shared/edits/rust-module-registration.js';
import { fixturesDir } from '../support/paths.js';

const header = 'Service modules.';
const gpu = { module: 'gpu', header };

describe('registerRustModule (pure edit of mod.rs)', () => {
  const fixture = readFileSync(join(fixturesDir, 'rust', 'continuum-core', 'src', 'modules', 'mod.rs'), 'utf8');

  it('creates the file when it does not exist', () => {
    assert.equal(registerRustModule(undefined, gpu), '//! Service modules.\n\npub mod gpu;\n');
  });

  it("adds the line after the fixture's doc comment, whose example text is not taken for a declaration", () => {
    const out = registerRustModule(fixture, gpu);
    assert.equal(out, `${fixture}\npub mod gpu;\n`);
    const system = readFileSync(join(fixturesDir, 'rust', 'continuum-core', 'src', 'system', 'mod.rs'), 'utf8');
    assert.match(system, /`pub mod pressure;`/);
    assert.equal(registerRustModule(system, { module: 'pressure', header }), `${system}\npub mod pressure;\n`);
  });

  it('is idempotent: a second run returns the text unchanged (the same string)', () => {
    const once = registerRustModule(fixture, { ...gpu, reexport: true });
    assert.equal(registerRustModule(once, { ...gpu, reexport: true }), once);
    assert.equal(registerRustModule('pub(crate) mod gpu;\n', gpu), 'pub(crate) mod gpu;\n', 'any visibility counts');
    assert.equal(registerRustModule('mod gpu {\n}\n', gpu), 'mod gpu {\n}\n', 'an inline module counts');
  });

  it('keeps a sorted block sorted and appends to an unsorted one', () => {
    assert.equal(registerRustModule('pub mod audio;\npub mod rag;\n', gpu), 'pub mod audio;\npub mod gpu;\npub mod rag;\n');
    assert.equal(registerRustModule('pub mod rag;\npub mod audio;\n', gpu), 'pub mod rag;\npub mod audio;\npub mod gpu;\n');
  });

  it('re-exports after the module declarations, in its own sorted block', () => {
    const out = registerRustModule(registerRustModule(undefined, { module: 'managed_service', header, reexport: true }), { module: 'lifecycle', header, reexport: true });
    assert.equal(out, '//! Service modules.\n\npub mod lifecycle;\npub mod managed_service;\n\npub use lifecycle::*;\npub use managed_service::*;\n');
  });

  it('keeps CRLF line ends and what follows the declarations', () => {
    const text = '//! Docs\r\n\r\npub mod audio;\r\n\r\nfn helper() {}\r\n';
    assert.equal(registerRustModule(text, gpu), '//! Docs\r\n\r\npub mod audio;\r\npub mod gpu;\r\n\r\nfn helper() {}\r\n');
  });
});

describe('composeIpcMixin (pure edit of RustCoreIPC.ts)', () => {
  const fixture = readFileSync(join(fixturesDir, 'host', 'src', 'workers', 'continuum-core', 'bindings', 'RustCoreIPC.ts'), 'utf8');
  const gpuMixin = { mixin: 'GpuMixin', from: './modules/gpu' };

  it("imports the mixin after the other mixins and wraps the chain once more, ignoring the comment's example", () => {
    const out = composeIpcMixin(fixture, gpuMixin);
    assert.match(out, /import \{ HealthMixin \} from '\.\/modules\/health';\nimport \{ GpuMixin \} from '\.\/modules\/gpu';\n/);
    assert.match(out, /\nconst ComposedClient = GpuMixin\(HealthMixin\(RustCoreIPCClientBase\)\);\n/);
    assert.equal(out.replace("import { GpuMixin } from './modules/gpu';\n", '').replace('\nconst ComposedClient = GpuMixin(HealthMixin(RustCoreIPCClientBase));', '\nconst ComposedClient = HealthMixin(RustCoreIPCClientBase);'), fixture, 'nothing else changes');
  });

  it('is idempotent: a second run returns the text unchanged', () => {
    const once = composeIpcMixin(fixture, gpuMixin);
    assert.equal(composeIpcMixin(once, gpuMixin), once);
  });

  it('adds only the missing half when the import or the wrap is already there', () => {
    const importedOnly = fixture.replace("import { HealthMixin } from './modules/health';", "import { HealthMixin } from './modules/health';\nimport { GpuMixin } from './modules/gpu';");
    assert.equal(composeIpcMixin(importedOnly, gpuMixin), composeIpcMixin(fixture, gpuMixin));
  });

  it('wraps a chain written over several lines and follows the file quote style', () => {
    const text = 'import { RustCoreIPCClientBase } from "./modules/base";\nimport { AMixin } from "./modules/a";\n\nconst ComposedClient = AMixin(\n  RustCoreIPCClientBase\n);\n';
    const out = composeIpcMixin(text, gpuMixin);
    assert.match(out, /import \{ GpuMixin \} from "\.\/modules\/gpu";/);
    assert.match(out, /const ComposedClient = GpuMixin\(AMixin\(\n {2}RustCoreIPCClientBase\n\)\);/);
  });

  it('writes a whole composition file when there is none', () => {
    const out = composeIpcMixin(undefined, gpuMixin);
    assert.match(out, /const ComposedClient = GpuMixin\(RustCoreIPCClientBase\);/);
    assert.match(out, /export class RustCoreIPCClient extends ComposedClient/);
    assert.equal(composeIpcMixin(out, gpuMixin), out);
  });

  it('refuses a file without the one ComposedClient expression, saying what to add by hand', () => {
    assert.throws(
      () => composeIpcMixin('export class RustCoreIPCClient {}\n', gpuMixin, 'bindings/RustCoreIPC.ts'),
      (error: unknown) => error instanceof CompositionEditError && /bindings\/RustCoreIPC\.ts: no "const ComposedClient = \.\.\." declaration found/.test(error.message) && /wrap the expression in GpuMixin/.test(error.message),
    );
  });
});
