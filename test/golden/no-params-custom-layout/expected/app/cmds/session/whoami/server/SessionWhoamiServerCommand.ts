/**
 * Session Whoami Command - Server Implementation
 *
 * Tell the caller who they are
 */

import { CommandBase, type ICommandDaemon } from '@app/core/CommandBase';
import type { JTAGContext } from '@app/core/Payloads';
import type { SessionWhoamiParams, SessionWhoamiResult } from '@cmds/session/whoami/shared/SessionWhoamiTypes';
import { createSessionWhoamiResultFromParams } from '@cmds/session/whoami/shared/SessionWhoamiTypes';

export class SessionWhoamiServerCommand extends CommandBase<SessionWhoamiParams, SessionWhoamiResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('session/whoami', context, subpath, commander);
  }

  async execute(params: SessionWhoamiParams): Promise<SessionWhoamiResult> {
    // TODO(session/whoami): implement. Replace the placeholder values below with real data.
    return createSessionWhoamiResultFromParams(params, {
      success: true,
      displayName: '',
      roles: [],
    });
  }
}
