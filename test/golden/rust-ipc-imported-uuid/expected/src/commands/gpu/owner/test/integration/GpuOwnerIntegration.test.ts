#!/usr/bin/env tsx
/**
 * Gpu Owner Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/gpu/owner/test/integration/GpuOwnerIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { GpuOwner } from '@commands/gpu/owner/shared/GpuOwnerTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 gpu/owner with the smallest valid input');
  const result = await GpuOwner.execute({});
  assert(result.success, 'succeeds');
  assert(typeof result.gpuName === 'string', 'gpuName is a string');
}

async function runAll(): Promise<void> {
  console.log('🚀 GpuOwner integration tests (needs a running system)');
  await jtag.connect();
  assert(GpuOwner.commandName === 'gpu/owner', "the accessor targets 'gpu/owner'");
  await testExecute();
  console.log('\n✅ All GpuOwner integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ GpuOwner integration tests failed:', error);
  process.exit(1);
});
