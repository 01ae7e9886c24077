import { C_RESERVED } from '../../targets/c/c-text.js';
import type { AdapterOptionDeclaration } from '../adapter.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { nameC } from './namer.js';
import { C_ADAPTER_ID, cTypeMapping } from './type-mapping.js';
import { renderC } from './view.js';

export const cOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder the headers are written to', default: 'generated/c' },
  { name: 'importedTypes', type: 'type-map', description: 'C type of each imported spec type (UUID -> char *)', default: {} },
];

export function cAdapter(): TargetAdapter {
  return defineTarget({
    id: C_ADAPTER_ID,
    folder: 'c',
    description: 'C: one header per command with structs, enums and function prototypes, include guards and extern "C" guards',
    writes: ['<outputDir>/<name_segments>.h'],
    reservedNames: C_RESERVED,
    options: cOptions,
    typeMapping: cTypeMapping,
    name: nameC,
    render: renderC,
  });
}
