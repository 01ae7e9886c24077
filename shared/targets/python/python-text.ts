/**
 * Python: how spec text is printed in a generated .py file (comments, docstrings, string
 * literals), and the words and names it cannot use as they are. The Python adapter takes spec
 * text through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, visibleText } from '../spec-text.js';

/** Escapes for a non-raw Python literal: backslash first, then line breaks and every invisible character. */
function escapeBody(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${hex4(ch)}`)
    .replace(INVISIBLE, (ch) => (ch.charCodeAt(0) < 0x100 ? `\\x${hex4(ch).slice(2).toLowerCase()}` : `\\u${hex4(ch).toLowerCase()}`));
}

/** A Python string literal the way repr() quotes it: single quotes unless the text holds one and no double quote. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return `${quote}${escapeBody(text).replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** A one-line docstring (`"""text"""`) with its newline: no `"""` can end it early, no NUL reaches the source. */
export function pythonDocstring(text: string, indent: string): string {
  return `${indent}"""${escapeBody(oneLineText(text)).replace(/"/g, '\\"')}"""\n`;
}

/** Text after `# `: one line, no invisible characters (Python refuses a NUL anywhere in a source file). */
export function pythonCommentText(text: string): string {
  return visibleText(oneLineText(text));
}

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/**
 * BaseModel attributes (v2, and the v1 names v2 keeps) a field must not shadow (type-mapping.md,
 * pitfalls), with those it has through its metaclass (ABCMeta.register, type.mro): Pydantic warns
 * on each. A test compares the list with the installed Pydantic's.
 */
export const PYDANTIC_RESERVED: ReadonlySet<string> = new Set([
  'register',
  'mro',
  'model_config',
  'model_fields',
  'model_computed_fields',
  'model_extra',
  'model_fields_set',
  'model_construct',
  'model_copy',
  'model_dump',
  'model_dump_json',
  'model_json_schema',
  'model_parametrized_name',
  'model_post_init',
  'model_rebuild',
  'model_validate',
  'model_validate_json',
  'model_validate_strings',
  'dict',
  'json',
  'copy',
  'parse_obj',
  'parse_raw',
  'parse_file',
  'from_orm',
  'construct',
  'schema',
  'schema_json',
  'validate',
  'update_forward_refs',
]);

/**
 * Names the generated models use in annotations (`count: int`): a field of that name, declared
 * first, would make the class body's later `int` the field (Pydantic cannot build a schema from
 * it), so such a field takes a trailing _ and keeps its wire name as an alias.
 */
export const PYTHON_ANNOTATION_NAMES: ReadonlySet<string> = new Set([
  'int',
  'float',
  'str',
  'bool',
  'list',
  'dict',
  'Literal',
  'Field',
  'BaseModel',
  'ConfigDict',
]);

/**
 * Python's capitalised builtins (3.11): a spec type of that name would shadow one in the
 * generated module (a class `Exception` hides the real one). A test checks the installed Python has no other.
 */
export const PYTHON_BUILTIN_TYPE_NAMES: readonly string[] = [
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'BaseException',
  'BaseExceptionGroup',
  'BlockingIOError',
  'BrokenPipeError',
  'BufferError',
  'BytesWarning',
  'ChildProcessError',
  'ConnectionAbortedError',
  'ConnectionError',
  'ConnectionRefusedError',
  'ConnectionResetError',
  'DeprecationWarning',
  'EOFError',
  'Ellipsis',
  'EncodingWarning',
  'EnvironmentError',
  'Exception',
  'ExceptionGroup',
  'False',
  'FileExistsError',
  'FileNotFoundError',
  'FloatingPointError',
  'FutureWarning',
  'GeneratorExit',
  'IOError',
  'ImportError',
  'ImportWarning',
  'IndentationError',
  'IndexError',
  'InterruptedError',
  'IsADirectoryError',
  'KeyError',
  'KeyboardInterrupt',
  'LookupError',
  'MemoryError',
  'ModuleNotFoundError',
  'NameError',
  'None',
  'NotADirectoryError',
  'NotImplemented',
  'NotImplementedError',
  'OSError',
  'OverflowError',
  'PendingDeprecationWarning',
  'PermissionError',
  'ProcessLookupError',
  'PythonFinalizationError',
  'RecursionError',
  'ReferenceError',
  'ResourceWarning',
  'RuntimeError',
  'RuntimeWarning',
  'StopAsyncIteration',
  'StopIteration',
  'SyntaxError',
  'SyntaxWarning',
  'SystemError',
  'SystemExit',
  'TabError',
  'TimeoutError',
  'True',
  'TypeError',
  'UnboundLocalError',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'UnicodeError',
  'UnicodeTranslateError',
  'UnicodeWarning',
  'UserWarning',
  'ValueError',
  'Warning',
  'ZeroDivisionError',
  '_IncompleteInputError',
];

/** Type names a generated Python module cannot declare (the adapter's reservedNames). */
export const PYTHON_RESERVED: ReadonlyMap<string, string> = new Map<string, string>([
  ...['None', 'True', 'False'].map((n): [string, string] => [n, 'is a Python keyword']),
  ...PYTHON_BUILTIN_TYPE_NAMES.filter((n) => !['None', 'True', 'False'].includes(n)).map((n): [string, string] => [
    n,
    'is a Python builtin and would shadow it in the generated module',
  ]),
  ...['BaseModel', 'ConfigDict', 'Field', 'Literal', 'APIRouter', 'HTTPException'].map((n): [string, string] => [
    n,
    'is a name the generated modules import',
  ]),
]);
