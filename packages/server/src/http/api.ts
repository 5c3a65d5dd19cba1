/**
 * The whole API on one app: every feature's routes under `/api`, in the one order that works
 * (authentication first: its hooks reach only routes registered after it). The server, the
 * integration tests (the authorisation matrix, fuzzing) and the benchmarks all build the API
 * through here, so a route added to a feature is served, tested and measured alike.
 */
import type { Database } from '../database/client.js';
import type { App } from './app.js';
import { registerAssessmentFeature } from './assessments/routes.js';
import { registerCalendarFeature } from './calendar/routes.js';
import { registerCaseloadFeature } from './caseload/routes.js';
import { registerCheckInFeature } from './check-ins/routes.js';
import { registerChartFeature } from './chart/routes.js';
import { registerExerciseFeature } from './exercises/routes.js';
import { registerLogFeature } from './logs/routes.js';
import { registerMeFeature } from './me/routes.js';
import { registerNoteFeature } from './notes/routes.js';
import { registerPatientFeature } from './patients/routes.js';
import { registerProgrammeFeature } from './programmes/routes.js';
import { registerQuestionnaireFeature } from './questionnaires/routes.js';
import { registerReminderFeature } from './reminders/routes.js';
import { registerRomFeature } from './rom/routes.js';
import { registerSessionFeature, type LoginRateLimit } from './session/routes.js';
import { registerUserFeature } from './users/routes.js';
import { registerStaffFeature } from './users/staff.js';

export interface ApiOptions {
  readonly db: Database;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Log-in and invitation redemption, per client address. */
  readonly loginRateLimit?: LoginRateLimit;
}

export function registerApi(app: App, options: ApiOptions): void {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const limit =
    options.loginRateLimit === undefined ? {} : { loginRateLimit: options.loginRateLimit };
  registerSessionFeature(app, { db, now, ...limit });
  registerPatientFeature(app, {
    db,
    now,
    ...(options.loginRateLimit === undefined ? {} : { redeemRateLimit: options.loginRateLimit }),
  });
  registerLogFeature(app, { db, now });
  // Further features: one line each, below this comment, e.g. `registerXFeature(app, { db, now });`
  registerCaseloadFeature(app, { db, now });
  registerAssessmentFeature(app, { db, now });
  registerNoteFeature(app, { db, now });
  registerUserFeature(app, { db, now });
  registerStaffFeature(app, { db });
  registerProgrammeFeature(app, { db, now });
  registerChartFeature(app, { db, now });
  registerExerciseFeature(app, { db, now });
  registerQuestionnaireFeature(app, { db, now });
  registerCheckInFeature(app, { db, now });
  registerReminderFeature(app, { db, now });
  registerCalendarFeature(app, { db, now });
  registerMeFeature(app, { db, now });
  registerRomFeature(app, { db, now });
}
