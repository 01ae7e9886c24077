import { snakeCase } from '../model/naming.js';
import type { AdapterId, CommandSpecV2, Environment } from './command-spec.js';

/**
 * What a spec means when it leaves something out: the one home of these facts, read by the engine,
 * the model, reverse's normal form and the audit alike.
 */

/** The environment a spec without one (and without an adapter implying one) runs in. */
export const DEFAULT_ENVIRONMENT: Environment = 'server';

/*
 * The engine chooses a spec's adapter from the adapters' own declarations (environments, defaultFor:
 * shared/adapters/choose-adapter.ts). The two tables below are those declarations of the built-in
 * adapters, for readers without a registry (reverse's normal form, a spec resolved on its own);
 * test/engine/spec-schema-sync.test.ts keeps them equal to the declarations.
 */

/** The adapter a spec without one gets, by its environment. */
export const ADAPTER_OF_ENVIRONMENT: Readonly<Record<Environment, AdapterId>> = {
  server: 'server-only',
  browser: 'browser-only',
  both: 'full-stack',
};

/** The environment an adapter implies (trait-only writes no command, so it implies none). */
export const ENVIRONMENT_OF_ADAPTER: Readonly<Record<AdapterId, Environment | undefined>> = {
  'server-only': 'server',
  'browser-only': 'browser',
  'full-stack': 'both',
  'rust-ipc': 'server',
  'trait-only': undefined,
};

/** The spec's adapter among the built-ins: the one it names, else the one its environment (default server) implies. */
export function adapterOfSpec(spec: Pick<CommandSpecV2, 'adapter' | 'environment'>): AdapterId {
  return spec.adapter ?? ADAPTER_OF_ENVIRONMENT[spec.environment ?? DEFAULT_ENVIRONMENT];
}

/** The spec's environment: the one it names, else the one its adapter implies, else the default. */
export function environmentOfSpec(spec: Pick<CommandSpecV2, 'adapter' | 'environment'>): Environment {
  return spec.environment ?? ENVIRONMENT_OF_ADAPTER[adapterOfSpec(spec)] ?? DEFAULT_ENVIRONMENT;
}

/** rust.module when the spec has none: `modules/<first segment, snake_case>`. */
export function defaultRustModule(commandName: string): string {
  return `modules/${snakeCase(commandName.split('/')[0])}`;
}

/** rust.command_prefix when the spec has none: `<first segment>/`. */
export function defaultCommandPrefix(commandName: string): string {
  return `${commandName.split('/')[0]}/`;
}

/** config rust.traitsModule when the project sets none: the module that holds the trait specs' modules. */
export const DEFAULT_TRAITS_MODULE = 'system/traits';

/** rust.module of a trait-only spec that has none: one submodule of the traits module per spec (traits/managed-service -> system/traits/managed_service). */
export function defaultTraitModule(commandName: string, traitsModule: string = DEFAULT_TRAITS_MODULE): string {
  return `${traitsModule}/${snakeCase(commandName.split('/').pop()!)}`;
}
