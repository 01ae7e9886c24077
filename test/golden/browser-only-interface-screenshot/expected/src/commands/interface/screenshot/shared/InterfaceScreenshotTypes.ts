/**
 * Interface Screenshot Command - Shared Types
 *
 * Capture the visible page or one element as an image
 *
 * Generated from spec interface/screenshot (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Params ──────────────────────────────────────────────────────────────────

export interface InterfaceScreenshotParams extends CommandParams {
  /** CSS selector of the element; the whole page when absent */
  selector?: string;
  /** Device pixel ratio of the capture */
  scale?: number;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createInterfaceScreenshotParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<InterfaceScreenshotParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): InterfaceScreenshotParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  scale: 1,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface InterfaceScreenshotResult extends CommandResult {
  success: boolean;
  /** PNG image as a data: URL */
  dataUrl: string;
  /** Width in pixels */
  width: number;
  /** Height in pixels */
  height: number;
  error?: JTAGError;
}

export const createInterfaceScreenshotResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<InterfaceScreenshotResult, 'context' | 'sessionId'>
): InterfaceScreenshotResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createInterfaceScreenshotResultFromParams = (
  params: InterfaceScreenshotParams,
  differences: Omit<InterfaceScreenshotResult, 'context' | 'sessionId' | 'userId'>
): InterfaceScreenshotResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * InterfaceScreenshot — type-safe command executor.
 *
 * Usage:
 *   import { InterfaceScreenshot } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';
 *
 *   const result = await InterfaceScreenshot.execute({});
 */
export const InterfaceScreenshot = {
  execute(params: CommandInput<InterfaceScreenshotParams>): Promise<InterfaceScreenshotResult> {
    return Commands.execute<InterfaceScreenshotParams, InterfaceScreenshotResult>('interface/screenshot', params as Partial<InterfaceScreenshotParams>);
  },
  commandName: 'interface/screenshot' as const,
} as const;
