import type { Environment } from '../spec/command-spec.js';
import { ADAPTER_ID_PATTERN, type GeneratorAdapter, type SpecBlock } from './adapter.js';

/**
 * The adapters a run can use, by id. Built-ins are registered in one place (builtin-adapters.ts),
 * project plugins beside them (plugin-loader.ts); each adapter declares what it is chosen for.
 */
export class AdapterRegistry {
  private readonly adapters = new Map<string, GeneratorAdapter>();

  register(adapter: GeneratorAdapter): this {
    const problem = this.registrationProblem(adapter);
    if (problem) throw new Error(`adapter ${adapter.id} cannot be registered: ${problem}`);
    this.adapters.set(adapter.id, adapter);
    return this;
  }

  /** Why an adapter cannot join this registry (a malformed or taken id, an environment that has its default), or undefined. */
  registrationProblem(adapter: Pick<GeneratorAdapter, 'id' | 'defaultFor'>): string | undefined {
    if (!ADAPTER_ID_PATTERN.test(adapter.id)) return `its id is not a lowercase id (${ADAPTER_ID_PATTERN.source})`;
    if (this.adapters.has(adapter.id)) return 'the id is registered twice';
    const taken = (adapter.defaultFor ?? [])
      .map((environment) => [environment, this.defaultFor(environment)] as const)
      .filter(([, other]) => other !== undefined);
    return taken.length > 0
      ? taken.map(([environment, other]) => `${other!.id} is already the default adapter of environment ${environment}`).join('; ')
      : undefined;
  }

  get(id: string): GeneratorAdapter | undefined {
    return this.adapters.get(id);
  }

  ids(): string[] {
    return [...this.adapters.keys()].sort();
  }

  list(): GeneratorAdapter[] {
    return this.ids().map((id) => this.adapters.get(id)!);
  }

  /** The adapter of a spec that names none and runs in `environment`. */
  defaultFor(environment: Environment): GeneratorAdapter | undefined {
    return this.list().find((a) => a.defaultFor?.includes(environment));
  }

  /** The ids of the adapters that read a spec block, sorted. */
  accepting(block: SpecBlock): string[] {
    return this.list()
      .filter((a) => a.accepts?.includes(block))
      .map((a) => a.id);
  }
}
