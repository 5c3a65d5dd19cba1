/**
 * The API's one error shape: RFC 9457 problem details (`application/problem+json`), naming the
 * failing field where there is one. Routes build a problem with the helpers below and throw it
 * as a `ProblemError`; the app's error handler is the only place that writes one to the wire.
 *
 * Problem types (`type` is a stable URI a client may switch on; `title` is its fixed summary,
 * `detail` is about this occurrence):
 * - https://spinewise.dev/problems/validation          400 the request does not match its schema,
 *                                                       or the clinical core rejected an input;
 *                                                       `errors[]` names each failing field
 * - https://spinewise.dev/problems/malformed-request   400 the body is not valid JSON (path `body`)
 *                                                       or the request is otherwise unreadable
 * - https://spinewise.dev/problems/unauthorized        401 no valid session
 * - https://spinewise.dev/problems/forbidden           403 signed in, but not allowed this
 * - https://spinewise.dev/problems/not-found           404 no such route or resource (or not yours:
 *                                                       another clinic's record is "not found")
 * - https://spinewise.dev/problems/method-not-allowed  405 the route exists for other methods
 *                                                       (listed in the `Allow` header)
 * - https://spinewise.dev/problems/conflict            409 the request clashes with current state
 * - https://spinewise.dev/problems/payload-too-large   413 the body is over the limit (1 MB)
 * - https://spinewise.dev/problems/unsupported-media-type 415 a body in a type the API does not read
 * - https://spinewise.dev/problems/rate-limited        429 too many requests; `retryAfter` seconds
 *                                                       (also in the `Retry-After` header)
 * - https://spinewise.dev/problems/internal            500 a fault of ours; the detail is generic and
 *                                                       the cause is only in the server's log
 * - https://spinewise.dev/problems/unavailable         503 a dependency (the database) is down
 * - about:blank                                         any other status, as RFC 9457 §4.2.1 allows
 */
import { STATUS_CODES } from 'node:http';
import type { ClinicalInputError } from '@spinewise/clinical';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const BASE = 'https://spinewise.dev/problems/';

export const problemTypes = {
  validation: `${BASE}validation`,
  malformedRequest: `${BASE}malformed-request`,
  unauthorized: `${BASE}unauthorized`,
  forbidden: `${BASE}forbidden`,
  notFound: `${BASE}not-found`,
  methodNotAllowed: `${BASE}method-not-allowed`,
  conflict: `${BASE}conflict`,
  payloadTooLarge: `${BASE}payload-too-large`,
  unsupportedMediaType: `${BASE}unsupported-media-type`,
  rateLimited: `${BASE}rate-limited`,
  internal: `${BASE}internal`,
  unavailable: `${BASE}unavailable`,
} as const;

export interface FieldError {
  /** Where the problem is, e.g. `body.answers[3].rating` or `query.limit`. */
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  /** Extension member for 429: seconds until a retry may succeed (mirrors `Retry-After`). */
  readonly retryAfter?: number;
}

/** The problem document in OpenAPI (a `$ref` to `Problem`) for routes to list among responses. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(100).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfter: z.int().min(1).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** A route response entry for a problem status, documented as `application/problem+json`. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } };
}

/** Thrown by routes (and built by the error handler) so one place writes every problem. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

export function badRequest(
  errors: readonly FieldError[],
  detail = 'The request has invalid fields; see errors.',
): Problem {
  return {
    type: problemTypes.validation,
    title: 'Invalid request',
    status: 400,
    detail,
    errors,
  };
}

/** A body that could not be read at all (not JSON, empty): the path is `body`. */
export function malformedBody(message: string): Problem {
  return {
    type: problemTypes.malformedRequest,
    title: 'Malformed request',
    status: 400,
    detail: `The request body could not be read: ${message}.`,
    errors: [{ path: 'body', message }],
  };
}

export function unauthorized(detail = 'Sign in to use this resource.'): Problem {
  return { type: problemTypes.unauthorized, title: 'Unauthorised', status: 401, detail };
}

export function forbidden(detail = 'You are not allowed to do this.'): Problem {
  return { type: problemTypes.forbidden, title: 'Forbidden', status: 403, detail };
}

/** `resource` is named to the client, e.g. `notFound('patient')`; never echo an id back. */
export function notFound(resource = 'resource'): Problem {
  return {
    type: problemTypes.notFound,
    title: 'Not found',
    status: 404,
    detail: `No such ${resource}.`,
  };
}

export function methodNotAllowed(method: string, allowed: readonly string[]): Problem {
  return {
    type: problemTypes.methodNotAllowed,
    title: 'Method not allowed',
    status: 405,
    detail: `${method} is not allowed here; use ${allowed.join(', ')}.`,
  };
}

export function conflict(detail: string): Problem {
  return { type: problemTypes.conflict, title: 'Conflict', status: 409, detail };
}

export function payloadTooLarge(limitBytes: number): Problem {
  return {
    type: problemTypes.payloadTooLarge,
    title: 'Payload too large',
    status: 413,
    detail: `The request body is larger than ${limitBytes} bytes.`,
  };
}

export function unsupportedMediaType(): Problem {
  return {
    type: problemTypes.unsupportedMediaType,
    title: 'Unsupported media type',
    status: 415,
    detail: 'Send the body as application/json.',
  };
}

export function tooManyRequests(retryAfterSeconds: number): Problem {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return {
    type: problemTypes.rateLimited,
    title: 'Too many requests',
    status: 429,
    detail: `Too many requests; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    retryAfter: seconds,
  };
}

/**
 * A fault of ours. Deliberately takes no error: the cause (stack, SQL, connection strings) goes
 * to the log, never to the client.
 */
export function internal(): Problem {
  return {
    type: problemTypes.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side. The error has been logged.',
  };
}

export function unavailable(detail: string): Problem {
  return { type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail };
}

/** Any other status with a message that is safe to show (Fastify's own 4xx errors). */
export function genericProblem(status: number, detail: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `('body', ['answers', 3, 'rating'])` → `body.answers[3].rating`; odd keys as `["a.b"]`. */
export function formatFieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part))
      out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === '' ? '(input)' : out;
}

/** The parts of a zod issue we read, so zod's classic and core errors both fit. */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/** A zod error as field errors under `prefix` (`body`, `query`, `params`, `headers`). */
export function zodFieldErrors(
  error: { readonly issues: readonly ZodIssueLike[] },
  prefix: string,
): FieldError[] {
  return error.issues.flatMap((issue) => {
    // An unknown key is reported on its parent by zod; name the key itself instead.
    if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
      return issue.keys.map((key) => ({
        path: formatFieldPath(prefix, [...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    return [{ path: formatFieldPath(prefix, issue.path), message: issue.message }];
  });
}

/** The clinical core rejected part of the body: the same path, under `body`. */
export function clinicalInputProblem(error: ClinicalInputError): Problem {
  return badRequest([{ path: formatFieldPath('body', error.path), message: error.detail }]);
}
