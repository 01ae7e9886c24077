/**
 * Session Whoami Command - Shared Types
 *
 * Tell the caller who they are
 *
 * Generated from spec session/whoami (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@app/core/Payloads';
import { createPayload, transformPayload } from '@app/core/Payloads';
import { Commands } from '@app/core/Commands';
import type { JTAGError } from '@app/core/Errors';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { Role } from '@app/auth/Role';
import type { UUID } from '@app/core/Ids';

// ── Params ──────────────────────────────────────────────────────────────────

export interface SessionWhoamiParams extends CommandParams {
  /** This command takes no parameters. */
  _noParams?: never;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createSessionWhoamiParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<SessionWhoamiParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): SessionWhoamiParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface SessionWhoamiResult extends CommandResult {
  success: boolean;
  /** Name shown in the UI */
  displayName: string;
  /** Roles of the caller */
  roles: Role[];
  /** Epoch milliseconds of the login */
  since?: number;
  error?: JTAGError;
}

export const createSessionWhoamiResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<SessionWhoamiResult, 'context' | 'sessionId'>
): SessionWhoamiResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createSessionWhoamiResultFromParams = (
  params: SessionWhoamiParams,
  differences: Omit<SessionWhoamiResult, 'context' | 'sessionId' | 'userId'>
): SessionWhoamiResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * SessionWhoami — type-safe command executor.
 *
 * Usage:
 *   import { SessionWhoami } from '@cmds/session/whoami/shared/SessionWhoamiTypes';
 *
 *   const result = await SessionWhoami.execute({});
 */
export const SessionWhoami = {
  execute(params: CommandInput<SessionWhoamiParams>): Promise<SessionWhoamiResult> {
    return Commands.execute<SessionWhoamiParams, SessionWhoamiResult>('session/whoami', params as Partial<SessionWhoamiParams>);
  },
  commandName: 'session/whoami' as const,
} as const;
