import type { CommandModel } from '../../model/command-model.js';
import { cComment, cCommentText } from '../../targets/c/c-text.js';
import type { AdapterOptions } from '../adapter.js';
import { fieldDocText, importsUsed } from '../language/language-support.js';
import { stringOption, type Rendering } from '../target.js';
import type { CField, CNames } from './namer.js';

/** `char *` + `items` -> `char **items`; `double` + `items` -> `double *items`. */
const pointerTo = (type: string, name: string): string => `${type.endsWith('*') ? type : `${type} `}*${name}`;
const declare = (type: string, name: string): string => (type.endsWith('*') ? `${type}${name}` : `${type} ${name}`);

/** The member lines of one field: a pointer (NULL when absent) or a has_ flag for optional/nullable fields. */
function cFieldMembers({ field, name, type, presence, holdsStruct }: CField): { doc: string; lines: string[] } {
  const wireNote = name !== field.name ? `JSON key "${field.name}"` : '';
  let lines: string[];
  let presenceNote = '';
  if (presence === undefined) lines = [`${declare(type, name)};`];
  else if (holdsStruct) {
    lines = [`${pointerTo(type, name)};`];
    presenceNote = 'NULL when absent or null';
  } else if (type.endsWith('*')) {
    lines = [`${declare(type, name)};`];
    presenceNote = 'NULL when absent or null';
  } else {
    lines = [`bool ${presence};`, `${declare(type, name)};`];
    presenceNote = `set only when ${presence} is true`;
  }
  const doc = [fieldDocText(field), wireNote, presenceNote].filter((t) => t !== undefined && t !== '').join('; ');
  return { doc: cComment(doc || undefined, '    '), lines };
}

function cView(model: CommandModel, names: CNames, options: AdapterOptions) {
  const byName = new Map(names.structs.map((s) => [s.name, s]));
  return {
    name: model.name,
    guard: names.guard,
    includes: importsUsed(model, options).map((header) => (header.startsWith('<') ? header : JSON.stringify(header))),
    resultFree: `${names.functionStem}_result_free`,
    enums: names.enums.map(({ declaration: e, cases }) => {
      const stem = names.enumStems.get(e.name)!;
      return {
        name: e.name,
        comment: cComment(e.description),
        values: cases.map((c, i) => ({
          comment: cComment(e.valueDescriptions?.[i], '    '),
          line: `${c.name} = ${i}${i < cases.length - 1 ? ',' : ''} /* ${cCommentText(JSON.stringify(c.value))} */`,
        })),
        toString: `const char *${stem}_to_string(${e.name} value);`,
        fromString: `bool ${stem}_from_string(const char *text, ${e.name} *value);`,
      };
    }),
    structNames: names.structs.map((s) => s.name),
    containers: names.containers.map((c) => ({
      name: c.name,
      guard: c.guard,
      lines:
        c.kind === 'array'
          ? [`${pointerTo(c.elementType, 'items')};`, 'size_t count;']
          : ['char **keys;', `${pointerTo(c.elementType, 'values')};`, 'size_t count;'],
      comment:
        c.kind === 'array'
          ? `/** A list: count elements at items. */\n`
          : `/** A map: count entries, keys[i] -> values[i], keys sorted (byte order). */\n`,
    })),
    structs: names.definitionOrder.map((name) => {
      const s = byName.get(name)!;
      return { name: s.name, comment: cComment(s.description), members: s.fields.map(cFieldMembers) };
    }),
    functionLine: `int ${names.functionStem}(const ${names.params} *params, ${names.result} *result);`,
    freeLine: `void ${names.functionStem}_result_free(${names.result} *result);`,
    comment: cComment(`${model.description}. Returns 0 and fills *result on success, a negative error code otherwise.`),
  };
}

/** One header per command. */
export function renderC(model: CommandModel, names: CNames, options: AdapterOptions): Rendering {
  return {
    files: [{ path: `${stringOption(options, 'outputDir')}/${names.file}.h`, template: 'command.h', data: cView(model, names, options) }],
  };
}
