import type { InputOutputAdapter } from '@yeoman/adapter/types';
import { colourEnabled } from '../../shared/colour.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { RunStop } from '../../shared/run/run-stop.js';
import { ContinuumGenerator, ContinuumRunError } from './continuum-generator.js';
import { conflicterAsk } from './pending-conflicts.js';
import { adapterSink } from './spec-generator.js';
import type { TreeFrontEnd } from './tree-runs.js';

/**
 * The base of the generators that read the project's tree (reverse, audit): thin front ends of
 * the engine's planReverseRun / planAuditRun and of tree-runs.ts, which the bin's fast path runs
 * too. This class only gives them Yeoman's log, its conflict question and its errors.
 */
export abstract class TreeGenerator extends ContinuumGenerator {
  /** The run's front end: Yeoman's log for lines and states, its conflicter for questions. */
  protected treeFrontEnd(config: ProjectConfig): TreeFrontEnd {
    const adapter = this.env.adapter as unknown as InputOutputAdapter;
    const colour = colourEnabled(process.stderr);
    const { status } = adapterSink(adapter, colour);
    return {
      projectRoot: this.destinationRoot().split('\\').join('/'),
      config,
      settings: this.conflicterSettings,
      // The report's lines go through this.log, as every line of a generator does.
      sink: { status, line: (text) => this.log(text.replace(/\n$/, '')) },
      colour,
      stdout: (text) => process.stdout.write(text),
      ...(this.interactive ? { ask: conflicterAsk(adapter, this.destinationRoot()) } : {}),
    };
  }

  /** A step of the run; its RunStop becomes the run error yo and continuum-gen print. */
  protected stopping<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      throw runErrorOf(error);
    }
  }

  protected async stoppingAsync<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw runErrorOf(error);
    } finally {
      // A queued adapter prints later; an error now would drop the lines still queued.
      await (this.env.adapter as { onIdle?: () => Promise<void> }).onIdle?.();
    }
  }
}

function runErrorOf(error: unknown): unknown {
  if (!(error instanceof RunStop)) return error;
  const stop = new ContinuumRunError(error.message, error.issues, error.conflicts, error.exitCode);
  if (error.runResult !== undefined) stop.runResult = error.runResult;
  return stop;
}
