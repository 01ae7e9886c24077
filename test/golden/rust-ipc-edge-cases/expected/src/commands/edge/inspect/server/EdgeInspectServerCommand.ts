/**
 * Edge Inspect Command - Server Implementation
 *
 * Every wire shape the Rust adapter maps: keywords, renames, integers, maps, nullables, recursion, imports
 *
 * The logic lives in continuum-core (Rust: EdgeModule::inspect in src/workers/continuum-core/src/modules/edge.rs);
 * this command validates its params and calls it over IPC.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { EdgeInspectParams, EdgeInspectResult } from '@commands/edge/inspect/shared/EdgeInspectTypes';
import { createEdgeInspectResultFromParams, isMode } from '@commands/edge/inspect/shared/EdgeInspectTypes';
import { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';

export class EdgeInspectServerCommand extends CommandBase<EdgeInspectParams, EdgeInspectResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('edge/inspect', context, subpath, commander);
  }

  async execute(params: EdgeInspectParams): Promise<EdgeInspectResult> {
    this.validateParams(params);

    // The work happens in continuum-core: connect, call, and always disconnect.
    const client = new RustCoreIPCClient();
    await client.connect();
    try {
      const result = await client.edgeInspect({
        type: params.type,
        self: params.self,
        gpuID: params.gpuID,
        limits: params.limits,
        tags: params.tags,
        match: params.match,
      });
      return createEdgeInspectResultFromParams(params, { success: true, ...result });
    } finally {
      client.disconnect();
    }
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: EdgeInspectParams): void {
    if (params.type === undefined) {
      throw new ValidationError('type', 'is required');
    }
    if (!isMode(params.type)) {
      throw new ValidationError('type', `must be one of 'read-only', 'read_write', '2d', 'Self'; got ${JSON.stringify(params.type)}`);
    }
    if (params.self !== undefined && typeof params.self !== 'string') {
      throw new ValidationError('self', `must be a string; got ${JSON.stringify(params.self)}`);
    }
    if (params.gpuID === undefined) {
      throw new ValidationError('gpuID', 'is required');
    }
    if (!Number.isSafeInteger(params.gpuID)) {
      throw new ValidationError('gpuID', `must be an integer; got ${JSON.stringify(params.gpuID)}`);
    }
    if (params.limits !== undefined && (typeof params.limits !== 'object' || params.limits === null || Array.isArray(params.limits))) {
      throw new ValidationError('limits', `must be an object; got ${JSON.stringify(params.limits)}`);
    }
    if (params.tags === undefined) {
      throw new ValidationError('tags', 'is required');
    }
    if (!Array.isArray(params.tags)) {
      throw new ValidationError('tags', `must be an array; got ${JSON.stringify(params.tags)}`);
    }
    if (params.match === undefined) {
      throw new ValidationError('match', 'is required');
    }
    if (params.match !== null && typeof params.match !== 'boolean') {
      throw new ValidationError('match', `must be a boolean or null; got ${JSON.stringify(params.match)}`);
    }
  }
}
