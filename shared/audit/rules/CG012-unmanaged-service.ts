import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG012-unmanaged-service',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description: 'A Rust type implements ServiceModule but not ManagedService (health, pressure_response, shed_load, heal, shutdown).',
  help: 'Implement ManagedService for it (a resource-owning module must); `continuum-gen trait --spec=specs/traits/managed-service.json` provides the trait.',
  summary: (_c, f) => `${plural(f, 'Rust service module')} without ManagedService`,
  label: 'no ManagedService',
  check(context, report) {
    for (const [type, where] of context.rust?.serviceTypes ?? []) {
      if (context.rust?.managedTypes.has(type)) continue;
      report(
        { file: where.file.file, line: where.line },
        `${type} implements ServiceModule but not ManagedService (health, pressure_response, shed_load, heal, shutdown)`,
        { properties: { type } },
      );
    }
  },
});
