//! `gpu/owner`: the handler, yours. generator-continuum wrote this file
//! once and never rewrites it (not even with --force; delete it to get the stub
//! back). The wire types, the routing and the tests are in `../gpu_owner.rs`.

use super::*;

impl GpuOwnerModule {
    /// `gpu/owner`: Which session owns the GPU (results of an imported type, UUID, cross the wire as strings)
    pub fn owner(&self, params: GpuOwnerParams) -> Result<GpuOwnerResult, String> {
        // TODO(gpu/owner): implement, then replace this error with the result.
        Err(format!("gpu/owner: not implemented yet (GpuOwnerModule::owner in src/modules/gpu_owner/owner.rs); params: {params:?}"))
    }
}
