#!/usr/bin/env tsx
/**
 * Gpu Owner Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/gpu/owner/test/unit/GpuOwnerCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { GpuOwner, createGpuOwnerParams, type GpuOwnerParams } from '@commands/gpu/owner/shared/GpuOwnerTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

/**
 * A complete JTAGContext. A unit test reads no configuration, so `config` and `getConfig()`
 * fail loudly if the command ever does.
 */
const context: JTAGContext = {
  uuid: generateUUID(),
  environment: 'server',
  get config(): JTAGContext['config'] {
    throw new Error('GpuOwner unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('GpuOwner unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<GpuOwnerParams>): GpuOwnerParams {
  return createGpuOwnerParams(context, sessionId, input);
}

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(GpuOwner.commandName === 'gpu/owner', "commandName is 'gpu/owner'");
  assert(typeof GpuOwner.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createGpuOwnerParams');
  const params = paramsOf({});
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuOwner unit tests');
  testStaticAccessor();
  testParamsFactory();
  // A valid input goes to continuum-core over IPC: the integration test covers it against a
  // running core, and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All GpuOwner unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuOwner unit tests failed:', error);
  process.exit(1);
});
