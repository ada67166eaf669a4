import { FieldError } from '../errors/domain-error';

/** Request bodies nested deeper than this are refused before anything walks them recursively. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that could reach an object's prototype when some library merges or assigns input. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// C0 controls except tab (U+0009) and line feed (U+000A), and the C1 block. NUL is in C0.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u0080-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not enter the system, or null when it is clean text. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (CONTROL.test(value)) return 'must not contain control characters (other than tab and newline)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone surrogate (invalid Unicode)';
  return null;
}

/** Characters XML 1.0 forbids (outside Char), including U+FFFE/U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex -- the complement of XML 1.0's Char production
const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text safe to write into an XML 1.0 document whatever the data holds: every character XML
 * forbids is replaced by U+FFFD (the edge refuses them, but rows written before that, or by another
 * path, must not break a file everyone downloads). Lone surrogates are caught too: under the `u`
 * flag a lone surrogate is one code point outside every allowed range.
 */
export function xmlSafeText(value: string): string {
  return value.replace(XML_INVALID, '\uFFFD');
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Walks parsed input (a JSON body or the query object) without recursion and returns the first
 * problem: too deep, a prototype key, or a string with characters no field accepts. Field names use
 * the same dotted form as validation errors (`profile.level`, `items.2.name`).
 */
export function findInputProblem(input: unknown, root = ''): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field: path || '(body)', message: `${path || 'value'} ${problem}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return { field: path || '(body)', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
    for (const key of Object.keys(value)) {
      const field = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) return { field, message: `${field} is not an allowed field` };
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: path || '(body)', message: `a field name ${keyProblem}` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}
