/**
 * CG020-record-spec-changed: a generation record whose spec no longer matches the spec file (the
 * spec was edited and not regenerated, so the code is behind it), or whose spec is gone.
 */
import { serialiseSpec } from '../../spec/canonical-spec.js';
import { contentHash } from '../../write/record.js';
import { generationRecords, ownSpecHash, type ReadRecord } from '../generation-records.js';
import type { AuditContext } from '../context.js';
import { defineRule, plural, type Report } from '../rule.js';

/** The top-level keys whose values differ between two spec objects, in the current spec's key order, then the removed ones. */
function changedKeys(recorded: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const keys = [...Object.keys(current), ...Object.keys(recorded).filter((k) => !(k in current))];
  return keys.filter((k) => JSON.stringify(recorded[k]) !== JSON.stringify(current[k]));
}

function recordSpecFindings(context: AuditContext, report: Report, records: readonly ReadRecord[]): void {
  for (const { file, record } of records) {
    const hash = ownSpecHash(record);
    const recordedText = hash === undefined ? undefined : record.specs.get(hash);
    if (hash === undefined || recordedText === undefined) continue;
    const indexed = context.specIndex.byName.get(record.command);
    if (!indexed) {
      report(
        { file, line: context.specSources.line(file, '/command') },
        `the generation record of ${record.command} has no spec any more (no spec in ${context.config.roots.specs} names ${JSON.stringify(record.command)}): restore the spec, or delete the record and the files it lists`,
        {
          command: record.command,
        },
      );
      continue;
    }
    const current = serialiseSpec(indexed.spec);
    if (contentHash(current) === hash) continue;
    const keys = changedKeys(JSON.parse(recordedText) as Record<string, unknown>, JSON.parse(current) as Record<string, unknown>);
    const first = keys[0] ?? 'name';
    report(
      { file: indexed.file, line: context.specSources.line(indexed.file, `/${first}`) },
      `${indexed.file} changed since ${record.command} was last generated (${keys.length > 0 ? keys.join(', ') : 'its form'} differ${keys.length === 1 ? 's' : ''} from ${file}): the code is behind the spec; regenerate: continuum-gen command --spec=${indexed.file}`,
      {
        command: record.command,
        related: { file, line: context.specSources.line(file, `/specs/${hash}`), message: 'the spec as last generated' },
        fix: `continuum-gen command --spec=${indexed.file}`,
        properties: { changed: keys.join(',') },
      },
    );
  }
}

export default defineRule({
  id: 'CG020-record-spec-changed',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description:
    'A generation record whose spec no longer matches the spec file (edited and not regenerated: the code is behind the spec), or whose spec is gone.',
  help: 'Regenerate: `continuum-gen command --spec=<spec file>`; for a record without a spec, restore the spec or delete the record and its files.',
  summary: (_c, f) => `${plural(f, 'record')} behind their spec`,
  label: 'spec not regenerated',
  check(context, report) {
    if (context.mode !== 'full') return;
    recordSpecFindings(context, report, generationRecords(context).records);
  },
});
