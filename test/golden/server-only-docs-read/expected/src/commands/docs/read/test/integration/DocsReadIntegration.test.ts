#!/usr/bin/env tsx
/**
 * Docs Read Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/docs/read/test/integration/DocsReadIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { DocsRead } from '@commands/docs/read/shared/DocsReadTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 docs/read with the smallest valid input');
  const result = await DocsRead.execute({ path: '' });
  assert(result.success, 'succeeds');
  assert(typeof result.content === 'string', 'content is a string');
  assert(Array.isArray(result.sections), 'sections is an array');
  assert(typeof result.truncated === 'boolean', 'truncated is a boolean');
  assert(result.lastModified === null || typeof result.lastModified === 'string', 'lastModified is a string or null');
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 docs/read rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped = { ...{ path: '' }, format: 'not-a-DocsReadFormat' };
  let rejected = false;
  try {
    const result = await DocsRead.execute(untyped as unknown as Parameters<typeof DocsRead.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown format is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 DocsRead integration tests (needs a running system)');
  await jtag.connect();
  assert(DocsRead.commandName === 'docs/read', "the accessor targets 'docs/read'");
  await testExecute();
  await testRejectsBadInput();
  console.log('\n✅ All DocsRead integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ DocsRead integration tests failed:', error);
  process.exit(1);
});
