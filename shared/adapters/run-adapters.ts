import { unsafeRelativePath, type ProjectConfig } from '../config/project-config.js';
import { SpecError, type SpecIssue } from '../errors.js';
import type { CommandModel } from '../model/command-model.js';
import { didYouMean } from '../model/naming.js';
import type { AdapterOptions, FilePlan, GeneratorAdapter, PlannedFile } from './adapter.js';
import { resolveAdapterOptions } from './adapter-options.js';
import type { AdapterRegistry } from './registry.js';

/** What one adapter planned for one model. */
export interface AdapterPlan {
  readonly adapter: string;
  /** Sorted by path. */
  readonly files: FilePlan;
}

/**
 * The adapters asked for besides the spec's own (`--adapter`), in the order given, without
 * repeats or the spec's own adapter. An unknown id is a SpecError listing the available ones.
 */
export function selectExtraAdapters(
  registry: AdapterRegistry,
  ids: readonly string[],
  primaryId: string,
  specFile: string,
): GeneratorAdapter[] {
  const chosen: GeneratorAdapter[] = [];
  const issues: SpecIssue[] = [];
  for (const id of ids) {
    const adapter = registry.get(id);
    if (!adapter) {
      const suggestion = didYouMean(id, registry.ids());
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${id} (asked for with --adapter) is not available`,
        found: JSON.stringify(id),
        expected: `one of ${registry.ids().join(', ')}`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (id !== primaryId && !chosen.includes(adapter)) chosen.push(adapter);
  }
  if (issues.length > 0) throw new SpecError(issues);
  return chosen;
}

/** Type and class names an adapter reserves (the engine checks the spec's own adapter during resolution). */
export function reservedNameIssues(adapter: GeneratorAdapter, model: CommandModel): SpecIssue[] {
  const reserved = adapter.reservedNames;
  if (!reserved) return [];
  const issues: SpecIssue[] = [];
  const classReason = reserved.get(model.className);
  if (classReason)
    issues.push({
      file: model.specFile,
      pointer: model.classNamePointer,
      message: `adapter ${adapter.id}: class name ${model.className} ${classReason}`,
      found: JSON.stringify(model.className),
      expected: 'set className to another PascalCase name',
    });
  for (const type of model.types) {
    const reason = reserved.get(type.name);
    if (reason)
      issues.push({
        file: model.specFile,
        pointer: type.pointer,
        message: `adapter ${adapter.id}: type name ${type.name} ${reason}`,
        found: JSON.stringify(type.name),
        expected: 'another PascalCase name',
      });
  }
  return issues;
}

/** Resolve the options of every adapter of a run; all option problems are reported together. */
export function resolveRunOptions(adapters: readonly GeneratorAdapter[], config: ProjectConfig): Map<string, AdapterOptions> {
  const out = new Map<string, AdapterOptions>();
  const issues: SpecIssue[] = [];
  for (const adapter of adapters) {
    try {
      out.set(adapter.id, resolveAdapterOptions(adapter, config));
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new SpecError(issues);
  return out;
}

/** Refuse paths that would leave the project, naming the adapter. */
export function planPathIssues(adapterId: string, files: readonly PlannedFile[], specFile: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const file of files) {
    const problem = typeof file.path === 'string' ? unsafeRelativePath(file.path) : 'is not a string';
    if (problem || file.path.endsWith('/'))
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${adapterId} planned a file path that ${problem ?? 'ends with a slash'}`,
        found: JSON.stringify(file.path),
        expected: 'a project-relative file path',
      });
  }
  return issues;
}

/**
 * Merge the plans of several adapters. Two adapters planning one path is an error naming both,
 * unless they plan the same content (shared support files).
 */
export function mergePlans(plans: readonly AdapterPlan[], specFile: string): PlannedFile[] {
  const byPath = new Map<string, { adapter: string; content: string }>();
  const issues: SpecIssue[] = [];
  const merged: PlannedFile[] = [];
  for (const plan of plans) {
    issues.push(...planPathIssues(plan.adapter, plan.files, specFile));
    for (const file of plan.files) {
      const previous = byPath.get(file.path);
      if (previous === undefined) {
        byPath.set(file.path, { adapter: plan.adapter, content: file.content });
        merged.push(file);
      } else if (previous.adapter === plan.adapter) {
        issues.push({
          file: specFile,
          pointer: '',
          message: `adapter ${plan.adapter} planned the same file twice`,
          found: JSON.stringify(file.path),
        });
      } else if (previous.content !== file.content) {
        issues.push({
          file: specFile,
          pointer: '',
          message: `adapters ${previous.adapter} and ${plan.adapter} both plan ${file.path}, with different content`,
          found: JSON.stringify(file.path),
          expected: 'different output folders (adapterOptions.<id>.outputDir)',
        });
      }
    }
  }
  if (issues.length > 0) throw new SpecError(issues);
  return merged;
}

/** Sort a plan by path (output order is part of determinism). */
export function sortedPlan(files: readonly PlannedFile[]): FilePlan {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
