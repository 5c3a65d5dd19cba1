import { ClinicalInputError } from '@spinewise/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp, registerRoutes, unstorableString, type App, type RoutePlugin } from './app.js';
import type { HealthStatus } from './health.js';
import { ProblemError, conflict, problemResponse } from './problem.js';

const SECRET = 'password=hunter2 at select * from users';

const testRoutes: RoutePlugin = (app) => {
  app.post(
    '/api/test/answers',
    {
      schema: {
        summary: 'A test route',
        body: z.strictObject({
          patientId: z.uuid(),
          answers: z.array(z.object({ item: z.string(), rating: z.number().int().min(0).max(10) })),
        }),
        querystring: z.object({ draft: z.enum(['yes', 'no']).optional() }),
        response: { 200: z.object({ count: z.number() }), 400: problemResponse('Invalid') },
      },
    },
    (request) => ({ count: request.body.answers.length }),
  );
  app.get(
    '/api/test/items/:id',
    { schema: { params: z.object({ id: z.coerce.number().int() }) } },
    (request) => ({ id: request.params.id }),
  );
  app.get('/api/test/crash', () => {
    throw new Error(SECRET);
  });
  app.post('/api/test/clinical', () => {
    throw new ClinicalInputError(['findings', 'age'], 'must be a number from 0 to 120');
  });
  app.delete('/api/test/conflict', () => {
    throw new ProblemError(conflict('The programme was already approved.'));
  });
  app.get('/api/test/limited', { config: { rateLimit: { max: 1, timeWindow: 60_000 } } }, () => ({
    ok: true,
  }));
  return Promise.resolve();
};

let health: HealthStatus | Error = { database: 'ok' };
let app: App;

beforeAll(async () => {
  app = buildApp({
    health: () => (health instanceof Error ? Promise.reject(health) : Promise.resolve(health)),
  });
  registerRoutes(app, testRoutes, {});
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

const validBody = {
  patientId: '3f8e2b1c-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  answers: [{ item: 'q1', rating: 3 }],
};

function expectProblem(response: { headers: Record<string, unknown>; statusCode: number }) {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('problem+json for every error', () => {
  it('accepts a valid body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      payload: validBody,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ count: 1 });
  });

  it('names the failing field of a body that fails its schema', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers?draft=maybe',
      payload: { ...validBody, answers: [validBody.answers[0], { item: 'q2', rating: 'high' }] },
    });
    expect(response.statusCode).toBe(400);
    expectProblem(response);
    const problem = response.json<{
      type: string;
      status: number;
      instance: string;
      errors: { path: string; message: string }[];
    }>();
    expect(problem).toMatchObject({
      type: 'https://spinewise.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      instance: '/api/test/answers',
    });
    expect(problem.errors[0]?.path).toBe('body.answers[1].rating');
    expect(problem.errors[0]?.message).toMatch(/number/);
  });

  it('names an unknown field and a bad query parameter', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      payload: { ...validBody, score: 42 },
    });
    expect(unknown.json<{ errors: unknown[] }>().errors).toEqual([
      { path: 'body.score', message: 'is not a known field' },
    ]);
    const query = await app.inject({
      method: 'POST',
      url: '/api/test/answers?draft=maybe',
      payload: validBody,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query.draft');
  });

  it('answers invalid and empty JSON with 400 naming the body', async () => {
    for (const payload of ['{"answers": [', '']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/test/answers',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expectProblem(response);
      expect(response.json()).toMatchObject({
        type: 'https://spinewise.dev/problems/malformed-request',
        errors: [{ path: 'body' }],
      });
    }
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...validBody, padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expectProblem(response);
    expect(response.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/payload-too-large',
    });
  });

  it('answers a body in another media type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      headers: { 'content-type': 'application/xml' },
      payload: '<answers/>',
    });
    expect(response.statusCode).toBe(415);
    expectProblem(response);
  });

  it('answers an unknown route with 404, and a wrong method with 405 and Allow', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here?token=secret' });
    expect(missing.statusCode).toBe(404);
    expectProblem(missing);
    expect(missing.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/not-found',
      instance: '/api/nothing-here',
    });
    const wrongMethod = await app.inject({ method: 'GET', url: '/api/test/answers' });
    expect(wrongMethod.statusCode).toBe(405);
    expectProblem(wrongMethod);
    expect(wrongMethod.headers.allow).toBe('POST');
    const withParameter = await app.inject({ method: 'DELETE', url: '/api/test/items/7' });
    expect(withParameter.statusCode).toBe(405);
    expect(withParameter.headers.allow).toBe('GET, HEAD');
  });

  it('names a bad path parameter, and answers an undecodable URL as a problem', async () => {
    const badParameter = await app.inject({ method: 'GET', url: '/api/test/items/seven' });
    expect(badParameter.statusCode).toBe(400);
    expect(badParameter.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('params.id');
    const undecodable = await app.inject({ method: 'GET', url: '/api/test/items/%E0%A4%A' });
    expect(undecodable.statusCode).toBe(400);
    expectProblem(undecodable);
  });

  it('answers an unexpected error with 500 and a generic detail, never the message or stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    expectProblem(response);
    expect(response.json()).toEqual({
      type: 'https://spinewise.dev/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. The error has been logged.',
      instance: '/api/test/crash',
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('select');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a ClinicalInputError with 400 and its path under body', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/clinical', payload: {} });
    expect(response.statusCode).toBe(400);
    expectProblem(response);
    expect(response.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/validation',
      errors: [{ path: 'body.findings.age', message: 'must be a number from 0 to 120' }],
    });
  });

  it('answers a thrown ProblemError as it is', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/test/conflict' });
    expect(response.statusCode).toBe(409);
    expectProblem(response);
    expect(response.json()).toMatchObject({ detail: 'The programme was already approved.' });
  });

  it('answers a rate-limited route with 429 and Retry-After', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/test/limited' });
    expect(first.statusCode).toBe(200);
    const second = await app.inject({ method: 'GET', url: '/api/test/limited' });
    expect(second.statusCode).toBe(429);
    expectProblem(second);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/rate-limited',
      retryAfter: Number(second.headers['retry-after']),
    });
  });
});

