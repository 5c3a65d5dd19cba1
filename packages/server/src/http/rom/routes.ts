/**
 * Range of motion measured by the camera coach (issue 7), under `/api`:
 * - `POST /api/me/rom`                      one measurement (needs `Idempotency-Key`)
 * - `GET /api/me/rom`                       the patient's own measurements, oldest first
 * - `GET /api/patients/:patientId/rom`      a patient's measurements, for the clinic's staff
 *
 * Numbers only, never a frame; every answer states the limits (camera angles are estimates, not
 * clinical goniometry). A patient only ever touches their own record (`patients.user_id`);
 * another clinic's patient is "not found". Every read and write is audited.
 *
 * Register after `registerSessionFeature`: these routes rely on its `request.auth`.
 */
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import type { RomMeasurement } from '../../database/schema.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../logs/session-logs.js';
import {
  MEASURED_AT_SKEW_MS,
  ROM_LIMITS,
  ROM_LIST_MAX,
  listRomMeasurements,
  recordRomMeasurement,
  romMovements,
} from '../../rom/measurements.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  auditPatient,
  findVisiblePatient,
  idempotencyKeyOf,
  ownPatient,
} from '../access.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { ProblemError, badRequest, conflict, problemResponse } from '../problem.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';

export interface RomFeatureOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

const movementSchema = z
  .enum(romMovements)
  .describe('Standing trunk flexion, extension and side-bending, and neck rotation');

const romBodySchema = z
  .strictObject({
    movement: movementSchema,
    degrees: z.number().min(0).max(180).describe('The angle reached, 0 to 180 degrees'),
    measuredAt: z.iso
      .datetime()
      .describe(
        `When it was measured (UTC ISO date-time); not in the future (a phone clock up to ${String(MEASURED_AT_SKEW_MS / 60_000)} minutes fast is allowed)`,
      ),
  })
  .meta({ id: 'RomMeasurementBody' });

const romSchema = z
  .object({
    id: z.uuid(),
    movement: movementSchema,
    degrees: z.number(),
    measuredAt: z.iso.datetime(),
  })
  .meta({ id: 'RomMeasurement' });

const romListSchema = z
  .object({
    measurements: z.array(romSchema).describe('Oldest first'),
    limits: z.string().describe('What these numbers can and cannot tell, in plain words'),
    truncated: z
      .boolean()
      .describe(`More than ${String(ROM_LIST_MAX)} measurements: the newest are listed`),
  })
  .meta({ id: 'RomMeasurementList' });

const patientIdParams = z.object({ patientId: z.uuid() });

function publicRom(row: RomMeasurement) {
  return {
    id: row.id,
    movement: row.movement,
    degrees: row.degrees,
    measuredAt: row.measuredAt.toISOString(),
  };
}

/** The signed-in patient's own record: the only patient a patient's request can touch. */

export const romRoutes: RoutePlugin<RomFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.post(
    '/me/rom',
    {
      // The header is checked by hand (below) so the problem names it `headers.idempotency-key`.
      attachValidation: true,
      schema: {
        summary: 'Save a range-of-motion measurement',
        description:
          'One angle the camera coach measured on the phone, as the patient confirmed it: an estimate, not clinical goniometry. Needs the `Idempotency-Key` header (kept across retries) and the x-csrf-token header. 201 when stored; 200 with the stored measurement when the key was seen with the same body; 409 when it was seen with another.',
        tags: ['patient app'],
        headers: z.object({
          [IDEMPOTENCY_KEY_HEADER]: z
            .string()
            .min(1)
            .max(IDEMPOTENCY_KEY_MAX_LENGTH)
            .describe('A key the client generates per measurement and sends again on every retry'),
        }),
        body: romBodySchema,
        response: {
          200: romSchema.describe('A retry: the measurement was already stored under this key'),
          201: romSchema,
          400: problemResponse('The header is missing, a field is invalid, or the time is ahead'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient, or the CSRF header is missing'),
          404: problemResponse('No patient record for this user'),
          409: problemResponse('The key was used before with a different measurement'),
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
          resource: 'romMeasurement',
          resourceId: id,
          ...origin,
          detail: { duplicate: action === 'read' },
          at,
        });
      const result = await recordRomMeasurement(db, {
        patientId: patient.id,
        idempotencyKey: key,
        body: request.body,
        now: at,
        // The write's audit entry commits with the measurement: none is ever unaudited.
        onStored: (tx, stored) => audit(tx, 'create', stored.id),
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'invalidIdempotencyKey':
            throw new ProblemError(
              badRequest([
                {
                  path: `headers.${IDEMPOTENCY_KEY_HEADER}`,
                  message: `must be 1 to ${String(IDEMPOTENCY_KEY_MAX_LENGTH)} characters, not blank`,
                },
              ]),
            );
          case 'future':
            throw new ProblemError(
              badRequest([{ path: 'body.measuredAt', message: 'must not be in the future' }]),
            );
          case 'idempotencyConflict':
            throw new ProblemError(
              conflict(
                'This Idempotency-Key was already used with a different measurement; use a new key for a new measurement.',
              ),
            );
        }
      }
      if (result.duplicate) await audit(db, 'read', result.row.id);
      void reply.header('cache-control', 'no-store');
      return reply.code(result.duplicate ? 200 : 201).send(publicRom(result.row));
    },
  );

  app.get(
    '/me/rom',
    {
      schema: {
        summary: "The patient's range-of-motion measurements",
        description:
          'Oldest first, with a plain statement of their limits: camera angles are estimates, not clinical goniometry.',
        tags: ['patient app'],
        response: {
          200: romListSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a patient'),
          404: problemResponse('No patient record for this user'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'patient');
      const patient = await ownPatient(db, auth);
      const { rows, truncated } = await listRomMeasurements(db, patient.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'romMeasurement',
        patientId: patient.id,
        detail: { count: rows.length },
      });
      void reply.header('cache-control', 'no-store');
      return { measurements: rows.map(publicRom), limits: ROM_LIMITS, truncated };
    },
  );

  app.get(
    '/patients/:patientId/rom',
    {
      schema: {
        summary: "A patient's range-of-motion measurements",
        description:
          'What the camera coach measured on the patient’s phone, oldest first, with a plain statement of the limits: camera angles are estimates, not clinical goniometry.',
        tags: ['chart'],
        params: patientIdParams,
        response: {
          200: romListSchema,
          400: problemResponse('The patient id is not a UUID'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
          404: problemResponse('No such patient (or not one you may see)'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const patient = await findVisiblePatient(db, auth, request.params.patientId);
      const { rows, truncated } = await listRomMeasurements(db, patient.id);
      await auditPatient(db, auth.user, requestOrigin(request), now(), {
        action: 'read',
        resource: 'romMeasurement',
        patientId: patient.id,
        detail: { via: 'chart', count: rows.length },
      });
      void reply.header('cache-control', 'no-store');
      return { measurements: rows.map(publicRom), limits: ROM_LIMITS, truncated };
    },
  );

  return Promise.resolve();
};

/** Adds the range-of-motion routes under `/api`; register after `registerSessionFeature`. */
export function registerRomFeature(app: App, options: RomFeatureOptions): void {
  registerRoutes(app, romRoutes, { ...options, prefix: '/api' });
}
