import { rustSpecGenerator } from '../rust-module/index.js';

export const summary =
  'Rust traits of a trait-only spec: the trait module, ts-rs types, TypeScript interfaces, supervisor (--spec=<file|folder|glob>)';

/** `continuum:trait`: the run of continuum:rust-module, for trait-only specs (specs/traits/*.json). */
export default rustSpecGenerator('trait-only', summary);
