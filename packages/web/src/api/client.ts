/**
 * The one HTTP client of the web app. Every call to the API goes through `apiRequest`:
 * same-origin cookies (the httpOnly session cookie travels by itself), the CSRF token echoed
 * from its cookie on every write, JSON in and out, and every failure turned into an `ApiError`
 * carrying the server's RFC 9457 problem, with its field errors.
 */

/** A failing field as the API names it: `body.email`, `query.limit`, `body.answers[3]`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An RFC 9457 problem as the API sends it (`application/problem+json`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  /** Seconds until a retry may succeed (429). */
  readonly retryAfter?: number;
}

/** The status of an `ApiError` when no answer came at all (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.status = problem.status;
  }

  /**
   * The field errors under `prefix` (`body` by default), keyed by the rest of the path:
   * `body.email` → `email`, `body.answers[3]` → `answers[3]`. The first message per field wins.
   */
  fieldErrors(prefix = 'body'): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      if (!error.path.startsWith(`${prefix}.`)) continue;
      const field = error.path.slice(prefix.length + 1);
      fields[field] ??= error.message;
    }
    return fields;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export const CSRF_COOKIE = 'spinewise_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The CSRF token the server set beside the session cookie, if any. */
export function readCsrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly method?: Method;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
}

const NETWORK_PROBLEM: Problem = {
  type: 'about:blank',
  title: 'No connection',
  status: NETWORK_ERROR_STATUS,
  detail: 'We could not reach Spinewise. Check your connection, then try again.',
};

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.status === 'number' && typeof candidate.detail === 'string';
}

/** A problem for a failed response whose body is not a problem document (a proxy's page). */
function fallbackProblem(status: number, statusText: string): Problem {
  return {
    type: 'about:blank',
    title: statusText === '' ? 'Request failed' : statusText,
    status,
    detail:
      status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : 'The request could not be completed.',
  };
}

/**
 * Calls the API at `path` (`/api/...`) and returns its JSON body, or `undefined` for an empty
 * answer (204). Throws `ApiError` for any failure, a lost connection included.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token !== undefined) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    // An abort is the caller's own decision (react-query cancelling); let it through as is.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_PROBLEM);
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    throw new ApiError(
      isProblem(body) ? body : fallbackProblem(response.status, response.statusText),
    );
  }
  return body as T;
}

/** Shorthands for the common calls. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) =>
    apiRequest<T>(path, signal === undefined ? {} : { signal }),
  post: <T>(path: string, body?: unknown) =>
    apiRequest<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
