/** The Rust module file of a rust-ipc module (or the generated part of a hand-written one) and its handler files. */
import { posix } from 'node:path';
import { rustDocInlineText, rustFormatString } from '../../targets/rust/rust-text.js';
import type { CommandModel } from '../../model/command-model.js';
import { rustOf } from '../../model/resolve-model.js';
import { renderRustMethodType, renderRustParamType, rustDocLines, rustString } from '../../render/rust-renderer.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { foldType } from '../../types/fold.js';
import { namedReferences, type PrimitiveName, type TypeNode } from '../../types/type-tree.js';
import { importedPrimitive } from '../../render/wire-samples.js';
import type { PlannedFile } from '../adapter.js';
import { renderRustImplMethod, traitIsAsync } from '../rust-shared/rust-traits.js';
import { rustUseLines } from '../rust-shared/rust-uses.js';
import { rustRawString, sampleDocuments, type buildRustWire, type WireDeclaration } from '../rust-shared/rust-wire.js';
import type { KnownTrait } from '../trait-only/index.js';
import { generatedPartFile } from './host-parts.js';
import type { ModuleMember } from './module-members.js';
import type { RustModuleNames } from './rust-module-view.js';

const TEMPLATES = adapterTemplates('rust-ipc');

/** The JSON Schema type name of a param, as the host's ParamSchema takes it: string, number, boolean, object, array. */
function jsonSchemaType(node: TypeNode, model: CommandModel): string {
  const schemaOf = (primitive: PrimitiveName): string => (primitive === 'integer' ? 'number' : primitive);
  return foldType<string>(node, {
    primitive: (n) => schemaOf(n.name),
    literals: () => 'string',
    array: () => 'array',
    record: () => 'object',
    nullable: (inner) => inner,
    named: (n) => {
      if (model.types.some((t) => t.name === n.name && t.kind === 'enum')) return 'string';
      const primitive = importedPrimitive(model.imports.find((i) => i.name === n.name));
      return primitive === undefined ? 'object' : schemaOf(primitive);
    },
    // Any JSON value: the schema names no single type, and object is the host's catch-all for a payload.
    unknown: () => 'object',
  });
}

/** The `impl <Trait> for <Module>` blocks and the paths their signatures need. */
export function traitImpls(
  traits: readonly KnownTrait[],
  names: RustModuleNames,
): { blocks: Array<{ header: string; attribute?: string; methods: string[] }>; paths: Map<string, string>; usesBTreeMap: boolean } {
  const paths = new Map<string, string>();
  let usesBTreeMap = false;
  const blocks = traits.map((known) => {
    paths.set(known.trait.name, known.rustPath);
    // Methods with a default body in the trait are inherited; the developer overrides them by hand when needed.
    const implemented = known.trait.methods.filter((m) => m.defaultBody === undefined);
    for (const method of implemented) {
      const used = new Set<string>();
      for (const type of [...method.params.map((p) => p.type), ...(method.returns ? [method.returns] : [])]) {
        for (const node of type.kind === 'type' ? [type.node] : type.elements) for (const name of namedReferences(node)) used.add(name);
        const text = type.kind === 'type' ? renderRustMethodType(type, known.names, 'owned') + renderRustParamType(type, known.names) : '';
        if (text.includes('BTreeMap')) usesBTreeMap = true;
      }
      for (const name of used) {
        const path = known.typePaths.get(name);
        if (path) paths.set(known.names.nameOf(name), path);
      }
    }
    return {
      header: `impl ${known.trait.name} for ${names.structName}`,
      attribute: traitIsAsync(known.trait) ? '#[async_trait]' : undefined,
      methods: implemented.map((m) => renderRustImplMethod(m, known.names, known.stubTypes, names.module, names.module).join('\n')),
    };
  });
  return { blocks, paths, usesBTreeMap };
}

/** What the module template prints for one command. */
export interface CommandPart {
  readonly name: string;
  readonly literal: string;
  readonly descriptionLiteral: string;
  readonly descriptionDoc: readonly string[];
  readonly method: string;
  readonly testName: string;
  readonly paramsStruct: string;
  readonly resultStruct: string;
  readonly notImplemented: string;
  readonly schemaParams: ReadonlyArray<{ name: string; type: string; required: boolean; description: string }>;
  readonly requestDocs: readonly string[];
  readonly badParams?: string;
  readonly badParamName?: string;
  readonly handlerModule: string;
  readonly crateRelativeHandlerFile: string;
}

