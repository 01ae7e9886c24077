#!/usr/bin/env tsx
/**
 * Interface Screenshot Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system with a browser attached.
 *
 * Run with: npx tsx src/commands/interface/screenshot/test/integration/InterfaceScreenshotIntegration.test.ts
 */

import { InterfaceScreenshot } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function runAll(): Promise<void> {
  console.log('🚀 InterfaceScreenshot integration tests (needs a running system)');
  const shot = await InterfaceScreenshot.execute({});
  assert(shot.success, 'succeeds');
  assert(typeof shot.dataUrl === 'string', 'dataUrl is a string');
  assert(typeof shot.width === 'number' && typeof shot.height === 'number', 'width and height are numbers');
  console.log('\n✅ All InterfaceScreenshot integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ InterfaceScreenshot integration tests failed:', error);
  process.exit(1);
});
