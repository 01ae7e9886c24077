import type { CommandModel } from '../../model/command-model.js';
import { protoComment, protoCommentText } from '../../targets/proto/proto-text.js';
import type { AdapterOptions } from '../adapter.js';
import { fieldDocText, importsUsed, usesUnknown } from '../language/language-support.js';
import { stringOption, type Rendering } from '../target.js';
import type { ProtoNames } from './namer.js';

/** Declares google.protobuf.Value, the spelling of untyped JSON (spec `unknown`). */
const PROTO_STRUCT_FILE = 'google/protobuf/struct.proto';

function protoView(model: CommandModel, names: ProtoNames, options: AdapterOptions) {
  return {
    name: model.name,
    packageName: names.packageName,
    imports: [...new Set([...importsUsed(model, options), ...(usesUnknown(model) ? [PROTO_STRUCT_FILE] : [])])].sort(),
    enums: names.enums.map(({ declaration: e, cases }) => ({
      name: e.name,
      comment: protoComment(e.description),
      values: [
        { comment: '', line: `${names.unspecified.get(e.name)} = 0;` },
        ...cases.map((c, i) => ({
          comment: protoComment(e.valueDescriptions?.[i], '  '),
          line: `${c.name} = ${i + 1}; // ${protoCommentText(JSON.stringify(c.value))}`,
        })),
      ],
    })),
    messages: names.structs.map((struct) => ({
      name: struct.name,
      comment: protoComment(struct.description),
      fields: struct.fields.map(({ field, name, type, jsonName }, i) => {
        const jsonOption = jsonName === undefined ? '' : ` [json_name = ${JSON.stringify(jsonName)}]`;
        const listNote =
          field.optional && (field.type.kind === 'array' || field.type.kind === 'record') ? ' (optional: absent is sent as empty)' : '';
        const doc = fieldDocText(field);
        return {
          comment: protoComment(doc || listNote ? `${doc ?? ''}${listNote}`.trim() : undefined, '  '),
          line: `${type} ${name} = ${i + 1}${jsonOption};`,
        };
      }),
    })),
    serviceName: names.service,
    rpcLine: `rpc ${model.className}(${names.params}) returns (${names.result});`,
    comment: protoComment(model.description, '  '),
  };
}

/** One .proto file per command. */
export function renderProto(model: CommandModel, names: ProtoNames, options: AdapterOptions): Rendering {
  return {
    files: [
      {
        path: `${stringOption(options, 'outputDir')}/${names.file}.proto`,
        template: 'command.proto',
        data: protoView(model, names, options),
      },
    ],
  };
}
