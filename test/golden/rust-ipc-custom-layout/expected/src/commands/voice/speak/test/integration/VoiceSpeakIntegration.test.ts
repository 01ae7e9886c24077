#!/usr/bin/env tsx
/**
 * Voice Speak Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx src/commands/voice/speak/test/integration/VoiceSpeakIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { VoiceSpeak } from '@commands/voice/speak/shared/VoiceSpeakTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 voice/speak with the smallest valid input');
  const result = await VoiceSpeak.execute({ text: 'text' });
  assert(result.success, 'succeeds');
  assert(Number.isSafeInteger(result.durationMs), 'durationMs is an integer');
}

async function runAll(): Promise<void> {
  console.log('🚀 VoiceSpeak integration tests (needs a running system)');
  await jtag.connect();
  assert(VoiceSpeak.commandName === 'voice/speak', "the accessor targets 'voice/speak'");
  await testExecute();
  console.log('\n✅ All VoiceSpeak integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ VoiceSpeak integration tests failed:', error);
  process.exit(1);
});
