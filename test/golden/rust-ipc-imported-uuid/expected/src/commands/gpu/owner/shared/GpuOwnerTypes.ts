/**
 * Gpu Owner Command - Shared Types
 *
 * Which session owns the GPU (results of an imported type, UUID, cross the wire as strings)
 *
 * Generated from spec gpu/owner (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Params ──────────────────────────────────────────────────────────────────

export interface GpuOwnerParams extends CommandParams {
  /** Ask on behalf of this session */
  requester?: UUID;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createGpuOwnerParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<GpuOwnerParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): GpuOwnerParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface GpuOwnerResult extends CommandResult {
  success: boolean;
  /** Session that holds the GPU */
  ownerId: UUID;
  previousOwners?: UUID[];
  gpuName: string;
  error?: JTAGError;
}

export const createGpuOwnerResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<GpuOwnerResult, 'context' | 'sessionId'>
): GpuOwnerResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createGpuOwnerResultFromParams = (
  params: GpuOwnerParams,
  differences: Omit<GpuOwnerResult, 'context' | 'sessionId' | 'userId'>
): GpuOwnerResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * GpuOwner — type-safe command executor.
 *
 * Usage:
 *   import { GpuOwner } from '@commands/gpu/owner/shared/GpuOwnerTypes';
 *
 *   const result = await GpuOwner.execute({});
 */
export const GpuOwner = {
  execute(params: CommandInput<GpuOwnerParams>): Promise<GpuOwnerResult> {
    return Commands.execute<GpuOwnerParams, GpuOwnerResult>('gpu/owner', params as Partial<GpuOwnerParams>);
  },
  commandName: 'gpu/owner' as const,
} as const;
