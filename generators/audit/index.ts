import { resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { TreeGenerator } from '../_shared/tree-generator.js';
import { runAuditCommand } from '../_shared/tree-runs.js';
import { auditFlagsOf, auditOptions } from './options.js';

export const summary =
  'conformance report of the commands (text, --json, --sarif), spec drift; --enforce for pre-commit/CI, --install-hook, --fix';

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * `yo continuum:audit`: runs the audit (planAuditRun) over the project and prints the report, as
 * the bin's fast path does; `--json` / `--sarif` give it to machines, `--fail-on` decides the exit
 * code. `--enforce` is the pre-commit guard, `--install-hook` installs it, `--fix` repairs what is
 * mechanical through the commit pipeline.
 */
export default class AuditGenerator extends TreeGenerator {
  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Write the ${summary}`;
    this.declareOptions(Object.values(auditOptions));
  }

  async writing(): Promise<void> {
    const config = this.loadProjectConfig();
    const fromShell = (path: string): string => toPosix(resolve(this.contextRoot ?? this.destinationRoot(), path));
    await this.stoppingAsync(() =>
      runAuditCommand(
        auditFlagsOf((name) => this.optionValue(name)),
        this.treeFrontEnd(config),
        fromShell,
      ),
    );
  }
}
