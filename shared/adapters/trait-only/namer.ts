/**
 * The trait-only target's naming phase: what a trait spec cannot be (its issues) and every path,
 * `use` line and import the rendering prints, decided once from the model and the project's Rust
 * layout.
 */
import type { ProjectConfig } from '../../config/project-config.js';
import { tsDocBlockLines, tsMethodName, tsParameterName } from '../../targets/typescript/typescript-text.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type {
  CommandModel,
  MethodType,
  ResolvedImport,
  TaggedUnionDeclaration,
  TraitMethodModel,
  TraitModel,
} from '../../model/command-model.js';
import { camelCase, snakeCase } from '../../model/naming.js';
import { rustOf } from '../../model/resolve-model.js';
import { renderTsType } from '../../render/typescript-renderer.js';
import { namedReferences, typeNodes, type TypeNode } from '../../types/type-tree.js';
import type { PlannedFile } from '../adapter.js';
import type { Naming } from '../target.js';
import {
  importedTypeFile,
  importSpecifier,
  modulePathProblem,
  relativeSpecifier,
  rustCratePath,
  rustLayout,
  rustModuleFile,
  wireTypeFile,
  type RustLayout,
} from '../rust-shared/rust-layout.js';
import { rustMethodSignature, traitIsAsync } from '../rust-shared/rust-traits.js';
import { buildRustWire, jsonValueFile, rustWireIssues, type RustWire, type WireDeclaration } from '../rust-shared/rust-wire.js';
import { systemModulePath, traitModulePath, traitTypesFolder } from './trait-layout.js';

/** Signatures the supervisor companion calls, as the Rust renderer writes them. */
const SUPERVISED_SIGNATURES = [
  'fn name(&self) -> &str',
  'fn health(&self) -> HealthStatus',
  'fn pressure_response(&self, level: PressureLevel)',
  'fn shed_load(&self)',
  'fn heal(&self) -> bool',
  'fn graceful_shutdown(&self)',
];

const names = { nameOf: (n: string): string => n };

function wireDeclarations(model: CommandModel): WireDeclaration[] {
  return [...(model.unions ?? []), ...model.types];
}

/** What the pressure and supervisor companions need from the spec, as issues when missing. */
function companionIssues(model: CommandModel, config: ProjectConfig): SpecIssue[] {
  const file = model.specFile;
  const companions = rustOf(model).companions;
  const issues: SpecIssue[] = [];
  const at = (name: string): string => pointerOf('rust', 'companions', companions.indexOf(name as never));
  if (companions.includes('pressure')) {
    // The host's own PressureLevel (an import, from the project config by default), re-exported.
    const pressure = model.imports.find((i) => i.name === 'PressureLevel');
    const companionPath = `${rustCratePath(systemModulePath(config))}::pressure::PressureLevel`;
    if (!pressure?.rust?.includes('::')) {
      issues.push({
        file,
        pointer: at('pressure'),
        message: "the pressure companion re-exports the host's PressureLevel, which this spec neither uses nor imports with a Rust path",
        found: pressure ? JSON.stringify(pressure.rust ?? null) : 'no PressureLevel import',
        expected:
          'a trait method taking PressureLevel, and the import { "name": "PressureLevel", "rust": "crate::system_resources::PressureLevel" } (the default project config has it)',
      });
    } else if (pressure.rust === companionPath) {
      issues.push({
        file,
        pointer: at('pressure'),
        message: 'the Rust path of PressureLevel is the pressure companion itself, which would re-export itself',
        found: JSON.stringify(pressure.rust),
        expected: "the host's own type, e.g. crate::system_resources::PressureLevel",
      });
    }
  }
  if (companions.includes('supervisor')) {
    if (!companions.includes('pressure'))
      issues.push({
        file,
        pointer: at('supervisor'),
        message: 'the supervisor companion maps memory fractions to levels through the pressure companion',
        expected: 'companions ["pressure", "supervisor"]',
      });
    const managed = model.traits?.find((t) => t.name === 'ManagedService');
    const signatures = managed?.methods.map((m) => rustMethodSignature(m, names)) ?? [];
    const missing = SUPERVISED_SIGNATURES.filter((s) => !signatures.includes(s));
    if (missing.length > 0)
      issues.push({
        file,
        pointer: at('supervisor'),
        message: 'the supervisor companion drives the trait ManagedService of this spec, which lacks methods it calls',
        found: missing.join('; '),
        expected: 'the ManagedService of specs/traits/managed-service.json',
      });
    const health = model.unions?.find((u) => u.name === 'HealthStatus');
    const reason = (u: TaggedUnionDeclaration | undefined, v: string): boolean =>
      u?.variants
        .find((x) => x.name === v)
        ?.fields.some((f) => f.name === 'reason' && !f.optional && f.type.kind === 'primitive' && f.type.name === 'string') === true;
    if (!health || !health.variants.some((v) => v.name === 'healthy' && v.fields.length === 0) || !reason(health, 'unhealthy')) {
      issues.push({
        file,
        pointer: at('supervisor'),
        message: 'the supervisor companion needs the tagged union HealthStatus with the variants healthy and unhealthy { reason: string }',
        expected: 'types.HealthStatus of specs/traits/managed-service.json',
      });
    }
  }
  return issues;
}

