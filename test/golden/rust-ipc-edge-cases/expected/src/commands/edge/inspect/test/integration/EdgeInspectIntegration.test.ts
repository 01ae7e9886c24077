#!/usr/bin/env tsx
/**
 * Edge Inspect Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/edge/inspect/test/integration/EdgeInspectIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { EdgeInspect } from '@commands/edge/inspect/shared/EdgeInspectTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 edge/inspect with the smallest valid input');
  const result = await EdgeInspect.execute({ type: 'read-only', gpuID: 0, tags: [], match: null });
  assert(result.success, 'succeeds');
  assert(typeof result.tree === 'object' && result.tree !== null, 'tree is a TreeNode object');
  assert(Array.isArray(result.counts), 'counts is an array');
  assert(typeof result.URL === 'string', 'URL is a string');
  assert(typeof result.crate === 'string', 'crate is a EdgeInspectCrate');
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 edge/inspect rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped = { ...{ type: 'read-only', gpuID: 0, tags: [], match: null }, type: 'not-a-Mode' };
  let rejected = false;
  try {
    const result = await EdgeInspect.execute(untyped as unknown as Parameters<typeof EdgeInspect.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown type is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 EdgeInspect integration tests (needs a running system)');
  await jtag.connect();
  assert(EdgeInspect.commandName === 'edge/inspect', "the accessor targets 'edge/inspect'");
  await testExecute();
  await testRejectsBadInput();
  console.log('\n✅ All EdgeInspect integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ EdgeInspect integration tests failed:', error);
  process.exit(1);
});
