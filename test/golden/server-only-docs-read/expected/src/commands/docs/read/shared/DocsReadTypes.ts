/**
 * Docs Read Command - Shared Types
 *
 * Read a documentation file, optionally one section of it
 *
 * Generated from spec docs/read (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Spec types ──────────────────────────────────────────────────────────────

/** A heading of the document and where it starts */
export interface DocSection {
  /** Heading text */
  heading: string;
  /** Heading level, 1 to 6 */
  level: number;
  /** 1-based line of the heading */
  line: number;
}

export type DocsReadFormat = 'markdown' | 'text';

/** Every `DocsReadFormat`, in spec order, for runtime validation. */
export const DocsReadFormatValues: readonly DocsReadFormat[] = ['markdown', 'text'];

export function isDocsReadFormat(value: unknown): value is DocsReadFormat {
  return typeof value === 'string' && (DocsReadFormatValues as readonly string[]).includes(value);
}

// ── Params ──────────────────────────────────────────────────────────────────

export interface DocsReadParams extends CommandParams {
  /** Path of the document, relative to docs/ */
  path: string;
  /** Only this section (heading text) */
  section?: string;
  /** Output format */
  format?: DocsReadFormat;
  /** Truncate after this many lines */
  maxLines?: number;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createDocsReadParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<DocsReadParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): DocsReadParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  format: 'markdown',
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface DocsReadResult extends CommandResult {
  success: boolean;
  /** The document or section text */
  content: string;
  /** Every heading of the document */
  sections: DocSection[];
  /** Whether maxLines cut the output */
  truncated: boolean;
  /** ISO 8601 time of the last change, null when unknown */
  lastModified: string | null;
  error?: JTAGError;
}

export const createDocsReadResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<DocsReadResult, 'context' | 'sessionId'>
): DocsReadResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createDocsReadResultFromParams = (
  params: DocsReadParams,
  differences: Omit<DocsReadResult, 'context' | 'sessionId' | 'userId'>
): DocsReadResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * DocsRead — type-safe command executor.
 *
 * Usage:
 *   import { DocsRead } from '@commands/docs/read/shared/DocsReadTypes';
 *
 *   const result = await DocsRead.execute({ path: '' });
 */
export const DocsRead = {
  execute(params: CommandInput<DocsReadParams>): Promise<DocsReadResult> {
    return Commands.execute<DocsReadParams, DocsReadResult>('docs/read', params as Partial<DocsReadParams>);
  },
  commandName: 'docs/read' as const,
} as const;
