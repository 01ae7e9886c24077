import type { ImportDeclaration, ProjectConfig } from './project-config.js';

/**
 * Types the host already exports, which its own specs name without declaring them (the host's
 * v1 gpu-stats.json names `SubsystemInfo`): every type the IPC client re-exports in
 * `<ipcBindings>/RustCoreIPC.ts` (`export type { GpuStatsResponse, SubsystemInfo } from './modules/gpu';`),
 * as an import from that file. The resolver consults them last: a name the spec or the config
 * declares keeps its own definition.
 */
export function hostExportedTypes(config: ProjectConfig, read: (path: string) => string | undefined): ImportDeclaration[] {
  const composition = `${config.roots.ipcBindings}/RustCoreIPC`;
  const text = read(`${composition}.ts`);
  if (text === undefined) return [];
  const taken = new Set(config.imports.map((i) => i.name));
  const found = new Set<string>();
  for (const statement of text.matchAll(/^export\s+type\s*\{([^}]*)\}\s*from\s*['"][^'"]+['"]/gm)) {
    for (const part of statement[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      if (/^[A-Z][A-Za-z0-9_]*$/.test(name) && !taken.has(name)) found.add(name);
    }
  }
  return [...found].sort().map((name) => ({ name, from: composition }));
}
