/**
 * The one error shape of the clinical core: bad input, with the path of the failing field.
 * The CLI turns it into a message on stderr and exit code 2; the server into RFC 9457
 * problem+json with the same path.
 */
export type InputPath = readonly (string | number)[];

/** `["answers", 3, "rating"]` → `answers[3].rating`. */
export function formatPath(path: InputPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(input)' : out;
}

export class ClinicalInputError extends Error {
  override readonly name = 'ClinicalInputError';
  /** Where in the input the problem is, e.g. `["findings", "age"]`. */
  readonly path: InputPath;
  /** The problem without the path, e.g. `must be a number from 0 to 120`. */
  readonly detail: string;

  constructor(path: InputPath, detail: string) {
    super(`${formatPath(path)}: ${detail}`);
    this.path = path;
    this.detail = detail;
  }
}

/** Short, safe rendering of a value for an error message (never dumps a huge string). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
