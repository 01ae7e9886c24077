import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';

const cache = new Map<string, ejs.TemplateFunction>();

/**
 * Render <folder>/<name>.ejs with the given data; `folder` is an adapter's template folder
 * (`adapterTemplates` in package-root.ts). Templates are compiled once per process; output is plain text with no trailing whitespace at line ends and one final newline
 * (unless `verbatim`, which returns exactly what the template printed).
 */
export function renderTemplate(
  folder: string,
  name: string,
  data: Record<string, unknown>,
  options: { verbatim?: boolean; maxBlankLines?: number } = {},
): string {
  const key = `${folder}/${name}`;
  let template = cache.get(key);
  if (!template) {
    const path = join(folder, `${name}.ejs`);
    // cache: ejs compiles an include() at every call otherwise (once per command in a batch).
    template = ejs.compile(readFileSync(path, 'utf8'), {
      filename: path,
      escape: (text: string) => text,
      strict: false,
      _with: true,
      cache: true,
    });
    cache.set(key, template);
  }
  // Verbatim output is for files whose exact bytes come from another tool (ts-rs prints `{ \n/**`).
  // maxBlankLines: longest run of blank lines kept (default 1; PEP 8 wants 2 between top-level Python definitions).
  return options.verbatim ? template(data) : tidy(template(data), options.maxBlankLines ?? 1);
}

/**
 * Strip trailing spaces and tabs and collapse runs of blank lines that conditional template
 * sections leave. Line by line: one /[ \t]+$/gm over the whole text costs more than the render.
 */
function tidy(text: string, maxBlankLines: number): string {
  const lines: string[] = [];
  let blanks = 0;
  for (const line of text.split('\n')) {
    const stripped = trimSpacesAtLineEnds(line);
    blanks = stripped === '' ? blanks + 1 : 0;
    if (blanks <= maxBlankLines) lines.push(stripped);
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Spaces and tabs before the end of a line (the other line terminators too, as /$/m sees them). */
function trimSpacesAtLineEnds(line: string): string {
  if (/[\r\u2028\u2029]/.test(line)) return line.replace(/[ \t]+$/gm, '');
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}
