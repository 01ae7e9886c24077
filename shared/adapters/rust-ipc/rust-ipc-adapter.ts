import { posix } from 'node:path';
import { rustDocInlineText, rustFormatString } from '../../targets/rust/rust-text.js';
import { tsCommentText } from '../../targets/typescript/typescript-text.js';
import type { ProjectConfig } from '../../config/project-config.js';
import { composeIpcMixin } from '../../edits/ipc-composition.js';
import { extendHostMixin, hostMixinShape, type HostMixinShape } from '../../edits/host-mixin-edit.js';
import { extendHostModule, hostModuleShape, type HostModuleProblem, type HostModuleShape } from '../../edits/host-module-edit.js';
import { registerRustModule } from '../../edits/rust-module-registration.js';
import { registerAtStartup, type StartupModuleRegistration } from '../../edits/startup-registration.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type { CommandModel, FieldModel } from '../../model/command-model.js';
import { closestNames, editDistance } from '../../model/naming.js';
import { rustOf } from '../../model/resolve-model.js';
import {
  RUST_RESERVED_TYPE_NAMES,
  renderRustMethodType,
  renderRustParamType,
  rustDocLines,
  rustString,
} from '../../render/rust-renderer.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { foldType } from '../../types/fold.js';
import { namedReferences, type PrimitiveName, type TypeNode } from '../../types/type-tree.js';
import { importedPrimitive } from '../../render/wire-samples.js';
import type { FilePlan, GeneratorAdapter, PlanContext, PlannedEdit, PlannedFile, ProjectReader } from '../adapter.js';
import { usePathIssues } from '../rust-shared/rust-paths.js';
import { derivedNameIssues, planTypeScriptCommand, sidesOf, typesFileEdits, TYPESCRIPT_RESERVED } from '../typescript-command/index.js';
import { shippedTraitCatalog, type KnownTrait, type TraitCatalog } from '../trait-only/index.js';
import { rustIpcServer } from './command-slot.js';
import {
  DEFAULT_STARTUP,
  modulePathProblem,
  moduleName,
  parentModuleFile,
  rustCratePath,
  rustLayout,
  wireTypeFile,
  wireTypeSpecifier,
} from '../rust-shared/rust-layout.js';
import { renderRustImplMethod, traitIsAsync } from '../rust-shared/rust-traits.js';
import { rustUseLines } from '../rust-shared/rust-uses.js';
import { buildRustWire, rustRawString, rustWireIssues, sampleDocuments, type WireDeclaration } from '../rust-shared/rust-wire.js';
import { moduleMembers, relatedOf, type ModuleMember } from './module-members.js';
import { derivedDocs, moduleWireDeclarations, rustModuleNames, type RustModuleNames } from './rust-module-view.js';

const TEMPLATES = adapterTemplates('rust-ipc');

/** Names neither TypeScript nor Rust output may use (checked for every spec of a module). */
const RUST_IPC_RESERVED: ReadonlyMap<string, string> = new Map([...TYPESCRIPT_RESERVED, ...RUST_RESERVED_TYPE_NAMES]);

const RUST_PATH = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Types the Rust module file declares or imports; a spec type of that name would collide. */
function rustDerivedNameIssues(model: CommandModel, names: RustModuleNames, catalog: TraitCatalog): SpecIssue[] {
  const taken = new Map<string, string>([
    [names.structName, 'the module struct'],
    ...rustOf(model).traits.map((t): [string, string] => [t, 'a trait the module implements']),
  ]);
  for (const traitName of rustOf(model).traits) {
    const known = catalog.get(traitName);
    for (const typeName of known?.typePaths.keys() ?? [])
      taken.set(known!.names.nameOf(typeName), `a type the signatures of ${traitName} use`);
  }
  return model.types
    .filter((t) => taken.has(t.name))
    .map((t) => ({
      file: model.specFile,
      pointer: t.pointer,
      message: `type name ${t.name} collides with ${taken.get(t.name)} in ${names.crateRelativeFile}`,
      found: JSON.stringify(t.name),
      expected: 'another name',
    }));
}

function fieldPointer(model: CommandModel, names: RustModuleNames): (owner: string, field: FieldModel) => string {
  return (owner, field) => (owner === names.paramsStruct || owner === names.resultStruct ? `${field.pointer}/name` : field.pointer);
}

