/**
 * System Ping Command - Shared Types
 *
 * Check that the system answers (a v1 spec: accepted and migrated in memory)
 *
 * Generated from spec system/ping (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Params ──────────────────────────────────────────────────────────────────

export interface SystemPingParams extends CommandParams {
  /** This command takes no parameters. */
  _noParams?: never;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createSystemPingParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<SystemPingParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): SystemPingParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface SystemPingResult extends CommandResult {
  success: boolean;
  /** Milliseconds since start */
  uptimeMs: number;
  /** System version */
  version: string;
  error?: JTAGError;
}

export const createSystemPingResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<SystemPingResult, 'context' | 'sessionId'>
): SystemPingResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createSystemPingResultFromParams = (
  params: SystemPingParams,
  differences: Omit<SystemPingResult, 'context' | 'sessionId' | 'userId'>
): SystemPingResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * SystemPing — type-safe command executor.
 *
 * Usage:
 *   import { SystemPing } from '@commands/system/ping/shared/SystemPingTypes';
 *
 *   const result = await SystemPing.execute({});
 */
export const SystemPing = {
  execute(params: CommandInput<SystemPingParams>): Promise<SystemPingResult> {
    return Commands.execute<SystemPingParams, SystemPingResult>('system/ping', params as Partial<SystemPingParams>);
  },
  commandName: 'system/ping' as const,
} as const;
