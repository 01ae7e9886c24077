/**
 * Edge Inspect Command - Shared Types
 *
 * Every wire shape the Rust adapter maps: keywords, renames, integers, maps, nullables, recursion, imports
 *
 * Generated from spec edge/inspect (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { HealthStatus } from '@shared/generated/system/HealthStatus';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Spec types ──────────────────────────────────────────────────────────────

/** A node that refers to nodes of its own type */
export interface TreeNode {
  label: string;
  /** Boxed in Rust: optional, but still inline */
  parent?: TreeNode;
  /** A Vec is already indirect: no Box */
  children: TreeNode[];
  next: TreeNode | null;
}

/** Values that are not Rust identifiers as they stand */
export type Mode = 'read-only' | 'read_write' | '2d' | 'Self';

export type EdgeInspectCrate = 'a' | 'b';

/** Every `Mode`, in spec order, for runtime validation. */
export const ModeValues: readonly Mode[] = ['read-only', 'read_write', '2d', 'Self'];

export function isMode(value: unknown): value is Mode {
  return typeof value === 'string' && (ModeValues as readonly string[]).includes(value);
}

/** Every `EdgeInspectCrate`, in spec order, for runtime validation. */
export const EdgeInspectCrateValues: readonly EdgeInspectCrate[] = ['a', 'b'];

export function isEdgeInspectCrate(value: unknown): value is EdgeInspectCrate {
  return typeof value === 'string' && (EdgeInspectCrateValues as readonly string[]).includes(value);
}

// ── Params ──────────────────────────────────────────────────────────────────

export interface EdgeInspectParams extends CommandParams {
  /** A keyword: r#type in Rust */
  type: Mode;
  /** Cannot be a raw identifier: self_ with a rename */
  self?: string;
  /** snake_case gives gpu_id, which camelCase does not turn back into gpuID */
  gpuID: number;
  limits?: Record<string, number>;
  tags: string[];
  match: boolean | null;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createEdgeInspectParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<EdgeInspectParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): EdgeInspectParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface EdgeInspectResult extends CommandResult {
  success: boolean;
  tree: TreeNode;
  health?: HealthStatus;
  counts: (number | null)[];
  note?: string | null;
  URL: string;
  crate: EdgeInspectCrate;
  error?: JTAGError;
}

export const createEdgeInspectResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<EdgeInspectResult, 'context' | 'sessionId'>
): EdgeInspectResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createEdgeInspectResultFromParams = (
  params: EdgeInspectParams,
  differences: Omit<EdgeInspectResult, 'context' | 'sessionId' | 'userId'>
): EdgeInspectResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * EdgeInspect — type-safe command executor.
 *
 * Usage:
 *   import { EdgeInspect } from '@commands/edge/inspect/shared/EdgeInspectTypes';
 *
 *   const result = await EdgeInspect.execute({ type: 'read-only', gpuID: 0, tags: [], match: null });
 */
export const EdgeInspect = {
  execute(params: CommandInput<EdgeInspectParams>): Promise<EdgeInspectResult> {
    return Commands.execute<EdgeInspectParams, EdgeInspectResult>('edge/inspect', params as Partial<EdgeInspectParams>);
  },
  commandName: 'edge/inspect' as const,
} as const;
