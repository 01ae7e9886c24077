/** The public entry of the rust-ipc adapter. */
export { rustIpcAdapter, type RustIpcAdapterOptions } from './rust-ipc-adapter.js';
