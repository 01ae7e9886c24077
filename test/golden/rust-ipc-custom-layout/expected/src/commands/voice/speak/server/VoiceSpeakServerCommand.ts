/**
 * Voice Speak Command - Server Implementation
 *
 * Speak a text aloud
 *
 * The logic lives in continuum-core (Rust: VoiceModule::speak in core/continuum-core/src/modules/voice/speak.rs);
 * this command validates its params and calls it over IPC.
 */

import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { RustBackedCommand } from '@daemons/command-daemon/shared/RustBackedCommand';
import type { JTAGContext } from '@system/core/types/JTAGTypes';
import { ValidationError } from '@system/core/types/ErrorTypes';
import type { VoiceSpeakParams, VoiceSpeakResult } from '@commands/voice/speak/shared/VoiceSpeakTypes';
import { createVoiceSpeakResultFromParams } from '@commands/voice/speak/shared/VoiceSpeakTypes';
import type { RustCoreIPCClient } from '../../../../workers/continuum-core/bindings/RustCoreIPC';
import type { VoiceSpeakResult as VoiceSpeakWireResult } from '../../../../../protocol/typescript/voice/VoiceSpeakResult';

export class VoiceSpeakServerCommand extends RustBackedCommand<VoiceSpeakParams, VoiceSpeakResult, VoiceSpeakWireResult> {

  constructor(context: JTAGContext, subpath: string, commander: ICommandDaemon) {
    super('voice/speak', context, subpath, commander);
  }

  protected override readonly requiredParams: ReadonlyArray<keyof VoiceSpeakParams> = ['text'];

  /** Params arrive over the wire untyped: check what the types cannot (the base checks the required ones). */
  protected override validateParams(params: VoiceSpeakParams): void {
    super.validateParams(params);
    if (typeof params.text !== 'string') {
      throw new ValidationError('text', `must be a string; got ${JSON.stringify(params.text)}`);
    }
  }

  /** The work happens in continuum-core, over the shared client. */
  protected override async callRust(params: VoiceSpeakParams, client: RustCoreIPCClient): Promise<VoiceSpeakWireResult> {
    return client.voiceSpeak({
      text: params.text,
    });
  }

  protected override toResult(result: VoiceSpeakWireResult, params: VoiceSpeakParams): VoiceSpeakResult {
    return createVoiceSpeakResultFromParams(params, { success: true, ...result });
  }
}
