import type { CommandModel } from '../../model/command-model.js';
import { kotlinDoc, kotlinString } from '../../targets/kotlin/kotlin-text.js';
import type { AdapterOptions } from '../adapter.js';
import { fieldDocText, importsUsed } from '../language/language-support.js';
import { stringOption, type Rendering } from '../target.js';
import type { KotlinNames } from './namer.js';

function kotlinView(model: CommandModel, names: KotlinNames, options: AdapterOptions) {
  return {
    name: model.name,
    packageLine: names.packageLine,
    imports: [
      `${names.baseLine}.CommandTransport`,
      ...(names.enums.length > 0 ? ['kotlinx.serialization.SerialName'] : []),
      'kotlinx.serialization.Serializable',
      ...importsUsed(model, options),
    ].sort(),
    enums: names.enums.map(({ declaration: e, cases }) => ({
      name: e.name,
      doc: kotlinDoc(e.description),
      entries: cases.map((c, i) => ({
        doc: kotlinDoc(e.valueDescriptions?.[i], '    '),
        serialName: `@SerialName(${kotlinString(c.value)})`,
        name: c.name,
      })),
    })),
    classes: names.structs.map((struct) => ({
      name: struct.name,
      doc: kotlinDoc(struct.description),
      properties: struct.fields.map(({ field, name, type }) => {
        const nullableType = field.optional && field.type.kind !== 'nullable' ? `${type}?` : type;
        return { doc: kotlinDoc(fieldDocText(field), '    '), line: `val ${name}: ${nullableType}${field.optional ? ' = null' : ''},` };
      }),
    })),
    functionName: names.functionName,
    paramsType: names.params,
    resultType: names.result,
    commandLiteral: kotlinString(model.name),
    doc: kotlinDoc(model.description),
  };
}

/** The command's client file and the transport interface every client shares. */
export function renderKotlin(model: CommandModel, names: KotlinNames, options: AdapterOptions): Rendering {
  const dir = stringOption(options, 'outputDir');
  return {
    files: [
      {
        path: `${dir}/${names.packageSegments.join('/')}/${model.className}.kt`,
        template: 'command.kt',
        data: kotlinView(model, names, options),
      },
      // Shared by every command's client; identical each time, so regenerating is a no-op.
      {
        path: `${dir}/${names.baseSegments.join('/')}/CommandTransport.kt`,
        template: 'command-transport.kt',
        data: { packageLine: names.baseLine },
      },
    ],
  };
}
