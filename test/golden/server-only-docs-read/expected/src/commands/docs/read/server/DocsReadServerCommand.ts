/**
 * Docs Read Command - Server Implementation
 *
 * Read a documentation file, optionally one section of it
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { DocsReadParams, DocsReadResult } from '@commands/docs/read/shared/DocsReadTypes';
import { createDocsReadResultFromParams, isDocsReadFormat } from '@commands/docs/read/shared/DocsReadTypes';

export class DocsReadServerCommand extends CommandBase<DocsReadParams, DocsReadResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('docs/read', context, subpath, commander);
  }

  async execute(params: DocsReadParams): Promise<DocsReadResult> {
    this.validateParams(params);

    // TODO(docs/read): implement. Replace the placeholder values below with real data.
    return createDocsReadResultFromParams(params, {
      success: true,
      content: '',
      sections: [],
      truncated: false,
      lastModified: null,
    });
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: DocsReadParams): void {
    if (params.path === undefined) {
      throw new ValidationError('path', 'is required');
    }
    if (typeof params.path !== 'string') {
      throw new ValidationError('path', `must be a string; got ${JSON.stringify(params.path)}`);
    }
    if (params.section !== undefined && typeof params.section !== 'string') {
      throw new ValidationError('section', `must be a string; got ${JSON.stringify(params.section)}`);
    }
    if (params.format !== undefined && !isDocsReadFormat(params.format)) {
      throw new ValidationError('format', `must be one of 'markdown', 'text'; got ${JSON.stringify(params.format)}`);
    }
    if (params.maxLines !== undefined && !Number.isSafeInteger(params.maxLines)) {
      throw new ValidationError('maxLines', `must be an integer; got ${JSON.stringify(params.maxLines)}`);
    }
  }
}
