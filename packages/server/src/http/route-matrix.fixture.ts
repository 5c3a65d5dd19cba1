// Test fixture: THE route table (issue 4 §5). One entry per route the API serves, saying how to
// aim a valid request at patient A's resources and what each actor must get back. The
// authorisation matrix (authorization.int.test.ts) runs every cell of it, and fails when the
// app serves a route without an entry; the fuzzing (fuzz.int.test.ts) takes every write route
// from it, with its valid request as the seed to mutate.
//
// Adding a route: add an entry below, in the route's feature section —
//   {
//     route: 'POST /api/patients/:patientId/notes',          // METHOD and Fastify's path
//     request: async (w) => ({                               // a VALID request, per cell
//       params: { patientId: w.patientA.id },                // every :param of the path
//       body: { … },                                         // writes: a body that succeeds
//     }),
//     expect: { anonymous: 401, patientA: 403, patientB: 403,
//               clinicianOfA: 201, clinicianOfOtherClinic: 404, admin: 403 },
//   },
// (the common rows have names: STAFF_READ, CLINIC_A_STAFF_READ, ADMIN_ONLY(200),
// CLINIC_A_CLINICIAN_WRITE(201)). `request` runs before every cell (and every fuzz run), so a
// write that uses up its target (acknowledging an alert, approving a programme) takes a fresh
// one from `w.fresh` each time, and a write must never change what later cells rely on (an
// actor's account, patient A's active programme). Mark log-in-like routes `public: true`
// (anonymous is not 401; authorization.int.test.ts lists the public routes, so a new one is a
// deliberate change) and `csrf: false` (no CSRF header needed). The fuzzing writes as `fuzzAs`,
// or else as the first of clinicianOfA, admin, patientA, patientB, anonymous expected to get 2xx.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getLesson } from '@spinewise/clinical';
import type { InjectOptions } from 'fastify';
import { registerApi } from './api.js';
import { buildApp, type App } from './app.js';
import { DOCS_PREFIX } from './openapi.js';
import { CURRENT_CONSENT_VERSION } from './patients/consent.js';
import { freshCalendarToken } from './calendar/calendar.fixture.js';
import { freshCheckInBody } from './check-ins/check-ins.fixture.js';
import { NPRS_ANSWERS, freshQuestionnaireRequest } from './questionnaires/requests.fixture.js';
import type { Actor, World } from './world.fixture.js';

export interface RouteRequest {
  /** A value for every `:param` of the route's path. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as JSON; writes without a body send none. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteEntry {
  /** `METHOD /path/:param`, exactly as the app registers it. */
  readonly route: string;
  /** Answers signed-out clients (log-in, redeeming an invitation): anonymous is not 401. */
  readonly public?: true;
  /** `false` for writes exempt from the CSRF header (they start a session). */
  readonly csrf?: false;
  /** A valid request; the default has no params, query or body. */
  readonly request?: (world: World, actor: Actor) => RouteRequest | Promise<RouteRequest>;
  readonly expect: Readonly<Record<Actor, number>>;
  /** The actor the fuzzing writes as (one allowed to write), when the default is not right. */
  readonly fuzzAs?: Actor;
}

// ---------------------------------------------------------------- which routes need an entry

/**
 * Routes the table leaves out: HEAD (Fastify adds one to every GET, same handler), OPTIONS,
 * the API documentation (`/api/docs…`: static Swagger UI and the OpenAPI document, no data)
 * and `/api/health` (public by design, answers only whether the database is up).
 */
export function isCoveredElsewhere(method: string, url: string): boolean {
  return (
    method === 'HEAD' ||
    method === 'OPTIONS' ||
    url === DOCS_PREFIX ||
    url.startsWith(`${DOCS_PREFIX}/`) ||
    url === '/api/health'
  );
}

/** A route's key: `METHOD /path`, without a trailing slash (a prefix's `/` route is both). */
export function routeKey(method: string, url: string): string {
  const path = url.length > 1 && url.endsWith('/') ? url.slice(0, -1) : url;
  return `${method} ${path}`;
}

export interface WorldApp {
  readonly app: App;
  /** Every `METHOD /path` the app serves that needs an entry; complete after `ready()`. */
  readonly routes: ReadonlySet<string>;
}

