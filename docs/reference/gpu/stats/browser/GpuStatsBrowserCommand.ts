/**
 * Gpu Stats Command - Browser Implementation
 *
 * Query GPU memory manager stats. The work happens on the server; the browser delegates.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { GpuStatsParams, GpuStatsResult } from '@commands/gpu/stats/shared/GpuStatsTypes';

export class GpuStatsBrowserCommand extends CommandBase<GpuStatsParams, GpuStatsResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/stats', context, subpath, commander);
  }

  async execute(params: GpuStatsParams): Promise<GpuStatsResult> {
    return await this.remoteExecute(params);
  }
}
