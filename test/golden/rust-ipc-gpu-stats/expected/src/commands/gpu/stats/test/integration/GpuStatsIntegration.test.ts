#!/usr/bin/env tsx
/**
 * Gpu Stats Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/gpu/stats/test/integration/GpuStatsIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { GpuStats } from '@commands/gpu/stats/shared/GpuStatsTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 gpu/stats with the smallest valid input');
  const result = await GpuStats.execute({});
  assert(result.success, 'succeeds');
  assert(typeof result.gpuName === 'string', 'gpuName is a string');
  assert(typeof result.totalVramMb === 'number', 'totalVramMb is a number');
  assert(typeof result.pressure === 'number', 'pressure is a number');
  assert(typeof result.rendering === 'object' && result.rendering !== null, 'rendering is a SubsystemInfo object');
  assert(typeof result.inference === 'object' && result.inference !== null, 'inference is a SubsystemInfo object');
  assert(typeof result.tts === 'object' && result.tts !== null, 'tts is a SubsystemInfo object');
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 gpu/stats rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped = { ...{}, subsystem: 'not-a-GpuStatsSubsystem' };
  let rejected = false;
  try {
    const result = await GpuStats.execute(untyped as unknown as Parameters<typeof GpuStats.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown subsystem is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuStats integration tests (needs a running system)');
  await jtag.connect();
  assert(GpuStats.commandName === 'gpu/stats', "the accessor targets 'gpu/stats'");
  await testExecute();
  await testRejectsBadInput();
  console.log('\n✅ All GpuStats integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuStats integration tests failed:', error);
  process.exit(1);
});
