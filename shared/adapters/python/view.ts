import type { CommandModel } from '../../model/command-model.js';
import { pythonCommentText, pythonDocstring, pythonString } from '../../targets/python/python-text.js';
import type { AdapterOptions } from '../adapter.js';
import { enums, fieldDocText, importedTypes, usesUnknown } from '../language/language-support.js';
import type { NamedField } from '../language/naming-pass.js';
import { stringOption, type Rendering } from '../target.js';
import type { PythonNames } from './namer.js';

/** `from <module> import <type>` lines for the imported types the model uses. */
function pythonImportLines(model: CommandModel, options: AdapterOptions): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const used of model.imports) {
    const mapping = importedTypes(options)[used.name];
    if (mapping === undefined || typeof mapping === 'string' || !mapping.import) continue;
    const names = byModule.get(mapping.import) ?? new Set<string>();
    names.add(mapping.type);
    byModule.set(mapping.import, names);
  }
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([module, names]) => `from ${module} import ${[...names].sort().join(', ')}`);
}

function pythonField({ field, name, type: spelled }: NamedField): string {
  const type = field.optional && field.type.kind !== 'nullable' ? `${spelled} | None` : spelled;
  const args = [...(field.optional ? ['default=None'] : []), ...(name !== field.name ? [`alias=${pythonString(field.name)}`] : [])];
  const doc = fieldDocText(field);
  if (doc) args.push(`description=${pythonString(doc)}`);
  if (args.length === 0) return `${name}: ${type}`;
  if (args.length === 1 && args[0] === 'default=None') return `${name}: ${type} = None`;
  return `${name}: ${type} = Field(${args.join(', ')})`;
}

function pythonView(model: CommandModel, names: PythonNames, options: AdapterOptions) {
  const routePrefix = stringOption(options, 'routePrefix').replace(/\/+$/, '');
  const classes = names.structs.map((struct) => ({
    name: struct.name,
    docstring: struct.description ? `${pythonDocstring(struct.description, '    ')}\n` : '',
    fields: struct.fields.map(pythonField),
    // Pydantic v2 warns on fields in its model_ namespace unless the model gives it up.
    config: struct.fields.some((f) => f.name.startsWith('model_'))
      ? 'ConfigDict(populate_by_name=True, protected_namespaces=())'
      : 'ConfigDict(populate_by_name=True)',
  }));
  return {
    name: model.name,
    module: names.module,
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
    paramsType: names.params,
    resultType: names.result,
    routePath: pythonString(`${routePrefix}/${model.name}`),
    handlerName: names.handler,
    notImplemented: pythonString(`${model.name} is not implemented yet`),
    commandDoc: pythonDocstring(model.description, '    '),
  };
}

/** The models module and the FastAPI routes module. */
export function renderPython(model: CommandModel, names: PythonNames, options: AdapterOptions): Rendering {
  const dir = stringOption(options, 'outputDir');
  const data = pythonView(model, names, options);
  return {
    files: [
      { path: `${dir}/${names.module}.py`, template: 'models.py', data, maxBlankLines: 2 },
      { path: `${dir}/${names.module}_routes.py`, template: 'routes.py', data, maxBlankLines: 2 },
    ],
  };
}
