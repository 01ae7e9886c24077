import { generationRecords } from '../generation-records.js';
import { ownedEditFindings } from '../rule-owned-edit.js';
import { ruleContext } from '../rule-context.js';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG019-generated-part-edited',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description: "A hand edit inside a generator-owned file (its header says so: a Rust module of generated commands, the generated part of a hand-written module, a ts-rs file): the place of each edit, found against the last generation reproduced from the record.",
  help: "Move the logic to the command's handler file (`modules/<module>/<command>.rs`, yours) or change the spec; a hand edit here is merged three-way on every run and may conflict.",
  summary: (_c, f) => `${plural(f, 'hand edit')} inside generator-owned files`,
  label: 'edited generated parts',
  check(context, report) {
    if (context.mode !== 'full') return;
    ownedEditFindings(ruleContext(context, report), generationRecords(context).records);
  },
});
