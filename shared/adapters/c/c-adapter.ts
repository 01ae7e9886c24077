import type { ProjectConfig } from '../../config/project-config.js';
import { C_HEADER_MACROS, C_RESERVED, C_RESERVED_WORDS, cComment, cCommentText } from '../../targets/c/c-text.js';
import type { SpecIssue } from '../../errors.js';
import { pointerOf } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import type { TypeNode } from '../../types/type-tree.js';
import type { AdapterOptionDeclaration, AdapterOptions, AdapterTypeMapping, FilePlan, GeneratorAdapter } from '../adapter.js';
import {
  UnmappableType,
  commandDerivedNames,
  derivedNameIssues,
  distinctNames,
  enums,
  fieldDocText,
  importsUsed,
  lowerSnake,
  mappingIssues,
  paramsTypeName,
  resolveNamed,
  resultTypeName,
  stringOption,
  structSources,
  unsupportedDeclarationIssues,
  upperSnake,
  type StructSource,
} from '../language/language-support.js';

export const C_ADAPTER_ID = 'c';
const TEMPLATES = adapterTemplates('c');

export { C_RESERVED_WORDS };

export const cTypeMapping: AdapterTypeMapping = {
  language: 'C (C11 header, usable from C++)',
  string: 'char * (NUL-terminated UTF-8)',
  number: 'double',
  integer: 'int64_t',
  boolean: 'bool',
  unknown: 'const char * (JSON text)',
  enum: 'typedef enum X { X_A = 0, ... } X; plus x_to_string / x_from_string',
  array: 'TArray { T *items; size_t count; }',
  record: 'TMap { char **keys; T *values; size_t count; } (keys sorted)',
  optional: 'NULL for strings and structs (T *), else bool has_f + T f',
  nullable: 'NULL for strings and structs (T *), else bool has_f + T f (absent and null are the same)',
  interface: 'typedef struct Name Name; struct Name { ... };',
  imported: 'adapterOptions.c.importedTypes (name -> C type, or { type, import: <header> } for #include)',
  refuses: ['nullable elements or values ((T | null)[], Record<string, T | null>)', 'a cycle of required struct fields (a struct cannot contain itself by value)'],
};

export const cOptions: readonly AdapterOptionDeclaration[] = [
  { name: 'outputDir', type: 'path', description: 'Folder the headers are written to', default: 'generated/c' },
  { name: 'importedTypes', type: 'type-map', description: 'C type of each imported spec type (UUID -> char *)', default: {} },
];

export const cIdentifier = (name: string): string => (C_RESERVED_WORDS.has(name) ? `${name}_` : name);
export const cFieldName = (wire: string): string => cIdentifier(lowerSnake(wire));


/** `char *` + `items` -> `char **items`; `double` + `items` -> `double *items`. */
const pointerTo = (type: string, name: string): string => `${type.endsWith('*') ? type : `${type} `}*${name}`;
const declare = (type: string, name: string): string => (type.endsWith('*') ? `${type}${name}` : `${type} ${name}`);

interface CContainer {
  readonly name: string;
  readonly kind: 'array' | 'map';
  readonly elementType: string;
}

/** How one type tree is spelled in C, and the container typedefs it needs (innermost first). */
class CTypeSpeller {
  readonly containers = new Map<string, CContainer>();
  constructor(
    private readonly model: CommandModel,
    private readonly options: AdapterOptions | undefined,
  ) {}

  /** Name part of a type inside a container name (StringArray, DocSectionMap, Int64ArrayArray). */
  private stem(node: TypeNode): string {
    switch (node.kind) {
      case 'primitive':
        return { string: 'String', number: 'Double', integer: 'Int64', boolean: 'Bool' }[node.name];
      case 'named':
        return node.name;
      case 'unknown':
        return 'Json';
      case 'array':
        return `${this.stem(node.element)}Array`;
      case 'record':
        return `${this.stem(node.value)}Map`;
      default:
        return '';
    }
  }

