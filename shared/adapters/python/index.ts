import { PYTHON_RESERVED } from '../../targets/python/python-text.js';
import type { AdapterOptionDeclaration } from '../adapter.js';
import { defineTarget, type TargetAdapter } from '../target.js';
import { namePython } from './namer.js';
import { PYTHON_ADAPTER_ID, pythonTypeMapping } from './type-mapping.js';
import { renderPython } from './view.js';

export const pythonOptions: readonly AdapterOptionDeclaration[] = [
  {
    name: 'outputDir',
    type: 'path',
    description: 'Folder (a Python package) the models and route modules are written to',
    default: 'generated/python',
  },
  {
    name: 'routePrefix',
    type: 'string',
    description: 'Prefix of each FastAPI route path (the route is <routePrefix>/<command name>)',
    default: '',
  },
  { name: 'importedTypes', type: 'type-map', description: 'Python type of each imported spec type (UUID -> str)', default: {} },
];

export function pythonAdapter(): TargetAdapter {
  return defineTarget({
    id: PYTHON_ADAPTER_ID,
    folder: 'python',
    description: 'Python: Pydantic v2 models (camelCase aliases, populate_by_name, Literal unions) and a FastAPI route stub',
    writes: ['<outputDir>/<name_segments>.py', '<outputDir>/<name_segments>_routes.py'],
    reservedNames: PYTHON_RESERVED,
    options: pythonOptions,
    typeMapping: pythonTypeMapping,
    name: namePython,
    render: renderPython,
  });
}
