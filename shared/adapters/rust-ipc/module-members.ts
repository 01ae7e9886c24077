/**
 * The commands of one Rust module: every rust-ipc spec of the project that names the same
 * `rust.module` (the specs folder is the set; the run's own specs come first and win over their
 * saved copies). A module is generated from all of them at once, in command-name order, so that
 * generating gpu/evict after gpu/stats keeps gpu/stats, and a change to one spec changes only
 * that command's parts of the shared files.
 */
import type { ProjectConfig } from '../../config/project-config.js';
import { SpecError, type SpecIssue } from '../../errors.js';
import type { CommandModel } from '../../model/command-model.js';
import { resolveCommandModel } from '../../model/resolve-model.js';
import { loadSpec } from '../../spec/load-spec.js';
import type { PlanContext, RelatedSpec, SpecText } from '../adapter.js';
import { RUST_RESERVED_TYPE_NAMES } from '../../render/rust-renderer.js';
import { TYPESCRIPT_RESERVED } from '../typescript-command/index.js';
import { moduleWireDeclarations, rustModuleNames, type RustModuleNames } from './rust-module-view.js';
import type { WireDeclaration } from '../rust-shared/rust-wire.js';

/** Names neither TypeScript nor Rust output may use (checked for every spec of a module). */
export const RUST_IPC_RESERVED: ReadonlyMap<string, string> = new Map([...TYPESCRIPT_RESERVED, ...RUST_RESERVED_TYPE_NAMES]);

/** One command of a module, resolved. */
export interface ModuleMember {
  readonly model: CommandModel;
  readonly names: RustModuleNames;
  readonly file: string;
  /** The canonical spec text (what the generation records hold). */
  readonly canonical: string;
  /** Line and column of a pointer in a sibling's file (the engine locates the spec being generated). */
  readonly locate?: (pointer: string) => { line: number; column: number } | undefined;
}

type Resolved = { readonly model: CommandModel; readonly locate: ModuleMember['locate'] } | { readonly issues: readonly SpecIssue[] };

/** Resolutions by config and text: a batch of N commands of one module resolves each spec once. */
const resolutions = new WeakMap<ProjectConfig, Map<string, Resolved>>();

/** Is this spec text a rust-ipc spec (a cheap look before resolving it)? Broken JSON is its own run's to report. */
function isRustIpcSpec(text: string): boolean {
  try {
    const document = JSON.parse(text) as unknown;
    return document !== null && typeof document === 'object' && (document as { adapter?: unknown }).adapter === 'rust-ipc';
  } catch {
    return false;
  }
}

function resolveSibling(
  source: SpecText,
  config: ProjectConfig,
  reservedNames: ReadonlyMap<string, string>,
  context: PlanContext,
): Resolved {
  let byText = resolutions.get(config);
  if (!byText) resolutions.set(config, (byText = new Map()));
  const key = `${source.file}\u0000${source.text}`;
  let resolved = byText.get(key);
  if (resolved === undefined) {
    try {
      const loaded = loadSpec(source.text, source.file);
      resolved = {
        model: resolveCommandModel(loaded.spec, loaded.source, config, {
          reservedNames,
          ...(context.knownTypes ? { knownTypes: context.knownTypes } : {}),
        }),
        locate: (pointer) => loaded.source.locate(pointer),
      };
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      resolved = { issues: error.issues };
    }
    byText.set(key, resolved);
  }
  return resolved;
}

/** The commands of a module, and the problems of the specs that could not join it. */
export interface FoundMembers {
  readonly members: readonly ModuleMember[];
  readonly issues: readonly SpecIssue[];
}

/**
 * The module's commands, `model` among them, sorted by command name; and the problems of the
 * other specs (a module cannot be generated without each of its commands, so a sibling that does
 * not resolve stops the run, cited at its own file).
 */
export function moduleMembers(
  model: CommandModel,
  config: ProjectConfig,
  context: PlanContext | undefined,
  reservedNames: ReadonlyMap<string, string>,
): FoundMembers {
  const names = rustModuleNames(model, config);
  const own: ModuleMember = { model, names, file: model.specFile, canonical: model.canonicalText };
  const members = new Map<string, ModuleMember>([[model.name, own]]);
  const issues: SpecIssue[] = [];
  for (const source of context?.specs?.() ?? []) {
    if (!isRustIpcSpec(source.text)) continue;
    const resolved = resolveSibling(source, config, reservedNames, context ?? {});
    if ('issues' in resolved) {
      issues.push(
        ...resolved.issues.map((i) => ({
          ...i,
          message: `${i.message} (a spec of the project's specs folder; every rust-ipc spec is read, because the specs naming one rust.module make one module)`,
        })),
      );
      continue;
    }
    const sibling = resolved.model;
    if (members.has(sibling.name)) continue;
    const siblingNames = rustModuleNames(sibling, config);
    if (siblingNames.modulePath !== names.modulePath) continue;
    members.set(sibling.name, {
      model: sibling,
      names: siblingNames,
      file: source.file,
      canonical: sibling.canonicalText,
      locate: resolved.locate,
    });
  }
  const sorted = [...members.values()].sort((a, b) => (a.model.name < b.model.name ? -1 : a.model.name > b.model.name ? 1 : 0));
  return { members: sorted, issues };
}

/** The other commands of the module, for the generation records. */
export function relatedOf(members: readonly ModuleMember[], model: CommandModel): RelatedSpec[] {
  return members.filter((m) => m.model.name !== model.name).map((m) => ({ command: m.model.name, file: m.file, canonical: m.canonical }));
}

/**
 * The wire declarations of every command of the module, in command order: a type two specs
 * declare alike is declared once; declared differently, it is refused at the spec being generated.
 */
export function moduleDeclarations(
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