  spell(node: TypeNode, where = 'a field'): string {
    switch (node.kind) {
      case 'primitive':
        return { string: 'char *', number: 'double', integer: 'int64_t', boolean: 'bool' }[node.name];
      case 'named': {
        const target = resolveNamed(C_ADAPTER_ID, this.model, this.options, node.name);
        return target.kind === 'imported' ? target.mapping.type : node.name;
      }
      case 'unknown':
        // Untyped JSON travels as its JSON text.
        return 'const char *';
      case 'array':
      case 'record': {
        const inner = node.kind === 'array' ? node.element : node.value;
        const elementType = this.spell(inner, node.kind === 'array' ? 'a list' : 'a map');
        const name = this.stem(node);
        if (!this.containers.has(name)) this.containers.set(name, { name, kind: node.kind === 'array' ? 'array' : 'map', elementType });
        return name;
      }
      case 'nullable':
        throw new UnmappableType(`C has no null inside ${where}`, 'a non-nullable element type, or a named type with an optional field');
      case 'literals':
        throw new UnmappableType('an inline string union was not lifted into a named enum', 'a model from resolveCommandModel');
    }
  }

  /** Is this named reference a struct of the spec (by value when required, a pointer when optional)? */
  isStruct(node: TypeNode): node is { kind: 'named'; name: string } {
    return node.kind === 'named' && this.model.types.some((t) => t.kind === 'interface' && t.name === node.name);
  }
}

/** The member lines of one field: a pointer (NULL when absent) or a has_ flag for optional/nullable fields. */
function cFieldMembers(field: FieldModel, speller: CTypeSpeller): { doc: string; lines: string[] } {
  const name = cFieldName(field.name);
  const inner = field.type.kind === 'nullable' ? field.type.inner : field.type;
  const type = speller.spell(inner);
  const absentable = field.optional || field.type.kind === 'nullable';
  const wireNote = name !== field.name ? `JSON key "${field.name}"` : '';
  let lines: string[];
  let presence = '';
  if (!absentable) lines = [`${declare(type, name)};`];
  else if (speller.isStruct(inner)) {
    lines = [`${pointerTo(type, name)};`];
    presence = 'NULL when absent or null';
  } else if (type.endsWith('*')) {
    lines = [`${declare(type, name)};`];
    presence = 'NULL when absent or null';
  } else {
    lines = [`bool has_${lowerSnake(field.name)};`, `${declare(type, name)};`];
    presence = `set only when has_${lowerSnake(field.name)} is true`;
  }
  const doc = [fieldDocText(field), wireNote, presence].filter((t) => t !== undefined && t !== '').join('; ');
  return { doc: cComment(doc || undefined, '    '), lines };
}

