import type { ProjectConfig } from '../../config/project-config.js';
import { PYDANTIC_RESERVED, PYTHON_ANNOTATION_NAMES, PYTHON_KEYWORDS, PYTHON_RESERVED, pythonCommentText, pythonDocstring, pythonString } from '../../targets/python/python-text.js';
import type { SpecIssue } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import type { AdapterOptionDeclaration, AdapterOptions, AdapterTypeMapping, FilePlan, GeneratorAdapter } from '../adapter.js';
import {
  commandDerivedNames,
  derivedNameIssues,
  distinctNames,
  enums,
  fieldDocText,
  importedTypes,
  lowerSnake,
  mappingIssues,
  paramsTypeName,
  resolveNamed,
  resultTypeName,
  stringOption,
  structSources,
  unsupportedDeclarationIssues,
  usesUnknown,
} from '../language/language-support.js';
import { spellType, spellingFromMapping } from '../language/type-spelling.js';

export const PYTHON_ADAPTER_ID = 'python';
const TEMPLATES = adapterTemplates('python');

export { PYDANTIC_RESERVED, PYTHON_KEYWORDS };

export const pythonTypeMapping: AdapterTypeMapping = {
  language: 'Python (Pydantic v2)',
  string: 'str',
  number: 'float',
  integer: 'int',
  boolean: 'bool',
  unknown: 'Any',
  enum: "Literal['a', 'b']",
  array: 'list[T]',
  record: 'dict[str, T]',
  optional: 'T | None = None',
  nullable: 'T | None',
  interface: 'class Name(BaseModel)',
  imported: 'adapterOptions.python.importedTypes (name -> Python type, or { type, import: <module> } for `from <module> import <type>`)',
};

export const pythonOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder (a Python package) the models and route modules are written to', default: 'generated/python' },
  { name: 'routePrefix', type: 'string', description: 'Prefix of each FastAPI route path (the route is <routePrefix>/<command name>)', default: '' },
  { name: 'importedTypes', type: 'type-map', description: 'Python type of each imported spec type (UUID -> str)', default: {} },
];

/** A Python attribute for a wire name: snake_case; keywords and BaseModel attributes take a trailing _. */
export function pythonFieldName(wire: string): string {
  const snake = lowerSnake(wire);
  return PYTHON_KEYWORDS.has(snake) || PYDANTIC_RESERVED.has(snake) || PYTHON_ANNOTATION_NAMES.has(snake) ? `${snake}_` : snake;
}

const pythonModuleName = (model: CommandModel): string => {
  const name = lowerSnake(model.segments.join('_'));
  return PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
};

export { pythonString };

function pythonType(node: FieldModel['type'], model: CommandModel, options: AdapterOptions | undefined): string {
  return spellType(
    node,
    spellingFromMapping(pythonTypeMapping, (name) => {
      const target = resolveNamed(PYTHON_ADAPTER_ID, model, options, name);
      return target.kind === 'imported' ? target.mapping.type : name;
    }),
  );
}

/** `from <module> import <type>` lines for the imported types the model uses. */
function pythonImportLines(model: CommandModel, options: AdapterOptions | undefined): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const used of model.imports) {
    const mapping = importedTypes(options)[used.name];
    if (mapping === undefined || typeof mapping === 'string' || !mapping.import) continue;
    const names = byModule.get(mapping.import) ?? new Set<string>();
    names.add(mapping.type);
    byModule.set(mapping.import, names);
  }
  return [...byModule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([module, names]) => `from ${module} import ${[...names].sort().join(', ')}`);
}

function pythonField(field: FieldModel, model: CommandModel, options: AdapterOptions | undefined): string {
  const name = pythonFieldName(field.name);
  let type = pythonType(field.type, model, options);
  if (field.optional && field.type.kind !== 'nullable') type = `${type} | None`;
  const args = [...(field.optional ? ['default=None'] : []), ...(name !== field.name ? [`alias=${pythonString(field.name)}`] : [])];
  const doc = fieldDocText(field);
  if (doc) args.push(`description=${pythonString(doc)}`);
  if (args.length === 0) return `${name}: ${type}`;
  if (args.length === 1 && args[0] === 'default=None') return `${name}: ${type} = None`;
  return `${name}: ${type} = Field(${args.join(', ')})`;
}

