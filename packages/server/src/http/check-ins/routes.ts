/**
 * The patient's next-morning check-ins (issue 6 §2), under `/api`:
 * - `POST /api/me/check-ins`   pain and stiffness the morning after a session (needs `Idempotency-Key`)
 * - `GET /api/me/check-ins`    the patient's own check-ins, by session day (`from`, `to`)
 *
 * The patient is always the signed-in user's own record, never an id from the request. Every
 * read and write is audited. The progression rules read the check-ins with the logs
 * (`mergeCheckIns`), as "settled by the next morning" [S-PMM].
 */
import { z } from 'zod';
import { listCheckIns, recordCheckIn } from '../../check-ins/check-ins.js';
import type { Database } from '../../database/client.js';
import type { CheckIn } from '../../database/schema.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../logs/session-logs.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, ownPatient } from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import { ProblemError, badRequest, conflict, problemResponse } from '../problem.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface CheckInFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

const rating = z.int().min(0).max(10).describe('0 (none) to 10 (the worst imaginable)');

const checkInBodySchema = z
  .strictObject({
    sessionOn: z.iso.date().describe('YYYY-MM-DD, the day of the session (a day with a log)'),
    pain: rating,
    stiffness: rating,
  })
  .meta({ id: 'CheckInBody' });

const checkInSchema = z
  .object({
    id: z.uuid(),
    sessionOn: z.iso.date(),
    pain: z.int(),
    stiffness: z.int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CheckIn' });

const listQuerySchema = z.strictObject({
  from: z.iso.date().optional().describe('The first session day, YYYY-MM-DD'),
  to: z.iso.date().optional().describe('The last session day, YYYY-MM-DD'),
});

function publicCheckIn(row: CheckIn) {
  return {
    id: row.id,
    sessionOn: row.sessionOn,
    pain: row.pain,
    stiffness: row.stiffness,
    createdAt: row.createdAt.toISOString(),
  };
}

export const checkInRoutes: RoutePlugin<CheckInFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.post(
    '/me/check-ins',
    {
      // The header is checked by hand (below) so the problem names it `headers.idempotency-key`.
      attachValidation: true,
      schema: {
        summary: 'Check in the morning after a session',
        description:
          'Pain and stiffness (0–10) the morning after a session day, which the progression rules read as next-morning pain and stiffness. Needs the `Idempotency-Key` header (kept across retries) and the x-csrf-token header. 201 when stored; 200 with the stored check-in when the key was seen with the same body; 409 when it was seen with another, or the day already has a check-in.',
        tags: ['patient app'],
        headers: z.object({
          [IDEMPOTENCY_KEY_HEADER]: z
            .string()
            .min(1)
            .max(IDEMPOTENCY_KEY_MAX_LENGTH)
            .describe('A key the client generates per check-in and sends again on every retry'),
        }),
        body: checkInBodySchema,
        response: {
          200: checkInSchema.describe('A retry: the check-in was already stored under this key'),
          201: checkInSchema,
          400: problemResponse(
            'The header is missing, a field is invalid, or the day is in the future or has no session log',
          ),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
          404: problemResponse('No patient record for this user'),
          409: problemResponse(
            'The key was used with another check-in, or the day already has one',
          ),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const key = idempotencyKeyOf(request);
      if (request.validationError !== undefined) throw request.validationError;
      const patient = await ownPatient(db, auth);
      const at = now();
      const origin = requestOrigin(request);
      const audit = (writer: Pick<Database, 'insert'>, action: 'create' | 'read', id: string) =>
        recordAudit(writer, {
          userId: auth.user.id,
          clinicId: auth.user.clinicId,
          patientId: patient.id,
          action,
          resource: 'checkIn',
          resourceId: id,
          ...origin,
          detail: { duplicate: action === 'read' },
          at,
        });
      const result = await recordCheckIn(db, {
        patientId: patient.id,
        idempotencyKey: key,
        body: request.body,
        today: dayOf(at),
        now: at,
        onStored: (tx, stored) => audit(tx, 'create', stored.id),
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'invalidIdempotencyKey':
            throw new ProblemError(
              badRequest([
                {
                  path: `headers.${IDEMPOTENCY_KEY_HEADER}`,
                  message: `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters, not blank`,
                },
              ]),
            );
          case 'future':
            throw new ProblemError(
              badRequest([{ path: 'body.sessionOn', message: 'must not be after today' }]),
            );
          case 'noSessionThatDay':
            throw new ProblemError(
              badRequest([
                { path: 'body.sessionOn', message: 'must be a day with a logged session' },
              ]),
            );
          case 'idempotencyConflict':
            throw new ProblemError(
              conflict(
                'This Idempotency-Key was already used with a different check-in; use a new key for a new check-in.',
              ),
            );
          case 'alreadyCheckedIn':
            throw new ProblemError(
              conflict(`There is already a check-in for ${request.body.sessionOn}.`),
            );
        }
      }
      if (result.duplicate) await audit(db, 'read', result.row.id);
      void reply.header('cache-control', 'no-store');
      return reply.code(result.duplicate ? 200 : 201).send(publicCheckIn(result.row));
    },
  );

  app.get(
    '/me/check-ins',
    {
      schema: {
        summary: "The patient's next-morning check-ins",
        description:
          'Oldest session day first; `from` and `to` (YYYY-MM-DD, inclusive) narrow the session days.',
        tags: ['patient app'],
        querystring: listQuerySchema,
        response: {
          200: z.object({ checkIns: z.array(checkInSchema) }).meta({ id: 'CheckInList' }),
          400: problemResponse('A malformed day, or `from` after `to`'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No patient record for this user'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const { from, to } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new ProblemError(
          badRequest([{ path: 'query.from', message: 'must not be after to' }]),
        );
      }
      const patient = await ownPatient(db, auth);
      const rows = await listCheckIns(db, {
        patientId: patient.id,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        patientId: patient.id,
        action: 'read',
        resource: 'checkIn',
        ...requestOrigin(request),
        detail: { from: from ?? null, to: to ?? null, count: rows.length },
        at: now(),
      });
      void reply.header('cache-control', 'no-store');
      return { checkIns: rows.map(publicCheckIn) };
    },
  );

  return Promise.resolve();
};

/** Adds the check-in routes under `/api`; register after `registerSessionFeature`. */
export function registerCheckInFeature(app: App, options: CheckInFeatureOptions): void {
  registerRoutes(app, checkInRoutes, { ...options, prefix: '/api' });
}