/** Adapter checks: no command parts, a valid module, wire types Rust can express, companions' needs. */
function checkTraitSpec(model: CommandModel, config: ProjectConfig): SpecIssue[] {
  const file = model.specFile;
  const issues: SpecIssue[] = [];
  if (model.params.length > 0)
    issues.push({
      file,
      pointer: '/params',
      message: 'a trait-only spec writes no command, so it takes no params',
      expected: 'no params (write a rust-ipc spec for the command)',
    });
  if (model.results.length > 0)
    issues.push({
      file,
      pointer: '/results',
      message: 'a trait-only spec writes no command, so it has no results',
      expected: 'no results (write a rust-ipc spec for the command)',
    });
  if ((model.traits ?? []).length === 0 && wireDeclarations(model).length === 0)
    issues.push({ file, pointer: '', message: 'a trait-only spec needs traits or types', expected: 'a traits block' });
  const modulePath = traitModulePath(model);
  const problem = modulePathProblem(modulePath);
  if (problem)
    issues.push({
      file,
      pointer: rustOf(model).modulePointer,
      message: `the trait module ${modulePath} ${problem}`,
      found: JSON.stringify(modulePath),
      expected: 'snake_case segments such as system/traits/managed_service',
    });
  if (rustOf(model).declared.traits)
    issues.push({
      file,
      pointer: '/rust/traits',
      message: 'rust.traits lists traits a rust-ipc module implements; a trait-only spec declares traits instead',
      expected: 'a traits block',
    });
  if (rustOf(model).declared.command_prefix)
    issues.push({
      file,
      pointer: '/rust/command_prefix',
      message: 'a trait-only spec writes no command module, so it has no command prefix',
      expected: 'no command_prefix',
    });
  return [
    ...issues,
    ...rustWireIssues(model, wireDeclarations(model), (_owner, field) => field.pointer),
    ...companionIssues(model, config),
  ];
}

/** TypeScript of a method type in the trait's interface. */
function tsMethodType(type: MethodType): string {
  if (type.kind === 'type') return renderTsType(type.node);
  const tuple = `[${type.elements.map((e) => renderTsType(e)).join(', ')}]`;
  return type.list ? `${tuple}[]` : tuple;
}

function tsDocBlock(text: string | undefined, extra: readonly string[], indent: string): string[] {
  const lines = [...(text !== undefined && text.trim() !== '' ? tsDocBlockLines(text) : []), ...extra];
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0].trim()} */`];
  return [`${indent}/**`, ...lines.map((l) => (l.trim() === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

/** The TypeScript interface of a trait: camelCase methods; async ones return promises, fallible ones throw. */
function tsInterfaceLines(trait: TraitModel): string[] {
  return trait.methods.flatMap((method: TraitMethodModel, i) => {
    const result = method.returns ? tsMethodType(method.returns) : 'void';
    const extra = method.fallible
      ? [method.async ? '@throws rejects with the error message when it fails' : '@throws Error with the message when it fails']
      : [];
    const params = method.params.map((p) => `${tsParameterName(camelCase(p.name))}: ${tsMethodType(p.type)}`).join(', ');
    return [
      ...(i > 0 ? [''] : []),
      ...tsDocBlock(method.description, extra, '  '),
      `  ${tsMethodName(camelCase(method.name))}(${params}): ${method.async ? `Promise<${result}>` : result};`,
    ];
  });
}

