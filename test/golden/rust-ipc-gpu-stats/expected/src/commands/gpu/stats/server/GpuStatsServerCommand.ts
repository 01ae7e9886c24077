/**
 * Gpu Stats Command - Server Implementation
 *
 * Query GPU memory manager stats
 *
 * The logic lives in continuum-core (Rust: GpuModule::stats in src/workers/continuum-core/src/modules/gpu.rs);
 * this command validates its params and calls it over IPC.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { GpuStatsParams, GpuStatsResult } from '@commands/gpu/stats/shared/GpuStatsTypes';
import { createGpuStatsResultFromParams, isGpuStatsSubsystem } from '@commands/gpu/stats/shared/GpuStatsTypes';
import { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';

export class GpuStatsServerCommand extends CommandBase<GpuStatsParams, GpuStatsResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/stats', context, subpath, commander);
  }

  async execute(params: GpuStatsParams): Promise<GpuStatsResult> {
    this.validateParams(params);

    // The work happens in continuum-core: connect, call, and always disconnect.
    const client = new RustCoreIPCClient();
    await client.connect();
    try {
      const result = await client.gpuStats({
        subsystem: params.subsystem,
      });
      return createGpuStatsResultFromParams(params, { success: true, ...result });
    } finally {
      client.disconnect();
    }
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: GpuStatsParams): void {
    if (params.subsystem !== undefined && !isGpuStatsSubsystem(params.subsystem)) {
      throw new ValidationError('subsystem', `must be one of 'inference', 'tts', 'rendering'; got ${JSON.stringify(params.subsystem)}`);
    }
  }
}
