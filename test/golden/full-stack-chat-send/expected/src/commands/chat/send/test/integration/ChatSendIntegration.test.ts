#!/usr/bin/env tsx
/**
 * Chat Send Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/chat/send/test/integration/ChatSendIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { ChatSend } from '@commands/chat/send/shared/ChatSendTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 chat/send with the smallest valid input');
  const result = await ChatSend.execute({ room: '', message: '' });
  assert(result.success, 'succeeds');
  assert(Number.isSafeInteger(result.deliveredTo), 'deliveredTo is an integer');
}

async function testRejectsBadInput(): Promise<void> {
  console.log('\n🧪 chat/send rejects bad input');
  // Simulate an untyped caller (CLI, another AI): a value outside the union.
  const untyped = { ...{ room: '', message: '' }, priority: 'not-a-MessagePriority' };
  let rejected = false;
  try {
    const result = await ChatSend.execute(untyped as unknown as Parameters<typeof ChatSend.execute>[0]);
    rejected = !result.success;
  } catch {
    // The host's ValidationError may arrive re-wrapped by the transport: any rejection counts.
    rejected = true;
  }
  assert(rejected, 'an unknown priority is refused');
}

async function runAll(): Promise<void> {
  console.log('🚀 ChatSend integration tests (needs a running system)');
  await jtag.connect();
  assert(ChatSend.commandName === 'chat/send', "the accessor targets 'chat/send'");
  await testExecute();
  await testRejectsBadInput();
  console.log('\n✅ All ChatSend integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ ChatSend integration tests failed:', error);
  process.exit(1);
});
