import { ALLOW_NON_HOST_FLAG } from '../../shared/run/host-guard.js';
import type { OptionDeclaration } from './option-declarations.js';

/** The options every spec-driven sub-generator declares (kept apart from the generator class: the bin's wizard reads them without loading Yeoman). */
export const specOption: OptionDeclaration = {
  name: 'spec',
  type: String,
  description:
    'Generate from this spec (v1 or v2 JSON), a folder of specs, or a glob (quote it), asking nothing; relative to the current folder',
};

export const adapterOption: OptionDeclaration = {
  name: 'adapter',
  type: Array,
  description: 'Also run this adapter on the spec (repeatable: --adapter=swift --adapter=kotlin); `continuum-gen adapters` lists them',
};

export const allowNonHostOption: OptionDeclaration = {
  name: ALLOW_NON_HOST_FLAG,
  type: Boolean,
  description: "Create the host's shared files (mod.rs, RustCoreIPC.ts) even in a folder that does not look like a Continuum checkout",
};

export const mergeOption: OptionDeclaration = {
  name: 'merge',
  type: String,
  description:
    'What an overlapping hand edit does in a run without a terminal: refuse (default: list the conflicts, write nothing) or markers (write standard conflict markers to resolve by hand)',
};

export const verboseOption: OptionDeclaration = {
  name: 'verbose',
  type: Boolean,
  description: "List every file's state in a batch too (a single spec always lists them; a batch lists merged, conflict and skip)",
};
