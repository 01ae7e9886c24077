/**
 * Edge Inspect Command - Server Implementation
 *
 * Every wire shape the Rust adapter maps: keywords, renames, integers, maps, nullables, recursion, imports
 *
 * The logic lives in continuum-core (Rust: EdgeModule::inspect in src/workers/continuum-core/src/modules/edge/inspect.rs);
 * this command validates its params and calls it over IPC.
 */

import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { RustBackedCommand } from '@daemons/command-daemon/shared/RustBackedCommand';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { EdgeInspectParams, EdgeInspectResult } from '@commands/edge/inspect/shared/EdgeInspectTypes';
import { createEdgeInspectResultFromParams, isMode } from '@commands/edge/inspect/shared/EdgeInspectTypes';
import type { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';
import type { EdgeInspectResult as EdgeInspectWireResult } from '@shared/generated/edge/EdgeInspectResult';

export class EdgeInspectServerCommand extends RustBackedCommand<EdgeInspectParams, EdgeInspectResult, EdgeInspectWireResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('edge/inspect', context, subpath, commander);
  }

  protected override readonly requiredParams: ReadonlyArray<keyof EdgeInspectParams> = ['type', 'gpuID', 'tags'];

  /** Params arrive over the wire untyped: check what the types cannot (the base checks the required ones). */
  protected override validateParams(params: EdgeInspectParams): void {
    super.validateParams(params);
    if (!isMode(params.type)) {
      throw new ValidationError('type', `must be one of 'read-only', 'read_write', '2d', 'Self'; got ${JSON.stringify(params.type)}`);
    }
    if (params.self !== undefined && typeof params.self !== 'string') {
      throw new ValidationError('self', `must be a string; got ${JSON.stringify(params.self)}`);
    }
    if (!Number.isSafeInteger(params.gpuID)) {
      throw new ValidationError('gpuID', `must be an integer; got ${JSON.stringify(params.gpuID)}`);
    }
    if (params.limits !== undefined && (typeof params.limits !== 'object' || params.limits === null || Array.isArray(params.limits))) {
      throw new ValidationError('limits', `must be an object; got ${JSON.stringify(params.limits)}`);
    }
    if (!Array.isArray(params.tags)) {
      throw new ValidationError('tags', `must be an array; got ${JSON.stringify(params.tags)}`);
    }
    if (params.match !== null && typeof params.match !== 'boolean') {
      throw new ValidationError('match', `must be a boolean or null; got ${JSON.stringify(params.match)}`);
    }
  }

  /** The work happens in continuum-core, over the shared client. */
  protected override async callRust(params: EdgeInspectParams, client: RustCoreIPCClient): Promise<EdgeInspectWireResult> {
    return client.edgeInspect({
      type: params.type,
      self: params.self,
      gpuID: params.gpuID,
      limits: params.limits,
      tags: params.tags,
      match: params.match,
    });
  }

  protected override toResult(result: EdgeInspectWireResult, params: EdgeInspectParams): EdgeInspectResult {
    return createEdgeInspectResultFromParams(params, { success: true, ...result });
  }
}
