/**
 * The HTTP application: Fastify 5 with zod schemas (validation, serialisation, OpenAPI), security
 * headers, and one error handler that answers every failure as RFC 9457 problem+json.
 *
 * Route plugins are added with `registerRoutes`, after `buildApp` and before `ready()`/`listen()`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ClinicalInputError } from '@spinewise/clinical';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginOptions,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchemaCompiler,
} from 'fastify';
import {
  serializerCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthRoutes, type HealthCheck } from './health.js';
import { registerOpenApi } from './openapi.js';
import { registerWebApp, type AppPageFallback } from './web.js';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  clinicalInputProblem,
  formatFieldPath,
  forbidden,
  genericProblem,
  internal,
  malformedBody,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  tooManyRequests,
  unsupportedMediaType,
  badRequest,
  zodFieldErrors,
  type FieldError,
  type Problem,
} from './problem.js';

/** The app with zod typing for routes: `app.get(url, { schema: { body: z.object(…) } }, …)`. */
export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A feature's routes, e.g. `export const patientRoutes: RoutePlugin = async (app) => { … }`. */
export type RoutePlugin<Options extends FastifyPluginOptions = FastifyPluginOptions> =
  FastifyPluginAsyncZod<Options>;

export interface AppOptions {
  /** Fastify's logger: `false` (default) in tests, `true` or pino options in the server. */
  readonly logger?: boolean | object;
  /** Whether the database answers; behind `GET /api/health`. */
  readonly health: HealthCheck;
  /**
   * Trust X-Forwarded-* (client address, protocol) only when a known proxy sets them; default
   * false, so a client cannot forge its address (which rate limits and the audit log use).
   */
  readonly trustProxy?: boolean;
  /**
   * The web app's build directory (`registerWebApp`), served at `/`; unset, the app serves the
   * API only (tests, benchmarks).
   */
  readonly webRoot?: string;
}

/** 1 MB: the largest real body (a questionnaire with notes) is a few kB. */
export const BODY_LIMIT_BYTES = 1_048_576;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Zod validation that keeps zod's own error. The provider's `validatorCompiler` flattens each
 * issue's path into a JSON pointer (`/answers/3/rating`), which cannot tell the list index 3
 * from a key "3"; with the error itself, problems name fields as `body.answers[3].rating`.
 */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = z.safeParse(schema, data);
    return result.success ? { value: result.data } : { error: result.error };
  };

/** Fastify names the request part `querystring`; clients know it as the query. */
function partName(context: string | undefined): string {
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

/** A Fastify (ajv-style) validation entry, for any route validated without our compiler. */
interface ValidationEntry {
  readonly instancePath?: string;
  readonly message?: string;
}

function validationEntries(entries: readonly ValidationEntry[], prefix: string): FieldError[] {
  return entries.map((entry) => ({
    path: formatFieldPath(
      prefix,
      (entry.instancePath ?? '')
        .split('/')
        .filter((part) => part !== '')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    ),
    message: entry.message ?? 'is invalid',
  }));
}

/** Turns any error into the problem to answer with; `null` means a fault of ours (500). */
export function problemFor(error: unknown): Problem | null {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof ClinicalInputError) return clinicalInputProblem(error);
  if (typeof error !== 'object' || error === null) return null;
  const { code, statusCode, validationContext, validation, message } = error as Partial<
    FastifyError & { validationContext: string }
  >;
  if (code === 'FST_ERR_VALIDATION' || validation !== undefined) {
    const prefix = partName(validationContext);
    if (error instanceof z.ZodError) return badRequest(zodFieldErrors(error, prefix));
    if (Array.isArray(validation)) return badRequest(validationEntries(validation, prefix));
  }
  // A path that cannot be decoded (`/api/patients/%`): the client's URL, named as such.
  if (code === 'FST_ERR_BAD_URL') {
    return badRequest([{ path: 'url', message: 'has invalid percent-encoding' }]);
  }
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') return malformedBody('is not valid JSON');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return malformedBody('is empty');
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return payloadTooLarge(BODY_LIMIT_BYTES);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unsupportedMediaType();
  // Other client errors carry messages meant for the client (Fastify's own, `@fastify/error`);
  // a 5xx, or an error without a status, might hold SQL or secrets and is never shown.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return genericProblem(statusCode, message ?? 'The request could not be processed.');
  }
  return null;
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  void reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    // The path only: query strings may carry tokens (invitation codes).
    .send({ ...problem, instance: problem.instance ?? request.url.split('?')[0] });
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = problemFor(error);
  if (problem === null) {
    request.log.error({ err: error }, 'unexpected error');
    sendProblem(request, reply, internal());
    return;
  }
  if (problem.status >= 500) request.log.error({ err: error }, problem.detail);
  sendProblem(request, reply, problem);
}

