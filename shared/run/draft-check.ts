import type { SpecText } from '../adapters/adapter.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { GenerateRequest } from '../engine.js';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError, type SpecIssue } from '../errors.js';
import type { CommandSpecV2 } from '../spec/command-spec.js';

/** A spec being built by the wizard: what has been answered so far. */
export type SpecDraft = Partial<CommandSpecV2> & { version: 2 };

/** How messages name a draft (it has no file until it is saved). */
export const DRAFT_SOURCE = '<wizard>';

export interface DraftCheckOptions {
  readonly config: ProjectConfig;
  readonly registry?: AdapterRegistry;
  readonly extraAdapters?: readonly string[];
  /** The project's type registry (projectKnownTypes): names the final run would import, the wizard accepts. */
  readonly knownTypes?: GenerateRequest['knownTypes'];
  /** The project's specs folder (projectSpecTexts): its trait specs are traits a draft may implement, as in the final run. */
  readonly specs?: () => readonly SpecText[];
}

// One trait catalog per wizard (its options object), resolved on the first check that needs it, as a run does.
const draftTraits = new WeakMap<DraftCheckOptions, GenerateRequest['traits']>();

/**
 * Every problem the engine finds in a draft, through the same pipeline a spec file goes through
 * (schema, names, type grammar, registry, adapter checks), so the wizard has no rule of its own.
 * A name or description not answered yet is stood in for, and its stand-in never reported. The
 * engine is loaded on the first check, so a wizard can show its first question before that.
 */
export async function draftIssues(draft: SpecDraft, options: DraftCheckOptions): Promise<SpecIssue[]> {
  const { generateCommand, projectTraits } = await import('../engine.js');
  const specs = options.specs;
  if (specs && !draftTraits.has(options)) draftTraits.set(options, projectTraits(specs, options.config));
  const traits = draftTraits.get(options);
  const spec: CommandSpecV2 = { ...draft, version: 2, name: draft.name ?? 'draft/command', description: draft.description ?? 'draft' };
  try {
    generateCommand({
      specText: JSON.stringify(spec),
      specFile: DRAFT_SOURCE,
      config: options.config,
      registry: options.registry,
      extraAdapters: options.extraAdapters,
      knownTypes: options.knownTypes,
      ...(traits ? { traits } : {}),
    });
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.issues.filter(
      (issue) =>
        (draft.name !== undefined || issue.pointer !== '/name') && (draft.description !== undefined || issue.pointer !== '/description'),
    );
  }
}

/** The issues at `pointer`, and with `below` also those under it. */
export function issuesAt(issues: readonly SpecIssue[], pointer: string, below = true): SpecIssue[] {
  return issues.filter((issue) => issue.pointer === pointer || (below && issue.pointer.startsWith(`${pointer}/`)));
}

/** An issue as the wizard says it: no file or line (the user never saw one), what is wrong, found, expected. */
export function describeDraftIssue(issue: SpecIssue): string {
  const found = issue.found !== undefined ? `; found ${issue.found}` : '';
  const expected = issue.expected !== undefined ? `; expected ${issue.expected}` : '';
  return `${issue.message}${found}${expected}`;
}
