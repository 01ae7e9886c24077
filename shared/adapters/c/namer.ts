import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { C_HEADER_MACROS, C_RESERVED_WORDS } from '../../targets/c/c-text.js';
import { foldType } from '../../types/fold.js';
import type { TypeNode } from '../../types/type-tree.js';
import type { AdapterOptions } from '../adapter.js';
import { UnmappableType, lowerSnake, resolveNamed, upperSnake } from '../language/language-support.js';
import { NamingPass, type CommandTypeNames, type NamedEnum, type NamedField, type NamedStruct } from '../language/naming-pass.js';
import type { Naming } from '../target.js';
import { C_ADAPTER_ID } from './type-mapping.js';

/** A struct member: its name, its type (a nullable field's inner type), and the has_ flag of an absentable field that is not a pointer. */
export interface CField extends NamedField {
  /** The presence flag's name (has_<field>) when the field is optional or nullable. */
  readonly presence?: string;
  /** Is the (inner) type a struct of the spec? Held by value when required, by pointer otherwise. */
  readonly holdsStruct: boolean;
}

/** A list or map typedef the header declares, named after what it holds. */
export interface CContainer {
  readonly name: string;
  /** Its include-guard-style macro, so headers that declare it combine. */
  readonly guard: string;
  readonly kind: 'array' | 'map';
  readonly elementType: string;
}

/** Every identifier the header prints, decided once. */
export interface CNames extends CommandTypeNames {
  /** The header's name without .h. */
  readonly file: string;
  readonly guard: string;
  /** The command function; <stem>_result_free releases a result. */
  readonly functionStem: string;
  readonly structs: readonly NamedStruct<CField>[];
  /** Struct names in an order where every struct held by value is defined before its holder. */
  readonly definitionOrder: readonly string[];
  /** Innermost first. */
  readonly containers: readonly CContainer[];
  /** Constants <ENUM>_<VALUE>. */
  readonly enums: readonly NamedEnum[];
  /** The stem of each enum's <stem>_to_string and <stem>_from_string, by enum name. */
  readonly enumStems: ReadonlyMap<string, string>;
}

export const cIdentifier = (name: string): string => (C_RESERVED_WORDS.has(name) ? `${name}_` : name);
export const cFieldName = (wire: string): string => cIdentifier(lowerSnake(wire));

/** How type trees are spelled in C, and the container typedefs they need (innermost first). */
class CTypeSpeller {
  readonly containers = new Map<string, CContainer>();
  constructor(
    private readonly model: CommandModel,
    private readonly options: AdapterOptions,
  ) {}

  /** Name part of a type inside a container name (StringArray, DocSectionMap, Int64ArrayArray). */
  private stem(node: TypeNode): string {
    return foldType<string>(node, {
      primitive: (n) => ({ string: 'String', number: 'Double', integer: 'Int64', boolean: 'Bool' })[n.name],
      named: (n) => n.name,
      unknown: () => 'Json',
      array: (element) => `${element}Array`,
      record: (value) => `${value}Map`,
      nullable: () => '',
      literals: () => '',
    });
  }

  spell(node: TypeNode, where = 'a field'): string {
    // Folded to functions of the place, so a refused nullable says where it is, and containers register innermost first.
    return foldType<(where: string) => string>(node, {
      primitive: (n) => () => ({ string: 'char *', number: 'double', integer: 'int64_t', boolean: 'bool' })[n.name],
      named: (n) => () => {
        const target = resolveNamed(C_ADAPTER_ID, this.model, this.options, n.name);
        return target.kind === 'imported' ? target.mapping.type : n.name;
      },
      // Untyped JSON travels as its JSON text.
      unknown: () => () => 'const char *',
      array: (element, n) => () => this.container(n, 'array', element('a list')),
      record: (value, n) => () => this.container(n, 'map', value('a map')),
      nullable: () => (place) => {
        throw new UnmappableType(`C has no null inside ${place}`, 'a non-nullable element type, or a named type with an optional field');
      },
      literals: () => () => {
        throw new UnmappableType('an inline string union was not lifted into a named enum', 'a model from resolveCommandModel');
      },
    })(where);
  }

