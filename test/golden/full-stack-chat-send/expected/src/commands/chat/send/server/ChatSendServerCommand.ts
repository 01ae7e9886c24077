/**
 * Chat Send Command - Server Implementation
 *
 * Send a message to a chat room
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { ChatSendParams, ChatSendResult } from '@commands/chat/send/shared/ChatSendTypes';
import { isMessagePriority } from '@commands/chat/send/shared/ChatSendTypes';

export class ChatSendServerCommand extends CommandBase<ChatSendParams, ChatSendResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('chat/send', context, subpath, commander);
  }

  async execute(params: ChatSendParams): Promise<ChatSendResult> {
    this.validateParams(params);

    // TODO(chat/send): implement and return createChatSendResultFromParams(params, { success: true, ... }).
    throw new Error(`chat/send is not implemented yet (session ${params.sessionId})`);
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: ChatSendParams): void {
    if (params.room === undefined) {
      throw new ValidationError('room', 'is required');
    }
    if (typeof params.room !== 'string') {
      throw new ValidationError('room', `must be a string; got ${JSON.stringify(params.room)}`);
    }
    if (params.message === undefined) {
      throw new ValidationError('message', 'is required');
    }
    if (typeof params.message !== 'string') {
      throw new ValidationError('message', `must be a string; got ${JSON.stringify(params.message)}`);
    }
    if (params.priority !== undefined && !isMessagePriority(params.priority)) {
      throw new ValidationError('priority', `must be one of 'low', 'normal', 'urgent'; got ${JSON.stringify(params.priority)}`);
    }
    if (params.mentions !== undefined && !Array.isArray(params.mentions)) {
      throw new ValidationError('mentions', `must be an array; got ${JSON.stringify(params.mentions)}`);
    }
    if (params.metadata !== undefined && (typeof params.metadata !== 'object' || params.metadata === null || Array.isArray(params.metadata))) {
      throw new ValidationError('metadata', `must be an object; got ${JSON.stringify(params.metadata)}`);
    }
  }
}
