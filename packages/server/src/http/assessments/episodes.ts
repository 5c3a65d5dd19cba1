/**
 * Changing an episode of care (issue 4 §2–3), under `/api`:
 * - `PATCH /api/episodes/:episodeId`   discharge the patient, or correct the condition
 *
 * A discharge records the day and a summary; the episode's active programme is completed with
 * it, and the episode takes no more assessments or changes. Clinicians only, scoped by clinic.
 */
import type { FieldError } from '../problem.js';
import type { Database } from '../../database/client.js';
import type { Episode } from '../../database/schema.js';
import { updateEpisode } from '../../assessments/episodes.js';
import { auditPatient } from '../access.js';
import type { RoutePlugin } from '../app.js';
import { dayOf } from '../logs/routes.js';
import { ProblemError, badRequest, conflict, notFound, problemResponse } from '../problem.js';
import { requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';
import { episodeParams, episodeRecordSchema, updateEpisodeBodySchema } from './schemas.js';

export interface EpisodeFeatureOptions {
  readonly db: Database;
  readonly now?: () => Date;
}

function episodeRecord(episode: Episode, completedProgrammeIds: readonly string[]) {
  return {
    id: episode.id,
    patientId: episode.patientId,
    region: episode.region,
    condition: episode.condition,
    startedOn: episode.startedOn,
    status: episode.status,
    dischargedOn: episode.dischargedOn,
    dischargeSummary: episode.dischargeSummary,
    updatedAt: episode.updatedAt.toISOString(),
    completedProgrammeIds,
  };
}

export const episodeRoutes: RoutePlugin<EpisodeFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.patch(
    '/episodes/:episodeId',
    {
      schema: {
        summary: 'Discharge from an episode, or change its condition',
        description:
          'Discharge with `{ status: "discharged", dischargedOn, dischargeSummary }`: the day is on or after the start and not in the future, and the episode’s active programme is completed. Or correct `condition`. A discharged episode cannot change. Needs the x-csrf-token header.',
        tags: ['patients'],
        params: episodeParams,
        body: updateEpisodeBodySchema,
        response: {
          200: episodeRecordSchema,
          400: problemResponse('The body is invalid; errors name each field'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician, or the CSRF header is missing'),
          404: problemResponse('No such episode (or not one you may see)'),
          409: problemResponse('The episode is already discharged'),
        },
      },
    },
    async (request) => {
      const auth = requireRole(request, 'clinician');
      const { status, dischargedOn, dischargeSummary, condition } = request.body;
      const at = now();

      const errors: FieldError[] = [];
      if (status === undefined) {
        if (dischargedOn !== undefined) {
          errors.push({ path: 'body.dischargedOn', message: 'is given only with status' });
        }
        if (dischargeSummary !== undefined) {
          errors.push({ path: 'body.dischargeSummary', message: 'is given only with status' });
        }
        if (condition === undefined && errors.length === 0) {
          errors.push({
            path: 'body',
            message: 'give the condition to change, or status "discharged" to discharge',
          });
        }
      } else {
        if (dischargedOn === undefined) {
          errors.push({ path: 'body.dischargedOn', message: 'is required to discharge' });
        } else if (dischargedOn > dayOf(at)) {
          errors.push({ path: 'body.dischargedOn', message: 'is in the future' });
        }
        if (dischargeSummary === undefined) {
          errors.push({ path: 'body.dischargeSummary', message: 'is required to discharge' });
        }
      }
      if (errors.length > 0) throw new ProblemError(badRequest(errors));

      const result = await updateEpisode(db, {
        episodeId: request.params.episodeId,
        clinicId: auth.user.clinicId,
        ...(condition === undefined ? {} : { condition }),
        ...(dischargedOn === undefined || dischargeSummary === undefined
          ? {}
          : { discharge: { dischargedOn, dischargeSummary } }),
        now: at,
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'notFound':
            throw new ProblemError(notFound('episode'));
          case 'discharged':
            throw new ProblemError(
              conflict('This episode is already discharged; it cannot change.'),
            );
          case 'dischargeBeforeStart':
            throw new ProblemError(
              badRequest([
                {
                  path: 'body.dischargedOn',
                  message: `is before the episode started (${result.startedOn})`,
                },
              ]),
            );
        }
      }

      await auditPatient(db, auth.user, requestOrigin(request), at, {
        action: 'update',
        resource: 'episode',
        patientId: result.episode.patientId,
        resourceId: result.episode.id,
        detail: {
          discharged: status !== undefined,
          conditionChanged: condition !== undefined,
          completedProgrammeIds: result.completedProgrammeIds,
        },
      });
      return episodeRecord(result.episode, result.completedProgrammeIds);
    },
  );

  return Promise.resolve();
};
