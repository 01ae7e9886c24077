/**
 * Interface Screenshot Command - Shared Types
 *
 * Capture the visible interface as a PNG image
 *
 * Generated from spec interface/screenshot (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Params ──────────────────────────────────────────────────────────────────

export interface InterfaceScreenshotParams extends CommandParams {
  /** This command takes no parameters. */
  _noParams?: never;
}

/**
 * Build params. `data` is everything but context and session, so it includes `userId`
 * exactly when the host's CommandParams requires one.
 */
export const createInterfaceScreenshotParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<InterfaceScreenshotParams, 'context' | 'sessionId'>
): InterfaceScreenshotParams => createPayload(context, sessionId, {
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface InterfaceScreenshotResult extends CommandResult {
  success: boolean;
  /** The screenshot as a `data:image/png;base64,...` URL */
  dataUrl: string;
  /** Width in CSS pixels */
  width: number;
  /** Height in CSS pixels */
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
 *   const shot = await InterfaceScreenshot.execute({});
 */
export const InterfaceScreenshot = {
  execute(params: CommandInput<InterfaceScreenshotParams>): Promise<InterfaceScreenshotResult> {
    return Commands.execute<InterfaceScreenshotParams, InterfaceScreenshotResult>(
      'interface/screenshot',
      params as Partial<InterfaceScreenshotParams>
    );
  },
  commandName: 'interface/screenshot' as const,
} as const;
