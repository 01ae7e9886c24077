#!/usr/bin/env tsx
/**
 * Edge Inspect Command - Unit Tests
 *
 * Exercises the generated types and the server command in-process: no running system needed.
 *
 * Run with: npx tsx src/commands/edge/inspect/test/unit/EdgeInspectCommand.test.ts
 */

import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import type { CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { EdgeInspect, createEdgeInspectParams, type EdgeInspectParams } from '@commands/edge/inspect/shared/EdgeInspectTypes';
import { EdgeInspectServerCommand } from '@commands/edge/inspect/server/EdgeInspectServerCommand';

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
    throw new Error('EdgeInspect unit test: the command read context.config, which this test does not provide');
  },
  getConfig(): ReturnType<JTAGContext['getConfig']> {
    throw new Error('EdgeInspect unit test: the command called context.getConfig(), which this test does not provide');
  },
};
const sessionId = generateUUID();

/** Params as the system would build them from what a caller passes to the static accessor. */
function paramsOf(input: CommandInput<EdgeInspectParams>): EdgeInspectParams {
  return createEdgeInspectParams(context, sessionId, input);
}

// The command under test never calls its commander; a bare stub is enough.
const commander = {} as ICommandDaemon;

function testStaticAccessor(): void {
  console.log('\n🧪 static accessor');
  assert(EdgeInspect.commandName === 'edge/inspect', "commandName is 'edge/inspect'");
  assert(typeof EdgeInspect.execute === 'function', 'execute is a function');
}

function testParamsFactory(): void {
  console.log('\n🧪 createEdgeInspectParams');
  const params = paramsOf({ type: 'read-only', gpuID: 0, tags: [], match: null });
  assert(params.context === context, 'keeps the context');
  assert(params.sessionId === sessionId, 'keeps the sessionId');
  assert(params.userId === SYSTEM_SCOPES.SYSTEM, 'userId defaults to the system user');
}

async function testValidation(): Promise<void> {
  console.log('\n🧪 EdgeInspectServerCommand validation');
  const command = new EdgeInspectServerCommand(context, 'edge/inspect', commander);
  // Simulate untyped wire input.
  const bad = Object.assign(paramsOf({ type: 'read-only', gpuID: 0, tags: [], match: null }), { type: 'not-a-Mode' });
  let caught: unknown = null;
  try {
    await command.execute(bad);
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof ValidationError, 'rejects bad input with ValidationError');
  assert(caught instanceof ValidationError && caught.field === 'type', "names the field 'type'");
}

async function runAll(): Promise<void> {
  console.log('🚀 EdgeInspect unit tests');
  testStaticAccessor();
  testParamsFactory();
  await testValidation();
  // A valid input goes to continuum-core over IPC: the integration test covers it against a
  // running core, and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All EdgeInspect unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ EdgeInspect unit tests failed:', error);
  process.exit(1);
});