/** The whole API (`registerApi`), with the routes it registers collected as it registers them. */
export function buildWorldApp(world: World): WorldApp {
  const app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  const routes = new Set<string>();
  // Before any feature: plugins register their routes later, at `ready()`, and inherit the hook.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (!isCoveredElsewhere(method, route.url)) routes.add(routeKey(method, route.url));
    }
  });
  registerApi(app, {
    db: world.db,
    now: world.now,
    // Log-in and redeem run once per actor here and many times in the fuzzing.
    loginRateLimit: { max: 1_000_000, timeWindow: '1 minute' },
  });
  return { app, routes };
}

// ---------------------------------------------------------------- sending a request

/** The route's method, as `app.inject` takes it. */
export function methodOf(route: string): InjectOptions['method'] & string {
  return route.slice(0, route.indexOf(' ')) as InjectOptions['method'] & string;
}

export function pathOf(route: string): string {
  return route.slice(route.indexOf(' ') + 1);
}

export function isWrite(route: string): boolean {
  return ['POST', 'PUT', 'PATCH', 'DELETE'].includes(methodOf(route));
}

/** The path's `:param` names, in order. */
export function paramNames(route: string): string[] {
  return [...pathOf(route).matchAll(/:([A-Za-z0-9_]+)/gu)].map((match) => match[1] ?? '');
}

/** The URL for `route` with `params` put in (already encoded by the caller if need be). */
export function urlFor(
  route: string,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, string>> = {},
): string {
  const path = pathOf(route).replace(/:([A-Za-z0-9_]+)/gu, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return value;
  });
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

/** The actor the fuzzing writes as: one whose request the route accepts. */
export function writerOf(entry: RouteEntry): Actor {
  if (entry.fuzzAs !== undefined) return entry.fuzzAs;
  const order: readonly Actor[] = ['clinicianOfA', 'admin', 'patientA', 'patientB', 'anonymous'];
  const writer = order.find((actor) => entry.expect[actor] >= 200 && entry.expect[actor] < 300);
  if (writer === undefined) throw new Error(`${entry.route}: nobody may write; set fuzzAs`);
  return writer;
}

// ---------------------------------------------------------------- the table

const ALL_SIGNED_IN = {
  patientA: 200,
  patientB: 200,
  clinicianOfA: 200,
  clinicianOfOtherClinic: 200,
  admin: 200,
} as const;

/** A strong new secret for a redeemed invitation. */
const NEW_PATIENT_PASSWORD = 'gentle-stretches-every-morning';

/** A strong password nobody uses yet, for new and reset accounts. */
function newPassword(): string {
  return `walk-${randomUUID().slice(0, 8)}-each-day`;
}

/** The repository's example ODI Questionnaire (placeholder wording) for a clinic to import. */
const odiQuestionnaire = JSON.parse(
  readFileSync(new URL('../../../../examples/questionnaire-odi.json', import.meta.url), 'utf8'),
) as unknown;

/** Staff only (clinicians and administrators), reading their own clinic. */
const STAFF_READ = {
  anonymous: 401,
  patientA: 403,
  patientB: 403,
  clinicianOfA: 200,
  clinicianOfOtherClinic: 200,
  admin: 200,
} as const;

/** Clinic A's staff read patient A's record; the other clinic finds nothing. */
const CLINIC_A_STAFF_READ = { ...STAFF_READ, clinicianOfOtherClinic: 404 } as const;

/** Administrators only; to anyone else the route is forbidden (there is no record to hide). */
const ADMIN_ONLY = (status: number) =>
  ({
    anonymous: 401,
    patientA: 403,
    patientB: 403,
    clinicianOfA: 403,
    clinicianOfOtherClinic: 403,
    admin: status,
  }) as const;

/** Clinicians only, writing patient A's record: the other clinic finds nothing. */
const CLINIC_A_CLINICIAN_WRITE = (status: number) =>
  ({
    anonymous: 401,
    patientA: 403,
    patientB: 403,
    clinicianOfA: status,
    clinicianOfOtherClinic: 404,
    admin: 403,
  }) as const;

/** The signed-in patient's own settings: each patient has theirs; staff have none. */
const PATIENTS_OWN = (status: number) =>
  ({
    anonymous: 401,
    patientA: status,
    patientB: status,
    clinicianOfA: 403,
    clinicianOfOtherClinic: 403,
    admin: 403,
  }) as const;

