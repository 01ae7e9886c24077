/**
 * Interface Screenshot Command - Browser Implementation
 *
 * Capture the visible page or one element as an image
 *
 * This command runs in the browser only.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { InterfaceScreenshotParams, InterfaceScreenshotResult } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';
import { createInterfaceScreenshotResultFromParams } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';

export class InterfaceScreenshotBrowserCommand extends CommandBase<InterfaceScreenshotParams, InterfaceScreenshotResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('interface/screenshot', context, subpath, commander);
  }

  async execute(params: InterfaceScreenshotParams): Promise<InterfaceScreenshotResult> {
    this.validateParams(params);

    // TODO(interface/screenshot): implement. Replace the placeholder values below with real data.
    return createInterfaceScreenshotResultFromParams(params, {
      success: true,
      dataUrl: '',
      width: 0,
      height: 0,
    });
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: InterfaceScreenshotParams): void {
    if (params.selector !== undefined && typeof params.selector !== 'string') {
      throw new ValidationError('selector', `must be a string; got ${JSON.stringify(params.selector)}`);
    }
    if (params.scale !== undefined && typeof params.scale !== 'number') {
      throw new ValidationError('scale', `must be a number; got ${JSON.stringify(params.scale)}`);
    }
  }
}
