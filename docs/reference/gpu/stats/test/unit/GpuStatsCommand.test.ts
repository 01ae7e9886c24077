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
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import {
  GpuStats,
  createGpuStatsParams,
  createGpuStatsResult,
  createGpuStatsResultFromParams,
  type GpuStatsParams,
  type GpuStatsResult,
  type SubsystemInfo,
} from '@commands/gpu/stats/shared/GpuStatsTypes';
import { GpuStatsServerCommand } from '@commands/gpu/stats/server/GpuStatsServerCommand';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

const context: JTAGContext = { uuid: generateUUID(), environment: 'server' };
const sessionId = generateUUID();
// The caller's identity is spread into the factory data, never written inline: a host whose
// CommandParams has no `userId` would reject an inline `userId` as an excess property.
const caller = { userId: generateUUID() };

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<GpuStatsParams>): GpuStatsParams {
  return createGpuStatsParams(context, sessionId, { ...caller, ...input });
}

// The server command never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function isSubsystemInfo(value: SubsystemInfo): boolean {
  return typeof value.budgetMb === 'number'
    && typeof value.usedMb === 'number'
    && typeof value.consumers === 'number';
}

function assertResultShape(result: GpuStatsResult): void {
  assert(typeof result.gpuName === 'string', 'gpuName is a string');
  assert(typeof result.totalVramMb === 'number', 'totalVramMb is a number');
  assert(typeof result.pressure === 'number', 'pressure is a number');
  assert(isSubsystemInfo(result.rendering), 'rendering is a SubsystemInfo');
  assert(isSubsystemInfo(result.inference), 'inference is a SubsystemInfo');
  assert(isSubsystemInfo(result.tts), 'tts is a SubsystemInfo');
}

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(GpuStats.commandName === 'gpu/stats', "commandName is 'gpu/stats'");
  assert(typeof GpuStats.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createGpuStatsParams');
  const params = paramsOf({ subsystem: 'inference' });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.subsystem === 'inference', 'keeps subsystem');

  const bare = paramsOf({});
  assert(bare.subsystem === undefined, 'optional subsystem stays absent');
}

function testResultFactories(): void {
  console.log('\n🧪 result factories');
  const info: SubsystemInfo = { budgetMb: 4096, usedMb: 1024, consumers: 2 };
  const params = paramsOf({});

  const fromParams = createGpuStatsResultFromParams(params, {
    success: true,
    gpuName: 'Test GPU',
    totalVramMb: 8192,
    pressure: 0.25,
    rendering: info,
    inference: info,
    tts: info,
  });
  assert(fromParams.context === context, 'FromParams keeps the context');
  assert(fromParams.sessionId === sessionId, 'FromParams keeps the sessionId');
  assert(fromParams.success, 'FromParams keeps success');
  assert(fromParams.totalVramMb === 8192, 'FromParams keeps totalVramMb');

  const direct = createGpuStatsResult(context, sessionId, {
    success: false,
    gpuName: '',
    totalVramMb: 0,
    pressure: 0,
    rendering: info,
    inference: info,
    tts: info,
  });
  assert(direct.sessionId === sessionId, 'createGpuStatsResult sets the sessionId');
  assert(!direct.success, 'createGpuStatsResult keeps success = false');
}

async function testServerExecute(): Promise<void> {
  console.log('\n🧪 GpuStatsServerCommand.execute');
  const command = new GpuStatsServerCommand(context, 'gpu/stats', commander);

  const all = await command.execute(paramsOf({}));
  assert(all.success, 'succeeds without params');
  assert(all.sessionId === sessionId, 'answers in the caller session');
  assertResultShape(all);

  for (const subsystem of ['inference', 'tts', 'rendering'] as const) {
    const one = await command.execute(paramsOf({ subsystem }));
    assert(one.success, `succeeds with subsystem '${subsystem}'`);
  }
}

async function testServerValidation(): Promise<void> {
  console.log('\n🧪 GpuStatsServerCommand validation');
  const command = new GpuStatsServerCommand(context, 'gpu/stats', commander);
  // Simulate untyped wire input: a value outside the union.
  const bad = Object.assign(paramsOf({}), { subsystem: 'bogus' });

  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects an unknown subsystem with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'subsystem', "names the field 'subsystem'");
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuStats unit tests');
  testStaticAccessor();
  testParamsFactory();
  testResultFactories();
  await testServerExecute();
  await testServerValidation();
  console.log('\n✅ All GpuStats unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuStats unit tests failed:', error);
  process.exit(1);
});
