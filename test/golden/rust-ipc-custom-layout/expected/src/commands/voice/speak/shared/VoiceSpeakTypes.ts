/**
 * Voice Speak Command - Shared Types
 *
 * Speak a text aloud
 *
 * Generated from spec voice/speak (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Params ──────────────────────────────────────────────────────────────────

export interface VoiceSpeakParams extends CommandParams {
  /** What to say */
  text: string;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createVoiceSpeakParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<VoiceSpeakParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): VoiceSpeakParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface VoiceSpeakResult extends CommandResult {
  success: boolean;
  /** How long it took */
  durationMs: number;
  error?: JTAGError;
}

export const createVoiceSpeakResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<VoiceSpeakResult, 'context' | 'sessionId'>
): VoiceSpeakResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createVoiceSpeakResultFromParams = (
  params: VoiceSpeakParams,
  differences: Omit<VoiceSpeakResult, 'context' | 'sessionId' | 'userId'>
): VoiceSpeakResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * VoiceSpeak — type-safe command executor.
 *
 * Usage:
 *   import { VoiceSpeak } from '@commands/voice/speak/shared/VoiceSpeakTypes';
 *
 *   const result = await VoiceSpeak.execute({ text: 'text' });
 */
export const VoiceSpeak = {
  execute(params: CommandInput<VoiceSpeakParams>): Promise<VoiceSpeakResult> {
    return Commands.execute<VoiceSpeakParams, VoiceSpeakResult>('voice/speak', params as Partial<VoiceSpeakParams>);
  },
  commandName: 'voice/speak' as const,
} as const;