describe('logging', () => {
  it('logs the real cause of a 500 on the server side', async () => {
    const lines: string[] = [];
    const logged = buildApp({
      logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } },
      health: () => Promise.resolve({ database: 'ok' }),
    });
    registerRoutes(logged, testRoutes, {});
    const response = await logged.inject({ method: 'GET', url: '/api/test/crash' });
    await logged.close();
    expect(response.body).not.toContain('hunter2');
    expect(lines.join('')).toContain('hunter2');
  });
});

describe('security headers', () => {
  it('are sent on success and on errors', async () => {
    for (const url of ['/api/health', '/api/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Spinewise API');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    const route = document.paths['/api/test/answers']?.post;
    expect(route?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['patientId', 'answers'] } } },
    });
    expect(document.paths['/api/health']?.get).toBeDefined();
    expect(Object.keys(document.components.schemas)).toContain('Problem');
    expect(Object.keys(document.paths).some((path) => path.startsWith('/api/docs'))).toBe(false);
  });

  it('serves Swagger UI from our own origin', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-ui-bundle.js',
    });
    expect(script.statusCode).toBe(200);
  });
});

describe('GET /api/health', () => {
  it('is 200 when the database answers', async () => {
    health = { database: 'ok' };
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('is a 503 problem when the database does not answer, or the check fails', async () => {
    for (const state of [{ database: 'unavailable' } as const, new Error('connect ECONNREFUSED')]) {
      health = state;
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expectProblem(response);
      expect(response.json()).toMatchObject({
        type: 'https://spinewise.dev/problems/unavailable',
        status: 503,
      });
    }
    health = { database: 'ok' };
  });
});

describe('strings PostgreSQL could not store as sent', () => {
  it('refuse a NUL character or a lone surrogate anywhere in the body, naming the field', async () => {
    const nul = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      headers: { 'content-type': 'application/json' },
      payload:
        '{"patientId":"3f8e2b1c-4d5a-4b6c-8d7e-9f0a1b2c3d4e","answers":[{"item":"q\\u0000","rating":3}]}',
    });
    expect(nul.statusCode).toBe(400);
    expectProblem(nul);
    expect(nul.json()).toMatchObject({
      errors: [{ path: 'body.answers[0].item', message: 'must not contain the NUL character' }],
    });

    const surrogate = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      headers: { 'content-type': 'application/json' },
      payload:
        '{"patientId":"3f8e2b1c-4d5a-4b6c-8d7e-9f0a1b2c3d4e","answers":[{"item":"\\ud800","rating":3}]}',
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({
      errors: [
        {
          path: 'body.answers[0].item',
          message: 'must be valid Unicode (it has a lone surrogate)',
        },
      ],
    });
  });

  it('checks object keys and the query string too, and passes well-formed text', () => {
    expect(unstorableString({ 'a\u0000': 1 })).toMatchObject({
      message: 'has a key that must not contain the NUL character',
    });
    expect(unstorableString({ note: 'Bücken 😀 ok' })).toBeNull();
  });

  it('covers the query string', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers?x=%00',
      payload: validBody,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'query.x' }] });
  });
});

describe('a URL that cannot be decoded', () => {
  it('is a 400 problem naming the URL', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/things/%' });
    expect(response.statusCode).toBe(400);
    expectProblem(response);
    expect(response.json()).toMatchObject({
      errors: [{ path: 'url', message: 'has invalid percent-encoding' }],
    });
  });
});

describe('deeply nested bodies', () => {
  it('are a 400 naming where they go too deep, however deep they go', async () => {
    const depth = 100_000;
    const payload = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/answers',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expectProblem(response);
  });

  it('report the path at the limit', () => {
    let value: unknown = 'leaf';
    for (let level = 0; level < 70; level += 1) value = [value];
    const found = unstorableString({ list: value });
    expect(found?.message).toBe('nests deeper than 64 levels');
    expect(found?.path).toHaveLength(64);
  });
});
