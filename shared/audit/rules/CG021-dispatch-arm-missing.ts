import { dispatchArmFindings } from '../rule-dispatch-arm.js';
import { ruleContext } from '../rule-context.js';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG021-dispatch-arm-missing',
  severity: 'error',
  scope: 'tree',
  pattern: false,
  description: "A rust-ipc spec's Rust module exists but its handle_command has no match arm for the command: the core answers it as an unknown command.",
  help: "Regenerate the command (`continuum-gen command --spec=<spec file>`: a generated module gets its arm back; a hand-written one gets it through a syntax-aware edit), or add the arm by hand.",
  summary: (_c, f) => `${plural(f, 'command')} not routed by their Rust module`,
  label: 'no dispatch arm',
  check(context, report) {
    if (context.mode !== 'full') return;
    dispatchArmFindings(ruleContext(context, report));
  },
});
