---
to: src/commands/<%= name %>/test/integration/<%= className %>Integration.test.ts
unless_exists: true
---
#!/usr/bin/env tsx
/**
 * <%= title %> Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/<%= name %>/test/integration/<%= className %>Integration.test.ts
 */

import { jtag } from '@server/server-index';
import { <%= className %> } from '@commands/<%= name %>/shared/<%= className %>Types';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 <%= name %> with the smallest valid input');
  const result = await <%= className %>.execute({ target: '' });
  assert(result.success, 'succeeds');
  assert(Number.isSafeInteger(result.count), 'count is an integer');
  assert(result.note === null || typeof result.note === 'string', 'note is a string or null');
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 <%= name %> rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped = { ...{ target: '' }, mode: 'not-a-<%= className %>Mode' };
  let rejected = false;
  try {
    const result = await <%= className %>.execute(untyped as unknown as Parameters<typeof <%= className %>.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown mode is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 <%= className %> integration tests (needs a running system)');
  await jtag.connect();
  assert(<%= className %>.commandName === '<%= name %>', "the accessor targets '<%= name %>'");
  await testExecute();
  await testRejectsBadInput();
  console.log('\n✅ All <%= className %> integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ <%= className %> integration tests failed:', error);
  process.exit(1);
});
