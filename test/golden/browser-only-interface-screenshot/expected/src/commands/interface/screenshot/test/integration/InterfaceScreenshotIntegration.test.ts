#!/usr/bin/env tsx
/**
 * Interface Screenshot Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/interface/screenshot/test/integration/InterfaceScreenshotIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { InterfaceScreenshot } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 interface/screenshot with the smallest valid input');
  const result = await InterfaceScreenshot.execute({});
  assert(result.success, 'succeeds');
  assert(typeof result.dataUrl === 'string', 'dataUrl is a string');
  assert(Number.isSafeInteger(result.width), 'width is an integer');
  assert(Number.isSafeInteger(result.height), 'height is an integer');
}

async function runAll(): Promise<void> {
  console.log('🚀 InterfaceScreenshot integration tests (needs a running system)');
  await jtag.connect();
  assert(InterfaceScreenshot.commandName === 'interface/screenshot', "the accessor targets 'interface/screenshot'");
  await testExecute();
  console.log('\n✅ All InterfaceScreenshot integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ InterfaceScreenshot integration tests failed:', error);
  process.exit(1);
});
