import type { GeneratorAdapter } from './adapter.js';

/** The adapters a run can use, by id. Built-ins are registered in one place (builtin-adapters.ts). */
export class AdapterRegistry {
  private readonly adapters = new Map<string, GeneratorAdapter>();

  register(adapter: GeneratorAdapter): this {
    if (this.adapters.has(adapter.id)) throw new Error(`adapter ${adapter.id} is registered twice`);
    this.adapters.set(adapter.id, adapter);
    return this;
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
}
