#!/usr/bin/env tsx
/**
 * Session Whoami Command - Integration Tests
 *
 * Calls the command through its static accessor against a RUNNING system
 * (start it first, e.g. `npm start`): it connects first, and fails at once without one.
 *
 * Run with: npx tsx app/cmds/session/whoami/test/integration/SessionWhoamiIntegration.test.ts
 */

import { jtag } from '@server/server-index';
import { SessionWhoami } from '@cmds/session/whoami/shared/SessionWhoamiTypes';

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`);
  }
  console.log(`  ✓ ${message}`);
}

async function testExecute(): Promise<void> {
  console.log('\n🧪 session/whoami with the smallest valid input');
  const result = await SessionWhoami.execute({});
  assert(result.success, 'succeeds');
  assert(typeof result.displayName === 'string', 'displayName is a string');
  assert(Array.isArray(result.roles), 'roles is an array');
}

async function runAll(): Promise<void> {
  console.log('🚀 SessionWhoami integration tests (needs a running system)');
  await jtag.connect();
  assert(SessionWhoami.commandName === 'session/whoami', "the accessor targets 'session/whoami'");
  await testExecute();
  console.log('\n✅ All SessionWhoami integration tests passed');
}

runAll().catch((error: unknown) => {
  console.error('\n❌ SessionWhoami integration tests failed:', error);
  process.exit(1);
});
