//! `gpu/stats`: the handler, yours. generator-continuum wrote this file
//! once and never rewrites it (not even with --force; delete it to get the stub
//! back). The wire types, the routing and the tests are in `../gpu.rs`.

use super::*;

impl GpuModule {
    /// `gpu/stats`: Query GPU memory manager stats
    pub fn stats(&self, params: GpuStatsParams) -> Result<GpuStatsResult, String> {
        // TODO(gpu/stats): implement, then replace this error with the result.
        Err(format!("gpu/stats: not implemented yet (GpuModule::stats in src/modules/gpu/stats.rs); params: {params:?}"))
    }
}
