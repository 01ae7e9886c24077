---
to: src/commands/<%= name %>/shared/<%= className %>Types.ts
unless_exists: true
---
/**
 * <%= title %> Command - Shared Types
 *
 * Benchmark command <%= name %>
 *
 * Generated from spec <%= name %> (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Spec types ──────────────────────────────────────────────────────────────

export type <%= className %>Mode = 'fast' | 'safe';

/** Every `<%= className %>Mode`, in spec order, for runtime validation. */
export const <%= className %>ModeValues: readonly <%= className %>Mode[] = ['fast', 'safe'];

export function is<%= className %>Mode(value: unknown): value is <%= className %>Mode {
  return typeof value === 'string' && (<%= className %>ModeValues as readonly string[]).includes(value);
}

// ── Params ──────────────────────────────────────────────────────────────────

export interface <%= className %>Params extends CommandParams {
  /** What to act on */
  target: string;
  /** How */
  mode?: <%= className %>Mode;
  limit?: number;
  tags?: Record<string, string>;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const create<%= className %>Params = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<<%= className %>Params, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): <%= className %>Params => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  mode: 'safe',
  limit: 10,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface <%= className %>Result extends CommandResult {
  success: boolean;
  /** How many */
  count: number;
  note: string | null;
  error?: JTAGError;
}

export const create<%= className %>Result = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<<%= className %>Result, 'context' | 'sessionId'>
): <%= className %>Result => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const create<%= className %>ResultFromParams = (
  params: <%= className %>Params,
  differences: Omit<<%= className %>Result, 'context' | 'sessionId' | 'userId'>
): <%= className %>Result => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * <%= className %> — type-safe command executor.
 *
 * Usage:
 *   import { <%= className %> } from '@commands/<%= name %>/shared/<%= className %>Types';
 *
 *   const result = await <%= className %>.execute({ target: '' });
 */
export const <%= className %> = {
  execute(params: CommandInput<<%= className %>Params>): Promise<<%= className %>Result> {
    return Commands.execute<<%= className %>Params, <%= className %>Result>('<%= name %>', params as Partial<<%= className %>Params>);
  },
  commandName: '<%= name %>' as const,
} as const;
