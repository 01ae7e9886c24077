/**
 * C: how spec text is printed in a generated header (comments, string literals), and the
 * names it cannot use. The C adapter takes spec text through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText } from '../spec-text.js';

/**
 * Text inside a one-line block comment, as gcc -Wall -Werror takes it: no `*\/` (the end), no `/*`
 * (-Wcomment), no `??` (a trigraph under -std=c11: `??/` is a backslash), no backslash at the end
 * (a line splice), and invisible characters written as `\u{XXXX}`.
 */
export function cCommentText(text: string): string {
  return oneLineText(text)
    .replace(INVISIBLE, (ch) => `\\u{${hex4(ch)}}`)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/\?\?/g, '?\\?')
    .replace(/\\$/, '\\ ');
}

/** A one-line `/** ... *\/` comment with its newline, or nothing. */
export function cComment(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${cCommentText(text)} */\n` : '';
}

/** A C string literal holding exactly the UTF-8 of `text`: octal escapes for controls, `?\?` against trigraphs. */
export function cString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\?/g, '\\?')
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    .replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`)
    .replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/g, (ch) => `\\u${hex4(ch)}`);
  return `"${body}"`;
}

/** C11 keywords, the names the header's own includes define, and C++ keywords (the header is also C++). */
export const C_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'auto',
  'break',
  'case',
  'char',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extern',
  'float',
  'for',
  'goto',
  'if',
  'inline',
  'int',
  'long',
  'register',
  'restrict',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'struct',
  'switch',
  'typedef',
  'union',
  'unsigned',
  'void',
  'volatile',
  'while',
  'bool',
  'true',
  'false',
  'size_t',
  'int64_t',
  'NULL',
  'alignas',
  'alignof',
  'and',
  'and_eq',
  'asm',
  'bitand',
  'bitor',
  'catch',
  'char8_t',
  'char16_t',
  'char32_t',
  'class',
  'compl',
  'concept',
  'consteval',
  'constexpr',
  'constinit',
  'const_cast',
  'co_await',
  'co_return',
  'co_yield',
  'decltype',
  'delete',
  'dynamic_cast',
  'explicit',
  'export',
  'friend',
  'mutable',
  'namespace',
  'new',
  'noexcept',
  'not',
  'not_eq',
  'nullptr',
  'operator',
  'or',
  'or_eq',
  'private',
  'protected',
  'public',
  'reinterpret_cast',
  'requires',
  'static_assert',
  'static_cast',
  'template',
  'this',
  'thread_local',
  'throw',
  'try',
  'typeid',
  'typename',
  'using',
  'virtual',
  'wchar_t',
  'xor',
  'xor_eq',
]);

/** The macros the header's own includes (<stdbool.h>, <stddef.h>, <stdint.h>) define whose names a spec could produce; a test compares them with gcc -dM. */
export const C_HEADER_MACROS: ReadonlySet<string> = new Set([
  'INT16_C',
  'INT16_MAX',
  'INT16_MIN',
  'INT32_C',
  'INT32_MAX',
  'INT32_MIN',
  'INT64_C',
  'INT64_MAX',
  'INT64_MIN',
  'INT8_C',
  'INT8_MAX',
  'INT8_MIN',
  'INTMAX_C',
  'INTMAX_MAX',
  'INTMAX_MIN',
  'INTPTR_MAX',
  'INTPTR_MIN',
  'INT_FAST16_MAX',
  'INT_FAST16_MIN',
  'INT_FAST32_MAX',
  'INT_FAST32_MIN',
  'INT_FAST64_MAX',
  'INT_FAST64_MIN',
  'INT_FAST8_MAX',
  'INT_FAST8_MIN',
  'INT_LEAST16_MAX',
  'INT_LEAST16_MIN',
  'INT_LEAST32_MAX',
  'INT_LEAST32_MIN',
  'INT_LEAST64_MAX',
  'INT_LEAST64_MIN',
  'INT_LEAST8_MAX',
  'INT_LEAST8_MIN',
  'NULL',
  'PTRDIFF_MAX',
  'PTRDIFF_MIN',
  'SIG_ATOMIC_MAX',
  'SIG_ATOMIC_MIN',
  'SIZE_MAX',
  'UINT16_C',
  'UINT16_MAX',
  'UINT32_C',
  'UINT32_MAX',
  'UINT64_C',
  'UINT64_MAX',
  'UINT8_C',
  'UINT8_MAX',
  'UINTMAX_C',
  'UINTMAX_MAX',
  'UINTPTR_MAX',
  'UINT_FAST16_MAX',
  'UINT_FAST32_MAX',
  'UINT_FAST64_MAX',
  'UINT_FAST8_MAX',
  'UINT_LEAST16_MAX',
  'UINT_LEAST32_MAX',
  'UINT_LEAST64_MAX',
  'UINT_LEAST8_MAX',
  'WCHAR_MAX',
  'WCHAR_MIN',
  'WINT_MAX',
  'WINT_MIN',
  'bool',
  'false',
  'offsetof',
  'true',
]);

/** Type names a generated header cannot declare (the adapter's reservedNames): a macro of its includes (`typedef struct NULL NULL;`). */
export const C_RESERVED: ReadonlyMap<string, string> = new Map(
  [...C_HEADER_MACROS]
    .filter((n) => /^[A-Z]/.test(n))
    .map((n): [string, string] => [n, "is a macro of the header's includes (<stdint.h>, <stddef.h>)"]),
);
