import { posix } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import type { CommandModel } from '../../model/command-model.js';
import { adapterTemplates } from '../../package-root.js';
import { rustOf } from '../../model/resolve-model.js';
import { renderTemplate } from '../../render/template-engine.js';
import { renderTsType } from '../../render/typescript-renderer.js';
import { tsString } from '../../targets/typescript/typescript-text.js';
import { namedReferences } from '../../types/type-tree.js';
import { wireTypeFile, wireTypeSpecifier } from '../rust-shared/rust-layout.js';
import type { ServerCommandParts, ServerImplementation } from '../typescript-command/index.js';
import type { RustModuleNames } from './rust-module-view.js';

/** The server body's template, in this adapter's folder: this adapter alone renders it. */
const BODY_TEMPLATE = { folder: adapterTemplates('rust-ipc'), name: '_rust-ipc-implementation' } as const;

/** What the server body's template needs of the Rust side. */
interface RustIpcCall {
  /** What the mixin method returns, as the server command names it (the ts-rs result under an alias). */
  readonly wireResult: string;
  /** Params the host's RustBackedCommand checks for presence (the spec's required ones). */
  readonly requiredParams: readonly string[];
  /** The mixin method the server command calls, e.g. gpuStats. */
  readonly clientMethod: string;
  /** Object-literal lines of the wire params, e.g. `subsystem: params.subsystem,`. */
  readonly wireParamLines: readonly string[];
  /**
   * Result fields whose type uses an imported TS type (UUID): on the wire they are the Rust type's
   * plain form (string), so the server command re-types them at this boundary, e.g.
   * `ownerId: result.ownerId as UUID,`. Empty when no result field uses an import.
   */
  readonly resultRetypeLines: readonly string[];
}

/**
 * The TypeScript command's server implementation for a rust-ipc command: a RustBackedCommand that
 * validates its params and calls the module's IPC mixin method, whose logic lives in continuum-core.
 */
export function rustIpcServer(model: CommandModel, config: ProjectConfig, names: RustModuleNames): ServerImplementation {
  const C = model.className;
  const serverFile = `${config.roots.commands}/${model.name}/server/${C}ServerCommand.ts`;
  const composition = posix.relative(posix.dirname(serverFile), `${names.layout.ipcBindings}/RustCoreIPC`);
  const wireResult = `${C}WireResult`;
  const retyping = resultRetyping(model, config);
  const call: RustIpcCall = {
    wireResult,
    // The base class refuses null as missing: a nullable param, where null is a value, is not listed.
    requiredParams: model.params.filter((p) => !p.optional && p.type.kind !== 'nullable').map((p) => p.name),
    clientMethod: names.clientMethod,
    wireParamLines: model.params.map((p) => `${p.name}: params.${p.name},`),
    resultRetypeLines: retyping.lines,
  };
  return {
    about: [
      `The logic lives in continuum-core (Rust: ${names.structName}::${names.method} in ${names.handlerFile});`,
      'this command validates its params and calls it over IPC.',
    ],
    base: {
      imports: [
        `import type { ICommandDaemon } from '${config.importPaths.commandBase}';`,
        `import { RustBackedCommand } from '${config.importPaths.rustBackedCommand}';`,
      ],
      extends: `RustBackedCommand<${C}Params, ${C}Result, ${wireResult}>`,
      checksRequiredParams: true,
      refusesBlankStrings: true,
    },
    imports: [
      ...retyping.imports,
      `import type { RustCoreIPCClient } from '${composition.startsWith('.') ? composition : `./${composition}`}';`,
      `import type { ${names.resultStruct} as ${wireResult} } from '${wireTypeSpecifier(names.layout, serverFile, wireTypeFile(names.layout, names.module, names.resultStruct), 'alias')}';`,
    ],
    typesValues: [`create${C}ResultFromParams`],
    body: (command: ServerCommandParts) =>
      renderTemplate(BODY_TEMPLATE.folder, BODY_TEMPLATE.name, { ...command, rustIpc: call }, { verbatim: true }).trimEnd(),
    readme: { serverFile: 'validates params and calls continuum-core over IPC', section: readmeSection(model, names) },
    unitTestNote: [
      'A valid input goes to continuum-core over IPC: the integration test covers it against a',
      "running core, and the Rust module's own tests (cargo test) cover the logic.",
    ],
  };
}

/** The README's "Rust side": where the logic lives and what else the vertical generates. */
function readmeSection(model: CommandModel, names: RustModuleNames): string[] {
  const traits = rustOf(model).traits;
  return [
    '## Rust side',
    '',
    `The logic lives in continuum-core: \`${names.structName}::${names.method}\` in \`${names.handlerFile}\``,
    '(yours: created once, never rewritten; fill in its `TODO`; `cargo test` runs the round-trip and routing tests). Also generated:',
    '',
    `- the module \`${names.moduleFile}\`: routing, \`command_schemas\`, tests`,
    `- wire types (serde + ts-rs) and their TypeScript in \`${names.layout.generatedTypes}/${names.module}/\``,
    `- the IPC mixin \`${names.mixinFile}\`, composed into \`RustCoreIPC.ts\``,
    ...(traits.length > 0
      ? [`- implementations of ${traits.map((t) => `\`${t}\``).join(', ')} with safe placeholder bodies marked \`TODO\``]
      : []),
  ];
}

/** Result fields of imported types, which arrive as their plain wire form and are re-typed (see RustIpcCall), and the imports the casts need. */
function resultRetyping(model: CommandModel, config: ProjectConfig): { lines: string[]; imports: string[] } {
  // Only imports that stand for a Rust primitive lose their TS type on the wire (UUID -> String -> string);
  // an imported struct comes back as the same generated type.
  const imported = new Map(
    model.imports.filter((i) => /^(String|bool|[iu](8|16|32|64|128|size)|f32|f64)$/.test(i.rust ?? '')).map((i) => [i.name, i]),
  );
  // A declared type holding one (Owner { id: UUID }) differs from its wire type too, at any depth: re-typed as well.
  const holding = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const t of model.types) {
      if (t.kind !== 'interface' || holding.has(t.name)) continue;
      if (t.fields.some((f) => namedReferences(f.type).some((n) => imported.has(n) || holding.has(n)))) {
        holding.add(t.name);
        changed = true;
      }
    }
  }
  const fields = model.results.filter((f) => namedReferences(f.type).some((name) => imported.has(name) || holding.has(name)));
  const used = [...new Set(fields.flatMap((f) => namedReferences(f.type).filter((name) => imported.has(name))))].sort();
  const byModule = new Map<string, string[]>();
  for (const name of used) byModule.set(imported.get(name)!.from, [...(byModule.get(imported.get(name)!.from) ?? []), name]);
  // The declared types the casts name come from the command's Types file.
  const declared = [...new Set(fields.flatMap((f) => namedReferences(f.type).filter((name) => holding.has(name))))].sort();
  if (declared.length > 0) byModule.set(`${config.importPaths.commandsAlias}/${model.name}/shared/${model.className}Types`, declared);
  return {
    lines: fields.map((f) => `${f.name}: result.${f.name} as ${renderTsType(f.type)}${f.optional ? ' | undefined' : ''},`),
    imports: [...byModule]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([from, names]) => `import type { ${names.join(', ')} } from ${tsString(from)};`),
  };
}