function pythonView(model: CommandModel, options: AdapterOptions | undefined) {
  const module = pythonModuleName(model);
  const routePrefix = stringOption(options, 'routePrefix', '').replace(/\/+$/, '');
  const classes = structSources(model).map((source) => ({
    name: source.name,
    docstring: source.description ? `${pythonDocstring(source.description, '    ')}\n` : '',
    fields: source.fields.map((f) => pythonField(f, model, options)),
    // Pydantic v2 warns on fields in its model_ namespace unless the model gives it up.
    config: source.fields.some((f) => pythonFieldName(f.name).startsWith('model_')) ? 'ConfigDict(populate_by_name=True, protected_namespaces=())' : 'ConfigDict(populate_by_name=True)',
  }));
  return {
    name: model.name,
    module,
    docstring: pythonDocstring(model.description, ''),
    importLines: pythonImportLines(model, options),
    typingNames: [...(usesUnknown(model) ? ['Any'] : []), ...(enums(model).length > 0 ? ['Literal'] : [])],
    aliases: enums(model).map((e) => ({
      comment: e.description ? `# ${pythonCommentText(e.description)}\n` : '',
      line: `${e.name} = Literal[${e.values.map(pythonString).join(', ')}]`,
    })),
    classes,
    // Imported only when a field uses it: linters (pyflakes, ruff) flag an unused import.
    usesField: classes.some((c) => c.fields.some((line) => line.includes(' = Field('))),
    paramsType: paramsTypeName(model),
    resultType: resultTypeName(model),
    routePath: pythonString(`${routePrefix}/${model.name}`),
    handlerName: pythonFieldName(model.className),
    notImplemented: pythonString(`${model.name} is not implemented yet`),
    commandDoc: pythonDocstring(model.description, '    '),
  };
}

function pythonCheck(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): SpecIssue[] {
  const issues = [...unsupportedDeclarationIssues(PYTHON_ADAPTER_ID, model), ...derivedNameIssues(PYTHON_ADAPTER_ID, model, commandDerivedNames(model))];
  issues.push(...mappingIssues(PYTHON_ADAPTER_ID, model, (site) => void pythonType(site.field.type, model, options)));
  // snake_case can fold two wire names into one attribute (gpuId, gpu_id).
  for (const source of structSources(model)) {
    issues.push(...distinctNames(PYTHON_ADAPTER_ID, model.specFile, `class ${source.name}`, source.fields.map((f, i) => ({ source: f.name, name: pythonFieldName(f.name), pointer: source.pointers[i].replace(/\/type$/, '') }))));
  }
  return issues;
}

function pythonPlan(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): FilePlan {
  const dir = stringOption(options, 'outputDir', 'generated/python');
  const view = pythonView(model, options);
  return [
    { path: `${dir}/${view.module}.py`, content: renderTemplate(TEMPLATES, 'models.py', view, { maxBlankLines: 2 }) },
    { path: `${dir}/${view.module}_routes.py`, content: renderTemplate(TEMPLATES, 'routes.py', view, { maxBlankLines: 2 }) },
  ];
}

export function pythonAdapter(): GeneratorAdapter {
  return {
    id: PYTHON_ADAPTER_ID,
    description: 'Python: Pydantic v2 models (camelCase aliases, populate_by_name, Literal unions) and a FastAPI route stub',
    writes: ['<outputDir>/<name_segments>.py', '<outputDir>/<name_segments>_routes.py'],
    reservedNames: PYTHON_RESERVED,
    options: pythonOptions,
    typeMapping: pythonTypeMapping,
    check: pythonCheck,
    plan: pythonPlan,
  };
}
