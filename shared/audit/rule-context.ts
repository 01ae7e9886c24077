/**
 * What a self-contained audit rule gets: the project, how to read it, the specs, where a JSON
 * pointer is, and how to report. Each rule of this shape lives in its own file (rule-*.ts).
 */
import type { ProjectConfig } from '../config/project-config.js';
import type { SourceReader } from '../reverse/source-reader.js';
import type { SpecIndex } from '../reverse/spec-index.js';
import type { AuditFinding, AuditLocation } from './findings.js';
import type { RuleId } from './rules.js';

export type AddFinding = (ruleId: RuleId, at: AuditLocation, message: string, extra?: Partial<AuditFinding>) => void;

export interface RuleContext {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly reader: SourceReader;
  readonly specIndex: SpecIndex;
  /** Line of a JSON pointer in a project-relative JSON file (its nearest existing parent), 1 when unknown. */
  readonly jsonLine: (file: string, pointer: string) => number;
  readonly add: AddFinding;
}
