import type { ProjectConfig } from '../../config/project-config.js';
import { rustDocLines } from '../../targets/rust/rust-text.js';
import { tsDocBlockLines, tsMethodName, tsParameterName } from '../../targets/typescript/typescript-text.js';
import { registerRustModule } from '../../edits/rust-module-registration.js';
import { pointerOf, type SpecIssue } from '../../errors.js';
import type { CommandModel, MethodType, TaggedUnionDeclaration, TraitMethodModel, TraitModel } from '../../model/command-model.js';
import { camelCase, snakeCase } from '../../model/naming.js';
import { rustOf } from '../../model/resolve-model.js';
import { RUST_RESERVED_TYPE_NAMES, tsExportAttribute } from '../../render/rust-renderer.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { renderTsType } from '../../render/typescript-renderer.js';
import { namedReferences, typeNodes, type TypeNode } from '../../types/type-tree.js';
import type { FilePlan, GeneratorAdapter, PlannedEdit, PlannedFile } from '../adapter.js';
import {
  exportTo,
  importedTypeFile,
  importSpecifier,
  moduleName,
  modulePathProblem,
  parentModuleFile,
  relativeSpecifier,
  rustCratePath,
  rustLayout,
  rustModuleFile,
  wireTypeFile,
} from '../rust-shared/rust-layout.js';
import { renderRustTrait, rustMethodSignature, traitIsAsync } from '../rust-shared/rust-traits.js';
import { usePathIssues } from '../rust-shared/rust-paths.js';
import { buildRustWire, jsonValueFile, rustWireIssues, type WireDeclaration } from '../rust-shared/rust-wire.js';
import { systemModulePath, traitModulePath, traitTypesFolder } from './trait-layout.js';

const TEMPLATES = adapterTemplates('trait-only');

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

function planTraitSpec(model: CommandModel, config: ProjectConfig): FilePlan {
  const layout = rustLayout(config);
  const modulePath = traitModulePath(model);
  const folder = traitTypesFolder(config);
  const wire = buildRustWire(wireDeclarations(model), model.imports, { layout, folder });
  const traits = model.traits ?? [];
  const localNames = new Set(wire.declarations.map((d) => d.name));
  const usePaths = [
    ...wire.usePaths,
    ...model.imports.filter((i) => i.rust?.includes('::') && !wire.usePaths.includes(i.rust)).map((i) => i.rust!),
  ];
  const signatureNodes = traits
    .flatMap((t) => t.methods.flatMap((m) => [...m.params.map((p) => p.type), ...(m.returns ? [m.returns] : [])]))
    .flatMap((type) => (type.kind === 'type' ? [type.node] : type.elements));
  const hasRecord = (node: TypeNode): boolean => typeNodes(node).some((n) => n.kind === 'record');
  const uses = [
    ...(wire.usesBTreeMap || signatureNodes.some(hasRecord) ? ['use std::collections::BTreeMap;', ''] : []),
    ...(traits.some(traitIsAsync) ? ['use async_trait::async_trait;'] : []),
    ...(wire.declarations.length > 0 ? ['use serde::{Deserialize, Serialize};', 'use ts_rs::TS;'] : []),
    ...[...new Set(usePaths)].sort().map((p) => `use ${p};`),
  ];
  const files: PlannedFile[] = [
    {
      path: rustModuleFile(layout, modulePath),
      content: renderTemplate(TEMPLATES, 'traits.rs', {
        specName: model.name,
        descriptionLines: rustDocLines(model.description, '', '//!'),
        itemNames: [...traits.map((t) => t.name), ...wire.declarations.map((d) => d.name)],
        uses,
        traits: traits.map((t) => renderRustTrait(t, wire.names)),
        declarations: wire.rust,
        wireTests: wire.tests,
      }),
    },
    ...wire.tsFiles,
    ...traits.map((trait) => {
      const interfaceFile = wireTypeFile(layout, folder, trait.name);
      const referenced = new Set<string>();
      for (const method of trait.methods) {
        for (const type of [...method.params.map((p) => p.type), ...(method.returns ? [method.returns] : [])]) {
          for (const node of type.kind === 'type' ? [type.node] : type.elements)
            for (const name of namedReferences(node)) referenced.add(name);
        }
      }
      const importLines = [...referenced]
        .sort()
        .map((name) => {
          if (localNames.has(name)) return `import type { ${name} } from './${name}';`;
          const imported = model.imports.find((i) => i.name === name);
          return imported ? `import type { ${name} } from '${importSpecifier(layout, interfaceFile, imported, 'relative')}';` : undefined;
        })
        .filter((l): l is string => l !== undefined);
      return {
        path: interfaceFile,
        content: renderTemplate(TEMPLATES, 'interface.ts', {
          trait: trait.name,
          specName: model.name,
          rustPath: `${rustCratePath(modulePath.split('/').slice(0, -1).join('/'))}::${trait.name}`,
          docs: tsDocBlock(trait.description, [], ''),
          importLines,
          memberLines: tsInterfaceLines(trait),
        }),
      };
    }),
  ];

  // The TypeScript interfaces name JsonValue: write ts-rs's export of serde_json::Value once it is used.
  const json = jsonValueFile(layout);
  if (model.imports.some((i) => i.rust === 'serde_json::Value') && !files.some((f) => f.path === json.path)) files.push(json);

  const companions = rustOf(model).companions;
  const system = systemModulePath(config);
  const systemPath = rustCratePath(system);
  const traitsAt = rustCratePath(modulePath.split('/').slice(0, -1).join('/'));
  const pressure = model.imports.find((i) => i.name === 'PressureLevel');
  if (companions.includes('pressure')) {
    files.push({
      path: rustModuleFile(layout, `${system}/pressure`),
      content: renderTemplate(TEMPLATES, 'pressure.rs', {
        specName: model.name,
        pressurePath: `${systemPath}::pressure::PressureLevel`,
        hostPressureLevel: pressure!.rust,
      }),
    });
  }
  if (companions.includes('supervisor')) {
    const exportAttribute = (name: string): string => tsExportAttribute(exportTo(layout, folder, name));
    files.push({
      path: rustModuleFile(layout, `${system}/supervisor`),
      content: renderTemplate(TEMPLATES, 'supervisor.rs', { specName: model.name, traitsAt, exportAttribute }),
    });
    // The supervisor's wire types, as ts-rs prints them: imports sorted by path, PressureLevel's where the host's is.
    const pressureFile = importedTypeFile(layout, pressure!);
    const supervisorImports: Record<string, string[]> = {
      ModuleHealth: ['HealthStatus'],
      HealthSnapshot: ['ModuleHealth', 'PressureLevel'],
      SupervisorEvent: ['HealthSnapshot', 'PressureLevel'],
    };
    for (const [name, uses] of Object.entries(supervisorImports)) {
      const path = wireTypeFile(layout, folder, name);
      const imports = uses
        .map((used) => ({
          used,
          from:
            used === 'PressureLevel' && pressureFile === undefined
              ? pressure!.from
              : relativeSpecifier(path, used === 'PressureLevel' ? pressureFile! : wireTypeFile(layout, folder, used)),
        }))
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
        .map((i) => `import type { ${i.used} } from ${JSON.stringify(i.from)};`);
      files.push({
        path,
        content: renderTemplate(TEMPLATES, `supervisor-${snakeCase(name).replace(/_/g, '-')}.ts`, { imports }, { verbatim: true }),
      });
    }
  }
  return files;
}

