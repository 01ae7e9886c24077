/**
 * Gpu Owner Command - Server Implementation
 *
 * Which session owns the GPU (results of an imported type, UUID, cross the wire as strings)
 *
 * The logic lives in continuum-core (Rust: GpuOwnerModule::owner in src/workers/continuum-core/src/modules/gpu_owner.rs);
 * this command validates its params and calls it over IPC.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { GpuOwnerParams, GpuOwnerResult } from '@commands/gpu/owner/shared/GpuOwnerTypes';
import { createGpuOwnerResultFromParams } from '@commands/gpu/owner/shared/GpuOwnerTypes';
import type { UUID } from '@system/core/types/CrossPlatformUUID';
import { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';

export class GpuOwnerServerCommand extends CommandBase<GpuOwnerParams, GpuOwnerResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('gpu/owner', context, subpath, commander);
  }

  async execute(params: GpuOwnerParams): Promise<GpuOwnerResult> {
    // The work happens in continuum-core: connect, call, and always disconnect.
    const client = new RustCoreIPCClient();
    await client.connect();
    try {
      const result = await client.gpuOwner({
        requester: params.requester,
      });
      return createGpuOwnerResultFromParams(params, {
        success: true,
        ...result,
        // Imported types travel as their plain wire form; this is where they are typed again.
        ownerId: result.ownerId as UUID,
        previousOwners: result.previousOwners as UUID[] | undefined,
      });
    } finally {
      client.disconnect();
    }
  }
}
