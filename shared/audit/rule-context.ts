/**
 * What the managed-code rules (CG019-CG021) read of the audit's context: the project, how to read
 * it, the specs, where a JSON pointer is, and the rule's own report.
 */
import type { ProjectConfig } from '../config/project-config.js';
import type { SourceReader } from '../reverse/source-reader.js';
import type { SpecIndex } from '../reverse/spec-index.js';
import type { AuditContext } from './context.js';
import type { Report } from './rule.js';

export interface RuleContext {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly reader: SourceReader;
  readonly specIndex: SpecIndex;
  /** Line of a JSON pointer in a project-relative JSON file (its nearest existing parent), 1 when unknown. */
  readonly jsonLine: (file: string, pointer: string) => number;
  readonly report: Report;
}

export function ruleContext(context: AuditContext, report: Report): RuleContext {
  const { projectRoot, config, reader, specIndex, specSources } = context;
  return { projectRoot, config, reader, specIndex, jsonLine: (file, pointer) => specSources.line(file, pointer), report };
}
