import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    const text = readFileSync(path, 'utf8');
    // cache: ejs compiles an include() at every call otherwise (once per command in a batch).
    // No `with (locals)`: V8 looks every name of a `with` body up on the object; the names the
    // templates read are declared from locals instead (unsafePrototypeLocals: the data is ours, not copied per render).
    template = ejs.compile(text, {
      filename: path,
      escape: (text: string) => text,
      strict: false,
      _with: false,
      localsName: 'locals',
      destructuredLocals: [...namesRead(path, text)].sort(),
      cache: true,
      // ejs 3.1.10+, newer than @types/ejs.
      ...({ unsafePrototypeLocals: true } as object),
    });
    cache.set(key, template);
  }
  // Verbatim output is for files whose exact bytes come from another tool (ts-rs prints `{ \n/**`).
  // maxBlankLines: longest run of blank lines kept (default 1; PEP 8 wants 2 between top-level Python definitions).
  return options.verbatim ? template(data) : tidy(template(data), options.maxBlankLines ?? 1);
}

/** What ejs and JavaScript already name inside a compiled template: never taken from locals. */
const RESERVED = new Set([
  ...['locals', 'escapeFn', 'include', 'rethrow', '__output', '__append', '__line', '__lines', '__filename', '__locals'],
  ...['arguments', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do'],
  ...['else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in'],
  ...['instanceof', 'interface', 'let', 'new', 'null', 'of', 'package', 'private', 'protected', 'public', 'return'],
  ...['static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield'],
]);

/**
 * The free names a template's code (and its includes' code, which ejs compiles with the same
 * options) may read from locals: every identifier in a scriptlet that is not a property, a
 * declaration, a keyword, a global or an Object.prototype member. A name too many is an unused
 * `let` reading undefined; a declaration missed fails the compile (a redeclared `let`).
 */
function namesRead(path: string, text: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(path)) return names;
  seen.add(path);
  const declared = new Set<string>();
  for (const [, code] of text.matchAll(/<%(?![%#])[_=-]?([\s\S]*?)[_-]?%>/g)) {
    for (const [, included] of code.matchAll(/\binclude\(\s*'([^']+)'/g)) {
      const file = join(dirname(path), `${included}.ejs`);
      for (const name of namesRead(file, readFileSync(file, 'utf8'), seen)) names.add(name);
    }
    for (const [declaration] of code.matchAll(/\b(?:const|let|var)\s+(?:[A-Za-z_$][\w$]*|\{[^}]*\}|\[[^\]]*\])/g))
      for (const [name] of declaration.replace(/^\w+\s+/, '').matchAll(/[A-Za-z_$][\w$]*/g)) declared.add(name);
    for (const [name] of code.replaceAll('...', ' ').matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) names.add(name);
  }
  for (const name of names)
    if (declared.has(name) || RESERVED.has(name) || name in globalThis || name in Object.prototype) names.delete(name);
  return names;
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
