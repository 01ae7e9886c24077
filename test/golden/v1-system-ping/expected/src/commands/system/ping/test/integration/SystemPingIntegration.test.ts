#!/usr/bin/env tsx
/**
 * System Ping Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/system/ping/test/integration/SystemPingIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { SystemPing } from '@commands/system/ping/shared/SystemPingTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 system/ping with the smallest valid input');
  const result = await SystemPing.execute({});
  assert(result.success, 'succeeds');
  assert(typeof result.uptimeMs === 'number', 'uptimeMs is a number');
  assert(typeof result.version === 'string', 'version is a string');
}

async function runAll(): Promise<void> {
  console.log('🚀 SystemPing integration tests (needs a running system)');
  await jtag.connect();
  assert(SystemPing.commandName === 'system/ping', "the accessor targets 'system/ping'");
  await testExecute();
  console.log('\n✅ All SystemPing integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ SystemPing integration tests failed:', error);
  process.exit(1);
});
