import type { OptionDeclaration } from './option-declarations.js';

/** --json on a sub-generator: the run result on stdout, human text on stderr (as always). */
export const jsonResultOption: OptionDeclaration = {
  name: 'json',
  type: Boolean,
  description:
    "Print the run's result as JSON on stdout (schemas/run-result.schema.json, schemaVersion 1): every file's state, every issue; implies --no-interactive",
};