export function commandPart(member: ModuleMember, declarations: readonly WireDeclaration[]): CommandPart {
  const { model, names } = member;
  // Test documents: what the TypeScript side sends (the spec's sample values), as IPC requests.
  const paramDocs = sampleDocuments(names.paramsStruct, declarations, model.imports) as Array<Record<string, unknown>>;
  const requests = (paramDocs.length > 0 ? paramDocs : [{}]).map((doc) => ({ command: model.name, requestId: 1, ...doc }));
  const minimalParams = paramDocs[paramDocs.length - 1] ?? {};
  const enumParam = model.params.find(
    (p) => p.type.kind === 'named' && model.types.some((t) => t.kind === 'enum' && t.name === (p.type as { name: string }).name),
  );
  const badParams = enumParam ? JSON.stringify({ ...minimalParams, [enumParam.name]: `not-a-${enumParam.name}` }) : undefined;
  return {
    name: model.name,
    literal: rustString(model.name),
    descriptionLiteral: rustString(model.description),
    descriptionDoc: rustDocLines(`\`${model.name}\`: ${model.description}`, '    '),
    method: names.method,
    testName: names.method.replace(/^r#/, ''),
    paramsStruct: names.paramsStruct,
    resultStruct: names.resultStruct,
    notImplemented: rustFormatString(
      `${model.name}: not implemented yet (${names.structName}::${names.method} in ${names.crateRelativeHandlerFile}); params: `,
    ),
    schemaParams: model.params.map((p) => ({
      name: rustString(p.name),
      type: rustString(jsonSchemaType(p.type, model)),
      required: !p.optional,
      description: rustString(p.description ?? ''),
    })),
    requestDocs: [...new Set(requests.map((r) => JSON.stringify(r)))].map(rustRawString),
    ...(badParams === undefined ? {} : { badParams: rustRawString(badParams), badParamName: enumParam!.name }),
    handlerModule: names.handlerModule,
    crateRelativeHandlerFile: names.crateRelativeHandlerFile,
  };
}

/** The module's `use` lines: the runtime, serde, ts-rs, the traits and the types they name, the wire types' imports, the specs' rust.imports. */
export function moduleUses(
  members: readonly ModuleMember[],
  wire: ReturnType<typeof buildRustWire>,
  impls: ReturnType<typeof traitImpls>,
  hostStruct?: string,
): string[] {
  const specImports = [...new Set(members.flatMap((m) => rustOf(m.model).imports))];
  const byName = new Map<string, string>();
  for (const path of specImports) if (!byName.has(path.split('::').pop()!)) byName.set(path.split('::').pop()!, path);
  for (const path of wire.usePaths) if (!byName.has(path.split('::').pop()!)) byName.set(path.split('::').pop()!, path);
  for (const [name, path] of impls.paths) if (!byName.has(name)) byName.set(name, path);
  const referenced = new Set([...impls.paths.keys(), ...wire.usePaths.map((p) => p.split('::').pop()!)]);
  const unused = new Set(specImports.filter((p) => !referenced.has(p.split('::').pop()!)));
  const withParams = members.some((m) => m.model.params.length > 0);
  const btree = wire.usesBTreeMap || impls.usesBTreeMap ? ['std::collections::BTreeMap'] : [];
  const ownTypes = [...byName.values()].filter((p) => p !== 'serde_json::Value');
  if (hostStruct !== undefined) {
    // The generated part of a hand-written module: its wire types, dispatch and schemas only.
    const runtime = ['CommandResult', 'CommandSchema', ...(withParams ? ['ParamSchema'] : [])].map((n) => `crate::runtime::${n}`);
    const asyncImpls = impls.blocks.some((b) => b.attribute !== undefined) ? ['async_trait::async_trait'] : [];
    return rustUseLines(
      [
        ...btree,
        ...asyncImpls,
        'serde::Deserialize',
        'serde::Serialize',
        'serde_json::Value',
        'ts_rs::TS',
        ...runtime,
        `super::${hostStruct}`,
        ...ownTypes,
      ],
      unused,
    );
  }
  return rustUseLines(
    [
      'std::any::Any',
      ...btree,
      'async_trait::async_trait',
      'serde::Deserialize',
      'serde::Serialize',
      'serde_json::Value',
      'ts_rs::TS',
      ...[
        'CommandResult',
        'CommandSchema',
        'ModuleConfig',
        'ModuleContext',
        'ModulePriority',
        ...(withParams ? ['ParamSchema'] : []),
        'ServiceModule',
      ].map((n) => `crate::runtime::${n}`),
      ...ownTypes,
    ],
    unused,
  );
}

/** The handler file of one command: written once, then the developer's. */
export function handlerFile(member: ModuleMember, part: CommandPart): PlannedFile {
  return {
    path: member.names.handlerFile,
    once: true,
    owners: [member.model.name],
    content: renderTemplate(TEMPLATES, 'handler.rs', {
      ...member.names,
      command: part,
      moduleFileName: posix.basename(member.names.moduleFile),
    }),
  };
}

/** What the module's files print of all its commands, computed once. */
export interface ModuleContents {
  readonly wire: ReturnType<typeof buildRustWire>;
  readonly impls: ReturnType<typeof traitImpls>;
  readonly commandPrefixes: readonly string[];
  readonly parts: readonly CommandPart[];
}

/** The module file, or (beside a hand-written module) its generated part. */
export function rustModuleFile(
  model: CommandModel,
  members: readonly ModuleMember[],
  names: RustModuleNames,
  contents: ModuleContents,
  hostModule: boolean,
): PlannedFile {
  const { wire, impls, commandPrefixes, parts } = contents;
  const everyone = members.map((m) => m.model.name);
  const templateData = {
    ...names,
    commandPrefixes,
    generatedTypesDir: `${names.layout.generatedTypes}/${names.module}`,
    declarations: wire.rust,
    impls: impls.blocks,
    commands: parts,
    wireTests: wire.tests,
  };
  if (hostModule)
    return {
      path: generatedPartFile(names),
      owners: everyone,
      content: renderTemplate(TEMPLATES, 'generated-part.rs', {
        ...templateData,
        moduleFileName: posix.basename(names.moduleFile),
        uses: moduleUses(members, wire, impls, names.structName),
      }),
    };
  return {
    path: names.moduleFile,
    owners: everyone,
    content: renderTemplate(TEMPLATES, 'module.rs', {
      ...names,
      commandPrefixes,
      description:
        members.length === 1 ? rustDocInlineText(model.description) : `the commands ${everyone.map((n) => `\`${n}\``).join(', ')}`,
      generatedTypesDir: `${names.layout.generatedTypes}/${names.module}`,
      startupFile: names.layout.startup
        ? `${names.layout.crateRoot}/${names.layout.startup.file}`
        : 'the host start-up code (by hand: the project config turns the edit off)',
      uses: moduleUses(members, wire, impls),
      declarations: wire.rust,
      impls: impls.blocks,
      commands: parts,
      wireTests: wire.tests,
    }),
  };
}
