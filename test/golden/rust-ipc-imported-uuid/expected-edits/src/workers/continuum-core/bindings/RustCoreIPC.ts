/**
 * Host fixture: RustCoreIPC composition.
 *
 * Every module mixin is imported and wrapped around the base in ONE nested expression.
 * Adding a module = one more import + one more wrap, e.g.
 *   const ComposedClient = GpuMixin(HealthMixin(RustCoreIPCClientBase));
 */
import { RustCoreIPCClientBase, getContinuumCoreSocketPath } from './modules/base';
import { HealthMixin } from './modules/health';
import { GpuOwnerMixin } from './modules/gpu_owner';

const ComposedClient = GpuOwnerMixin(HealthMixin(RustCoreIPCClientBase));

export class RustCoreIPCClient extends ComposedClient {
  constructor(socketPath: string = getContinuumCoreSocketPath()) {
    super(socketPath);
  }
}

export type { IPCRequest, IPCResponse } from './modules/base';
