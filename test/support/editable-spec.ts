import type { CommandSpecV2, SpecField } from '../../shared/spec/command-spec.js';

/** A spec a test reads back and edits: the example specs it starts from all have params and results. */
export type EditableSpec = CommandSpecV2 & { params: SpecField[]; results: SpecField[] };