function checkRustIpc(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog): SpecIssue[] {
  const file = model.specFile;
  const names = rustModuleNames(model, config);
  const issues: SpecIssue[] = [];
  const problem = modulePathProblem(names.modulePath);
  if (problem)
    issues.push({
      file,
      pointer: rustOf(model).modulePointer,
      message: `the Rust module ${names.modulePath} ${problem}`,
      found: JSON.stringify(names.modulePath),
      expected: 'snake_case segments such as modules/gpu',
    });
  if (!model.name.startsWith(names.commandPrefix)) {
    issues.push({
      file,
      pointer: rustOf(model).commandPrefixPointer,
      message: `the registry would never route ${model.name} to a module with the prefix ${names.commandPrefix}`,
      found: JSON.stringify(names.commandPrefix),
      expected: `a prefix of the command name, e.g. ${JSON.stringify(`${model.segments[0]}/`)}`,
    });
  }
  rustOf(model).traits.forEach((traitName, index) => {
    if (catalog.get(traitName)) return;
    const known = catalog.names();
    const close = closestNames(traitName, known, 1).filter((n) => editDistance(n, traitName) <= 3);
    issues.push({
      file,
      pointer: pointerOf('rust', 'traits', index),
      message: `unknown trait ${traitName}${close.length > 0 ? ` (did you mean ${close[0]}?)` : ''}`,
      found: JSON.stringify(traitName),
      expected: `one of the known traits: ${known.join(', ')}`,
    });
  });
  rustOf(model).imports.forEach((path, index) => {
    if (!RUST_PATH.test(path))
      issues.push({
        file,
        pointer: pointerOf('rust', 'imports', index),
        message: 'not a Rust use path',
        found: JSON.stringify(path),
        expected: 'one path per entry, e.g. crate::system::pressure::PressureLevel (no braces, no globs)',
      });
  });
  for (const reserved of ['command', 'requestId']) {
    const index = model.params.findIndex((p) => p.name === reserved);
    if (index >= 0)
      issues.push({
        file,
        pointer: pointerOf('params', index, 'name'),
        message: `a param named '${reserved}' would overwrite the ${reserved === 'command' ? 'command name' : 'request id'} of the IPC request`,
        found: JSON.stringify(reserved),
        expected: 'another name',
      });
  }
  issues.push(...ambiguousMethodIssues(model, catalog));
  return [
    ...issues,
    ...rustWireIssues(model, moduleWireDeclarations(model, names), fieldPointer(model, names)),
    ...rustDerivedNameIssues(model, names, catalog),
    ...derivedNameIssues(model),
  ];
}

/** The host's ServiceModule methods (host-real.md): a listed trait must not reuse one of these names. */
const SERVICE_MODULE_METHODS = [
  'config',
  'initialize',
  'handle_command',
  'handle_event',
  'tick',
  'adjusted_priority',
  'shutdown',
  'command_schemas',
  'artifact_subscriptions',
  'cadence',
  'on_artifact_available',
  'as_any',
];

/**
 * A method name two of the module's traits share (ServiceModule's included) makes a call such as
 * `module.shutdown()` ambiguous wherever both traits are in scope (E0034): refused at the trait.
 */
