import { payloadOf, type ProjectConfig } from '../config/project-config.js';
import { shippedTraitCatalog, type TraitCatalog } from '../adapters/trait-only/trait-catalog.js';
import { commandClassName } from '../model/naming.js';
import { canonicalSpec } from '../spec/canonical-spec.js';
import {
  ADAPTER_OF_ENVIRONMENT,
  adapterOfSpec,
  defaultCommandPrefix,
  defaultRustModule,
  environmentOfSpec,
} from '../spec/spec-defaults.js';
import type { AdapterId, CommandSpecV2, SpecField, SpecTypeDeclaration } from '../spec/command-spec.js';
import { isV1Spec, migrateV1Spec } from '../spec/migrate-v1.js';
import { parseTypeString } from '../types/type-grammar.js';
import { namedReferences, typeToSpecText } from '../types/type-tree.js';

/** Type text in the grammar's canonical spelling (`Array<T>` -> `T[]`, spacing), or as given when it does not parse. */
function canonicalType(text: string): string {
  try {
    return typeToSpecText(parseTypeString(text));
  } catch {
    return text;
  }
}

function referencedNames(text: string): string[] {
  try {
    return namedReferences(parseTypeString(text));
  } catch {
    return [];
  }
}

/** Declared types reachable from params and results, in declaration order, their field types canonical. */
function reachableTypes(spec: CommandSpecV2): Record<string, SpecTypeDeclaration> | undefined {
  const declared = spec.types ?? {};
  const reachable = new Set<string>();
  const visit = (text: string): void => {
    for (const name of referencedNames(text)) {
      if (reachable.has(name) || !(name in declared)) continue;
      reachable.add(name);
      for (const f of Object.values(declared[name].fields ?? {})) visit(f.type);
    }
  };
  for (const f of [...(spec.params ?? []), ...(spec.results ?? [])]) visit(f.type);
  const types: Record<string, SpecTypeDeclaration> = {};
  for (const [name, declaration] of Object.entries(declared)) {
    if (!reachable.has(name)) continue;
    types[name] = {
      ...declaration,
      description: declaration.description === '' ? undefined : declaration.description,
      fields: declaration.fields
        ? Object.fromEntries(
            Object.entries(declaration.fields).map(([n, f]) => [
              n,
              {
                ...f,
                type: canonicalType(f.type),
                optional: f.optional === true ? true : undefined,
                optionalNullable: f.optionalNullable === true ? true : undefined,
              },
            ]),
          )
        : undefined,
    };
  }
  return Object.keys(types).length > 0 ? types : undefined;
}

/** Imports that something uses, minus those the project config provides as they are, sorted by name. */
function usedImports(spec: CommandSpecV2, config: ProjectConfig): CommandSpecV2['imports'] {
  const used = new Set<string>();
  const typeFields = Object.values(spec.types ?? {}).flatMap((t) => Object.values(t.fields ?? {}));
  for (const f of [...(spec.params ?? []), ...(spec.results ?? []), ...typeFields]) for (const n of referencedNames(f.type)) used.add(n);
  const imports = (spec.imports ?? [])
    .filter((i) => used.has(i.name))
    .filter((i) => !config.imports.some((c) => c.name === i.name && c.from === i.from && (i.rust === undefined || i.rust === c.rust)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return imports.length > 0 ? imports : undefined;
}

/**
 * Two specs that generate the same command compare equal in this form: defaults spelled out
 * (environment, accessLevel, the adapter an environment implies, the derived class name left
 * out), `$schema` and empty lists dropped, type text canonical, declared types and imports
 * nobody uses dropped, imports the project config already provides dropped, imports sorted.
 * The round trip of the reverse generator is judged in this form.
 */
export function normaliseSpec(document: unknown, config: ProjectConfig, traits?: TraitCatalog): CommandSpecV2 {
  const spec = structuredClone(isV1Spec(document) ? migrateV1Spec(document as Record<string, unknown>) : (document as CommandSpecV2));
  delete spec.$schema;
  const adapter: AdapterId = adapterOfSpec(spec);
  spec.environment = environmentOfSpec(spec);
  spec.adapter = adapter === ADAPTER_OF_ENVIRONMENT[spec.environment] ? undefined : adapter;
  spec.accessLevel = spec.accessLevel ?? 'internal';
  if (spec.className === commandClassName(spec.name)) delete spec.className;

  const field = (f: SpecField): SpecField => ({
    ...f,
    type: canonicalType(f.type),
    optional: f.optional === true ? true : undefined,
    optionalNullable: f.optionalNullable === true ? true : undefined,
    description: f.description === '' ? undefined : f.description,
  });
  spec.params = spec.params && spec.params.length > 0 ? spec.params.map(field) : undefined;
  // A result that states a host convention as it is (success: boolean, listed by v1 specs) says nothing.
  const conventions = payloadOf(config).resultConventions;
  const restatesConvention = (f: SpecField): boolean =>
    conventions.some((c) => c.name === f.name && canonicalType(c.type) === f.type && (c.optional === true) === (f.optional === true));
  const results = (spec.results ?? []).map(field).filter((f) => !restatesConvention(f));
  spec.results = results.length > 0 ? results : undefined;
  spec.examples =
    spec.examples && spec.examples.length > 0
      ? spec.examples.map((e) => ({ ...e, expectedResult: e.expectedResult === '' ? undefined : e.expectedResult }))
      : undefined;

  spec.types = reachableTypes(spec);
  spec.imports = usedImports(spec, config);
  spec.rust = normaliseRustBlock(spec, config, traits);
  return canonicalSpec(spec);
}

/**
 * The rust block without what the rust-ipc adapter would decide anyway (see rust-module-view.ts):
 * the default module (modules/<first segment>) and prefix (<first segment>/), and imports the
 * listed traits already bring in; the remaining imports sorted (their order changes nothing).
 * `traits`: the project's (resolveProjectTraits), as generation knows them; default the shipped ones.
 */
function normaliseRustBlock(spec: CommandSpecV2, config: ProjectConfig, traits: TraitCatalog | undefined): CommandSpecV2['rust'] {
  if (!spec.rust) return undefined;
  const rust = { ...spec.rust };
  if (rust.module === defaultRustModule(spec.name)) delete rust.module;
  if (rust.command_prefix === defaultCommandPrefix(spec.name)) delete rust.command_prefix;
  let implied = new Set<string>();
  try {
    const catalog = traits ?? shippedTraitCatalog(config);
    implied = new Set(
      (rust.traits ?? []).flatMap((t) => {
        const known = catalog.get(t);
        return known ? [known.rustPath, ...known.typePaths.values()] : [];
      }),
    );
  } catch {
    // No trait specs to read: compare imports as written.
  }
  const imports = (rust.imports ?? []).filter((p) => !implied.has(p)).sort();
  rust.imports = imports.length > 0 ? imports : undefined;
  if (rust.traits && rust.traits.length === 0) delete rust.traits;
  return Object.values(rust).some((v) => v !== undefined) ? rust : undefined;
}
