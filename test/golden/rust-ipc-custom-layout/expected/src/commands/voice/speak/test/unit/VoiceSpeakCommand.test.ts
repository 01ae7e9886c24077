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
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { VoiceSpeak, createVoiceSpeakParams, type VoiceSpeakParams } from '@commands/voice/speak/shared/VoiceSpeakTypes';
import { VoiceSpeakServerCommand } from '@commands/voice/speak/server/VoiceSpeakServerCommand';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

/**
 * A complete JTAGContext. A unit test reads no configuration, so `config` and `getConfig()`
 * fail loudly if the command ever does.
 */
const context: JTAGContext = {
  uuid: generateUUID(),
  environment: 'server',
  get config(): JTAGContext['config'] {
    throw new Error('VoiceSpeak unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('VoiceSpeak unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<VoiceSpeakParams>): VoiceSpeakParams {
  return createVoiceSpeakParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(VoiceSpeak.commandName === 'voice/speak', "commandName is 'voice/speak'");
  assert(typeof VoiceSpeak.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createVoiceSpeakParams');
  const params = paramsOf({ text: 'text' });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function testValidation(): Promise<void> {
  console.log('\n🧪 VoiceSpeakServerCommand validation');
  const command = new VoiceSpeakServerCommand(context, 'voice/speak', commander);
  // Simulate untyped wire input.
  const bad = Object.assign(paramsOf({ text: 'text' }), { text: undefined });
  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects bad input with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'text', "names the field 'text'");
}

async function runAll(): Promise<void> {
  console.log('🚀 VoiceSpeak unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testValidation();
  // A valid input goes to continuum-core over IPC: the integration test covers it against a
  // running core, and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All VoiceSpeak unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ VoiceSpeak unit tests failed:', error);
  process.exit(1);
});