/** A trait's TypeScript interface file: where it goes and what it imports. */
export interface TraitInterfaceNames {
  readonly trait: TraitModel;
  readonly path: string;
  readonly importLines: readonly string[];
  readonly docs: readonly string[];
  readonly memberLines: readonly string[];
}

/** One of the supervisor's wire types as ts-rs prints it: its file, template and import lines. */
export interface SupervisorWireFile {
  readonly path: string;
  readonly template: string;
  readonly imports: readonly string[];
}

/** Everything the trait-only rendering prints that depends on naming or on the project's layout. */
export interface TraitNames {
  readonly layout: RustLayout;
  readonly modulePath: string;
  /** The spec's module file (src/<module>.rs). */
  readonly moduleFile: string;
  /** Folder under generatedTypes of the wire types (system). */
  readonly typesFolder: string;
  readonly wire: RustWire;
  /** The module file's `use` lines (blank line after BTreeMap's). */
  readonly uses: readonly string[];
  /** Crate path of the module that re-exports the spec's module (crate::system::traits). */
  readonly traitsAt: string;
  readonly interfaces: readonly TraitInterfaceNames[];
  /** ts-rs's JsonValue, when an interface names it and the wire does not write it already. */
  readonly jsonValue?: PlannedFile;
  /** The module holding the companions (system). */
  readonly systemModule: string;
  readonly pressure?: { readonly path: string; readonly pressurePath: string; readonly hostPressureLevel: string };
  readonly supervisor?: { readonly path: string; readonly files: readonly SupervisorWireFile[] };
}

const signatureTypes = (method: TraitMethodModel): MethodType[] => [
  ...method.params.map((p) => p.type),
  ...(method.returns ? [method.returns] : []),
];
const methodTypeNodes = (type: MethodType): readonly TypeNode[] => (type.kind === 'type' ? [type.node] : type.elements);

/** The module's `use` lines: BTreeMap, async_trait, serde and ts-rs when used, then the wire's and imports' paths. */
function moduleUses(model: CommandModel, wire: RustWire): string[] {
  const traits = model.traits ?? [];
  const usePaths = [
    ...wire.usePaths,
    ...model.imports.filter((i) => i.rust?.includes('::') && !wire.usePaths.includes(i.rust)).map((i) => i.rust!),
  ];
  const signatureNodes = traits.flatMap((t) => t.methods.flatMap(signatureTypes)).flatMap(methodTypeNodes);
  const hasRecord = (node: TypeNode): boolean => typeNodes(node).some((n) => n.kind === 'record');
  return [
    ...(wire.usesBTreeMap || signatureNodes.some(hasRecord) ? ['use std::collections::BTreeMap;', ''] : []),
    ...(traits.some(traitIsAsync) ? ['use async_trait::async_trait;'] : []),
    ...(wire.declarations.length > 0 ? ['use serde::{Deserialize, Serialize};', 'use ts_rs::TS;'] : []),
    ...[...new Set(usePaths)].sort().map((p) => `use ${p};`),
  ];
}

