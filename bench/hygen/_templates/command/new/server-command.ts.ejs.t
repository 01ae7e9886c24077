---
to: src/commands/<%= name %>/server/<%= className %>ServerCommand.ts
unless_exists: true
---
/**
 * <%= title %> Command - Server Implementation
 *
 * Benchmark command <%= name %>
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { <%= className %>Params, <%= className %>Result } from '@commands/<%= name %>/shared/<%= className %>Types';
import { create<%= className %>ResultFromParams, is<%= className %>Mode } from '@commands/<%= name %>/shared/<%= className %>Types';

export class <%= className %>ServerCommand extends CommandBase<<%= className %>Params, <%= className %>Result> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('<%= name %>', context, subpath, commander);
  }

  async execute(params: <%= className %>Params): Promise<<%= className %>Result> {
    this.validateParams(params);

    // TODO(<%= name %>): implement. Replace the placeholder values below with real data.
    return create<%= className %>ResultFromParams(params, {
      success: true,
      count: 0,
      note: null,
    });
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: <%= className %>Params): void {
    if (params.target === undefined) {
      throw new ValidationError('target', 'is required');
    }
    if (typeof params.target !== 'string') {
      throw new ValidationError('target', `must be a string; got ${JSON.stringify(params.target)}`);
    }
    if (params.mode !== undefined && !is<%= className %>Mode(params.mode)) {
      throw new ValidationError('mode', `must be one of 'fast', 'safe'; got ${JSON.stringify(params.mode)}`);
    }
    if (params.limit !== undefined && !Number.isSafeInteger(params.limit)) {
      throw new ValidationError('limit', `must be an integer; got ${JSON.stringify(params.limit)}`);
    }
    if (params.tags !== undefined && (typeof params.tags !== 'object' || params.tags === null || Array.isArray(params.tags))) {
      throw new ValidationError('tags', `must be an object; got ${JSON.stringify(params.tags)}`);
    }
  }
}
