/**
 * Chat Send Command - Browser Implementation
 *
 * Send a message to a chat room
 *
 * The work happens on the server; the browser delegates.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { ChatSendParams, ChatSendResult } from '@commands/chat/send/shared/ChatSendTypes';

export class ChatSendBrowserCommand extends CommandBase<ChatSendParams, ChatSendResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('chat/send', context, subpath, commander);
  }

  async execute(params: ChatSendParams): Promise<ChatSendResult> {
    return await this.remoteExecute(params);
  }
}
