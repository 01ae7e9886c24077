/**
 * Gpu Stats Command - Server Implementation
 *
 * Query GPU memory manager stats
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { GpuStatsParams, GpuStatsResult } from '@commands/gpu/stats/shared/GpuStatsTypes';
import {
  createGpuStatsResultFromParams,
  GpuStatsSubsystemValues,
  isGpuStatsSubsystem,
} from '@commands/gpu/stats/shared/GpuStatsTypes';

export class GpuStatsServerCommand extends CommandBase<GpuStatsParams, GpuStatsResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/stats', context, subpath, commander);
  }

  async execute(params: GpuStatsParams): Promise<GpuStatsResult> {
    this.validateParams(params);

    // TODO(gpu/stats): implement. Replace the placeholder values below with real data.
    return createGpuStatsResultFromParams(params, {
      success: true,
      gpuName: '',
      totalVramMb: 0,
      pressure: 0,
      rendering: { budgetMb: 0, usedMb: 0, consumers: 0 },
      inference: { budgetMb: 0, usedMb: 0, consumers: 0 },
      tts: { budgetMb: 0, usedMb: 0, consumers: 0 },
    });
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: GpuStatsParams): void {
    if (params.subsystem !== undefined && !isGpuStatsSubsystem(params.subsystem)) {
      throw new ValidationError(
        'subsystem',
        `must be one of ${GpuStatsSubsystemValues.map((v) => `'${v}'`).join(', ')}; got ${JSON.stringify(params.subsystem)}`
      );
    }
  }
}