  /** The typedef name of a list or map, declared once. */
  private container(node: TypeNode, kind: CContainer['kind'], elementType: string): string {
    const name = this.stem(node);
    if (!this.containers.has(name)) this.containers.set(name, { name, guard: `CG_${upperSnake(name)}_DEFINED`, kind, elementType });
    return name;
  }

  /** Is this named reference a struct of the spec? */
  isStruct(node: TypeNode): boolean {
    return node.kind === 'named' && this.model.types.some((t) => t.kind === 'interface' && t.name === node.name);
  }
}

const innerType = (field: FieldModel): TypeNode => (field.type.kind === 'nullable' ? field.type.inner : field.type);

/** Struct names in definition order, or the cycle of required struct fields that makes one impossible. */
function definitionOrder(structs: readonly NamedStruct<CField>[]): { order: string[]; cycle?: string[] } {
  const byName = new Map(structs.map((s) => [s.name, s]));
  const byValue = (s: NamedStruct<CField>): string[] =>
    s.fields.filter((f) => f.presence === undefined && f.holdsStruct).map((f) => (f.field.type as { name: string }).name);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let cycle: string[] | undefined;
  const visit = (s: NamedStruct<CField>, path: string[]): void => {
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
    order.push(s.name);
  };
  for (const s of structs) visit(s, []);
  return { order, cycle };
}

function checkEnumConstants(pass: NamingPass, enums: readonly NamedEnum[]): void {
  for (const e of enums) {
    const name = e.declaration.name;
    pass.distinct(
      `enum ${name}`,
      e.cases.map((c) => ({ source: c.value, name: upperSnake(c.value) === '' ? '' : c.name, pointer: e.declaration.pointer })),
    );
    // INT8_MAX from enum Int8's value max: the header's includes define it as a macro.
    for (const c of e.cases) {
      if (C_HEADER_MACROS.has(c.name))
        pass.collision({
          file: pass.model.specFile,
          pointer: e.declaration.pointer,
          message: `adapter c: the value ${JSON.stringify(c.value)} of ${name} would be the constant ${c.name}, a macro of <stdint.h>, <stddef.h> or <stdbool.h>`,
          found: JSON.stringify(c.value),
          expected: 'another value or enum name',
        });
    }
  }
}

export function nameC(model: CommandModel, options: AdapterOptions): Naming<CNames> {
  const pass = new NamingPass(C_ADAPTER_ID, model);
  const speller = new CTypeSpeller(model, options);
  const structs = pass.structs<CField>(
    (field) => ({
      name: cFieldName(field.name),
      holdsStruct: speller.isStruct(innerType(field)),
      ...(field.optional || field.type.kind === 'nullable' ? { presence: `has_${lowerSnake(field.name)}` } : {}),
    }),
    (field) => speller.spell(innerType(field)),
  );
  const commandTypes = pass.commandTypes(
    new Map([...speller.containers.keys()].map((name) => [name, 'a list or map type the header declares'])),
  );
  const { order, cycle } = definitionOrder(structs);
  if (cycle) {
    pass.report({
      file: model.specFile,
      // A cycle runs through spec interfaces only (nothing refers to the params or result struct).
      pointer: model.types.find((t) => t.name === cycle[0])!.pointer,
      message: `adapter c cannot map type ${cycle[0]}: required fields make a cycle (${cycle.join(' -> ')}), and a C struct cannot contain itself by value`,
      expected: 'make one field of the cycle optional (it becomes a pointer)',
    });
  }
  for (const struct of structs) {
    const members = struct.fields.flatMap((f) => [
      { source: f.field.name, name: f.name, pointer: f.pointer },
      ...(f.presence ? [{ source: `${f.field.name} (presence flag)`, name: f.presence, pointer: f.pointer }] : []),
    ]);
    pass.distinct(`struct ${struct.name}`, members);
  }
  const enums = pass.enums((value, e) => `${upperSnake(e.name)}_${upperSnake(value)}`);
  checkEnumConstants(pass, enums);
  return pass.result({
    ...commandTypes,
    file: lowerSnake(model.segments.join('_')),
    guard: `${upperSnake(model.segments.join('_'))}_GENERATED_H`,
    functionStem: cIdentifier(lowerSnake(model.className)),
    structs,
    definitionOrder: order,
    containers: [...speller.containers.values()],
    enums,
    enumStems: new Map(enums.map((e) => [e.declaration.name, lowerSnake(e.declaration.name)])),
  });
}
