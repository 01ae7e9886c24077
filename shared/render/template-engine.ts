import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import { templatesDir } from '../package-root.js';

const cache = new Map<string, ejs.TemplateFunction>();

/**
 * Render templates/<folder>/<name>.ejs with the given data. Templates are compiled once per
 * process; output is plain text with no trailing whitespace at line ends and one final newline
 * (unless `verbatim`, which returns exactly what the template printed).
 */
export function renderTemplate(folder: string, name: string, data: Record<string, unknown>, options: { verbatim?: boolean; maxBlankLines?: number } = {}): string {
  const key = `${folder}/${name}`;
  let template = cache.get(key);
  if (!template) {
    const path = join(templatesDir, folder, `${name}.ejs`);
    template = ejs.compile(readFileSync(path, 'utf8'), { filename: path, escape: (text: string) => text, strict: false, _with: true });
    cache.set(key, template);
  }
  // Verbatim output is for files whose exact bytes come from another tool (ts-rs prints `{ \n/**`).
  // maxBlankLines: longest run of blank lines kept (default 1; PEP 8 wants 2 between top-level Python definitions).
  return options.verbatim ? template(data) : tidy(template(data), options.maxBlankLines ?? 1);
}

/** Strip trailing spaces and collapse runs of blank lines that conditional template sections leave. */
function tidy(text: string, maxBlankLines: number): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(new RegExp(`\\n{${maxBlankLines + 2},}`, 'g'), '\n'.repeat(maxBlankLines + 1))
    .trim()}\n`;
}
