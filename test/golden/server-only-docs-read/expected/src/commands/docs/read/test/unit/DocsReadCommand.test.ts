#!/usr/bin/env tsx
/**
 * Docs Read Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/docs/read/test/unit/DocsReadCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { DocsRead, createDocsReadParams, type DocsReadParams } from '@commands/docs/read/shared/DocsReadTypes';
import { DocsReadServerCommand } from '@commands/docs/read/server/DocsReadServerCommand';

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
    throw new Error('DocsRead unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('DocsRead unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<DocsReadParams>): DocsReadParams {
  return createDocsReadParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(DocsRead.commandName === 'docs/read', "commandName is 'docs/read'");
  assert(typeof DocsRead.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createDocsReadParams');
  const params = paramsOf({ path: '' });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
  assert(JSON.stringify(params.format) === '"markdown"', 'format defaults to "markdown"');
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 DocsReadServerCommand.execute');
  const command = new DocsReadServerCommand(context, 'docs/read', commander);
  const result = await command.execute(paramsOf({ path: '' }));
  assert(result.success, 'succeeds with the smallest valid input');
  assert(result.sessionId === sessionId, 'answers in the caller session');
  assert(typeof result.content === 'string', 'content is a string');
  assert(Array.isArray(result.sections), 'sections is an array');
  assert(typeof result.truncated === 'boolean', 'truncated is a boolean');
  assert(result.lastModified === null || typeof result.lastModified === 'string', 'lastModified is a string or null');
}

async function testValidation(): Promise<void> {
  console.log('\n🧪 DocsReadServerCommand validation');
  const command = new DocsReadServerCommand(context, 'docs/read', commander);
  // Simulate untyped wire input.
  const bad = Object.assign(paramsOf({ path: '' }), { format: 'not-a-DocsReadFormat' });
  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects bad input with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'format', "names the field 'format'");
}

async function runAll(): Promise<void> {
  console.log('🚀 DocsRead unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testExecute();
  await testValidation();
  console.log('\n✅ All DocsRead unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ DocsRead unit tests failed:', error);
  process.exit(1);
});
