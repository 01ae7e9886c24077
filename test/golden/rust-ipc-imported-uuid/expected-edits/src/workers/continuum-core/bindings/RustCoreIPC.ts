/**
 * Host fixture: the continuum-core IPC client, composed from the module mixins in ./modules/.
 *
 * Laid out like the host's: re-exports of the base utilities and of each mixin's types, then the
 * imports, then one nested, tab-indented ComposedClient expression (one mixin per line), then the
 * client class with its shared instance. Adding a module: its `export type`, its import, one
 * more wrap of the expression, e.g.
 *   const ComposedClient = GpuMixin(HealthMixin(RustCoreIPCClientBase));
 */

// Re-export utilities from base
export { resolveSocketPath, getContinuumCoreSocketPath } from './modules/base';
export type { IPCResponse, IPCJsonResponse } from './modules/base';

// Re-export types from modules
export type { HealthPingResult } from './modules/health';
export type {
	SystemResourceSnapshot,
	MemoryPressureInfo,
} from './modules/system_resources';
export type { GpuOwnerParams, GpuOwnerResult } from './modules/gpu_owner';

// Import base and all mixins
import { RustCoreIPCClientBase, getContinuumCoreSocketPath } from './modules/base';
import { HealthMixin } from './modules/health';
import { SystemResourcesMixin } from './modules/system_resources';
import { GpuOwnerMixin } from './modules/gpu_owner';

/**
 * Compose all mixins into the full client class.
 */
const ComposedClient = GpuOwnerMixin(
	SystemResourcesMixin(
		HealthMixin(RustCoreIPCClientBase)
	)
);

/**
 * The client with every domain's methods. Server commands share one instance:
 *   const client = await RustCoreIPCClient.getInstanceAsync();
 */
export class RustCoreIPCClient extends ComposedClient {
	private static _singletonInstance: RustCoreIPCClient | null = null;
	private static _singletonPromise: Promise<RustCoreIPCClient> | null = null;

	constructor(socketPath: string = getContinuumCoreSocketPath()) {
		super(socketPath);
	}

	/** The shared instance; connects on first use. */
	static getInstance(): RustCoreIPCClient {
		if (!RustCoreIPCClient._singletonInstance) {
			const client = new RustCoreIPCClient();
			RustCoreIPCClient._singletonInstance = client;
			RustCoreIPCClient._singletonPromise = client.connect().then(() => client);
		}
		return RustCoreIPCClient._singletonInstance;
	}

	/** The shared instance, once it is connected. */
	static async getInstanceAsync(): Promise<RustCoreIPCClient> {
		RustCoreIPCClient.getInstance();
		return RustCoreIPCClient._singletonPromise!;
	}
}

// Default export for convenience
export default RustCoreIPCClient;
