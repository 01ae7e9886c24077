/**
 * Gpu Stats Command - Shared Types
 *
 * Query GPU memory manager stats
 *
 * Generated from spec gpu/stats (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Spec types ──────────────────────────────────────────────────────────────

export interface SubsystemInfo {
  /** Budget in MB */
  budgetMb: number;
  /** Used in MB */
  usedMb: number;
  /** Active consumers */
  consumers: number;
}

export type GpuStatsSubsystem = 'inference' | 'tts' | 'rendering';

/** Every `GpuStatsSubsystem`, in spec order, for runtime validation. */
export const GpuStatsSubsystemValues: readonly GpuStatsSubsystem[] = ['inference', 'tts', 'rendering'];

export function isGpuStatsSubsystem(value: unknown): value is GpuStatsSubsystem {
  return typeof value === 'string' && (GpuStatsSubsystemValues as readonly string[]).includes(value);
}

// ── Params ──────────────────────────────────────────────────────────────────

export interface GpuStatsParams extends CommandParams {
  /** Filter to specific subsystem */
  subsystem?: GpuStatsSubsystem;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createGpuStatsParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<GpuStatsParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): GpuStatsParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface GpuStatsResult extends CommandResult {
  success: boolean;
  gpuName: string;
  totalVramMb: number;
  pressure: number;
  rendering: SubsystemInfo;
  inference: SubsystemInfo;
  tts: SubsystemInfo;
  error?: JTAGError;
}

export const createGpuStatsResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<GpuStatsResult, 'context' | 'sessionId'>
): GpuStatsResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createGpuStatsResultFromParams = (
  params: GpuStatsParams,
  differences: Omit<GpuStatsResult, 'context' | 'sessionId' | 'userId'>
): GpuStatsResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * GpuStats — type-safe command executor.
 *
 * Usage:
 *   import { GpuStats } from '@commands/gpu/stats/shared/GpuStatsTypes';
 *
 *   const result = await GpuStats.execute({});
 */
export const GpuStats = {
  execute(params: CommandInput<GpuStatsParams>): Promise<GpuStatsResult> {
    return Commands.execute<GpuStatsParams, GpuStatsResult>('gpu/stats', params as Partial<GpuStatsParams>);
  },
  commandName: 'gpu/stats' as const,
} as const;
