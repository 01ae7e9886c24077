/**
 * Voice Speak Command - Server Implementation
 *
 * Speak a text aloud
 *
 * The logic lives in continuum-core (Rust: VoiceModule::speak in core/continuum-core/src/modules/voice.rs);
 * this command validates its params and calls it over IPC.
 */

import { CommandBase, type ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { VoiceSpeakParams, VoiceSpeakResult } from '@commands/voice/speak/shared/VoiceSpeakTypes';
import { createVoiceSpeakResultFromParams } from '@commands/voice/speak/shared/VoiceSpeakTypes';
import { RustCoreIPCClient } from '../../../../../core/continuum-core/bindings/RustCoreIPC';

export class VoiceSpeakServerCommand extends CommandBase<VoiceSpeakParams, VoiceSpeakResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('voice/speak', context, subpath, commander);
  }

  async execute(params: VoiceSpeakParams): Promise<VoiceSpeakResult> {
    this.validateParams(params);

    // The work happens in continuum-core: connect, call, and always disconnect.
    const client = new RustCoreIPCClient();
    await client.connect();
    try {
      const result = await client.voiceSpeak({
        text: params.text,
      });
      return createVoiceSpeakResultFromParams(params, { success: true, ...result });
    } finally {
      client.disconnect();
    }
  }

  /** Params arrive over the wire untyped: check what the types cannot. */
  private validateParams(params: VoiceSpeakParams): void {
    if (params.text === undefined) {
      throw new ValidationError('text', 'is required');
    }
    if (typeof params.text !== 'string') {
      throw new ValidationError('text', `must be a string; got ${JSON.stringify(params.text)}`);
    }
  }
}
