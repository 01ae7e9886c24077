/**
 * Chat Send Command - Shared Types
 *
 * Send a message to a chat room
 *
 * Generated from spec chat/send (v2). Edit the spec, not this file.
 */

import type { CommandParams, CommandResult, CommandInput, JTAGContext } from '@system/core/types/JTAGTypes';
import { createPayload, transformPayload } from '@system/core/types/JTAGTypes';
import { Commands } from '@system/core/shared/Commands';
import type { JTAGError } from '@system/core/types/ErrorTypes';
import { SYSTEM_SCOPES } from '@system/core/types/SystemScopes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';

// ── Spec types ──────────────────────────────────────────────────────────────

/** How urgently members are notified */
export type MessagePriority = 'low' | 'normal' | 'urgent';

/** Every `MessagePriority`, in spec order, for runtime validation. */
export const MessagePriorityValues: readonly MessagePriority[] = ['low', 'normal', 'urgent'];

export function isMessagePriority(value: unknown): value is MessagePriority {
  return typeof value === 'string' && (MessagePriorityValues as readonly string[]).includes(value);
}

// ── Params ──────────────────────────────────────────────────────────────────

export interface ChatSendParams extends CommandParams {
  /** Room name or id */
  room: string;
  /** Message text (markdown) */
  message: string;
  /** Notification urgency */
  priority?: MessagePriority;
  /** User names to notify */
  mentions?: string[];
  /** Free-form tags stored with the message */
  metadata?: Record<string, string>;
  /** Message this one answers */
  replyTo?: UUID;
}

/**
 * Build params. `userId` defaults to the system user, as the host's factories do; pass one to
 * act for somebody else.
 */
export const createChatSendParams = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<ChatSendParams, 'context' | 'sessionId' | 'userId'> & { userId?: UUID }
): ChatSendParams => createPayload(context, sessionId, {
  userId: SYSTEM_SCOPES.SYSTEM,
  priority: 'normal',
  ...data
});

// ── Result ──────────────────────────────────────────────────────────────────

export interface ChatSendResult extends CommandResult {
  success: boolean;
  /** Id of the stored message */
  messageId: UUID;
  /** Number of members notified */
  deliveredTo: number;
  error?: JTAGError;
}

export const createChatSendResult = (
  context: JTAGContext,
  sessionId: UUID,
  data: Omit<ChatSendResult, 'context' | 'sessionId'>
): ChatSendResult => createPayload(context, sessionId, data);

/** Build a result that answers `params` (same context and session). */
export const createChatSendResultFromParams = (
  params: ChatSendParams,
  differences: Omit<ChatSendResult, 'context' | 'sessionId' | 'userId'>
): ChatSendResult => transformPayload(params, differences);

// ── Static accessor ─────────────────────────────────────────────────────────

/**
 * ChatSend — type-safe command executor.
 *
 * Usage:
 *   import { ChatSend } from '@commands/chat/send/shared/ChatSendTypes';
 *
 *   const result = await ChatSend.execute({ room: '', message: '' });
 */
export const ChatSend = {
  execute(params: CommandInput<ChatSendParams>): Promise<ChatSendResult> {
    return Commands.execute<ChatSendParams, ChatSendResult>('chat/send', params as Partial<ChatSendParams>);
  },
  commandName: 'chat/send' as const,
} as const;
