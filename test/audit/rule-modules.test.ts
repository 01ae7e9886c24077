import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_RULES } from '../../shared/audit/rules.js';
import { repoRoot } from '../support/paths.js';

interface TableRow {
  readonly ids: readonly string[];
  readonly severities: readonly string[];
}

/** The README's rule table: each row names one or more rule ids (`a` / `b`) and their severities (one for all, or one each). */
export function readmeRuleTable(readme: string): TableRow[] {
  const lines = readme.split('\n');
  const start = lines.indexOf('| rule | severity | what |');
  ok(start >= 0, 'README has the rule table (| rule | severity | what |)');
  const rows: TableRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [ids, severities] = line
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    rows.push({ ids: ids.split(' / ').map((id) => id.replace(/`/g, '')), severities: severities.split(' / ') });
  }
  return rows;
}

/** Every (id, severity) the table states. */
function tableEntries(rows: readonly TableRow[]): [string, string][] {
  return rows.flatMap((row) =>
    row.ids.map((id, index): [string, string] => [
      id,
      row.severities.length === 1 ? row.severities[0] : (row.severities[index] ?? '(none)'),
    ]),
  );
}

describe('audit rules as modules', () => {
  it('the README rule table lists every registered rule once, in id order, with its severity', () => {
    const rows = readmeRuleTable(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
    deepStrictEqual(
      tableEntries(rows),
      AUDIT_RULES.map((rule) => [rule.id, rule.severity]),
    );
  });

  it('the table check sees a missing rule and a wrong severity (the control)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const withoutOne = readme.replace(/^\| `CG016-untyped-json` .*\n/m, '');
    const wrongSeverity = readme.replace(/^(\| `CG016-untyped-json` \| )warning/m, '$1error');
    ok(withoutOne !== readme && wrongSeverity !== readme);
    const expected = AUDIT_RULES.map((rule) => [rule.id, rule.severity]);
    ok(JSON.stringify(tableEntries(readmeRuleTable(withoutOne))) !== JSON.stringify(expected));
    ok(JSON.stringify(tableEntries(readmeRuleTable(wrongSeverity))) !== JSON.stringify(expected));
  });

  it('every module under shared/audit/rules/ is registered, under the id its file is named for', () => {
    const files = readdirSync(join(repoRoot, 'shared', 'audit', 'rules'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -'.ts'.length))
      .sort();
    deepStrictEqual(
      files,
      AUDIT_RULES.map((rule) => rule.id),
    );
  });

  it('ids are numbered in increasing order, and each rule says what it checks and how it is fixed', () => {
    AUDIT_RULES.forEach((rule, index) => {
      ok(/^CG\d{3}-[a-z0-9-]+$/.test(rule.id), rule.id);
      if (index > 0) ok(AUDIT_RULES[index - 1].id.slice(0, 5) < rule.id.slice(0, 5), `${rule.id} after ${AUDIT_RULES[index - 1].id}`);
      ok(rule.description.length > 0 && rule.help.length > 0 && rule.label.length > 0, rule.id);
      equal(typeof rule.check, 'function');
    });
  });
});
