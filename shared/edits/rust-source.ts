/**
 * Rust source with comments and string/char literals blanked out (same length, newlines kept), so
 * that a text search for code (a module name, a statement) never matches inside a comment or a
 * string. Not a parser: lifetimes (`'a`) are left alone because they never close on the next char.
 */
export function rustCodeOnly(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (rest.startsWith('/*')) {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (text.startsWith('*/', j)) {
          depth--;
          j += 2;
        } else j++;
      }
      blank(i, j);
      i = j;
    } else if (/^r#*"/.test(text.slice(i, i + 12)) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      const hashes = /^r(#*)"/.exec(text.slice(i))![1];
      const close = text.indexOf(`"${hashes}`, i + hashes.length + 2);
      const stop = close < 0 ? text.length : close + hashes.length + 1;
      blank(i, stop);
      i = stop;
    } else if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else if (text[i] === "'" && /^'(?:\\.[^']{0,6}|[^\\'\n])'/.test(text.slice(i, i + 10))) {
      const length = /^'(?:\\.[^']{0,6}|[^\\'\n])'/.exec(text.slice(i, i + 10))![0].length;
      blank(i, i + length);
      i += length;
    } else i++;
  }
  return out.join('');
}

/** Does the code (comments and strings excluded) name `identifier` as a whole word? */
export function rustCodeNames(text: string, identifier: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_])${identifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).test(rustCodeOnly(text));
}
