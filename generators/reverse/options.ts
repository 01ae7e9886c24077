import type { OptionDeclaration } from '../_shared/option-declarations.js';

/** Every option of `continuum:reverse`, declared once (flag and help line). */
export const reverseOptions = {
  stdout: {
    name: 'stdout',
    type: Boolean,
    description: 'Print every spec on stdout, one JSON document per line, and write nothing',
  },
  missingOnly: {
    name: 'missing-only',
    type: Boolean,
    description: "Skip commands that already have a spec (matched by the spec's name field in the specs folder)",
  },
  fromV1: {
    name: 'from-v1',
    type: String,
    description: 'Migrate the v1 spec files in this folder to v2 in place, through the conflict rules (instead of reading code)',
  },
} satisfies Record<string, OptionDeclaration>;