export const routeMatrix: readonly RouteEntry[] = [
  // ------------------------------------------------------------ session
  {
    route: 'POST /api/session',
    public: true,
    csrf: false,
    request: async (w) => {
      // Fuzzing guesses wrong passwords: start each request unlocked.
      await w.restoreSecret('clinicianOfA');
      return { body: { email: w.clinicA.clinicianEmail, password: w.clinicA.clinicianPassword } };
    },
    // Anyone may log in (again): the credentials decide, not who is signed in.
    expect: { anonymous: 200, ...ALL_SIGNED_IN },
    fuzzAs: 'anonymous',
  },
  {
    route: 'GET /api/session',
    expect: { anonymous: 401, ...ALL_SIGNED_IN },
  },
  {
    route: 'POST /api/session/password',
    // Everyone may change their own; the world's password is put back first, so later cells
    // (and log-in) still know it.
    request: async (w, actor) => {
      await w.restoreSecret(actor);
      return { body: { current: w.secretOf(actor), next: newPassword(), kind: 'password' } };
    },
    expect: {
      anonymous: 401,
      patientA: 204,
      patientB: 204,
      clinicianOfA: 204,
      clinicianOfOtherClinic: 204,
      admin: 204,
    },
    // It signs the user out elsewhere: as patient B, whom no other fuzzed route writes as.
    fuzzAs: 'patientB',
  },
  {
    route: 'DELETE /api/session',
    expect: {
      anonymous: 401,
      patientA: 204,
      patientB: 204,
      clinicianOfA: 204,
      clinicianOfOtherClinic: 204,
      admin: 204,
    },
  },

  // ------------------------------------------------------------ patients
  {
    route: 'GET /api/patients',
    // Each clinic's staff see their own clinic's list; patients have no list.
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 200,
      clinicianOfOtherClinic: 200,
      admin: 200,
    },
  },
  {
    route: 'POST /api/patients',
    request: (w) => ({
      body: { displayName: 'Chris Newcomer', clinicianId: w.clinicA.clinicianId },
    }),
    // A patient for clinic A's clinician: only they or clinic A's admin may add one; the other
    // clinic's clinician may not name a clinician (of any clinic) but themself.
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 201,
      clinicianOfOtherClinic: 400,
      admin: 201,
    },
  },
  {
    route: 'GET /api/patients/:patientId',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 404,
      clinicianOfA: 200,
      clinicianOfOtherClinic: 404,
      admin: 200,
    },
  },
  {
    route: 'POST /api/patients/:patientId/episodes',
    request: (w) => ({
      params: { patientId: w.patientA.id },
      body: { region: 'lumbar', condition: 'nonspecific', startedOn: w.today },
    }),
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 201,
      clinicianOfOtherClinic: 404,
      admin: 403,
    },
  },
  {
    route: 'POST /api/patients/:patientId/invitations',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 201,
      clinicianOfOtherClinic: 404,
      admin: 403,
    },
  },
  {
    route: 'POST /api/invitations/redeem',
    public: true,
    csrf: false,
    request: async (w) => ({
      body: {
        code: await w.fresh.invitationCode(),
        secret: NEW_PATIENT_PASSWORD,
        kind: 'password',
        consent: { accepted: true, version: CURRENT_CONSENT_VERSION },
      },
    }),
    // The code is the credential, whoever holds it.
    expect: { anonymous: 200, ...ALL_SIGNED_IN },
    fuzzAs: 'anonymous',
  },

  // ------------------------------------------------------------ patient app
  {
    route: 'GET /api/me/logs',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'GET /api/me/today',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'POST /api/me/logs',
    // Each patient logs their own session, under a new key per request.
    request: (w, actor) => ({
      body: w.logBody(w.patientOf(actor)),
      headers: { 'idempotency-key': randomUUID() },
    }),
    expect: {
      anonymous: 401,
      patientA: 201,
      patientB: 201,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'POST /api/me/check-ins',
    // Each patient checks in for their own latest session day, cleared first (one per day).
    request: async (w, actor) => ({
      body: await freshCheckInBody(w, w.patientOf(actor)),
      headers: { 'idempotency-key': randomUUID() },
    }),
    expect: {
      anonymous: 401,
      patientA: 201,
      patientB: 201,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'POST /api/me/rom',
    // Each patient saves their own measurement, under a new key per request.
    request: (w) => ({
      body: { movement: 'trunkFlexion', degrees: 62.5, measuredAt: w.now().toISOString() },
      headers: { 'idempotency-key': randomUUID() },
    }),
    expect: PATIENTS_OWN(201),
  },
  {
    route: 'GET /api/me/rom',
    expect: PATIENTS_OWN(200),
  },
  {
    route: 'GET /api/me/check-ins',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'GET /api/me/lessons',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'GET /api/me/lessons/:lessonId',
    // The programme's safety lesson: open from the start.
    request: (w, actor) => ({
      params: { lessonId: w.patientOf(actor).programme.requiredLessons[0] ?? '' },
    }),
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'POST /api/me/lessons/:lessonId/progress',
    // Each patient answers the first check question of their own safety lesson (latest kept).
    request: (w, actor) => {
      const lessonId = w.patientOf(actor).programme.requiredLessons[0] ?? '';
      const question = getLesson(lessonId).checkQuestions[0];
      return {
        params: { lessonId },
        body: { answers: question === undefined ? {} : { [question.id]: '0' } },
      };
    },
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'GET /api/me/progress',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },

  // ------------------------------------------------------------ alerts
  {
    route: 'GET /api/alerts',
    request: (w) => ({ query: { state: 'all', patientId: w.patientA.id } }),
    // Scoped by clinic: the other clinic's clinician gets their own (empty) list, not A's.
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 200,
      clinicianOfOtherClinic: 200,
      admin: 200,
    },
  },
  {
    route: 'POST /api/alerts/:alertId/acknowledge',
    request: async (w) => ({ params: { alertId: await w.fresh.alert() } }),
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 200,
      clinicianOfOtherClinic: 404,
      admin: 200,
    },
  },
  {
    route: 'POST /api/alerts/:alertId/resolve',
    request: async (w) => ({ params: { alertId: await w.fresh.alert() } }),
    expect: {
      anonymous: 401,
      patientA: 403,
      patientB: 403,
      clinicianOfA: 200,
      clinicianOfOtherClinic: 404,
      admin: 200,
    },
  },

  // ------------------------------------------------------------ assessments and episodes
  {
    route: 'POST /api/episodes/:episodeId/assessments',
    request: (w) => ({ params: { episodeId: w.patientA.episodeId }, body: w.assessmentBody() }),
    expect: CLINIC_A_CLINICIAN_WRITE(201),
  },
  {
    route: 'GET /api/episodes/:episodeId/assessments',
    request: (w) => ({ params: { episodeId: w.patientA.episodeId } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/assessments/:assessmentId',
    request: (w) => ({ params: { assessmentId: w.patientA.assessmentId } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'POST /api/assessments/:assessmentId/flag-decision',
    // A decision is recorded once: a fresh emergency screen per request.
    request: async (w) => ({
      params: { assessmentId: (await w.fresh.assessment({ flagged: true })).assessmentId },
      body: { decision: 'referred', reason: 'Referred the same day to the emergency department.' },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'POST /api/red-flag-screen',
    request: (w) => ({
      body: { region: 'lumbar', findings: w.assessmentBody().redFlags.findings },
    }),
    // Nothing about a patient is read or stored: any clinic's staff may screen.
    expect: STAFF_READ,
  },
  {
    route: 'PATCH /api/episodes/:episodeId',
    // A discharge is final: a fresh episode of patient A per request.
    request: async (w) => ({
      params: { episodeId: await w.fresh.episode() },
      body: {
        status: 'discharged',
        dischargedOn: w.today,
        dischargeSummary: 'Goals met; continuing the home programme on their own.',
      },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'GET /api/instruments',
    expect: STAFF_READ,
  },
  {
    route: 'PUT /api/instruments/:instrument/questionnaire',
    request: () => ({ params: { instrument: 'odi' }, body: odiQuestionnaire }),
    expect: ADMIN_ONLY(200),
  },

  // ------------------------------------------------------------ caseload
  {
    route: 'GET /api/caseload',
    expect: STAFF_READ,
  },

  // ------------------------------------------------------------ exercises
  {
    route: 'GET /api/exercises',
    request: (w) => ({ query: { q: 'bridge', patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/exercises/:exerciseId',
    request: () => ({ params: { exerciseId: 'abdominal-bracing' } }),
    expect: STAFF_READ,
  },

  // ------------------------------------------------------------ notes
  {
    route: 'GET /api/passive-treatments',
    request: () => ({ query: { region: 'lumbar' } }),
    expect: STAFF_READ,
  },
  {
    route: 'POST /api/patients/:patientId/notes',
    request: (w) => ({
      params: { patientId: w.patientA.id },
      body: {
        episodeId: w.patientA.episodeId,
        visitOn: w.today,
        subjective: 'Pain 3/10, walking further.',
        objective: 'Full lumbar flexion.',
        assessment: 'Improving.',
        plan: 'Progress the programme.',
        passiveTreatments: [
          { modality: 'Soft-tissue massage', details: 'Ten minutes, lumbar paraspinals.' },
        ],
      },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(201),
  },
  {
    route: 'GET /api/patients/:patientId/notes',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/notes/:noteId',
    request: async (w) => ({ params: { noteId: await w.fresh.note() } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'PATCH /api/notes/:noteId',
    request: async (w) => ({
      params: { noteId: await w.fresh.note() },
      body: { plan: 'Review in one week instead.' },
    }),
    // Only the note's author (clinic A's clinician) may amend it; the admin may not.
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },

  // ------------------------------------------------------------ users (administrators)
  {
    route: 'GET /api/users',
    expect: ADMIN_ONLY(200),
  },
  {
    route: 'GET /api/staff',
    expect: STAFF_READ,
  },
  {
    route: 'POST /api/users',
    request: () => ({
      body: {
        role: 'clinician',
        email: `new-${randomUUID().slice(0, 8)}@example.org`,
        displayName: 'Lee Newstart',
        password: newPassword(),
      },
    }),
    expect: ADMIN_ONLY(201),
  },
  {
    route: 'PATCH /api/users/:userId',
    // A throwaway clinician, so a change never touches an actor's account.
    request: async (w) => ({
      params: { userId: await w.fresh.user('clinician') },
      body: { displayName: 'Jo Renamed' },
    }),
    expect: ADMIN_ONLY(200),
  },
  {
    route: 'POST /api/users/:userId/password',
    request: async (w) => ({
      params: { userId: await w.fresh.user('clinician') },
      body: { password: newPassword() },
    }),
    expect: ADMIN_ONLY(200),
  },
  {
    route: 'PATCH /api/patients/:patientId/clinician',
    // Patient A stays with clinic A's clinician (the only one), so nothing else changes.
    request: (w) => ({
      params: { patientId: w.patientA.id },
      body: { clinicianId: w.clinicA.clinicianId },
    }),
    expect: ADMIN_ONLY(200),
  },

  // ------------------------------------------------------------ programmes and progression
  {
    route: 'POST /api/episodes/:episodeId/programmes',
    // A new programme (status generated) in patient A's episode: the active one is untouched.
    request: (w) => ({
      params: { episodeId: w.patientA.episodeId },
      body: { minutesPerDay: 20, condition: w.patientA.condition },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(201),
  },
  {
    route: 'GET /api/episodes/:episodeId/programmes',
    request: (w) => ({ params: { episodeId: w.patientA.episodeId } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/programmes/:programmeId',
    request: (w) => ({ params: { programmeId: w.patientA.programmeId } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/programmes/:programmeId/versions/:version',
    request: (w) => ({ params: { programmeId: w.patientA.programmeId, version: '1' } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'PUT /api/programmes/:programmeId',
    // Version 1 of a fresh generated programme, sent back unchanged as version 2.
    request: async (w) => ({
      params: { programmeId: (await w.fresh.programme('generated')).programmeId },
      body: {
        baseVersion: 1,
        content: w.patientA.programme,
        changeReason: 'Reviewed with the patient; no change to the doses.',
      },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/approve',
    request: async (w) => ({
      params: { programmeId: (await w.fresh.programme('generated')).programmeId },
      body: { version: 1 },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'POST /api/programmes/:programmeId/archive',
    request: async (w) => ({
      params: { programmeId: (await w.fresh.programme('generated')).programmeId },
      body: { reason: 'Replaced by a programme generated after the reassessment.' },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'GET /api/programmes/:programmeId/progression',
    request: (w) => ({ params: { programmeId: w.patientA.programmeId } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'POST /api/progression-decisions/:decisionId/accept',
    request: async (w) => ({
      params: { decisionId: (await w.fresh.progressionDecision()).decisionId },
      body: { reason: 'Agreed with the patient at today’s visit.' },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  {
    route: 'POST /api/progression-decisions/:decisionId/reject',
    request: async (w) => ({
      params: { decisionId: (await w.fresh.progressionDecision()).decisionId },
      body: { reason: 'Flare-up last week; keep the current dose for now.' },
    }),
    expect: CLINIC_A_CLINICIAN_WRITE(200),
  },
  // ---------------------------------------------------------------- the patient chart
  {
    route: 'GET /api/patients/:patientId/logs',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/patients/:patientId/timeline',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'GET /api/patients/:patientId/rom',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  // ---------------------------------------------------------------- questionnaires on the phone
  {
    route: 'POST /api/episodes/:episodeId/questionnaire-requests',
    request: (w) => ({
      params: { episodeId: w.patientA.episodeId },
      body: { instruments: ['nprs', 'odi'], message: 'Before our next visit, please.' },
    }),
    expect: { ...CLINIC_A_CLINICIAN_WRITE(201), admin: 201 },
  },
  {
    route: 'GET /api/patients/:patientId/questionnaire-requests',
    request: (w) => ({ params: { patientId: w.patientA.id } }),
    expect: CLINIC_A_STAFF_READ,
  },
  {
    route: 'POST /api/questionnaire-requests/:requestId/cancel',
    request: async (w) => ({ params: { requestId: await freshQuestionnaireRequest(w) } }),
    expect: { ...CLINIC_A_CLINICIAN_WRITE(200), admin: 200 },
  },
  {
    route: 'GET /api/me/questionnaires',
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 200,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },
  {
    route: 'POST /api/me/questionnaires/:requestId',
    // Patient A's own request, fresh each time: patient B finds nothing.
    request: async (w) => ({
      params: { requestId: await freshQuestionnaireRequest(w) },
      body: NPRS_ANSWERS,
    }),
    expect: {
      anonymous: 401,
      patientA: 200,
      patientB: 404,
      clinicianOfA: 403,
      clinicianOfOtherClinic: 403,
      admin: 403,
    },
  },

  // ------------------------------------------------------------ reminders and calendar
  {
    route: 'GET /api/me/reminders',
    expect: PATIENTS_OWN(200),
  },
  {
    route: 'PUT /api/me/reminders',
    request: () => ({ body: { times: ['08:00'], timeZone: 'Europe/London' } }),
    expect: PATIENTS_OWN(200),
  },
  {
    route: 'GET /api/push/public-key',
    expect: PATIENTS_OWN(200),
  },
  {
    route: 'POST /api/me/push-subscriptions',
    // A new device each time, so no cell takes over another's.
    request: () => ({
      body: {
        endpoint: `https://push.example.test/${randomUUID()}`,
        expirationTime: null,
        keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA', auth: 'tBHItJI5svbpez7KI4CCXg' },
      },
    }),
    expect: PATIENTS_OWN(204),
  },
  {
    route: 'DELETE /api/me/push-subscriptions',
    request: () => ({ body: { endpoint: 'https://push.example.test/a-device-gone-by' } }),
    expect: PATIENTS_OWN(204),
  },
  {
    route: 'POST /api/me/calendar-link',
    expect: PATIENTS_OWN(201),
  },
  {
    route: 'DELETE /api/me/calendar-link',
    expect: PATIENTS_OWN(204),
  },
  {
    route: 'GET /api/me/calendar.ics',
    expect: PATIENTS_OWN(200),
  },
  {
    route: 'GET /api/calendar/:token.ics',
    public: true,
    // The secret in the address is the credential, whoever holds it (a calendar app).
    request: async (w) => ({ params: { token: await freshCalendarToken(w) } }),
    expect: { anonymous: 200, ...ALL_SIGNED_IN },
  },
];
