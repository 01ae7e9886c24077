#!/usr/bin/env tsx
/**
 * System Ping Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/system/ping/test/unit/SystemPingCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { SystemPing, createSystemPingParams, type SystemPingParams } from '@commands/system/ping/shared/SystemPingTypes';
import { SystemPingServerCommand } from '@commands/system/ping/server/SystemPingServerCommand';

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
    throw new Error('SystemPing unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('SystemPing unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<SystemPingParams>): SystemPingParams {
  return createSystemPingParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(SystemPing.commandName === 'system/ping', "commandName is 'system/ping'");
  assert(typeof SystemPing.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createSystemPingParams');
  const params = paramsOf({});
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 SystemPingServerCommand.execute');
  const command = new SystemPingServerCommand(context, 'system/ping', commander);
  const result = await command.execute(paramsOf({}));
  assert(result.success, 'succeeds with the smallest valid input');
  assert(result.sessionId === sessionId, 'answers in the caller session');
  assert(typeof result.uptimeMs === 'number', 'uptimeMs is a number');
  assert(typeof result.version === 'string', 'version is a string');
}

async function runAll(): Promise<void> {
  console.log('🚀 SystemPing unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testExecute();
  console.log('\n✅ All SystemPing unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ SystemPing unit tests failed:', error);
  process.exit(1);
});
