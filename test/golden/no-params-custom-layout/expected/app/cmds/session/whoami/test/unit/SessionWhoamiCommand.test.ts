#!/usr/bin/env tsx
/**
 * Session Whoami Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx app/cmds/session/whoami/test/unit/SessionWhoamiCommand.test.ts
 */

import { generateUUID } from '@app/core/Ids';
import type { CommandInput, JTAGContext } from '@app/core/Payloads';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { ICommandDaemon } from '@app/core/CommandBase';
import { SessionWhoami, createSessionWhoamiParams, type SessionWhoamiParams } from '@cmds/session/whoami/shared/SessionWhoamiTypes';
import { SessionWhoamiServerCommand } from '@cmds/session/whoami/server/SessionWhoamiServerCommand';

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
    throw new Error('SessionWhoami unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('SessionWhoami unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<SessionWhoamiParams>): SessionWhoamiParams {
  return createSessionWhoamiParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(SessionWhoami.commandName === 'session/whoami', "commandName is 'session/whoami'");
  assert(typeof SessionWhoami.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createSessionWhoamiParams');
  const params = paramsOf({});
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 SessionWhoamiServerCommand.execute');
  const command = new SessionWhoamiServerCommand(context, 'session/whoami', commander);
  const result = await command.execute(paramsOf({}));
  assert(result.success, 'succeeds with the smallest valid input');
  assert(result.sessionId === sessionId, 'answers in the caller session');
  assert(typeof result.displayName === 'string', 'displayName is a string');
  assert(Array.isArray(result.roles), 'roles is an array');
}

async function runAll(): Promise<void> {
  console.log('🚀 SessionWhoami unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testExecute();
  console.log('\n✅ All SessionWhoami unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ SessionWhoami unit tests failed:', error);
  process.exit(1);
});