/** Struct bodies in an order where every struct held by value is defined before its holder. */
function definitionOrder(sources: readonly StructSource[], speller: CTypeSpeller): { order: StructSource[]; cycle?: string[] } {
  const byName = new Map(sources.map((s) => [s.name, s]));
  const byValue = (s: StructSource): string[] =>
    s.fields.filter((f) => !f.optional && f.type.kind !== 'nullable' && speller.isStruct(f.type)).map((f) => (f.type as { name: string }).name);
  const order: StructSource[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let cycle: string[] | undefined;
  const visit = (s: StructSource, path: string[]): void => {
    if (state.get(s.name) === 'done' || cycle) return;
    if (state.get(s.name) === 'visiting') {
      cycle = [...path.slice(path.indexOf(s.name)), s.name];
      return;
    }
    state.set(s.name, 'visiting');
    for (const dependency of byValue(s)) {
      const target = byName.get(dependency);
      if (target) visit(target, [...path, s.name]);
    }
    state.set(s.name, 'done');
    order.push(s);
  };
  for (const s of sources) visit(s, []);
  return { order, cycle };
}

function cView(model: CommandModel, options: AdapterOptions | undefined) {
  const speller = new CTypeSpeller(model, options);
  const sources = structSources(model);
  const bodies = new Map(sources.map((s) => [s.name, s.fields.map((f) => cFieldMembers(f, speller))]));
  const { order } = definitionOrder(sources, speller);
  const functionStem = cIdentifier(lowerSnake(model.className));
  return {
    name: model.name,
    guard: `${upperSnake(model.segments.join('_'))}_GENERATED_H`,
    includes: importsUsed(model, options).map((header) => (header.startsWith('<') ? header : JSON.stringify(header))),
    resultFree: `${functionStem}_result_free`,
    enums: enums(model).map((e) => {
      const stem = lowerSnake(e.name);
      return {
        name: e.name,
        comment: cComment(e.description),
        values: e.values.map((value, i) => ({ comment: cComment(e.valueDescriptions?.[i], '    '), line: `${upperSnake(e.name)}_${upperSnake(value)} = ${i}${i < e.values.length - 1 ? ',' : ''} /* ${cCommentText(JSON.stringify(value))} */` })),
        toString: `const char *${stem}_to_string(${e.name} value);`,
        fromString: `bool ${stem}_from_string(const char *text, ${e.name} *value);`,
      };
    }),
    structNames: sources.map((s) => s.name),
    containers: [...speller.containers.values()].map((c) => ({
      name: c.name,
      guard: `CG_${upperSnake(c.name)}_DEFINED`,
      lines: c.kind === 'array' ? [`${pointerTo(c.elementType, 'items')};`, 'size_t count;'] : ['char **keys;', `${pointerTo(c.elementType, 'values')};`, 'size_t count;'],
      comment: c.kind === 'array' ? `/** A list: count elements at items. */\n` : `/** A map: count entries, keys[i] -> values[i], keys sorted (byte order). */\n`,
    })),
    structs: order.map((s) => ({ name: s.name, comment: cComment(s.description), members: bodies.get(s.name)! })),
    functionLine: `int ${functionStem}(const ${paramsTypeName(model)} *params, ${resultTypeName(model)} *result);`,
    freeLine: `void ${functionStem}_result_free(${resultTypeName(model)} *result);`,
    comment: cComment(`${model.description}. Returns 0 and fills *result on success, a negative error code otherwise.`),
  };
}

function cCheck(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): SpecIssue[] {
  const issues = [...unsupportedDeclarationIssues(C_ADAPTER_ID, model)];
  const speller = new CTypeSpeller(model, options);
  issues.push(...mappingIssues(C_ADAPTER_ID, model, (site) => void speller.spell(site.field.type.kind === 'nullable' ? site.field.type.inner : site.field.type)));
  const derived = commandDerivedNames(model);
  for (const name of speller.containers.keys()) derived.set(name, 'a list or map type the header declares');
  issues.push(...derivedNameIssues(C_ADAPTER_ID, model, derived));
  const sources = structSources(model);
  const { cycle } = definitionOrder(sources, speller);
  if (cycle) {
    issues.push({ file: model.specFile, pointer: pointerOf('types', cycle[0]), message: `adapter c cannot map type ${cycle[0]}: required fields make a cycle (${cycle.join(' -> ')}), and a C struct cannot contain itself by value`, expected: 'make one field of the cycle optional (it becomes a pointer)' });
  }
  for (const source of sources) {
    const names = source.fields.flatMap((f, i) => {
      const pointer = source.pointers[i].replace(/\/type$/, '');
      const member = { source: f.name, name: cFieldName(f.name), pointer };
      const absentable = f.optional || f.type.kind === 'nullable';
      return absentable ? [member, { source: `${f.name} (presence flag)`, name: `has_${lowerSnake(f.name)}`, pointer }] : [member];
    });
    issues.push(...distinctNames(C_ADAPTER_ID, model.specFile, `struct ${source.name}`, names));
  }
  for (const e of enums(model)) {
    issues.push(...distinctNames(C_ADAPTER_ID, model.specFile, `enum ${e.name}`, e.values.map((value) => ({ source: value, name: upperSnake(value) === '' ? '' : `${upperSnake(e.name)}_${upperSnake(value)}`, pointer: pointerOf('types', e.name) }))));
    // INT8_MAX from enum Int8's value max: the header's includes define it as a macro.
    for (const value of e.values) {
      const constant = `${upperSnake(e.name)}_${upperSnake(value)}`;
      if (C_HEADER_MACROS.has(constant)) issues.push({ file: model.specFile, pointer: pointerOf('types', e.name), message: `adapter c: the value ${JSON.stringify(value)} of ${e.name} would be the constant ${constant}, a macro of <stdint.h>, <stddef.h> or <stdbool.h>`, found: JSON.stringify(value), expected: 'another value or enum name' });
    }
  }
  return issues;
}

function cPlan(model: CommandModel, _config: ProjectConfig, options: AdapterOptions | undefined): FilePlan {
  const dir = stringOption(options, 'outputDir', 'generated/c');
  return [{ path: `${dir}/${lowerSnake(model.segments.join('_'))}.h`, content: renderTemplate(TEMPLATES, 'command.h', cView(model, options)) }];
}

export function cAdapter(): GeneratorAdapter {
  return {
    id: C_ADAPTER_ID,
    description: 'C: one header per command with structs, enums and function prototypes, include guards and extern "C" guards',
    writes: ['<outputDir>/<name_segments>.h'],
    reservedNames: C_RESERVED,
    options: cOptions,
    typeMapping: cTypeMapping,
    check: cCheck,
    plan: cPlan,
  };
}
