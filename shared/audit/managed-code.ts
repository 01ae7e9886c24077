/** The checks of generated code that stays managed (CG019-CG021), each in its own rule-*.ts file. */
import { readGenerationRecords } from './generation-records.js';
import type { RuleContext } from './rule-context.js';
import { dispatchArmFindings } from './rule-dispatch-arm.js';
import { ownedEditFindings } from './rule-owned-edit.js';
import { recordSpecFindings } from './rule-record-spec.js';

export function managedCodeFindings(ctx: RuleContext): void {
  const records = readGenerationRecords(ctx);
  ownedEditFindings(ctx, records);
  recordSpecFindings(ctx, records);
  dispatchArmFindings(ctx);
}
