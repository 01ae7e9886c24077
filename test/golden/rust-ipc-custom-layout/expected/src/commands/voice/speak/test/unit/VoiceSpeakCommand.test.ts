#!/usr/bin/env tsx
/**
 * Voice Speak Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/voice/speak/test/unit/VoiceSpeakCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { VoiceSpeak, createVoiceSpeakParams, type VoiceSpeakParams } from '@commands/voice/speak/shared/VoiceSpeakTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

const context: JTAGContext = { uuid: generateUUID(), environment: 'server' };
const sessionId = generateUUID();
// The caller's identity is spread into the factory data, never written inline: a host whose
// CommandParams has no `userId` would reject an inline `userId` as an excess property.
const caller = { userId: generateUUID() };

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<VoiceSpeakParams>): VoiceSpeakParams {
  return createVoiceSpeakParams(context, sessionId, { ...caller, ...input });
}

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(VoiceSpeak.commandName === 'voice/speak', "commandName is 'voice/speak'");
  assert(typeof VoiceSpeak.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createVoiceSpeakParams');
  const params = paramsOf({ text: '' });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
}

async function runAll(): Promise<void> {
  console.log('🚀 VoiceSpeak unit tests');
  testStaticAccessor();
  testParamsFactory();
  // execute() calls continuum-core over IPC: the integration test covers it against a running core,
  // and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All VoiceSpeak unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ VoiceSpeak unit tests failed:', error);
  process.exit(1);
});
