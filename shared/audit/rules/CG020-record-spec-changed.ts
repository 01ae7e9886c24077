import { generationRecords } from '../generation-records.js';
import { recordSpecFindings } from '../rule-record-spec.js';
import { ruleContext } from '../rule-context.js';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG020-record-spec-changed',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description: "A generation record whose spec no longer matches the spec file (edited and not regenerated: the code is behind the spec), or whose spec is gone.",
  help: "Regenerate: `continuum-gen command --spec=<spec file>`; for a record without a spec, restore the spec or delete the record and its files.",
  summary: (_c, f) => `${plural(f, 'record')} behind their spec`,
  label: 'spec not regenerated',
  check(context, report) {
    if (context.mode !== 'full') return;
    recordSpecFindings(ruleContext(context, report), generationRecords(context).records);
  },
});
