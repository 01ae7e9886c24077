#!/usr/bin/env tsx
/**
 * Interface Screenshot Command - Unit Tests
 *
 * Run with: npx tsx src/commands/interface/screenshot/test/unit/InterfaceScreenshotCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import {
  InterfaceScreenshot,
  createInterfaceScreenshotParams,
  createInterfaceScreenshotResultFromParams,
  type InterfaceScreenshotParams,
} from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';
import { InterfaceScreenshotBrowserCommand } from '@commands/interface/screenshot/browser/InterfaceScreenshotBrowserCommand';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

const context: JTAGContext = { uuid: generateUUID(), environment: 'browser' };
const sessionId = generateUUID();
// The caller's identity is spread into the factory data, never written inline: a host whose
// CommandParams has no `userId` would reject an inline `userId` as an excess property.
const caller = { userId: generateUUID() };

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<InterfaceScreenshotParams>): InterfaceScreenshotParams {
  return createInterfaceScreenshotParams(context, sessionId, { ...caller, ...input });
}

// The browser command never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

async function runAll(): Promise<void> {
  console.log('🚀 InterfaceScreenshot unit tests');

  console.log('\n🧪 static accessor');
  assert(InterfaceScreenshot.commandName === 'interface/screenshot', "commandName is 'interface/screenshot'");

  console.log('\n🧪 factories');
  const params = paramsOf({});
  assert(params.context === context && params.sessionId === sessionId, 'params keep context and session');
  const result = createInterfaceScreenshotResultFromParams(params, { success: true, dataUrl: 'data:,', width: 1, height: 1 });
  assert(result.context === context && result.success, 'result keeps context and success');

  console.log('\n🧪 InterfaceScreenshotBrowserCommand.execute');
  const command = new InterfaceScreenshotBrowserCommand(context, 'interface/screenshot', commander);
  const shot = await command.execute(params);
  assert(shot.success, 'succeeds');
  assert(typeof shot.dataUrl === 'string' && typeof shot.width === 'number' && typeof shot.height === 'number',
    'result has dataUrl, width, height');

  console.log('\n✅ All InterfaceScreenshot unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ InterfaceScreenshot unit tests failed:', error);
  process.exit(1);
});
