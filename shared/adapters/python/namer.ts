import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { PYDANTIC_RESERVED, PYTHON_ANNOTATION_NAMES, PYTHON_KEYWORDS } from '../../targets/python/python-text.js';
import type { AdapterOptions } from '../adapter.js';
import { lowerSnake, resolveNamed } from '../language/language-support.js';
import { NamingPass, type CommandTypeNames, type NamedStruct } from '../language/naming-pass.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';
import type { Naming } from '../target.js';
import { PYTHON_ADAPTER_ID, pythonTypeMapping } from './type-mapping.js';

/** Every identifier the Python files print, decided once. */
export interface PythonNames extends CommandTypeNames {
  /** The models module (docs_read); the routes module is <module>_routes. */
  readonly module: string;
  /** The route handler function. */
  readonly handler: string;
  /** Classes in rendering order; field types without the `| None` of an optional field. */
  readonly structs: readonly NamedStruct[];
}

/** A Python identifier for a wire name: snake_case; keywords and BaseModel attributes take a trailing _. */
export function pythonFieldName(wire: string): string {
  const snake = lowerSnake(wire);
  return PYTHON_KEYWORDS.has(snake) || PYDANTIC_RESERVED.has(snake) || PYTHON_ANNOTATION_NAMES.has(snake) ? `${snake}_` : snake;
}

function pythonModuleName(model: CommandModel): string {
  const name = lowerSnake(model.segments.join('_'));
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}

function pythonType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions): string {
  return spellType(
    node,
    spellingFromMapping(pythonTypeMapping, (name) => {
      const target = resolveNamed(PYTHON_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

export function namePython(model: CommandModel, options: AdapterOptions): Naming<PythonNames> {
  const pass = new NamingPass(PYTHON_ADAPTER_ID, model);
  const commandTypes = pass.commandTypes();
  const structs = pass.structs(
    (field) => ({ name: pythonFieldName(field.name) }),
    (field) => pythonType(field.type, model, options),
  );
  // snake_case can fold two wire names into one attribute (gpuId, gpu_id).
  for (const struct of structs)
    pass.distinct(
      `class ${struct.name}`,
      struct.fields.map((f) => ({ source: f.field.name, name: f.name, pointer: f.pointer })),
    );
  return pass.result({ ...commandTypes, module: pythonModuleName(model), handler: pythonFieldName(model.className), structs });
}
