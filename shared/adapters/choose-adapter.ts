import { SpecError, pointerOf, type SpecIssue } from '../errors.js';
import { didYouMean } from '../model/naming.js';
import type { CommandSpecV2, Environment } from '../spec/command-spec.js';
import { DEFAULT_ENVIRONMENT } from '../spec/spec-defaults.js';
import type { GeneratorAdapter, SpecBlock } from './adapter.js';
import type { AdapterRegistry } from './registry.js';

/** The adapter a spec runs through, and the environment its command runs in. */
export interface AdapterChoice {
  readonly adapter: GeneratorAdapter;
  readonly environment: Environment;
}

/**
 * The one choice of a spec's adapter, from the adapters' declarations: the one it names, else the
 * default adapter of its environment (default server). The environment is the spec's, else the
 * first the adapter declares. An id the registry does not know is a SpecError at /adapter listing
 * the known ids, with the closest as a suggestion.
 */
export function chooseAdapter(
  registry: AdapterRegistry,
  spec: Pick<CommandSpecV2, 'adapter' | 'environment'>,
  file: string,
): AdapterChoice {
  const id = spec.adapter ?? registry.defaultFor(spec.environment ?? DEFAULT_ENVIRONMENT)?.id;
  const adapter = id === undefined ? undefined : registry.get(id);
  if (!adapter) {
    const found = id ?? spec.environment ?? DEFAULT_ENVIRONMENT;
    const suggestion = id === undefined ? undefined : didYouMean(id, registry.ids());
    const pointer = spec.adapter !== undefined || spec.environment === undefined ? '/adapter' : '/environment';
    const message =
      id === undefined
        ? `no adapter is the default for environment ${found}: name one in adapter`
        : `adapter ${id} is not available in this version`;
    throw new SpecError([
      {
        file,
        pointer,
        message,
        found: JSON.stringify(found),
        expected: `one of ${registry.ids().join(', ')}`,
        ...(suggestion ? { suggestion } : {}),
      },
    ]);
  }
  return { adapter, environment: spec.environment ?? adapter.environments?.[0] ?? DEFAULT_ENVIRONMENT };
}

/** How a refusal names each block, and what else the spec could do. */
const BLOCKS: Readonly<
  Record<SpecBlock, { readonly what: string; readonly needs: string; readonly instead: (accepting: string) => string }>
> = {
  rust: { what: 'a rust block', needs: 'needs', instead: (accepting) => `${accepting}, or no rust block` },
  traits: {
    what: 'a traits block',
    needs: 'needs',
    instead: (accepting) => `${accepting} (one spec for the traits, another for each command), or no traits block`,
  },
  companions: { what: 'companions', needs: 'need', instead: (accepting) => `${accepting}, or no companions` },
  variants: {
    what: 'tagged unions (variants)',
    needs: 'need',
    instead: (accepting) => `declare the union in a spec of ${accepting} and import it, or use an interface with optional fields`,
  },
};

/** Where a spec holds each block it may hold (none: it does not). */
function blockPointers(spec: CommandSpecV2): [SpecBlock, string][] {
  return [
    ...(spec.rust ? [['rust', '/rust'] as [SpecBlock, string]] : []),
    ...(spec.traits ? [['traits', '/traits'] as [SpecBlock, string]] : []),
    ...(spec.rust?.companions ? [['companions', '/rust/companions'] as [SpecBlock, string]] : []),
    ...Object.entries(spec.types ?? {})
      .filter(([, declaration]) => declaration.variants)
      .map(([name]): [SpecBlock, string] => ['variants', pointerOf('types', name, 'variants')]),
  ];
}

/**
 * What of the spec its adapter does not take, from the adapter's declarations: an environment it
 * does not run in, and every block it does not accept (each refused at the block, naming the
 * adapters that accept it). Unlocated: the caller adds line:column.
 */
export function specFitIssues(spec: CommandSpecV2, adapter: GeneratorAdapter, registry: AdapterRegistry, file: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const environments = adapter.environments;
  if (spec.environment && environments && !environments.includes(spec.environment)) {
    issues.push({
      file,
      pointer: '/environment',
      message: `environment ${spec.environment} contradicts adapter ${adapter.id}`,
      found: JSON.stringify(spec.environment),
      expected: `${environments.map((e) => JSON.stringify(e)).join(' or ')} for adapter ${adapter.id}, or remove environment`,
    });
  }
  for (const [block, pointer] of blockPointers(spec)) {
    if (adapter.accepts?.includes(block)) continue;
    const accepting = registry.accepting(block);
    const { what, needs, instead } = BLOCKS[block];
    const named = accepting.length > 0 ? `adapter ${accepting.join(' or ')}` : 'an adapter that accepts it (none is registered)';
    issues.push({
      file,
      pointer,
      message: `${what} ${needs} ${named}, but adapter is ${adapter.id}`,
      expected: instead(accepting.length > 0 ? `adapter ${accepting.map((id) => JSON.stringify(id)).join(' or ')}` : 'another adapter'),
    });
  }
  return issues;
}
