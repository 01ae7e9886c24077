import { existsSync } from 'node:fs';
import type { InputOutputAdapter } from '@yeoman/adapter/types';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import { committedResult } from '../../shared/agent/commit-result.js';
import { projectKnownTypes } from '../../shared/agent/project-run.js';
import { formatRunResult } from '../../shared/agent/run-result.js';
import { toolInfo } from '../../shared/audit/tool-info.js';
import { loadProjectAdapters, projectSpecTexts } from '../../shared/adapters/plugin-loader.js';
import type { AdapterRegistry } from '../../shared/adapters/registry.js';
import { colourEnabled } from '../../shared/colour.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { SpecError } from '../../shared/errors.js';
import { extraAdapterIds, planSpecRunLoading, type SpecRun, type SpecRunOptions } from '../../shared/run/spec-run.js';
import { ALLOW_NON_HOST_FLAG, guardHost } from '../../shared/run/host-guard.js';
import { collectSpecSources, type SpecSource } from '../../shared/run/spec-sources.js';
import { ConflictRefusal, projectReader, type CommitReport, type FileState } from '../../shared/write/commit.js';
import { statusLine } from '../../shared/write/report.js';
import { ContinuumGenerator, ContinuumRunError } from './continuum-generator.js';
import { jsonResultOption } from './json-result.js';
import { commitErrorMessage, conflicterAsk, mergeMode } from './pending-conflicts.js';
import { commitSpecRun, type CommitSink } from './spec-commit.js';
import { allowNonHostOption } from './spec-options.js';

export { adapterOption, allowNonHostOption, mergeOption, specOption, verboseOption } from './spec-options.js';

/**
 * The run every spec-driven sub-generator shares: spec sources in, one planned run (validated
 * whole before anything is written), written through the commit pipeline. Subclasses supply the
 * sources (a --spec value, or the wizard's spec) and may restrict the adapters they accept.
 */
export abstract class SpecGenerator extends ContinuumGenerator {
  protected projectConfig!: ProjectConfig;
  protected sources: readonly SpecSource[] = [];
  protected specRun!: SpecRun;
  /** What the last commit did to each file (for --json, callers and tests). */
  commitReport?: CommitReport;
  private registry?: AdapterRegistry;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.declareOptions([jsonResultOption, allowNonHostOption]);
  }

  /** Adapters this generator accepts (undefined: every adapter). */
  protected onlyAdapters(): SpecRunOptions['onlyAdapters'] {
    return undefined;
  }

  /** The spec sources a --spec value names, relative to where the user typed the command. */
  protected sourcesOf(specArgument: string): SpecSource[] {
    return this.reporting(() => collectSpecSources(specArgument, this.contextRoot ?? this.destinationRoot(), this.destinationRoot()));
  }

  protected async planRun(): Promise<void> {
    const { registry } = await this.reportingAsync(() => loadProjectAdapters(this.destinationRoot(), this.projectConfig));
    this.registry = registry;
    this.specRun = await this.reportingAsync(() =>
      planSpecRunLoading(this.sources, {
        config: this.projectConfig,
        registry,
        extraAdapters: extraAdapterIds(this.optionValue('adapter')),
        migrate: this.optionValue('migrate') === true,
        onlyAdapters: this.onlyAdapters(),
        read: projectReader(this.destinationRoot(), this.projectConfig),
        specs: () => projectSpecTexts(this.destinationRoot(), this.projectConfig),
        knownTypes: projectKnownTypes(this.destinationRoot(), this.projectConfig),
      }),
    );
    const host = guardHost(this.specRun, {
      root: this.destinationRoot(),
      config: this.projectConfig,
      exists: (path) => existsSync(this.destinationPath(path)),
      allowNonHost: this.optionValue(ALLOW_NON_HOST_FLAG) === true,
    });
    if (host.refusal) throw new ContinuumRunError(host.refusal);
    if (host.warning) this.log.writeln(host.warning);
  }

  /**
   * Write the run through the commit pipeline the fast path uses too (not through this.fs, whose
   * commit cannot merge, write all or nothing, or keep the generation records). A conflict is asked
   * through Yeoman's conflicter when someone is at the terminal.
   */
  protected async writeRun(): Promise<void> {
    const merge = this.optionValue('merge');
    if (merge !== undefined && mergeMode(merge) === undefined)
      throw new ContinuumRunError(`--merge=${String(merge)} is not a merge mode; expected refuse or markers. Nothing was written.`);
    const adapter = this.env.adapter as unknown as InputOutputAdapter;
    const colour = colourEnabled(process.stderr);
    let outcome: Awaited<ReturnType<typeof commitSpecRun>>;
    try {
      outcome = await commitSpecRun(this.specRun, {
        projectRoot: this.destinationRoot(),
        config: this.projectConfig,
        registry: this.registry,
        settings: { ...this.conflicterSettings, ...(merge === undefined ? {} : { merge: mergeMode(merge) }) },
        sink: adapterSink(adapter, colour),
        colour,
        verbose: this.optionValue('verbose') === true,
        ...(this.interactive ? { ask: conflicterAsk(adapter, this.destinationRoot()) } : {}),
      });
    } catch (error) {
      const message = commitErrorMessage(error);
      if (message === undefined) throw error;
      await (adapter as { onIdle?: () => Promise<void> }).onIdle?.();
      const conflicts = error instanceof ConflictRefusal ? error.conflicts.map((d) => d.path) : [];
      throw new ContinuumRunError(message, error instanceof SpecError ? error.issues : [], conflicts);
    }
    if (outcome === 'declined') throw new Error('unreachable: the Yeoman path never declines');
    this.commitReport = outcome.report;
    // A queued adapter prints later; an error now would drop the lines still queued.
    await (adapter as { onIdle?: () => Promise<void> }).onIdle?.();
    const context = { command: this.subGeneratorName, tool: toolInfo(), dryRun: this.conflicterSettings.dryRun === true };
    const result = committedResult(context, this.specRun, outcome.report, outcome.failure);
    if (outcome.failure) {
      // The bin prints a failed run's result once, from the error (bin/run-error-result.ts).
      const failure = new ContinuumRunError(outcome.failure.message, [], [], outcome.failure.exitCode);
      failure.runResult = result;
      throw failure;
    }
    if (this.optionValue('json') === true) process.stdout.write(formatRunResult(result));
  }

  /** The sub-generator's name as the result names it (command, rust-module, trait). */
  protected abstract get subGeneratorName(): string;

  private async reportingAsync<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof SpecError)
        return this.reporting(() => {
          throw error;
        });
      throw error;
    }
  }
}

/** Yeoman's logger prints the classic states itself (yeoman-test records them); the others as the same padded line. */
export function adapterSink(adapter: InputOutputAdapter, colour: boolean): CommitSink {
  const log = adapter.log as unknown as Record<string, ((message: string) => unknown) | undefined> & { writeln(text: string): unknown };
  const classic: ReadonlySet<FileState> = new Set(['create', 'identical', 'conflict', 'force', 'skip']);
  return {
    status: (state, path, reason) => {
      const method = log[state];
      if (classic.has(state) && typeof method === 'function') method.call(log, reason ? `${path} (${reason})` : path);
      else log.writeln(statusLine(state, path, colour, reason));
    },
    line: (text) => log.writeln(text.replace(/\n$/, '')),
  };
}
