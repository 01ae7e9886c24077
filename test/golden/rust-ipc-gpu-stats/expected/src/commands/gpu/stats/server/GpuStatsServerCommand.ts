/**
 * Gpu Stats Command - Server Implementation
 *
 * Query GPU memory manager stats
 *
 * The logic lives in continuum-core (Rust: GpuModule::stats in src/workers/continuum-core/src/modules/gpu/stats.rs);
 * this command validates its params and calls it over IPC.
 */

import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { RustBackedCommand } from '@daemons/command-daemon/shared/RustBackedCommand';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { GpuStatsParams, GpuStatsResult } from '@commands/gpu/stats/shared/GpuStatsTypes';
import { createGpuStatsResultFromParams, isGpuStatsSubsystem } from '@commands/gpu/stats/shared/GpuStatsTypes';
import type { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';
import type { GpuStatsResult as GpuStatsWireResult } from '@shared/generated/gpu/GpuStatsResult';

export class GpuStatsServerCommand extends RustBackedCommand<GpuStatsParams, GpuStatsResult, GpuStatsWireResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/stats', context, subpath, commander);
  }

  protected override readonly requiredParams: ReadonlyArray<keyof GpuStatsParams> = [];

  /** Params arrive over the wire untyped: check what the types cannot (the base checks the required ones). */
  protected override validateParams(params: GpuStatsParams): void {
    super.validateParams(params);
    if (params.subsystem !== undefined && !isGpuStatsSubsystem(params.subsystem)) {
      throw new ValidationError('subsystem', `must be one of 'inference', 'tts', 'rendering'; got ${JSON.stringify(params.subsystem)}`);
    }
  }

  /** The work happens in continuum-core, over the shared client. */
  protected override async callRust(params: GpuStatsParams, client: RustCoreIPCClient): Promise<GpuStatsWireResult> {
    return client.gpuStats({
      subsystem: params.subsystem,
    });
  }

  protected override toResult(result: GpuStatsWireResult, params: GpuStatsParams): GpuStatsResult {
    return createGpuStatsResultFromParams(params, { success: true, ...result });
  }
}
