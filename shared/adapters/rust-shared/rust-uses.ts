/**
 * `use` lines the way rustfmt groups them: std, then other crates, then `crate::`, one line per
 * parent path with the names merged in braces. Paths the generated code never names (a spec's
 * `rust.imports` kept for the developer) get `#[allow(unused_imports)]`, so nothing warns.
 */
export function rustUseLines(paths: readonly string[], unused: ReadonlySet<string> = new Set()): string[] {
  const groups = new Map<string, Set<string>>();
  const allowed: string[] = [];
  for (const path of new Set(paths)) {
    if (unused.has(path)) {
      allowed.push(path);
      continue;
    }
    const cut = path.lastIndexOf('::');
    const parent = path.slice(0, cut);
    const names = groups.get(parent) ?? new Set<string>();
    names.add(path.slice(cut + 2));
    groups.set(parent, names);
  }
  const section = (parent: string): number =>
    parent === 'std' || parent.startsWith('std::') ? 0 : parent === 'crate' || parent.startsWith('crate::') ? 2 : 1;
  const entries: Array<{ section: number; key: string; lines: string[] }> = [];
  for (const [parent, names] of groups) {
    const sorted = [...names].sort();
    entries.push({
      section: section(parent),
      key: parent,
      lines: [sorted.length === 1 ? `use ${parent}::${sorted[0]};` : `use ${parent}::{${sorted.join(', ')}};`],
    });
  }
  for (const path of allowed) entries.push({ section: section(path), key: path, lines: ['#[allow(unused_imports)]', `use ${path};`] });
  entries.sort((a, b) => a.section - b.section || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: string[] = [];
  entries.forEach((entry, i) => {
    if (i > 0 && entries[i - 1].section !== entry.section) out.push('');
    out.push(...entry.lines);
  });
  return out;
}
