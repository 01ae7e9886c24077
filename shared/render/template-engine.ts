import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import { templatesDir } from '../package-root.js';

const cache = new Map<string, ejs.TemplateFunction>();

/**
 * Render templates/<folder>/<name>.ejs with the given data. Templates are compiled once per
 * process; output is plain text with no trailing whitespace at line ends and one final newline.
 */
export function renderTemplate(folder: string, name: string, data: Record<string, unknown>): string {
  const key = `${folder}/${name}`;
  let template = cache.get(key);
  if (!template) {
    const path = join(templatesDir, folder, `${name}.ejs`);
    template = ejs.compile(readFileSync(path, 'utf8'), { filename: path, escape: (text: string) => text, strict: false, _with: true });
    cache.set(key, template);
  }
  return tidy(template(data));
}

/** Strip trailing spaces and collapse runs of blank lines that conditional template sections leave. */
function tidy(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
