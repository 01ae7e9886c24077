import { describeAdapters, type AdapterDescription } from '../adapters/adapter-listing.js';
import { loadProjectAdapters, projectTraitSpecs } from '../adapters/plugin-loader.js';
import { projectTraitCatalog } from '../adapters/trait-only/trait-catalog.js';
import type { ImportDeclaration, ProjectConfig } from '../config/project-config.js';
import { CONFIG_FILE, projectConfigFromText } from '../config/load-project-config.js';
import { specFileName } from '../model/naming.js';
import { GRAMMAR_SUMMARY, PRIMITIVES } from '../types/type-grammar.js';
import { readProjectFile } from './project-run.js';

/** A trait a rust-ipc spec may list in `rust.traits`. */
export interface KnownTraitSummary {
  readonly name: string;
  readonly description?: string;
  /** Rust path it is reachable at (crate::system::traits::ManagedService). */
  readonly rustPath: string;
  /** The trait spec that declares it (a shipped specs/traits/*.json, or one in the project's specs folder). */
  readonly specFile: string;
  readonly methods: readonly string[];
}

/** Everything an agent needs to write a spec for this project without guessing a path or a name. */
export interface ProjectConventions {
  readonly schemaVersion: 1;
  /** Whether the project has a .yo-rc.json (otherwise every value is the Continuum default). */
  readonly configFile: string | null;
  readonly roots: ProjectConfig['roots'];
  readonly importPaths: ProjectConfig['importPaths'];
  readonly packageScope: string;
  readonly rust: NonNullable<ProjectConfig['rust']>;
  readonly adapters: readonly AdapterDescription[];
  readonly traits: readonly KnownTraitSummary[];
  readonly types: {
    readonly primitives: readonly string[];
    /** How a field's `type` is written. */
    readonly grammar: string;
    /** Names every spec may use without declaring them (the config's imports, UUID among them). */
    readonly imports: readonly ImportDeclaration[];
  };
  /** Where a new spec goes, and the one command that generates it. */
  readonly newSpec: { readonly folder: string; readonly fileName: string; readonly schema: string };
}

/**
 * The project's resolved conventions: its config merged over the defaults, its adapters (plugins
 * included), the traits its rust-ipc specs may implement, the types specs may use. Reads, never writes;
 * throws SpecError for a bad .yo-rc.json or plugin, with every problem.
 */
export async function explainConventions(projectRoot: string): Promise<ProjectConventions> {
  const text = readProjectFile(projectRoot, CONFIG_FILE);
  const config = projectConfigFromText(text);
  const loaded = await loadProjectAdapters(projectRoot, config);
  const catalog = projectTraitCatalog(projectTraitSpecs(projectRoot, config), config);
  return {
    schemaVersion: 1,
    configFile: text === undefined ? null : CONFIG_FILE,
    roots: config.roots,
    importPaths: config.importPaths,
    packageScope: config.packageScope,
    rust: config.rust ?? {},
    adapters: describeAdapters(loaded, config),
    traits: catalog.entries().map((entry) => ({
      name: entry.trait.name,
      ...(entry.trait.description === undefined ? {} : { description: entry.trait.description }),
      rustPath: entry.rustPath,
      specFile: entry.spec.specFile,
      methods: entry.trait.methods.map((m) => m.name),
    })),
    types: { primitives: PRIMITIVES, grammar: GRAMMAR_SUMMARY, imports: config.imports },
    newSpec: {
      folder: config.roots.specs,
      fileName: `the command name with - for / (gpu/stats: ${specFileName('gpu/stats')})`,
      schema: 'continuum://schema/command-spec-v2 (continuum-gen schema)',
    },
  };
}
