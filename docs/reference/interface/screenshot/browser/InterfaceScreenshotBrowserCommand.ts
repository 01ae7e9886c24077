/**
 * Interface Screenshot Command - Browser Implementation
 *
 * Capture the visible interface as a PNG image. Browser-only: the work happens here.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import type { InterfaceScreenshotParams, InterfaceScreenshotResult } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';
import { createInterfaceScreenshotResultFromParams } from '@commands/interface/screenshot/shared/InterfaceScreenshotTypes';

export class InterfaceScreenshotBrowserCommand extends CommandBase<InterfaceScreenshotParams, InterfaceScreenshotResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('interface/screenshot', context, subpath, commander);
  }

  async execute(params: InterfaceScreenshotParams): Promise<InterfaceScreenshotResult> {
    // TODO(interface/screenshot): implement. Replace the placeholder values below with real data.
    return createInterfaceScreenshotResultFromParams(params, {
      success: true,
      dataUrl: '',
      width: 0,
      height: 0,
    });
  }
}