/** A trait's interface file and its imports: the spec's own wire types beside it, imported ones where they live. */
function interfaceNames(model: CommandModel, trait: TraitModel, layout: RustLayout, folder: string, wire: RustWire): TraitInterfaceNames {
  const path = wireTypeFile(layout, folder, trait.name);
  const localNames = new Set(wire.declarations.map((d) => d.name));
  const referenced = new Set(trait.methods.flatMap(signatureTypes).flatMap(methodTypeNodes).flatMap(namedReferences));
  const importLines = [...referenced]
    .sort()
    .map((name) => {
      if (localNames.has(name)) return `import type { ${name} } from './${name}';`;
      const imported = model.imports.find((i) => i.name === name);
      return imported ? `import type { ${name} } from '${importSpecifier(layout, path, imported, 'relative')}';` : undefined;
    })
    .filter((l): l is string => l !== undefined);
  return { trait, path, importLines, docs: tsDocBlock(trait.description, [], ''), memberLines: tsInterfaceLines(trait) };
}

/** The supervisor's wire types, as ts-rs prints them: imports sorted by path, PressureLevel's where the host's is. */
function supervisorWireFiles(layout: RustLayout, folder: string, pressure: ResolvedImport): SupervisorWireFile[] {
  const pressureFile = importedTypeFile(layout, pressure);
  const supervisorImports: Record<string, string[]> = {
    ModuleHealth: ['HealthStatus'],
    HealthSnapshot: ['ModuleHealth', 'PressureLevel'],
    SupervisorEvent: ['HealthSnapshot', 'PressureLevel'],
  };
  return Object.entries(supervisorImports).map(([name, uses]) => {
    const path = wireTypeFile(layout, folder, name);
    const imports = uses
      .map((used) => ({
        used,
        from:
          used === 'PressureLevel' && pressureFile === undefined
            ? pressure.from
            : relativeSpecifier(path, used === 'PressureLevel' ? pressureFile! : wireTypeFile(layout, folder, used)),
      }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .map((i) => `import type { ${i.used} } from ${JSON.stringify(i.from)};`);
    return { path, template: `supervisor-${snakeCase(name).replace(/_/g, '-')}.ts`, imports };
  });
}

/** The companions' files, given a spec whose checks passed (the pressure companion has its host PressureLevel). */
function companionNames(model: CommandModel, layout: RustLayout, config: ProjectConfig): Pick<TraitNames, 'pressure' | 'supervisor'> {
  const companions = rustOf(model).companions;
  const system = systemModulePath(config);
  const pressure = model.imports.find((i) => i.name === 'PressureLevel');
  return {
    ...(companions.includes('pressure') && pressure?.rust
      ? {
          pressure: {
            path: rustModuleFile(layout, `${system}/pressure`),
            pressurePath: `${rustCratePath(system)}::pressure::PressureLevel`,
            hostPressureLevel: pressure.rust,
          },
        }
      : {}),
    ...(companions.includes('supervisor') && pressure
      ? {
          supervisor: {
            path: rustModuleFile(layout, `${system}/supervisor`),
            files: supervisorWireFiles(layout, traitTypesFolder(config), pressure),
          },
        }
      : {}),
  };
}

/** Phase one of the trait-only target: its issues, and the names and paths its rendering prints. */
export function nameTraitSpec(model: CommandModel, config: ProjectConfig): Naming<TraitNames> {
  const layout = rustLayout(config);
  const modulePath = traitModulePath(model);
  const typesFolder = traitTypesFolder(config);
  const wire = buildRustWire(wireDeclarations(model), model.imports, { layout, folder: typesFolder });
  const json = jsonValueFile(layout);
  const interfaces = (model.traits ?? []).map((trait) => interfaceNames(model, trait, layout, typesFolder, wire));
  const written = [...wire.tsFiles.map((f) => f.path), ...interfaces.map((i) => i.path)];
  const writesJson = model.imports.some((i) => i.rust === 'serde_json::Value') && !written.includes(json.path);
  const names: TraitNames = {
    layout,
    modulePath,
    moduleFile: rustModuleFile(layout, modulePath),
    typesFolder,
    wire,
    uses: moduleUses(model, wire),
    traitsAt: rustCratePath(modulePath.split('/').slice(0, -1).join('/')),
    interfaces,
    ...(writesJson ? { jsonValue: json } : {}),
    systemModule: systemModulePath(config),
    ...companionNames(model, layout, config),
  };
  return { names, issues: checkTraitSpec(model, config) };
}
