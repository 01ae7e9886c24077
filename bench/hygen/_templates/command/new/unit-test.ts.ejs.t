---
to: src/commands/<%= name %>/test/unit/<%= className %>Command.test.ts
unless_exists: true
---
#!/usr/bin/env tsx
/**
 * <%= title %> Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/<%= name %>/test/unit/<%= className %>Command.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { <%= className %>, create<%= className %>Params, type <%= className %>Params } from '@commands/<%= name %>/shared/<%= className %>Types';
import { <%= className %>ServerCommand } from '@commands/<%= name %>/server/<%= className %>ServerCommand';

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
    throw new Error('<%= className %> unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('<%= className %> unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<<%= className %>Params>): <%= className %>Params {
  return create<%= className %>Params(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(<%= className %>.commandName === '<%= name %>', "commandName is '<%= name %>'");
  assert(typeof <%= className %>.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 create<%= className %>Params');
  const params = paramsOf({ target: '' });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
  assert(JSON.stringify(params.mode) === '"safe"', 'mode defaults to "safe"');
  assert(JSON.stringify(params.limit) === '10', 'limit defaults to 10');
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 <%= className %>ServerCommand.execute');
  const command = new <%= className %>ServerCommand(context, '<%= name %>', commander);
  const result = await command.execute(paramsOf({ target: '' }));
  assert(result.success, 'succeeds with the smallest valid input');
  assert(result.sessionId === sessionId, 'answers in the caller session');
  assert(Number.isSafeInteger(result.count), 'count is an integer');
  assert(result.note === null || typeof result.note === 'string', 'note is a string or null');
}

async function testValidation(): Promise<void> {
  console.log('\n🧪 <%= className %>ServerCommand validation');
  const command = new <%= className %>ServerCommand(context, '<%= name %>', commander);
  // Simulate untyped wire input.
  const bad = Object.assign(paramsOf({ target: '' }), { mode: 'not-a-<%= className %>Mode' });
  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects bad input with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'mode', "names the field 'mode'");
}

async function runAll(): Promise<void> {
  console.log('🚀 <%= className %> unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testExecute();
  await testValidation();
  console.log('\n✅ All <%= className %> unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ <%= className %> unit tests failed:', error);
  process.exit(1);
});