function ambiguousMethodIssues(model: CommandModel, catalog: TraitCatalog): SpecIssue[] {
  const owners = new Map<string, string>(SERVICE_MODULE_METHODS.map((m) => [m, 'ServiceModule']));
  const issues: SpecIssue[] = [];
  rustOf(model).traits.forEach((traitName, index) => {
    const known = catalog.get(traitName);
    for (const method of known?.trait.methods ?? []) {
      const owner = owners.get(method.name);
      if (owner !== undefined && owner !== traitName) {
        issues.push({
          file: model.specFile,
          pointer: pointerOf('rust', 'traits', index),
          message: `trait ${traitName} has a method ${method.name}, like ${owner}: with both in scope, ${method.name}() on the module is ambiguous (E0034)`,
          found: JSON.stringify(method.name),
          expected: `another name for ${traitName}::${method.name} in ${known!.spec.specFile}`,
        });
      }
      owners.set(method.name, traitName);
    }
  });
  return issues;
}

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
function traitImpls(
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
interface CommandPart {
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

function commandPart(member: ModuleMember, declarations: readonly WireDeclaration[]): CommandPart {
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

/**
 * The wire declarations of every command of the module, in command order: a type two specs
 * declare alike is declared once; declared differently, it is refused at the spec being generated.
 */
function moduleDeclarations(
  members: readonly ModuleMember[],
  model: CommandModel,
): { declarations: WireDeclaration[]; issues: SpecIssue[] } {
  const byName = new Map<string, { text: string; member: ModuleMember }>();
  const declarations: WireDeclaration[] = [];
  const issues: SpecIssue[] = [];
  for (const member of members) {
    for (const declaration of moduleWireDeclarations(member.model, member.names)) {
      // Where each spec writes it is no part of the declaration: two specs may declare one type at different places.
      const text = JSON.stringify(declaration, (key, value: unknown) => (key === 'pointer' ? undefined : value));
      const previous = byName.get(declaration.name);
      if (previous === undefined) {
        byName.set(declaration.name, { text, member });
        declarations.push(declaration);
      } else if (previous.text !== text) {
        const mine = member.model.name === model.name ? member : previous.member.model.name === model.name ? previous.member : undefined;
        const other = mine === member ? previous.member : member;
        const at = (mine ?? member).model.typesByName.get(declaration.name)?.pointer ?? '';
        issues.push({
          file: (mine ?? member).file,
          pointer: at,
          ...(mine ?? member).locate?.(at),
          message: `type ${declaration.name} is declared differently by ${other.model.name} (${other.file}); both are commands of ${member.names.modulePath}, whose one Rust module declares each type once`,
          found: JSON.stringify(declaration.name),
          expected: 'the same declaration in both specs, or another name',
        });
      }
    }
  }
  return { declarations, issues };
}

/** Problems of the module as a whole: its other specs, types declared twice, two commands on one method. */
function moduleIssues(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog, context: PlanContext | undefined): SpecIssue[] {
  const { members, issues } = moduleMembers(model, config, context, RUST_IPC_RESERVED);
  const out = [...issues, ...moduleDeclarations(members, model).issues];
  const own = rustModuleNames(model, config);
  for (const member of members) {
    if (member.model.name === model.name) continue;
    // A sibling the module cannot hold stops this run too, cited at its own file.
    out.push(
      ...checkRustIpc(member.model, config, catalog).map((i) => ({
        ...i,
        ...member.locate?.(i.pointer),
        message: `${i.message} (${member.model.name} is a command of ${own.modulePath} too)`,
      })),
    );
    if (member.names.method === own.method || member.names.handlerModule === own.handlerModule) {
      out.push({
        file: model.specFile,
        pointer: '/name',
        message: `${model.name} and ${member.model.name} (${member.file}) both become the method ${own.structName}::${own.method} (handler ${own.handlerModule}.rs) of ${own.modulePath}`,
        found: JSON.stringify(model.name),
        expected: 'command names whose last parts differ in snake_case',
      });
    }
  }
  return out;
}

/** The module's `use` lines: the runtime, serde, ts-rs, the traits and the types they name, the wire types' imports, the specs' rust.imports. */
function moduleUses(
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
function handlerFile(member: ModuleMember, part: CommandPart): PlannedFile {
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

/** Does a file say it was generated (its header names generator-continuum)? Otherwise it is hand-written. */
function isGeneratedFile(text: string): boolean {
  return text.split('\n', 8).some((line) => /generated by generator-continuum/i.test(line));
}

/** The hand-written module and mixin the command joins, when the host has them (not generated ones). */
interface HostParts {
  readonly module?: HostModuleShape;
  readonly mixin?: HostMixinShape;
  /** Why one cannot be extended, at its file and line. */
  readonly issues: readonly SpecIssue[];
}

function hostParts(names: RustModuleNames, model: CommandModel, context: PlanContext | undefined): HostParts {
  const read = (path: string): string | undefined => {
    const text = context?.project?.(path);
    return text === undefined || isGeneratedFile(text) ? undefined : text;
  };
  const issues: SpecIssue[] = [];
  const refused = (file: string, problem: HostModuleProblem): void => {
    issues.push({
      file,
      pointer: '',
      line: problem.line,
      column: problem.column,
      message: `${problem.problem}: the hand-written file cannot take the generated command ${model.name} (nothing was written)`,
      expected: problem.expected,
    });
  };
  const moduleText = read(names.moduleFile);
  const mixinText = read(names.mixinFile);
  const module = moduleText === undefined ? undefined : hostModuleShape(moduleText);
  const mixin = mixinText === undefined ? undefined : hostMixinShape(mixinText);
  if (module && 'problem' in module) refused(names.moduleFile, module);
  if (mixin && 'problem' in mixin) refused(names.mixinFile, mixin);
  return { ...(module && !('problem' in module) ? { module } : {}), ...(mixin && !('problem' in mixin) ? { mixin } : {}), issues };
}

/** The module's names as they are in a hand-written module (its struct is whatever it implements ServiceModule for). */
function withHostNames(members: readonly ModuleMember[], host: HostParts): ModuleMember[] {
  return members.map((m) => ({
    ...m,
    names: {
      ...m.names,
      ...(host.module ? { structName: host.module.structName } : {}),
      ...(host.mixin ? { mixin: host.mixin.mixin } : {}),
    },
  }));
}

/** The generated part of a hand-written module: its wire types, routing and schemas, beside it. */
function generatedPartFile(names: RustModuleNames): string {
  return `${names.layout.crateRoot}/src/${names.modulePath}/generated.rs`;
}

function planRustIpc(model: CommandModel, config: ProjectConfig, catalog: TraitCatalog, context: PlanContext | undefined): FilePlan {
  const host = hostParts(rustModuleNames(model, config), model, context);
  const { members: found } = moduleMembers(model, config, context, RUST_IPC_RESERVED);
  const members = withHostNames(found, host);
  const names = members.find((m) => m.model.name === model.name)!.names;
  const everyone = members.map((m) => m.model.name);
  const { declarations } = moduleDeclarations(members, model);
  const imports = new Map<string, CommandModel['imports'][number]>();
  for (const member of members) for (const i of member.model.imports) if (!imports.has(i.name)) imports.set(i.name, i);
  const docs = new Map(members.flatMap((m) => [...derivedDocs(m.model, m.names)]));
  const wire = buildRustWire(declarations, [...imports.values()], { layout: names.layout, folder: names.module, docs });
  const traitNames = [...new Set(members.flatMap((m) => rustOf(m.model).traits))];
  const impls = traitImpls(
    traitNames.map((t) => catalog.get(t)!),
    names,
  );
  const prefixes = [...new Set(members.map((m) => m.names.commandPrefix))].sort();
  const parts = members.map((m) => commandPart(m, declarations));

  const templateData = {
    ...names,
    commandPrefixes: prefixes,
    generatedTypesDir: `${names.layout.generatedTypes}/${names.module}`,
    declarations: wire.rust,
    impls: impls.blocks,
    commands: parts,
    wireTests: wire.tests,
  };
  const rust: PlannedFile = host.module
    ? {
        path: generatedPartFile(names),
        owners: everyone,
        content: renderTemplate(TEMPLATES, 'generated-part.rs', {
          ...templateData,
          moduleFileName: posix.basename(names.moduleFile),
          uses: moduleUses(members, wire, impls, names.structName),
        }),
      }
    : {
        path: names.moduleFile,
        owners: everyone,
        content: renderTemplate(TEMPLATES, 'module.rs', {
          ...names,
          commandPrefixes: prefixes,
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

  // Wire types through the generatedTypes alias (@shared/generated/gpu/X), or relative where it has none.
  const wireSpecifier = (typeName: string): string =>
    wireTypeSpecifier(names.layout, names.mixinFile, wireTypeFile(names.layout, names.module, typeName), 'alias');
  const wireImports = members
    .flatMap((m) => [m.names.paramsStruct, m.names.resultStruct])
    .map((t) => `import type { ${t} } from '${wireSpecifier(t)}';`);
  const specTypes = [...new Set(members.flatMap((m) => m.model.types.map((t) => t.name)))];
  const mixin: PlannedFile = {
    path: names.mixinFile,
    owners: everyone,
    content: renderTemplate(TEMPLATES, 'mixin.ts', {
      ...names,
      commandPrefixes: prefixes,
      commands: members.map((m) => ({
        name: m.model.name,
        description: tsCommentText(m.model.description),
        clientMethod: m.names.clientMethod,
        paramsStruct: m.names.paramsStruct,
        resultStruct: m.names.resultStruct,
      })),
      wireImports,
      typeReexports: specTypes.map((t) => `export type { ${t} } from '${wireSpecifier(t)}';`),
      moduleFileInProject: names.moduleFile,
    }),
  };
  // A wire type's file belongs to the commands that declare it; the module's own files to all of them.
  const declaredBy = new Map<string, string[]>();
  for (const member of members)
    for (const d of moduleWireDeclarations(member.model, member.names))
      declaredBy.set(d.name, [...(declaredBy.get(d.name) ?? []), member.model.name]);
  const tsFiles = wire.tsFiles.map((file) => {
    const typeName = posix.basename(file.path, '.ts');
    return { ...file, owners: declaredBy.get(typeName) ?? everyone };
  });
  const handlers = members.map((m, i) => handlerFile(m, parts[i]));
  return [
    rust,
    ...tsFiles,
    ...(host.mixin ? [] : [mixin]),
    ...handlers,
    ...planTypeScriptCommand(model, config, sidesOf(model.environment), rustIpcServer(model, config, names)),
  ];
}

/** `pub mod` lines up the module path to lib.rs, the start-up registration, and the mixin in the composition file. */
function rustIpcEdits(model: CommandModel, config: ProjectConfig, project?: ProjectReader, context?: PlanContext): PlannedEdit[] {
  const host = hostParts(rustModuleNames(model, config), model, context);
  const members = withHostNames(moduleMembers(model, config, context, RUST_IPC_RESERVED).members, host);
  const names = members.find((m) => m.model.name === model.name)!.names;
  const segments = names.modulePath.split('/');
  const edits: PlannedEdit[] = [];
  if (host.module) {
    // Every generated command of the module: the generated part routes them all, so each needs its arm.
    const additions = members.map((m) => ({
      command: m.model.name,
      handlerModule: m.names.handlerModule,
      dispatchFn: `dispatch_${m.names.handlerModule}`,
      schemaFn: `schema_${m.names.handlerModule}`,
    }));
    edits.push({
      path: names.moduleFile,
      description: `${additions.map((a) => a.command).join(', ')}: mod generated, match arm, schema entry, handler module (syntax-aware, every line kept)`,
      apply: (existing) => extendHostModule(existing ?? '', names.moduleFile, additions),
    });
  }
  if (host.mixin) {
    const specifier = (typeName: string): string =>
      wireTypeSpecifier(names.layout, names.mixinFile, wireTypeFile(names.layout, names.module, typeName), 'alias');
    const additions = members.map((m) => ({
      command: m.model.name,
      description: tsCommentText(m.model.description),
      clientMethod: m.names.clientMethod,
      paramsStruct: m.names.paramsStruct,
      resultStruct: m.names.resultStruct,
      imports: [...new Set([m.names.paramsStruct, m.names.resultStruct, ...m.model.types.map((t) => t.name)])].map((name) => ({
        name,
        from: specifier(name),
      })),
    }));
    edits.push({
      path: names.mixinFile,
      description: `${additions.map((a) => a.clientMethod).join(', ')} in the hand-written ${names.mixin} (syntax-aware, every line kept)`,
      apply: (existing) => extendHostMixin(existing ?? '', names.mixinFile, additions),
    });
  }
  for (let depth = segments.length; depth >= 1; depth--) {
    const child = segments.slice(0, depth).join('/');
    const module = moduleName(child);
    edits.push({
      path: parentModuleFile(names.layout, child),
      description: `pub mod ${module};`,
      apply: (existing) =>
        registerRustModule(existing, {
          module,
          header:
            depth === 1
              ? 'Crate root.'
              : `The \`${segments.slice(0, depth - 1).join('::')}\` module (generated module list of generator-continuum).`,
        }),
    });
  }
  const startup = names.layout.startup;
  // A hand-written module is registered at start-up by hand, with its own state (GpuModule::new(manager)).
  if (startup && !host.module && crateExists(names, project)) {
    const file = `${names.layout.crateRoot}/${startup.file}`;
    const registration = startupRegistration(model, names, startup.statement);
    edits.push({ path: file, description: registration.statement, apply: (existing) => registerAtStartup(existing, registration, file) });
  }
  const compositionFile = `${names.layout.ipcBindings}/RustCoreIPC.ts`;
  const types = [names.paramsStruct, names.resultStruct, ...model.types.map((t) => t.name)];
  edits.push({
    path: compositionFile,
    description: `${names.mixin}(...) in the composed client`,
    apply: (existing) => composeIpcMixin(existing, { mixin: names.mixin, from: `./modules/${names.module}`, types }, compositionFile),
  });
  return edits;
}

/** Is there a crate to register in (no project reader: assume so)? Generating into an empty folder skips the start-up edit. */
function crateExists(names: RustModuleNames, project?: ProjectReader): boolean {
  return project === undefined || project(`${names.layout.crateRoot}/Cargo.toml`) !== undefined;
}

/** The statement that registers the module at start-up, from the configured shape. */
function startupRegistration(model: CommandModel, names: RustModuleNames, statement: string): StartupModuleRegistration {
  const constructor = `${rustCratePath(names.modulePath)}::${names.structName}::new()`;
  return {
    structName: names.structName,
    statement: statement.replace('{constructor}', constructor),
    comment: `${names.structName} (${model.name}): generated by generator-continuum`,
  };
}

/** What the user must do by hand when the project config turns the start-up edit off. */
function rustIpcNextSteps(model: CommandModel, config: ProjectConfig, project?: ProjectReader): string[] {
  const names = rustModuleNames(model, config);
  if (names.layout.startup && crateExists(names, project)) return [];
  const statement = startupRegistration(model, names, DEFAULT_STARTUP.statement).statement;
  return [
    `register ${names.structName} at start-up, or its commands are never routed: add \`${statement}\` where the host registers its modules (${names.layout.crateRoot}/${DEFAULT_STARTUP.file} in Continuum)`,
  ];
}

export interface RustIpcAdapterOptions {
  /** The traits `rust.traits` may name (default: the trait specs shipped in specs/traits/). */
  readonly traits?: (config: ProjectConfig) => TraitCatalog;
}

/**
 * The `rust-ipc` adapter: the whole vertical of a Rust-backed command. A ServiceModule in the
 * crate (serde params in, result out, implementations of the listed traits), ts-rs wire types
 * and their TypeScript, the IPC mixin, and the TypeScript command whose server side calls it.
 */
export function rustIpcAdapter(options: RustIpcAdapterOptions = {}): GeneratorAdapter {
  const fallback = options.traits ?? shippedTraitCatalog;
  // The run's traits when the engine resolved them (the project's own among them), else the adapter's own.
  const catalog = (config: ProjectConfig, context: PlanContext | undefined): TraitCatalog => context?.traits?.() ?? fallback(config);
  return {
    id: 'rust-ipc',
    description: 'Rust ServiceModule with ts-rs wire types, IPC mixin and a TypeScript command that calls it (one spec, full vertical)',
    // The command may also have a browser side, which delegates to the server (like full-stack).
    environments: ['server', 'both'],
    writesRustModule: true,
    accepts: ['rust'],
    writes: [
      '<rustCrate>/src/<rust.module>.rs: every command of the module (+ pub mod in its parents up to lib.rs, edited)',
      '<rustCrate>/src/<rust.module>/<command>.rs: the handler, yours (created once, never rewritten)',
      '<rustCrate>/src/ipc/mod.rs: the start-up registration (edited; rust.startup)',
      '<generatedTypes>/<module>/<Type>.ts',
      '<ipcBindings>/modules/<module>.ts (+ RustCoreIPC.ts: type re-exports and the mixin, edited)',
      'shared/<C>Types.ts',
      'server/<C>ServerCommand.ts',
      'README.md',
      'test/unit/<C>Command.test.ts',
      'test/integration/<C>Integration.test.ts',
      'package.json',
      '.npmignore',
    ],
    reservedNames: RUST_IPC_RESERVED,
    check: (model, config, _options, context) => [
      ...checkRustIpc(model, config, catalog(config, context)),
      ...moduleIssues(model, config, catalog(config, context), context),
      ...hostParts(rustModuleNames(model, config), model, context).issues,
    ],
    plan: (model, config, _options, context) => planRustIpc(model, config, catalog(config, context), context),
    relatedSpecs: (model, config, _options, context) => relatedOf(moduleMembers(model, config, context, RUST_IPC_RESERVED).members, model),
    edits: (model, config, _options, project, context) => [
      ...rustIpcEdits(model, config, project, context),
      ...typesFileEdits(model, config),
    ],
    nextSteps: (model, config, project) => rustIpcNextSteps(model, config, project),
    checkProject: (model, config, project, context) => {
      const known = catalog(config, context);
      const traitPaths = rustOf(model).traits.flatMap((name, index) => {
        const trait = known.get(name);
        return trait
          ? [
              {
                path: trait.rustPath,
                pointer: `/rust/traits/${index}`,
                hint: `generate ${trait.spec.specFile} first: continuum-gen trait --spec=<that spec>`,
              },
            ]
          : [];
      });
      return usePathIssues(model, rustLayout(config), project, traitPaths);
    },
  };
}
