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
import { EdgeInspect, createEdgeInspectParams, type EdgeInspectParams } from '@commands/edge/inspect/shared/EdgeInspectTypes';

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
function paramsOf(input: CommandInput<EdgeInspectParams>): EdgeInspectParams {
  return createEdgeInspectParams(context, sessionId, { ...caller, ...input });
}

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
}

async function runAll(): Promise<void> {
  console.log('🚀 EdgeInspect unit tests');
  testStaticAccessor();
  testParamsFactory();
  // execute() calls continuum-core over IPC: the integration test covers it against a running core,
  // and the Rust module's own tests (cargo test) cover the logic.
  console.log('\n✅ All EdgeInspect unit tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ EdgeInspect unit tests failed:', error);
  process.exit(1);
});
