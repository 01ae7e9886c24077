#!/usr/bin/env tsx
/**
 * Gpu Stats Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`).
 *
 * Run with: npx tsx src/commands/gpu/stats/test/integration/GpuStatsIntegration.test.ts
 */

import { GpuStats, GpuStatsSubsystemValues, type GpuStatsResult } from '@commands/gpu/stats/shared/GpuStatsTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

function assertResultShape(result: GpuStatsResult): void {
  assert(typeof result.gpuName === 'string', 'gpuName is a string');
  assert(typeof result.totalVramMb === 'number', 'totalVramMb is a number');
  assert(typeof result.pressure === 'number', 'pressure is a number');
  for (const info of [result.rendering, result.inference, result.tts]) {
    assert(typeof info.budgetMb === 'number' && typeof info.usedMb === 'number' && typeof info.consumers === 'number',
      'subsystem info has budgetMb, usedMb, consumers');
  }
}

async function testDefault(): Promise<void> {
  console.log('\n🧪 gpu/stats with no params');
  const result = await GpuStats.execute({});
  assert(result.success, 'succeeds');
  assertResultShape(result);
}

async function testEachSubsystem(): Promise<void> {
  console.log('\n🧪 gpu/stats per subsystem');
  for (const subsystem of GpuStatsSubsystemValues) {
    const result = await GpuStats.execute({ subsystem });
    assert(result.success, `succeeds with subsystem '${subsystem}'`);
  }
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 gpu/stats rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped: { subsystem: string } = { subsystem: 'bogus' };
  let rejected = false;
  try {
    const result = await GpuStats.execute(untyped as Parameters<typeof GpuStats.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown subsystem is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuStats integration tests (needs a running system)');
  await testDefault();
  await testEachSubsystem();
  await testRejectsBadInput();
  console.log('\n✅ All GpuStats integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuStats integration tests failed:', error);
  process.exit(1);
});