/**
 * Request logs name the method, the path and the status, never the query string (an invitation
 * link carries its code there), bodies, cookies or headers.
 */
export function withSafeSerializers(logger: boolean | object): boolean | object {
  if (logger === false) return false;
  return {
    ...(logger === true ? {} : logger),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
    },
  };
}

/**
 * The first string in `value` that PostgreSQL could not store as given, with its path: a NUL
 * character (text and JSONB refuse it) or a lone UTF-16 surrogate (it would be stored as U+FFFD,
 * silently changing what was sent). Found at the edge, it is the client's 400, not our 500.
 */
/** With the `u` flag a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has a lone surrogate)';
  return null;
}

/** Bodies nest no deeper than this; a deeper one is not a request any client of ours sends. */
export const MAX_BODY_DEPTH = 64;

interface PathLink {
  readonly parent: PathLink | null;
  readonly key: PropertyKey;
}

function pathOf(link: PathLink | null): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = link; at !== null; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * Walks without recursion (a hostile body may nest a hundred thousand levels) and stops at
 * `MAX_BODY_DEPTH`, which is reported as a problem too.
 */
export function unstorableString(
  value: unknown,
): { readonly path: readonly PropertyKey[]; readonly message: string } | null {
  const stack: { value: unknown; link: PathLink | null; depth: number }[] = [
    { value, link: null, depth: 0 },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: item, link, depth } = next;
    if (typeof item === 'string') {
      const message = stringProblem(item);
      if (message !== null) return { path: pathOf(link), message };
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return { path: pathOf(link), message: `nests deeper than ${String(MAX_BODY_DEPTH)} levels` };
    }
    const entries = Object.entries(item);
    // Pushed in reverse, so the first problem in document order is the one reported.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, member] = entries[index] as [string, unknown];
      const child: PathLink = { parent: link, key: Array.isArray(item) ? index : key };
      const keyMessage = stringProblem(key);
      if (keyMessage !== null)
        return { path: pathOf(child), message: `has a key that ${keyMessage}` };
      stack.push({ value: member, link: child, depth: depth + 1 });
    }
  }
  return null;
}

export function buildApp(options: AppOptions): App {
  const app = Fastify({
    logger: withSafeSerializers(options.logger ?? false),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Errors Fastify raises before a route runs (an undecodable URL) take the same path.
    frameworkErrors: (error, request, reply) => {
      handleError(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Before any route's validation, so every route is covered, present and future.
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = unstorableString(value);
      if (found !== null) {
        done(
          new ProblemError(
            badRequest([{ path: formatFieldPath(part, found.path), message: found.message }]),
          ),
        );
        return;
      }
    }
    done();
  });
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  let appPage: AppPageFallback | null = null;
  app.setNotFoundHandler((request, reply) => {
    // An address the web app routes itself (`/patients/…`) gets the app's page.
    if (appPage?.(request, reply) === true) return;
    const path = request.url.split('?')[0] ?? '/';
    const allowed = METHODS.filter((method) => {
      // Typed as always found, but Fastify answers null when no route matches.
      const found: unknown = app.findRoute({ method, url: path });
      return method !== request.method && found !== null;
    });
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      sendProblem(request, reply, methodNotAllowed(request.method, allowed));
      return;
    }
    sendProblem(request, reply, notFound('route'));
  });

  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        // Same-origin SPA and Swagger UI: every script, style, font and image from our origin.
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        // 'wasm-unsafe-eval': the patient app's camera coach runs the pose model as WebAssembly
        // (served from our origin); Chromium refuses to compile any wasm without it. It allows
        // no string eval and no inline script.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        scriptSrcAttr: ["'none'"],
        // Inline style attributes (set by UI libraries, Swagger UI) cannot run script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // No upgrade-insecure-requests: the default server is plain HTTP on loopback, where an
        // upgrade to HTTPS would break every asset (Safari applies it to localhost).
      },
    },
    // Pages of a clinical record must not be framed (click-jacking).
    frameguard: { action: 'deny' },
  });

  // Opt-in per route (`config: { rateLimit: { max, timeWindow } }`), e.g. log-in; limits answer
  // as problems through the error handler.
  void app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(
        context.ban
          ? forbidden('Too many requests; this client is blocked for now.')
          : tooManyRequests(context.ttl / 1000),
      ),
  });

  registerOpenApi(app);
  void app.register(healthRoutes, { check: options.health });
  if (options.webRoot !== undefined) {
    appPage = registerWebApp(app, { root: options.webRoot }).fallback;
  }
  return app;
}

/** Adds a feature's routes (under `prefix`, e.g. `/api/patients`) after the app's foundations. */
export function registerRoutes<Options extends FastifyPluginOptions>(
  app: App,
  plugin: RoutePlugin<Options>,
  options: Options & { prefix?: string },
): void {
  void app.register(plugin, options);
}
