import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG013-no-heal',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description: 'A ManagedService implementation whose heal() is missing, still the generated TODO stub, or always returns false.',
  help: 'Implement heal(): reconnect, reload, rebuild; return true when healed.',
  summary: (_c, f) => `${plural(f, 'Rust module')} without heal() coverage`,
  label: 'no heal()',
  check(context, report) {
    for (const { file, type, heal } of context.rust?.heals ?? []) {
      if (heal.state === 'implemented') continue;
      const why =
        heal.state === 'missing'
          ? 'has no heal()'
          : heal.state === 'stub'
            ? 'heal() is still the generated TODO stub'
            : 'heal() always returns false';
      report({ file: file.file, line: heal.line }, `ManagedService for ${type}: ${why}, so nothing heals it when it turns Unhealthy`, {
        properties: { type, heal: heal.state },
      });
    }
  },
});
