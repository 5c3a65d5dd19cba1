/**
 * `GET /api/health`: 200 when the server can reach its database, 503 (a problem) when it cannot,
 * so a load balancer or supervisor sees a server that is up but useless.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { ProblemError, problemResponse, unavailable } from './problem.js';

export interface HealthStatus {
  readonly database: 'ok' | 'unavailable';
}

export type HealthCheck = () => Promise<HealthStatus>;

/** How long a health check waits for `select 1`: a probe must answer fast, even when stuck. */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Runs `select 1` on the pool, giving up after `timeoutMs`. Never throws: a refused connection,
 * a dropped database or a hung socket all read as `unavailable`.
 */
export async function databaseHealth(
  pool: Pick<pg.Pool, 'query'>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<HealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  const query = pool.query('select 1').then(
    () => 'ok' as const,
    () => 'failed' as const,
  );
  try {
    // A query still running after the timeout settles later into the ignored branch above.
    return { database: (await Promise.race([query, timeout])) === 'ok' ? 'ok' : 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

const healthSchema = z
  .object({ status: z.literal('ok'), database: z.literal('ok') })
  .meta({ id: 'Health' });

export const healthRoutes: FastifyPluginAsyncZod<{ check: HealthCheck }> = (app, options) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Whether the server and its database are up',
        tags: ['health'],
        response: {
          200: healthSchema,
          503: problemResponse('The database does not answer'),
        },
      },
    },
    async () => {
      // A check that throws instead of answering means the same to a probe: not available.
      const { database } = await options
        .check()
        .catch((): HealthStatus => ({ database: 'unavailable' }));
      if (database !== 'ok') {
        throw new ProblemError(unavailable('The database does not answer; try again shortly.'));
      }
      return { status: 'ok' as const, database };
    },
  );
  return Promise.resolve();
};
