import type { CommandModel } from '../../model/command-model.js';
import { swiftDoc, swiftDocText, swiftString } from '../../targets/swift/swift-text.js';
import type { AdapterOptions } from '../adapter.js';
import { fieldDocText, importsUsed, usesUnknown } from '../language/language-support.js';
import type { NamedStruct } from '../language/naming-pass.js';
import { stringOption, type Rendering } from '../target.js';
import type { SwiftField, SwiftNames } from './namer.js';

function swiftStruct(struct: NamedStruct<SwiftField>) {
  const fields = struct.fields.map(({ field, name, bare, type }) => ({
    name,
    bareName: bare,
    wire: field.name,
    type: field.optional && field.type.kind !== 'nullable' ? `${type}?` : type,
    doc: swiftDoc(fieldDocText(field), '    '),
    // Nullable without optional: the key is always sent, null when nil.
    sendsNull: field.type.kind === 'nullable' && !field.optional,
    absentWhenNil: field.optional,
    initDefault: field.optional ? ' = nil' : '',
  }));
  const renamed = fields.some((f) => f.bareName !== f.wire);
  const customEncode = fields.some((f) => f.sendsNull);
  return {
    name: struct.name,
    doc: swiftDoc(struct.description),
    fields,
    codingKeys:
      renamed || customEncode
        ? fields.map((f) => (f.bareName === f.wire ? `case ${f.name}` : `case ${f.name} = ${swiftString(f.wire)}`))
        : [],
    encodeLines: customEncode
      ? fields.map((f) =>
          f.sendsNull
            ? `try container.encode(${f.name}, forKey: .${f.name})`
            : f.absentWhenNil
              ? `try container.encodeIfPresent(${f.name}, forKey: .${f.name})`
              : `try container.encode(${f.name}, forKey: .${f.name})`,
        )
      : [],
    initParameters: fields.map((f) => `${f.name}: ${f.type}${f.initDefault}`).join(', '),
    initAssignments: fields.map((f) => `self.${f.name} = ${f.name}`),
  };
}

/** Everything the Swift template lays out, from the model and the names. */
function swiftView(model: CommandModel, names: SwiftNames, options: AdapterOptions) {
  return {
    name: model.name,
    description: swiftDocText(model.description),
    // Foundation is always imported.
    imports: importsUsed(model, options).filter((module) => module !== 'Foundation'),
    enums: names.enums.map(({ declaration: e, cases }) => ({
      name: e.name,
      doc: swiftDoc(e.description),
      cases: cases.map((c, i) => ({ doc: swiftDoc(e.valueDescriptions?.[i], '    '), line: `case ${c.name} = ${swiftString(c.value)}` })),
    })),
    structs: names.structs.map(swiftStruct),
    // Swift has no JSON value type of its own: the file declares one when a field is untyped JSON.
    declaresJsonValue: usesUnknown(model),
    functionName: names.functionName,
    paramsType: names.params,
    resultType: names.result,
    commandLiteral: swiftString(model.name),
    doc: swiftDoc(model.description),
  };
}

/** The command's client file and the transport protocol every client shares. */
export function renderSwift(model: CommandModel, names: SwiftNames, options: AdapterOptions): Rendering {
  const dir = stringOption(options, 'outputDir');
  return {
    files: [
      { path: `${dir}/${model.className}.swift`, template: 'command.swift', data: swiftView(model, names, options) },
      // Shared by every command's client; identical each time, so regenerating is a no-op.
      { path: `${dir}/CommandTransport.swift`, template: 'command-transport.swift', data: {} },
    ],
  };
}
