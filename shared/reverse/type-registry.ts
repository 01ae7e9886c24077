import { posix } from 'node:path';
import type { Project } from 'ts-morph';
import type { ProjectConfig } from '../config/project-config.js';
import { closestNames, editDistance } from '../model/naming.js';
import type { ModulePaths } from './module-paths.js';
import type { SourceReader } from './source-reader.js';

/** A type some module of the project exports, and the specifier to import it by. */
export interface KnownType {
  readonly name: string;
  readonly from: string;
}

/**
 * The types the project's code already exports: every command's Types files and the ts-rs export
 * folder (the design's TypeRegistry, learned from code). Built on first use, once per run, with
 * the run's ts-morph project; files are dropped from the project once read.
 */
export class CodeTypeRegistry {
  private byName: Map<string, KnownType[]> | undefined;

  constructor(
    private readonly projectRoot: string,
    private readonly config: ProjectConfig,
    private readonly reader: SourceReader,
    private readonly project: Project,
    private readonly modulePaths: ModulePaths,
  ) {}

  /** Every module exporting exactly this name. */
  lookup(name: string): readonly KnownType[] {
    return this.index().get(name) ?? [];
  }

  /** The closest exported names to an unknown one (at most `limit`, within a small edit distance). */
  suggestions(name: string, limit = 3): string[] {
    const known = [...this.index().keys()];
    return closestNames(name, known, limit).filter((candidate) => candidateIsClose(name, candidate));
  }

  private index(): Map<string, KnownType[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, KnownType[]>();
    const visit = (path: string): void => {
      const text = this.reader.readFile(path);
      if (text === undefined) return;
      const from = this.modulePaths.aliasOf(path);
      if (!from) return;
      const file = this.project.createSourceFile(`${path}.registry.ts`, text, { overwrite: true });
      for (const declaration of [...file.getInterfaces(), ...file.getTypeAliases(), ...file.getEnums(), ...file.getClasses()]) {
        const name = declaration.getName();
        if (!name || !declaration.isExported()) continue;
        const entries = byName.get(name) ?? [];
        if (!entries.some((e) => e.from === from)) entries.push({ name, from });
        byName.set(name, entries);
      }
      this.project.removeSourceFile(file);
    };
    const walk = (folder: string, wanted: (file: string) => boolean): void => {
      for (const entry of this.reader.listFolder(folder) ?? []) {
        const path = posix.join(folder, entry.name);
        if (entry.isFolder) {
          if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path, wanted);
        } else if (wanted(path)) visit(path);
      }
    };
    walk(posix.join(this.projectRoot, this.config.roots.commands), (p) => /\/shared\/[^/]*Types\.ts$/.test(p));
    walk(posix.join(this.projectRoot, this.config.roots.generatedTypes), (p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));
    this.byName = byName;
    return byName;
  }
}

function candidateIsClose(unknown: string, candidate: string): boolean {
  const a = unknown.toLowerCase();
  const b = candidate.toLowerCase();
  return b.includes(a) || a.includes(b) || editDistance(a, b) <= Math.max(2, Math.floor(a.length / 3));
}
