import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectConfig } from '../../config/project-config.js';
import type { SpecText } from '../adapter.js';
import { SpecError } from '../../errors.js';
import type { CommandModel, TraitModel } from '../../model/command-model.js';
import { resolveCommandModel } from '../../model/resolve-model.js';
import { packageRoot } from '../../package-root.js';
import { RUST_RESERVED_TYPE_NAMES, rustNames, type RustNames } from '../../render/rust-renderer.js';
import { loadSpec } from '../../spec/load-spec.js';
import { rustCratePath } from '../rust-shared/rust-layout.js';
import type { StubTypes } from '../rust-shared/rust-traits.js';
import { traitModulePath } from './trait-layout.js';

/** A trait spec's text and the name to cite it by. */
export type TraitSpecSource = SpecText;

/** A trait a rust-ipc spec can list in `rust.traits`, with what implementing it needs. */
export interface KnownTrait {
  readonly trait: TraitModel;
  /** The trait spec it comes from (its model, for stub values of its types). */
  readonly spec: CommandModel;
  /** Rust path the trait is reachable at, e.g. crate::system::traits::ManagedService. */
  readonly rustPath: string;
  /** `use` path of each type name its signatures may use (spec types and imports). */
  readonly typePaths: ReadonlyMap<string, string>;
  /** How its signatures spell the types once those are imported. */
  readonly names: RustNames;
  readonly stubTypes: StubTypes;
}

/** The traits known to a generation run, by name. */
export class TraitCatalog {
  private readonly byName = new Map<string, KnownTrait>();

  constructor(entries: readonly KnownTrait[]) {
    for (const entry of entries) {
      const previous = this.byName.get(entry.trait.name);
      if (previous) throw new Error(`trait ${entry.trait.name} is declared by both ${previous.spec.specFile} and ${entry.spec.specFile}`);
      this.byName.set(entry.trait.name, entry);
    }
  }

  get(name: string): KnownTrait | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  entries(): KnownTrait[] {
    return this.names().map((name) => this.byName.get(name)!);
  }
}

/** Resolve trait specs into the catalog (each through the same loader and resolver as any spec). */
export function traitCatalogFromSpecs(sources: readonly TraitSpecSource[], config: ProjectConfig): TraitCatalog {
  const entries: KnownTrait[] = [];
  for (const source of sources) {
    const loaded = loadSpec(source.text, source.file);
    const model = resolveCommandModel(loaded.spec, loaded.source, config, { reservedNames: RUST_RESERVED_TYPE_NAMES });
    if (model.adapter !== 'trait-only') {
      throw new SpecError([
        {
          file: source.file,
          pointer: '/adapter',
          message: 'a trait spec must use adapter trait-only',
          found: JSON.stringify(model.adapter),
          expected: '"trait-only"',
        },
      ]);
    }
    const parent = traitModulePath(model).split('/').slice(0, -1).join('/');
    // The parent module re-exports the spec's module (pub use <spec>::*), so its path names everything.
    const at = rustCratePath(parent);
    const typePaths = new Map<string, string>();
    for (const t of [...model.types, ...(model.unions ?? [])]) typePaths.set(t.name, `${at}::${t.name}`);
    for (const i of model.imports) if (i.rust?.includes('::')) typePaths.set(i.name, i.rust);
    const stubTypes: StubTypes = {
      types: model.types,
      unions: model.unions ?? [],
      importRust: new Map(model.imports.map((i) => [i.name, i.rust])),
    };
    for (const trait of model.traits ?? []) {
      entries.push({ trait, spec: model, rustPath: `${at}::${trait.name}`, typePaths, names: rustNames(model.imports), stubTypes });
    }
  }
  return new TraitCatalog(entries);
}

/** The trait specs shipped in this package (specs/traits/*.json), sorted by file name. */
export function shippedTraitSpecs(): TraitSpecSource[] {
  const dir = join(packageRoot, 'specs', 'traits');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `specs/traits/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

const cache = new WeakMap<ProjectConfig, TraitCatalog>();

/** The catalog of the shipped trait specs for a config (paths depend on it), computed once per config. */
export function shippedTraitCatalog(config: ProjectConfig): TraitCatalog {
  let catalog = cache.get(config);
  if (!catalog) {
    catalog = traitCatalogFromSpecs(shippedTraitSpecs(), config);
    cache.set(config, catalog);
  }
  return catalog;
}

/**
 * The traits a project's rust-ipc specs may name: the project's own trait specs (trait-only specs
 * in its specs folder) and the shipped ones. A project spec declaring a shipped trait's name wins:
 * the specs folder holds the saved copies of shipped specs too, possibly edited.
 */
export function projectTraitCatalog(projectSources: readonly TraitSpecSource[], config: ProjectConfig): TraitCatalog {
  if (projectSources.length === 0) return shippedTraitCatalog(config);
  const project = traitCatalogFromSpecs(projectSources, config);
  return new TraitCatalog([
    ...project.entries(),
    ...shippedTraitCatalog(config)
      .entries()
      .filter((entry) => !project.get(entry.trait.name)),
  ]);
}

/** The trait-only specs among a project's specs (its own traits), in the order given. */
export function traitSpecsAmong(specs: readonly SpecText[]): TraitSpecSource[] {
  return specs.filter(({ text }) => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return false; // Not this function's to report: a broken spec fails where it is generated.
    }
    return document !== null && typeof document === 'object' && (document as { adapter?: unknown }).adapter === 'trait-only';
  });
}

/**
 * The traits a project's rust-ipc specs may name, from its specs folder as a read interface gives
 * it: the one function generation (once per run, see the engine's projectTraits), reverse and the
 * audit resolve them with, so all three agree about a project's own traits.
 */
export function resolveProjectTraits(specs: readonly SpecText[], config: ProjectConfig): TraitCatalog {
  return projectTraitCatalog(traitSpecsAmong(specs), config);
}

/**
 * resolveProjectTraits over an index of the specs folder (reverse's, the audit's), or undefined
 * when a trait spec there does not resolve: a reader then falls back to the shipped traits.
 */
export function indexedProjectTraits(
  index: { readonly byName: ReadonlyMap<string, SpecText> },
  config: ProjectConfig,
): TraitCatalog | undefined {
  try {
    return resolveProjectTraits([...index.byName.values()], config);
  } catch {
    return undefined;
  }
}
