#!/usr/bin/env tsx
/**
 * Interface Screenshot Command - Unit Tests
 *
 * Exercises the generated types and the browser command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/interface/screenshot/test/unit/InterfaceScreenshotCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { InterfaceScreenshot, createInterfaceScreenshotParams, type InterfaceScreenshotParams } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';
import { InterfaceScreenshotBrowserCommand } from '@commands/interface/screenshot/browser/InterfaceScreenshotBrowserCommand';

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
  environment: 'browser',
  get config(): JTAGContext['config'] {
    throw new Error('InterfaceScreenshot unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('InterfaceScreenshot unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<InterfaceScreenshotParams>): InterfaceScreenshotParams {
  return createInterfaceScreenshotParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(InterfaceScreenshot.commandName === 'interface/screenshot', "commandName is 'interface/screenshot'");
  assert(typeof InterfaceScreenshot.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createInterfaceScreenshotParams');
  const params = paramsOf({});
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
  assert(JSON.stringify(params.scale) === '1', 'scale defaults to 1');
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 InterfaceScreenshotBrowserCommand.execute');
  const command = new InterfaceScreenshotBrowserCommand(context, 'interface/screenshot', commander);
  const result = await command.execute(paramsOf({}));
  assert(result.success, 'succeeds with the smallest valid input');
  assert(result.sessionId === sessionId, 'answers in the caller session');
  assert(typeof result.dataUrl === 'string', 'dataUrl is a string');
  assert(Number.isSafeInteger(result.width), 'width is an integer');
  assert(Number.isSafeInteger(result.height), 'height is an integer');
}

async function runAll(): Promise<void> {
  console.log('🚀 InterfaceScreenshot unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testExecute();
  console.log('\n✅ All InterfaceScreenshot unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ InterfaceScreenshot unit tests failed:', error);
  process.exit(1);
});