/** Registration of the spec's module (re-exported by its parent) and of the companions. */
function traitEdits(model: CommandModel, config: ProjectConfig): PlannedEdit[] {
  const layout = rustLayout(config);
  const modulePath = traitModulePath(model);
  const edits: PlannedEdit[] = [];
  const register = (path: string, reexport: boolean): void => {
    const segments = path.split('/');
    // Up to lib.rs: the host's crate root has no `system` module until something declares it.
    for (let depth = segments.length; depth >= 1; depth--) {
      const child = segments.slice(0, depth).join('/');
      const name = moduleName(child);
      const isLeaf = depth === segments.length;
      const file = parentModuleFile(layout, child);
      if (edits.some((e) => e.path === file && e.description === `pub mod ${name};`)) continue;
      edits.push({
        path: file,
        description: `pub mod ${name};${isLeaf && reexport ? ` pub use ${name}::*;` : ''}`,
        apply: (existing) =>
          registerRustModule(existing, {
            module: name,
            reexport: isLeaf && reexport,
            header:
              depth === 1
                ? 'Crate root.'
                : `The \`${segments.slice(0, depth - 1).join('::')}\` module (generated module list of generator-continuum).`,
          }),
      });
    }
  };
  register(modulePath, true);
  const system = systemModulePath(config);
  for (const companion of rustOf(model).companions) register(`${system}/${companion}`, false);
  return edits;
}

/** The `trait-only` adapter: Rust traits and their wire types, the TypeScript interfaces, and companions. */
export function traitOnlyAdapter(): GeneratorAdapter {
  return {
    id: 'trait-only',
    description: 'Rust traits with ts-rs wire types and TypeScript interfaces (cross-cutting contracts; no command)',
    // No environments: it writes no command.
    accepts: ['rust', 'traits', 'companions', 'variants'],
    writes: [
      '<rustCrate>/src/<traitsModule>/<spec>.rs',
      '<rustCrate>/src/<traitsModule>.rs (pub mod + pub use, edited; parents declared up to lib.rs)',
      '<generatedTypes>/system/<Type>.ts',
      '<generatedTypes>/system/<Trait>.ts',
      'companions: <rustCrate>/src/system/pressure.rs (re-exports the host PressureLevel), supervisor.rs',
    ],
    reservedNames: RUST_RESERVED_TYPE_NAMES,
    check: (model, config) => checkTraitSpec(model, config),
    plan: (model, config) => planTraitSpec(model, config),
    edits: (model, config) => traitEdits(model, config),
    checkProject: (model, config, project) => usePathIssues(model, rustLayout(config), project),
  };
}
