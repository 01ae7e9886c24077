#!/usr/bin/env tsx
/**
 * Gpu Stats Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/gpu/stats/test/unit/GpuStatsCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { GpuStats, createGpuStatsParams, type GpuStatsParams } from '@commands/gpu/stats/shared/GpuStatsTypes';
import { GpuStatsServerCommand } from '@commands/gpu/stats/server/GpuStatsServerCommand';

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
    throw new Error('GpuStats unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('GpuStats unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<GpuStatsParams>): GpuStatsParams {
  return createGpuStatsParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(GpuStats.commandName === 'gpu/stats', "commandName is 'gpu/stats'");
  assert(typeof GpuStats.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createGpuStatsParams');
  const params = paramsOf({});
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function testValidation(): Promise<void> {
  console.log('\n🧪 GpuStatsServerCommand validation');
  const command = new GpuStatsServerCommand(context, 'gpu/stats', commander);
  // Simulate untyped wire input.
  const bad = Object.assign(paramsOf({}), { subsystem: 'not-a-GpuStatsSubsystem' });
  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects bad input with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'subsystem', "names the field 'subsystem'");
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuStats unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testValidation();
  // A valid input goes to continuum-core over IPC: the integration test covers it against a
  // running core, and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All GpuStats unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuStats unit tests failed:', error);
  process.exit(1);
});
