/**
 * System Ping Command - Server Implementation
 *
 * Check that the system answers (a v1 spec: accepted and migrated in memory)
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { SystemPingParams, SystemPingResult } from '@commands/system/ping/shared/SystemPingTypes';
import { createSystemPingResultFromParams } from '@commands/system/ping/shared/SystemPingTypes';

export class SystemPingServerCommand extends CommandBase<SystemPingParams, SystemPingResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('system/ping', context, subpath, commander);
  }

  async execute(params: SystemPingParams): Promise<SystemPingResult> {
    // TODO(system/ping): implement. Replace the placeholder values below with real data.
    return createSystemPingResultFromParams(params, {
      success: true,
      uptimeMs: 0,
      version: '',
    });
  }
}
