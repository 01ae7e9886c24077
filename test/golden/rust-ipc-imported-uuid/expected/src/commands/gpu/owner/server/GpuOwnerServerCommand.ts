/**
 * Gpu Owner Command - Server Implementation
 *
 * Which session owns the GPU (results of an imported type, UUID, cross the wire as strings)
 *
 * The logic lives in continuum-core (Rust: GpuOwnerModule::owner in src/workers/continuum-core/src/modules/gpu_owner/owner.rs);
 * this command validates its params and calls it over IPC.
 */

import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { RustBackedCommand } from '@daemons/command-daemon/shared/RustBackedCommand';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { GpuOwnerParams, GpuOwnerResult } from '@commands/gpu/owner/shared/GpuOwnerTypes';
import { createGpuOwnerResultFromParams } from '@commands/gpu/owner/shared/GpuOwnerTypes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';
import type { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';
import type { GpuOwnerResult as GpuOwnerWireResult } from '@shared/generated/gpu_owner/GpuOwnerResult';

export class GpuOwnerServerCommand extends RustBackedCommand<GpuOwnerParams, GpuOwnerResult, GpuOwnerWireResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/owner', context, subpath, commander);
  }

  protected override readonly requiredParams: ReadonlyArray<keyof GpuOwnerParams> = [];

  /** The work happens in continuum-core, over the shared client. */
  protected override async callRust(params: GpuOwnerParams, client: RustCoreIPCClient): Promise<GpuOwnerWireResult> {
    return client.gpuOwner({
      requester: params.requester,
    });
  }

  protected override toResult(result: GpuOwnerWireResult, params: GpuOwnerParams): GpuOwnerResult {
    return createGpuOwnerResultFromParams(params, {
      success: true,
      ...result,
      // Imported types travel as their plain wire form; this is where they are typed again.
      ownerId: result.ownerId as UUID,
      previousOwners: result.previousOwners as UUID[] | undefined,
    });
  }
}
