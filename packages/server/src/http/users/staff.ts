/**
 * The clinic's staff by name, for every clinician (issue 5, journey 1: who acknowledged or
 * resolved an alert), under `/api`:
 * - `GET /api/staff`   clinicians and administrators of your clinic: id, name, role, disabled
 *
 * Unlike `GET /api/users` (administrators), it carries no email, lock-out or caseload: only what
 * a colleague's name on the screen needs. Clinic-scoped by the session. Names of disabled
 * accounts stay, so an old acknowledgement still says who made it.
 *
 * Register after `registerSessionFeature`: it relies on its `request.auth`.
 */
import { z } from 'zod';
import type { Database } from '../../database/client.js';
import { listStaffUsers, staffRoles } from '../../users/users.js';
import { registerRoutes, type App, type RoutePlugin } from '../app.js';
import { problemResponse } from '../problem.js';
import { requireRole } from '../session/plugin.js';

export interface StaffFeatureOptions {
  readonly db: Database;
}

const staffMemberSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.enum(staffRoles),
    disabled: z.boolean(),
  })
  .meta({ id: 'StaffMember' });

const staffListSchema = z
  .object({ staff: z.array(staffMemberSchema).describe('Ordered by name') })
  .meta({ id: 'StaffNames' });

export const staffRoutes: RoutePlugin<StaffFeatureOptions> = (app, options) => {
  const { db } = options;
  app.get(
    '/staff',
    {
      schema: {
        summary: "The clinic's staff by name",
        description:
          'Clinicians and administrators of your clinic with their names and roles, to show who did what (no emails). Clinicians and administrators.',
        tags: ['users'],
        response: {
          200: staffListSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    async (request) => {
      const { user } = requireRole(request, 'clinician', 'admin');
      const found = await listStaffUsers(db, { clinicId: user.clinicId });
      return {
        staff: found.map((member) => ({
          id: member.id,
          displayName: member.displayName,
          role: member.role,
          disabled: member.disabledAt !== null,
        })),
      };
    },
  );
  return Promise.resolve();
};

/** Adds `GET /api/staff`. Call after `registerSessionFeature`. */
export function registerStaffFeature(app: App, options: StaffFeatureOptions): void {
  registerRoutes(app, staffRoutes, { ...options, prefix: '/api' });
}
