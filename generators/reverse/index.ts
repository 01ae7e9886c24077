import { resolve, sep } from 'node:path';
import type { BaseFeatures, BaseOptions } from 'yeoman-generator';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { nodeSourceReader } from '../../shared/reverse/source-reader.js';
import { planReverseRun, reverseTargetOf, type ReverseRun, type ReverseTarget } from '../../shared/run/reverse-run.js';
import { TreeGenerator } from '../_shared/tree-generator.js';
import { jsonResultOption } from '../_shared/json-result.js';
import { shownPath, writeReverseRun } from '../_shared/tree-runs.js';
import { reverseOptions } from './options.js';
import { progressBar } from './progress.js';

export const summary =
  'specs from existing commands: one folder or a whole tree (--stdout, --missing-only), or --from-v1 <dir> to migrate v1 specs';

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * `yo continuum:reverse <path>`: reads one command folder or a tree of them with the reverse
 * engine (planReverseRun) and writes `<specs>/<name-with-dashes>.json` through the commit
 * pipeline, as the bin's fast path does; `--stdout` prints JSON lines instead; `--from-v1 <dir>`
 * migrates v1 specs in place.
 */
export default class ReverseGenerator extends TreeGenerator {
  private projectConfig!: ProjectConfig;
  private target!: ReverseTarget;
  private planned!: ReverseRun;

  constructor(args: string[], options: BaseOptions, features?: BaseFeatures) {
    super(args, options, features);
    this.description = `Write ${summary}`;
    this.argument('path', {
      type: String,
      required: false,
      description: 'A command folder, or a folder of them (src/commands); relative to the current folder',
    });
    this.declareOptions([...Object.values(reverseOptions), jsonResultOption]);
  }

  initializing(): void {
    this.projectConfig = this.loadProjectConfig();
  }

  async prompting(): Promise<void> {
    const absolute = (path: string): string => toPosix(resolve(this.contextRoot ?? this.destinationRoot(), path));
    const given = this.stopping(() => reverseTargetOf({ path: this.optionValue('path'), fromV1: this.optionValue('from-v1') }, absolute));
    if (given) {
      this.target = given;
      return;
    }
    const answer = await this.ask<string>({
      name: 'path',
      type: 'input',
      message: 'Command folder, or a folder of them, to read',
      default: this.projectConfig.roots.commands,
      validate: (v) => (v.trim() === '' ? 'a folder is required' : true),
    });
    this.target = { kind: 'reverse', path: absolute(answer.trim()) };
  }

  configuring(): void {
    const projectRoot = toPosix(this.destinationRoot());
    this.planned = this.stopping(() =>
      planReverseRun({
        projectRoot,
        config: this.projectConfig,
        target: this.target,
        missingOnly: this.optionValue('missing-only') === true,
        reader: nodeSourceReader,
        progress: (total) => progressBar(total, process.stderr),
        shown: (path) => shownPath(projectRoot, path),
      }),
    );
  }

  async writing(): Promise<void> {
    const output = { stdout: this.optionValue('stdout') === true, json: this.optionValue('json') === true };
    await this.stoppingAsync(() => writeReverseRun(this.planned, output, this.treeFrontEnd(this.projectConfig)));
  }
}
